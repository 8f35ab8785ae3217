// How an account is reached by reminders (docs/reminders.md): its e-mail, its phone, the channel it
// prefers and the language of its messages. One definition for the forms, the API and the bulk list.

export const REMINDER_CHANNELS = ["email", "webhook", "none"] as const;
/** "none": no reminders; null: the first channel the deployment has that the account can be reached by. */
export type ReminderChannel = (typeof REMINDER_CHANNELS)[number];

export const LANGUAGES = ["vi", "en"] as const;
export type AccountLanguage = (typeof LANGUAGES)[number];

/** A plain address: something@domain.tld, no spaces, no display name. */
export const EMAIL = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;
export const EMAIL_MAX = 254;
/** Digits with an optional leading +, spaces, dots and dashes between them. */
export const PHONE = /^\+?[0-9 .-]{8,20}$/;
