import { EMAIL, EMAIL_MAX, PHONE, REMINDER_CHANNELS, type ReminderChannel } from "../domain/contacts.ts";
import { vietnamDate } from "../domain/dates.ts";
import { bindingProblem, ROLES, type Role, type User } from "../domain/roles.ts";
import { codeAsWritten } from "../domain/unit-codes.ts";
import { foldText } from "../domain/unit-names.ts";
import { type Table, tableRows } from "../imports/read-table.ts";
import { vi } from "../messages/vi.ts";
import type { Store } from "../store/store.ts";
import { managesUnit } from "./account-scope.ts";

/** The columns of a list of accounts (Người dùng → Nhập danh sách), named in English or Vietnamese. */
export const ACCOUNT_COLUMNS = [
  "username",
  "role",
  "unit_code",
  "full_name",
  "phone",
  "email",
  "channel",
] as const;
type AccountColumn = (typeof ACCOUNT_COLUMNS)[number];

const HEADERS: Record<AccountColumn, string[]> = {
  username: ["username", "user name", "ten dang nhap", "tai khoan"],
  role: ["role", "vai tro"],
  unit_code: ["unit code", "unit_code", "ma don vi", "ma"],
  full_name: ["full name", "full_name", "name", "ho va ten", "ho ten"],
  phone: ["phone", "so dien thoai", "dien thoai", "sdt"],
  email: ["email", "e-mail", "thu dien tu", "dia chi thu dien tu"],
  channel: ["channel", "reminder channel", "kenh nhac", "kenh nhan nhac"],
};

/** A reminder channel by its code or its Vietnamese name ("Thư điện tử", "Tin nhắn", "Không nhắc"). */
const CHANNEL_OF = new Map<string, ReminderChannel>(
  REMINDER_CHANNELS.flatMap((channel) => [
    [channel, channel],
    [foldText(vi.reminderChannels[channel]), channel],
  ]),
);
const HEADER_OF = new Map(
  Object.entries(HEADERS).flatMap(([column, names]) => names.map((name) => [foldText(name), column])),
);

/** A role by its code or its Vietnamese name ("Công an", "cong an", "police"). */
const ROLE_OF = new Map<string, Role>(
  ROLES.flatMap((role) => [
    [role, role],
    [foldText(vi.roles[role]), role],
  ]),
);
ROLE_OF.set("quan tri vien", "admin");
ROLE_OF.set("doan vien", "youth");
ROLE_OF.set("nguoi xem", "viewer");

/** The most rows one list may have: every commune of the country, and its officers. */
export const MAX_ACCOUNTS = 5_000;

export interface AccountRow {
  row: number;
  username: string;
  role: string;
  unitId: string | null;
  unitName: string | null;
  fullName: string | null;
  phone: string | null;
  email: string | null;
  reminderChannel: ReminderChannel | null;
  errors: { field: string; value: unknown; message: string }[];
}

export class BadAccountList extends Error {
  constructor(
    message: string,
    readonly details: { field: string; value: unknown; message: string }[],
  ) {
    super(message);
  }
}

const text = (cell: unknown) => (cell === null || cell === undefined ? "" : String(cell).trim());

/**
 * Every row of the list with what is wrong with it, checked as the single account form checks one
 * account (docs/accounts.md): a username free in the deployment and unique in the list, a known role,
 * a unit of the area today that the role can be bound to and that `admin` manages, a name of
 * reasonable length, a phone and an e-mail that are ones, a reminder channel the account can be reached by. Codes written as numbers get their leading zeros back.
 */
