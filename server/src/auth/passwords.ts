import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";
import { dictionary } from "@zxcvbn-ts/language-common";
import { foldText } from "../domain/unit-names.ts";
import type { Store } from "../store/store.ts";

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

/** Words anyone guessing a password here tries first, besides the deployment's place names and the user's name. */
const PRODUCT_WORDS = ["vneid", "dinhdanh", "dinh danh", "admin", "password", "congan", "cong an"];

/** Lower case, no diacritics, letters and digits only: "Tây Sơn 2024" → "tayson2024". */
const squeeze = (text: string) => foldText(text).replace(/[^a-z0-9]/g, "");

/**
 * Why a new password is refused (a message code and its English text), or null when it is
 * acceptable. `context` holds the words of this deployment and user (the username, unit names):
 * a password made only of them, the product's words and digits ("tayson2024") is predictable.
 */
export function passwordProblem(
  password: string,
  context: readonly string[] = [],
): { code: string; message: string } | null {
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
  if (new Set(foldText(password).replace(/\s/g, "")).size < 4) {
    return {
      code: "PASSWORD_TOO_SIMPLE",
      message: "The password repeats too few characters (at least 4 different ones, not counting spaces).",
    };
  }
  let rest = squeeze(password);
  const words = [...PRODUCT_WORDS, ...context].map(squeeze).filter((word) => word.length >= 3);
  for (const word of words.sort((a, b) => b.length - a.length)) rest = rest.split(word).join("");
  if (rest.replace(/\d/g, "").length < 4) {
    return {
      code: "PASSWORD_TOO_PREDICTABLE",
      message: "The password is made of the place's name, the product's name, the username or a year.",
    };
  }
  return null;
}

const KIND = /^(tinh|thanh pho|huyen|quan|thi xa)\s+/;

/**
 * The words a password of `username` must not be made of: the name, and the names of the
 * deployment's provinces and districts with and without their kind ("Huyện Tây Sơn", "Tây Sơn").
 */
export async function passwordContext(
  store: Pick<Store, "unitHistory">,
  username: string,
): Promise<string[]> {
  const places = (await store.unitHistory()).versions.filter(
    (unit) => unit.kind === "province" || unit.kind === "district",
  );
  return [username, ...places.flatMap((unit) => [unit.name, foldText(unit.name).replace(KIND, "")])];
}
