import { describe, expect, it } from "vitest";
import { FAST_SCRYPT } from "../../test/testing.ts";
import {
  commonPasswordCount,
  hashPassword,
  OWASP_SCRYPT,
  passwordProblem,
  verifyPassword,
} from "./passwords.ts";

describe("password hashing", () => {
  // Three full-cost hashes: about a second on a quiet machine, far more on a slow or busy one.
  it("uses OWASP's scrypt parameters by default, with a salt per hash", { timeout: 120_000 }, async () => {
    const hash = await hashPassword("đồng lúa chín vàng");
    expect(OWASP_SCRYPT).toEqual({ N: 131_072, r: 8, p: 1 });
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(await verifyPassword("đồng lúa chín vàng", hash)).toBe(true);
    expect(hash).not.toBe(await hashPassword("đồng lúa chín vàng"));
  });

  it("refuses a wrong password and a malformed hash", async () => {
    const hash = await hashPassword("correct horse battery", FAST_SCRYPT);
    expect(await verifyPassword("correct horse batterY", hash)).toBe(false);
    expect(await verifyPassword("correct horse battery", "plain")).toBe(false);
    expect(await verifyPassword("correct horse battery", hash.replace(/\$[^$]+$/, "$AAAA"))).toBe(false);
  });

  it("treats the composed and decomposed spellings of a Vietnamese password as one", async () => {
    const hash = await hashPassword("Tây Sơn 2024!", FAST_SCRYPT);
    expect(await verifyPassword("Tây Sơn 2024!".normalize("NFD"), hash)).toBe(true);
  });
});

describe("password policy", () => {
  it("wants 8 to 128 characters, of any kind", () => {
    expect(passwordProblem("ngắn7")?.code).toBe("PASSWORD_TOO_SHORT");
    expect(passwordProblem("a".repeat(129))?.code).toBe("PASSWORD_TOO_LONG");
    expect(passwordProblem("mật khẩu dài")).toBeNull();
    expect(passwordProblem("ảbcd".repeat(32))).toBeNull();
  });

  it("refuses too few different characters, spaces alone among them", () => {
    expect(passwordProblem("        ")?.code).toBe("PASSWORD_TOO_SIMPLE");
    expect(passwordProblem("aaaaaaaa")?.code).toBe("PASSWORD_TOO_SIMPLE");
    expect(passwordProblem("ab ab ab ab")?.code).toBe("PASSWORD_TOO_SIMPLE");
    expect(passwordProblem("ả".repeat(128))?.code).toBe("PASSWORD_TOO_SIMPLE");
  });

  it("refuses a password made of the place, the product, the username and a year", () => {
    const context = ["lan", "Huyện Tây Sơn", "tay son", "Tỉnh Bình Định", "binh dinh"];
    expect(passwordProblem("tayson2024", context)?.code).toBe("PASSWORD_TOO_PREDICTABLE");
    expect(passwordProblem("Tây Sơn 2024!", context)?.code).toBe("PASSWORD_TOO_PREDICTABLE");
    expect(passwordProblem("vneid2024", context)?.code).toBe("PASSWORD_TOO_PREDICTABLE");
    expect(passwordProblem("binhdinh-lan-2024", context)?.code).toBe("PASSWORD_TOO_PREDICTABLE");
    expect(passwordProblem("đồng lúa Tây Sơn", context)).toBeNull();
    expect(passwordProblem("tayson2024")).toBeNull(); // without the deployment's words it is only long
  });

  it("refuses the most common passwords, whatever their case", () => {
    expect(commonPasswordCount).toBeGreaterThan(5000);
    expect(passwordProblem("password")?.code).toBe("PASSWORD_TOO_COMMON");
    expect(passwordProblem("Qwerty123")?.code).toBe("PASSWORD_TOO_COMMON");
    expect(passwordProblem("12345678")?.code).toBe("PASSWORD_TOO_COMMON");
  });
});