export async function planAccountList(
  store: Store,
  table: Table,
  admin: User,
  now: () => number,
): Promise<AccountRow[]> {
  const index: Partial<Record<AccountColumn, number>> = {};
  table.header.forEach((cell, i) => {
    const column = HEADER_OF.get(foldText(String(cell))) as AccountColumn | undefined;
    if (column && index[column] === undefined) index[column] = i;
  });
  const missing = (["username", "role"] as const).filter((column) => index[column] === undefined);
  if (missing.length > 0) {
    throw new BadAccountList(`The list has no column ${missing.join(", ")}.`, [
      { field: "header", value: table.header, message: `needs the columns ${missing.join(", ")}` },
    ]);
  }
  if (table.lines.length === 0) {
    throw new BadAccountList("The list has a header but no account.", [
      { field: "file", value: null, message: "has no row" },
    ]);
  }
  if (table.lines.length > MAX_ACCOUNTS) {
    throw new BadAccountList(`The list has ${table.lines.length} rows; at most ${MAX_ACCOUNTS} are read.`, [
      { field: "file", value: table.lines.length, message: `has more than ${MAX_ACCOUNTS} rows` },
    ]);
  }
  const tree = (await store.unitHistory()).treeOn(vietnamDate(now()));
  const taken = new Set((await store.listUsers()).map((user) => user.username.toLowerCase()));
  const seen = new Map<string, number>();
  const cell = (cells: unknown[], column: AccountColumn) => {
    const at = index[column];
    return at === undefined ? "" : text(cells[at]);
  };
  return tableRows(table).map(({ line, cells }) => {
    const errors: AccountRow["errors"] = [];
    const wrong = (field: string, value: unknown, message: string) => errors.push({ field, value, message });
    const username = cell(cells, "username");
    const roleText = cell(cells, "role");
    const role = ROLE_OF.get(foldText(roleText));
    const written = cell(cells, "unit_code");
    const unitId = written ? codeAsWritten(written, (code) => tree.get(code) !== undefined) : null;
    const unit = unitId ? tree.get(unitId) : undefined;
    const fullName = cell(cells, "full_name") || null;
    const phone = cell(cells, "phone") || null;
    const email = cell(cells, "email") || null;
    const channelText = cell(cells, "channel");
    const reminderChannel = channelText ? (CHANNEL_OF.get(foldText(channelText)) ?? null) : null;

    if (!/^[a-zA-Z0-9._-]{3,64}$/.test(username)) {
      wrong("username", username, "must be 3 to 64 letters, digits, dots, dashes or underscores");
    } else if (taken.has(username.toLowerCase())) {
      wrong("username", username, "is taken");
    } else if (seen.has(username.toLowerCase())) {
      wrong("username", username, `is also on row ${seen.get(username.toLowerCase())}`);
    }
    seen.set(username.toLowerCase(), seen.get(username.toLowerCase()) ?? line);
    if (!role) wrong("role", roleText, `must be one of ${ROLES.join(", ")} (or its Vietnamese name)`);
    if (role === "commune" && !unitId) wrong("unit_code", null, "a commune account needs its commune's code");
    if (role && unitId) {
      const problem = bindingProblem(role, unitId, unit);
      if (problem) wrong("unit_code", unitId, problem);
      else if (!managesUnit(admin, unitId, now))
        wrong("unit_code", unitId, "is outside the units you manage");
    }
    if (role && !unitId && !managesUnit(admin, null, now)) {
      wrong("unit_code", null, "is needed: you manage the accounts of your unit only");
    }
    if (fullName && [...fullName].length > 100)
      wrong("full_name", fullName, "must be at most 100 characters");
    if (phone && !PHONE.test(phone)) wrong("phone", phone, "must be a phone number");
    if (email && (email.length > EMAIL_MAX || !EMAIL.test(email)))
      wrong("email", email, "must be an e-mail address such as name@congan.gialai.gov.vn");
    if (channelText && !reminderChannel)
      wrong(
        "channel",
        channelText,
        `must be one of ${REMINDER_CHANNELS.join(", ")} (or its Vietnamese name)`,
      );
    if (reminderChannel === "email" && !email) wrong("email", null, "is needed to be reminded by e-mail");
    if (reminderChannel === "webhook" && !phone) wrong("phone", null, "is needed to be reminded by message");
    return {
      row: line,
      username,
      role: role ?? roleText,
      unitId,
      unitName: unit?.name ?? null,
      fullName,
      phone,
      email,
      reminderChannel,
      errors,
    };
  });
}
