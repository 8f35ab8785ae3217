import { describe, expect, it } from "vitest";
import { databaseLabel, databaseLocation, loadConfig, PROJECT_ROOT } from "./config.ts";

describe("loadConfig", () => {
  it("has working defaults", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, host: "127.0.0.1", homeUnit: null, demoData: "tay-son-2024" });
    expect(config.databasePath).toBe(`${PROJECT_ROOT}/data/tracker.db`);
  });

  it("reads every variable", () => {
    const config = loadConfig({
      PORT: "8080",
      HOST: "0.0.0.0",
      DATABASE_PATH: "/srv/t.db",
      HOME_UNIT: "52",
      DEMO_DATA: "false",
      DATABASE_URL: "postgres://vneid:secret@db:5432/vneid",
      WORKERS: "3",
    });
    expect(config).toMatchObject({
      port: 8080,
      host: "0.0.0.0",
      databasePath: "/srv/t.db",
      databaseUrl: "postgres://vneid:secret@db:5432/vneid",
      workers: 3,
      homeUnit: "52",
      demoData: null,
    });
    expect(loadConfig({ DEMO_DATA: "tay-son-2025" }).demoData).toBe("tay-son-2025");
    expect(loadConfig({ DEMO_DATA: "1" }).demoData).toBe("tay-son-2024");
    expect(databaseLocation(config)).toBe("postgres://vneid:secret@db:5432/vneid");
    expect(databaseLabel(config)).toBe("postgres://vneid:***@db:5432/vneid");
    expect(databaseLocation(loadConfig({}))).toBe(`${PROJECT_ROOT}/data/tracker.db`);
    expect(databaseLocation(loadConfig({ DATABASE_URL: "" }))).toBe(`${PROJECT_ROOT}/data/tracker.db`);
  });

  it("names each bad variable and its value", () => {
    expect(() => loadConfig({ PORT: "eighty", DEMO_DATA: "yes" })).toThrow(
      /PORT="eighty"[\s\S]*DEMO_DATA="yes"/,
    );
    expect(() => loadConfig({ DATABASE_URL: "mysql://db/vneid", WORKERS: "0" })).toThrow(
      /DATABASE_URL="mysql:\/\/db\/vneid"[\s\S]*WORKERS="0"/,
    );
  });

  it("reads the reminders' channels, and refuses an unsigned webhook or a channel that is not one", () => {
    const config = loadConfig({
      SMTP_URL: "smtp://nhacviec:secret@mail.example:587",
      MAIL_FROM: "Công an tỉnh <nhacviec@example.gov.vn>",
      REMINDER_WEBHOOK_URL: "https://relay.example/vneid",
      REMINDER_WEBHOOK_SECRET: "thirty-two characters of secret!",
      PUBLIC_URL: "https://vneid.example.gov.vn/",
    });
    expect(config.channels).toEqual({
      smtpUrl: "smtp://nhacviec:secret@mail.example:587",
      mailFrom: "Công an tỉnh <nhacviec@example.gov.vn>",
      webhookUrl: "https://relay.example/vneid",
      webhookSecret: "thirty-two characters of secret!",
    });
    expect(config.publicUrl).toBe("https://vneid.example.gov.vn");
    expect(loadConfig({ PORT: "8080" }).publicUrl).toBe("http://127.0.0.1:8080");
    expect(() => loadConfig({ REMINDER_WEBHOOK_URL: "https://relay.example/vneid" })).toThrow(
      /REMINDER_WEBHOOK_SECRET=undefined: must be set with REMINDER_WEBHOOK_URL/,
    );
    expect(() => loadConfig({ SMTP_URL: "mail.example:25" })).toThrow(
      /SMTP_URL="mail.example:25": must be an SMTP URL/,
    );
  });
});
