import { createHash, randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";

/** TOTP as authenticator apps use it (RFC 6238): SHA-1, 6 digits, 30 s; a code of the step before or after is accepted. */
const PERIOD_S = 30;
const WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;

const totp = (secret: string, username = "") =>
  new TOTP({
    issuer: "VNeID mức 2",
    label: username,
    algorithm: "SHA1",
    digits: 6,
    period: PERIOD_S,
    secret: Secret.fromBase32(secret),
  });

/** A new secret (160 bits, base32), its otpauth:// address and that address as a QR code (SVG). */
export async function newSecondFactor(username: string) {
  const secret = new Secret({ size: 20 }).base32;
  const otpauthUrl = totp(secret, username).toString();
  const qrSvg = await QRCode.toString(otpauthUrl, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { secret, otpauthUrl, qrSvg };
}

/** The time step a code belongs to when it is right for `secret` at `nowMs`, else null. */
export function codeStep(secret: string, code: string, nowMs: number): number | null {
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totp(secret).validate({ token, timestamp: nowMs, window: WINDOW });
  return delta === null ? null : Math.floor(nowMs / 1000 / PERIOD_S) + delta;
}

/** The current code of `secret` (the tests and the CLI compute it as an authenticator app would). */
export const currentCode = (secret: string, nowMs: number) => totp(secret).generate({ timestamp: nowMs });

/** Ten recovery codes, each 10 base32 characters (50 bits) written as two groups: "K7QF2-MX4TA". */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const code = new Secret({ size: 7 }).base32.slice(0, 10);
    return `${code.slice(0, 5)}-${code.slice(5)}`;
  });
}

/**
 * How a recovery code is kept: random codes of 50 bits need no slow hash (nothing to guess from a
 * dictionary), and a plain digest lets the database find one by its hash.
 */
export const recoveryCodeHash = (code: string) =>
  createHash("sha256")
    .update(code.toUpperCase().replace(/[^A-Z2-7]/g, ""))
    .digest("hex");

/** A one-time password for an account made from a list: 4 groups of 4 letters and digits (about 80 bits). */
export function oneTimePassword(): string {
  const alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join("")).join("-");
}
