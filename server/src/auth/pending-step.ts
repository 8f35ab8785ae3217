import type { PendingStep, User } from "../domain/roles.ts";
import { ApiError } from "../errors.ts";
import type { SecuritySettings } from "../store/settings.ts";

/**
 * A signed-in session with a step pending (a one-time password to replace, a second factor its role
 * must use) may only do that step: these paths see the user; every other one sees nobody and answers
 * 403 with the step's code (requireUser).
 */
export const PATHS_WHILE_PENDING = new Set([
  "/api/auth/me",
  "/api/auth/logout",
  "/api/auth/password",
  "/api/auth/totp",
  "/api/auth/totp/confirm",
]);

/** What the user must do first, or null: the password first, then the second factor. */
export async function pendingStep(
  user: User,
  security: () => Promise<SecuritySettings>,
): Promise<PendingStep | null> {
  if (user.mustChangePassword) return "password";
  if (user.secondFactor || (user.role !== "admin" && user.role !== "police")) return null;
  return (await security()).secondFactorRoles.includes(user.role) ? "secondFactor" : null;
}

export function pendingError(step: PendingStep): ApiError {
  return step === "password"
    ? new ApiError(403, "PASSWORD_CHANGE_REQUIRED", "Set your own password before anything else.")
    : new ApiError(
        403,
        "SECOND_FACTOR_ENROLMENT_REQUIRED",
        "Your role signs in with a second factor: enrol an authenticator app before anything else.",
      );
}
