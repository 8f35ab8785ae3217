import { z } from "zod";
import { EMAIL, EMAIL_MAX, LANGUAGES, PHONE, REMINDER_CHANNELS } from "../domain/contacts.ts";

/**
 * An account's name and contacts as the admin (Người dùng) and the person (Tài khoản) edit them:
 * one definition for both routes. Empty text clears a field.
 */
const cleared = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);

export const contactFields = {
  fullName: z.preprocess(cleared, z.string().trim().max(100).nullable()),
  phone: z.preprocess(cleared, z.string().trim().regex(PHONE, "must be a phone number").nullable()),
  email: z.preprocess(
    cleared,
    z
      .string()
      .trim()
      .max(EMAIL_MAX, `must be at most ${EMAIL_MAX} characters`)
      .regex(EMAIL, "must be an e-mail address such as name@congan.gialai.gov.vn")
      .nullable(),
  ),
  reminderChannel: z.enum(REMINDER_CHANNELS).nullable(),
  language: z.enum(LANGUAGES),
};
