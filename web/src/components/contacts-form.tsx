import { type FormEvent, useState } from "react";
import type { User } from "../lib/api.ts";
import { errorText } from "../lib/error-text.ts";
import { useI18n } from "../lib/i18n.tsx";

export type Contacts = Pick<User, "fullName" | "phone" | "email" | "reminderChannel" | "language">;

/**
 * An account's name and the contacts its reminders reach (docs/reminders.md): the person's own
 * (Tài khoản) and an admin's for anyone's (Người dùng). `save` sends the changes.
 */
export function ContactsForm({
  user,
  save,
  pending,
  error,
  saved,
  idPrefix,
}: {
  user: Contacts;
  save: (contacts: Contacts) => void;
  pending: boolean;
  error: unknown;
  saved: boolean;
  /** Keeps the fields' ids apart when a page shows several forms. */
  idPrefix: string;
}) {
  const { t } = useI18n();
  const [fullName, setFullName] = useState(user.fullName ?? "");
  const [email, setEmail] = useState(user.email ?? "");
  const [phone, setPhone] = useState(user.phone ?? "");
  const [channel, setChannel] = useState(user.reminderChannel ?? "");
  const [language, setLanguage] = useState(user.language);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save({
      fullName: fullName.trim() || null,
      email: email.trim() || null,
      phone: phone.trim() || null,
      reminderChannel: channel === "" ? null : (channel as Contacts["reminderChannel"]),
      language,
    });
  };
  const id = (field: string) => `${idPrefix}-${field}`;
  return (
    <form className="form contacts-form" onSubmit={submit}>
      <label htmlFor={id("name")}>{t.admin.fullName}</label>
      <input
        id={id("name")}
        autoComplete="name"
        value={fullName}
        onChange={(e) => setFullName(e.target.value)}
      />
      <label htmlFor={id("email")}>{t.contacts.email}</label>
      <input
        id={id("email")}
        type="email"
        autoComplete="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
      />
      <label htmlFor={id("phone")}>{t.admin.phone}</label>
      <input
        id={id("phone")}
        type="tel"
        autoComplete="tel"
        value={phone}
        onChange={(e) => setPhone(e.target.value)}
      />
      <label htmlFor={id("channel")}>{t.contacts.channel}</label>
      <select id={id("channel")} value={channel} onChange={(e) => setChannel(e.target.value)}>
        <option value="">{t.contacts.channelAny}</option>
        <option value="email">{t.reminderChannels.email}</option>
        <option value="webhook">{t.reminderChannels.webhook}</option>
        <option value="none">{t.reminderChannels.none}</option>
      </select>
      <label htmlFor={id("language")}>{t.contacts.language}</label>
      <select
        id={id("language")}
        value={language}
        onChange={(e) => setLanguage(e.target.value as Contacts["language"])}
      >
        <option value="vi">Tiếng Việt</option>
        <option value="en">English</option>
      </select>
      <div>
        <button type="submit" disabled={pending}>
          {t.common.save}
        </button>{" "}
        {saved && !pending && <span className="muted">{t.contacts.saved}</span>}
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {errorText(error, t)}
        </p>
      ) : null}
    </form>
  );
}
