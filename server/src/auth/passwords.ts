import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";
import { dictionary } from "@zxcvbn-ts/language-common";

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** OWASP's scrypt parameters (N = 2^17, r = 8, p = 1): about 128 MiB and a few hundred ms per hash. */
export const OWASP_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  // scrypt needs 128 × N × r bytes; maxmem must be set above that explicitly (Node's default is 32 MiB).
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFC"), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** `scrypt$N$r$p$salt$hash` (base64): the parameters travel with the hash, so they can be raised later. */
export async function hashPassword(password: string, params: ScryptParams = OWASP_SCRYPT): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return ["scrypt", params.N, params.r, params.p, salt.toString("base64"), key.toString("base64")].join("$");
}

/** Compares in constant time; false for a malformed stored hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const key = await derive(password, Buffer.from(salt, "base64"), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

const COMMON = new Set(
  (dictionary["passwords-common"] as string[])
    .filter((word) => word.length >= 8)
    .map((word) => word.toLowerCase()),
);
export const commonPasswordCount = COMMON.size;

/** Why a new password is refused (a message code and its English text), or null when it is acceptable. */
export function passwordProblem(password: string): { code: string; message: string } | null {
  const length = [...password].length;
  if (length < 8)
    return {
      code: "PASSWORD_TOO_SHORT",
      message: `The password has ${length} characters; at least 8 are needed.`,
    };
  if (length > 128)
    return {
      code: "PASSWORD_TOO_LONG",
      message: `The password has ${length} characters; at most 128 are allowed.`,
    };
  if (COMMON.has(password.toLowerCase())) {
    return {
      code: "PASSWORD_TOO_COMMON",
      message: "This password is on the list of the most common passwords.",
    };
  }
  return null;
}
