import { resolve } from "node:path";
import { z } from "zod";
import type { ChannelConfig } from "./reminders/channels.ts";
import { POSTGRES_URL } from "./store/sql/sql.ts";

/** The repository root, so that default paths do not depend on the directory the server is started from. */
export const PROJECT_ROOT = resolve(import.meta.dirname, "../..");

const booleanFlag = z
  .enum(["true", "false", "1", "0"], { message: "must be true or false" })
  .transform((value) => value === "true" || value === "1");

/** A variable that may be unset; empty reads as unset (NAME= in a service file). */
const optional = <T extends z.ZodType>(type: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), type.optional());

const schema = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
    HOST: z.string().min(1).default("127.0.0.1"),
    DATABASE_PATH: z.string().min(1).default("data/tracker.db"),
    // Empty reads as unset: DATABASE_URL= in a service file means the SQLite file.
    DATABASE_URL: z.preprocess(
      (value) => (value === "" ? undefined : value),
      z
        .string()
        .regex(POSTGRES_URL, "must be a PostgreSQL URL such as postgres://user:password@host:5432/vneid")
        .optional(),
    ),
    WORKERS: z.coerce.number().int().min(1).max(64).default(1),
    HOME_UNIT: z
      .string()
      .regex(/^(\d+|VN)$/, "must be an official unit code such as 547, or VN for the whole country")
      .optional(),
    // true is the Tây Sơn 2024 demo; false starts empty (the area is chosen from the web).
    DEMO_DATA: z
      .enum(["true", "false", "1", "0", "tay-son-2024", "tay-son-2025", "gia-lai-2025"], {
        message: "must be true, false, tay-son-2024, tay-son-2025 or gia-lai-2025",
      })
      .transform(
        (value): DemoData =>
          value === "true" || value === "1"
            ? "tay-son-2024"
            : value === "false" || value === "0"
              ? null
              : value,
      )
      .default("tay-son-2024"),
    PUBLIC_DASHBOARD: booleanFlag.default(true),
    COOKIE_SECURE: booleanFlag.default(false),
    // The number of proxies in front of the server; "true" (one proxy) and "false" (none) read as before.
    TRUST_PROXY: z
      .string()
      .regex(/^(true|false|\d{1,2})$/, "must be the number of proxies in front of the server (0, 1, 2…)")
      .transform((value) => (value === "true" ? 1 : value === "false" ? 0 : Number(value)))
      .default(0),
    // For development and the tests: every answer checked against its route's contract (docs/api.md).
    CHECK_ANSWERS: booleanFlag.default(false),
    // Reminders (docs/reminders.md): the app's address as people open it, for the links in messages.
    PUBLIC_URL: optional(
      z.url({
        protocol: /^https?$/,
        message: "must be the app's address, such as https://vneid.gialai.gov.vn",
      }),
    ),
    SMTP_URL: optional(
      z.string().regex(/^smtps?:\/\/./, "must be an SMTP URL such as smtp://user:password@mail.example:587"),
    ),
    MAIL_FROM: optional(z.string().max(200)),
    REMINDER_WEBHOOK_URL: optional(z.url({ protocol: /^https?$/, message: "must be an http(s) URL" })),
    REMINDER_WEBHOOK_SECRET: optional(z.string().min(16, "must be at least 16 characters")),
  })
  .superRefine((values, context) => {
    // An unsigned webhook would let anyone who finds the relay's address send messages in our name.
    if (values.REMINDER_WEBHOOK_URL && !values.REMINDER_WEBHOOK_SECRET)
      context.addIssue({
        code: "custom",
        path: ["REMINDER_WEBHOOK_SECRET"],
        message: "must be set with REMINDER_WEBHOOK_URL: the webhook's messages are signed with it",
      });
  });

/**
 * Tây Sơn in 2024 (the directive's campaign), or the same then the 2025 reorganisation and a linking
 * campaign; or a province: the new Gia Lai's 135 communes in the autumn of 2025.
 */
export type DemoData = "tay-son-2024" | "tay-son-2025" | "gia-lai-2025" | null;

export interface Config {
  port: number;
  host: string;
  /** Absolute path of the SQLite file (used when there is no databaseUrl). */
  databasePath: string;
  /** The PostgreSQL server to use instead of the SQLite file. */
  databaseUrl: string | null;
  /** Server processes that npm run serve starts on the one port (several need PostgreSQL or share one SQLite file). */
  workers: number;
  /**
   * The area at start-up: an empty database without demo data is set up with this unit of the
   * catalogue; afterwards the area chosen from the web (Settings) stands.
   */
  homeUnit: string | null;
  /** The demo an empty database is filled with; null: none (the area is chosen from the web). */
  demoData: DemoData;
  /** Reading aggregated figures needs no login. */
  publicDashboard: boolean;
  /** Served over HTTPS: Secure + __Host- cookie, HSTS. */
  cookieSecure: boolean;
  /** Proxies in front of the server: the client address is taken this many hops from the right of X-Forwarded-For (0: the socket's). */
  trustProxy: number;
  /** Check every answer against its route's contract, turning one that differs into a 500 (development, tests). */
  checkAnswers: boolean;
  /** The app's address as people open it (links in reminders); by default http://HOST:PORT. */
  publicUrl: string;
  /** How reminders are sent (docs/reminders.md): e-mail over SMTP and a signed webhook, each optional. */
  channels: ChannelConfig;
  /** Where the built web app is served from. */
  webDist: string;
  /** Where the committed datasets live. */
  dataDir: string;
}

/** The only reader of process.env: parses it once and fails with every bad variable named. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      return `${name}=${JSON.stringify(env[name])}: ${issue.message}`;
    });
    throw new Error(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  const values = parsed.data;
  return {
    port: values.PORT,
    host: values.HOST,
    databasePath: resolve(PROJECT_ROOT, values.DATABASE_PATH),
    databaseUrl: values.DATABASE_URL ?? null,
    workers: values.WORKERS,
    homeUnit: values.HOME_UNIT ?? null,
    demoData: values.DEMO_DATA,
    publicDashboard: values.PUBLIC_DASHBOARD,
    cookieSecure: values.COOKIE_SECURE,
    trustProxy: values.TRUST_PROXY,
    checkAnswers: values.CHECK_ANSWERS,
    publicUrl: (values.PUBLIC_URL ?? `http://${values.HOST}:${values.PORT}`).replace(/\/+$/, ""),
    channels: {
      smtpUrl: values.SMTP_URL ?? null,
      mailFrom: values.MAIL_FROM ?? null,
      webhookUrl: values.REMINDER_WEBHOOK_URL ?? null,
      webhookSecret: values.REMINDER_WEBHOOK_SECRET ?? null,
    },
    webDist: resolve(PROJECT_ROOT, "web/dist"),
    dataDir: resolve(PROJECT_ROOT, "data"),
  };
}

/** Where the store lives: the PostgreSQL URL, else the SQLite file. */
export const databaseLocation = (config: Pick<Config, "databasePath" | "databaseUrl">) =>
  config.databaseUrl ?? config.databasePath;

/** The database as a log line may show it: a URL without its password. */
export function databaseLabel(config: Pick<Config, "databasePath" | "databaseUrl">): string {
  if (!config.databaseUrl) return config.databasePath;
  const url = new URL(config.databaseUrl);
  if (url.password) url.password = "***";
  return url.toString();
}
