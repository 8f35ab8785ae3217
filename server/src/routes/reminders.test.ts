// Reminders that reach people (docs/reminders.md), on both engines: a real SMTP server and a webhook
// receiver get the messages; each is sent once, also when the channel refuses first, when the call
// is repeated, and with three senders on one database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Receivers } from "../../test/reminder-receivers.ts";
import { startReceivers } from "../../test/reminder-receivers.ts";
import {
  createClock,
  createDemoStore,
  createSharedDemoStores,
  createUser,
  FAST_SCRYPT,
  getJson,
  json,
  postJson,
  signIn,
  TEST_CONFIG,
} from "../../test/testing.ts";
import { createApp } from "../app.ts";
import { channelsFrom } from "../reminders/channels.ts";
import { createReminders, RETRY_AFTER_MS } from "../reminders/reminders.ts";
import type { Store } from "../store/store.ts";

const BINH_THANH = "21823";
const TAY_PHU = "21850";
/** The directive's demo: Xã Bình Thành has not reported weeks 14–16 of 2024; the others have. */
const WEEK = "2024-W14";

let receivers: Receivers;
beforeAll(async () => {
  receivers = await startReceivers();
});
afterAll(() => receivers.close());

const SYSTEM = { userId: null, username: "test", ip: null, at: new Date().toISOString() };

/** Reminders on `store` through the test's receivers. */
const remindersOn = (store: Store, now?: () => number) =>
  createReminders({
    store,
    channels: channelsFrom({
      smtpUrl: receivers.smtpUrl,
      mailFrom: "Công an huyện Tây Sơn <nhacviec@example.gov.vn>",
      webhookUrl: receivers.webhookUrl,
      webhookSecret: receivers.secret,
    }),
    publicUrl: "https://vneid.example.gov.vn",
    homeUnit: "547",
    now,
  });

async function setUp(options: { clock?: ReturnType<typeof createClock>; store?: Store } = {}) {
  const clock = options.clock ?? createClock(Date.parse("2024-04-20T03:00:00Z"));
  const store = options.store ?? (await createDemoStore());
  const reminders = remindersOn(store, clock.now);
  const app = createApp({
    store,
    config: TEST_CONFIG,
    passwordParams: FAST_SCRYPT,
    checkAnswers: true,
    reminders,
    now: clock.now,
  });
  await createUser(store, { username: "quan-tri", role: "admin" });
  const admin = await signIn(app, "quan-tri");
  // Bình Thành's two officers: one by e-mail, one by the province's relay; Tây Phú's reported.
  const account = async (username: string, unitId: string, contacts: Record<string, unknown>) => {
    const made = await createUser(store, { username, role: "commune", unitId });
    await store.updateUser(made.id, contacts, SYSTEM);
  };
  await account("binh-thanh-1", BINH_THANH, { email: "binhthanh@example.gov.vn", fullName: "Nguyễn Văn A" });
  await account("binh-thanh-2", BINH_THANH, { phone: "0912 345 678", reminderChannel: "webhook" });
  await account("tay-phu", TAY_PHU, { email: "tayphu@example.gov.vn" });
  return { store, app, admin, reminders, clock };
}

const fresh = () => {
  receivers.mails.length = 0;
  receivers.hooks.length = 0;
};

describe("reminders of missing reports", () => {
  it("reminds each account of a commune that has not reported, once, by e-mail and by the signed webhook", async () => {
    const { app, admin, reminders } = await setUp();
    fresh();
    const sent = await postJson(app, "/api/reminders", { week: WEEK }, admin);
    expect(sent.status).toBe(201);
    const outcome = await json(sent);
    expect(outcome.units).toEqual([{ unitId: BINH_THANH, name: "Xã Bình Thành", queued: 2, skipped: null }]);
    expect(outcome.queued).toBe(2);
    await reminders.sendDue();

    expect(receivers.mails).toHaveLength(1);
    const [mail] = receivers.mails;
    expect(mail?.to).toBe("binhthanh@example.gov.vn");
    expect(mail?.subject).toBe("Nhắc báo cáo tuần 14/2024: Xã Bình Thành");
    expect(mail?.text.trim()).toBe(
      "Xã Bình Thành chưa báo cáo định danh mức 2 tuần 14/2024, hạn 08/04 12:00. " +
        "Nhập số liệu: https://vneid.example.gov.vn/reports/new?unit=21823&date=2024-04-07",
    );
    expect(receivers.hooks).toHaveLength(1);
    const [hook] = receivers.hooks;
    expect(hook?.signed).toBe(true);
    expect(hook?.body).toMatchObject({
      type: "reminder",
      week: WEEK,
      round: "manual",
      unit: { id: BINH_THANH, name: "Xã Bình Thành" },
      due: "2024-04-08T12:00:00+07:00",
      missing: ["report"],
      form: "https://vneid.example.gov.vn/reports/new?unit=21823&date=2024-04-07",
      recipient: { username: "binh-thanh-2", phone: "0912 345 678" },
    });
    // Short enough for one SMS of 160 characters with a province's address.
    expect(hook?.body.text.length).toBeLessThanOrEqual(160);

    // Asked again: nothing new is sent.
    const again = await json(await postJson(app, "/api/reminders", { week: WEEK }, admin));
    expect(again.units).toEqual([
      { unitId: BINH_THANH, name: "Xã Bình Thành", queued: 0, skipped: "already" },
    ]);
    await reminders.sendDue();
    expect(receivers.mails).toHaveLength(1);
    expect(receivers.hooks).toHaveLength(1);

    const outbox = await getJson(app, `/api/reminders?week=${WEEK}`);
    expect(outbox.status).toBe(401);
    const seen = await json(await app.request(`/api/reminders?week=${WEEK}`, { headers: { cookie: admin } }));
    expect(
      seen.messages.map((m: { recipient: string; status: string; attempts: number }) => [
        m.recipient,
        m.status,
        m.attempts,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ["binh-thanh-1", "sent", 1],
        ["binh-thanh-2", "sent", 1],
      ]),
    );
    const audit = await json(
      await app.request("/api/audit?action=reminder.sent", { headers: { cookie: admin } }),
    );
    expect(audit.entries).toHaveLength(2);
  });

  it("sends a message a channel refused once when it accepts, and only then", async () => {
    const { app, admin, reminders, clock } = await setUp();
    fresh();
    receivers.refuseNext(1);
    const before = receivers.refused();
    await postJson(app, "/api/reminders", { week: "2024-W15" }, admin);
    await reminders.sendDue();
    expect(receivers.refused() - before).toBe(2);
    expect(receivers.mails).toHaveLength(0);
    const waiting = await json(
      await app.request("/api/reminders?week=2024-W15", { headers: { cookie: admin } }),
    );
    for (const m of waiting.messages) {
      expect(m.status).toBe("waiting");
      expect(m.attempts).toBe(1);
      expect(m.lastError).toMatch(/451|503/);
    }
    // Not before its time: nothing is tried again.
    await reminders.sendDue();
    expect(receivers.mails).toHaveLength(0);
    clock.advance(RETRY_AFTER_MS[0] as number);
    await reminders.sendDue();
    await reminders.sendDue();
    expect(receivers.mails).toHaveLength(1);
    expect(receivers.hooks).toHaveLength(1);
    const sent = await json(
      await app.request("/api/reminders?week=2024-W15", { headers: { cookie: admin } }),
    );
    expect(sent.messages.map((m: { status: string; attempts: number }) => [m.status, m.attempts])).toEqual([
      ["sent", 2],
      ["sent", 2],
    ]);
  });

  it("sends the scheduled rounds once, with a summary to the officers above", async () => {
    // Monday 15/04/2024 12:00 in Vietnam: week 15's reports are due; the later round is at 17:00.
    const clock = createClock(Date.parse("2024-04-15T05:00:00Z"));
    const { store, app, admin, reminders } = await setUp({ clock });
    const police = await createUser(store, { username: "cong-an-huyen", role: "police", unitId: "547" });
    await store.updateUser(police.id, { email: "conganhuyen@example.gov.vn", language: "en" }, SYSTEM);
    /** Every process plans on its own: planning twice decides each round once. Who got an e-mail. */
    const planTwiceThenSend = async () => {
      await reminders.plan();
      await reminders.plan();
      await reminders.sendDue();
      return receivers.mails.map((m) => m.to).sort();
    };
    fresh();
    expect(await planTwiceThenSend()).toEqual([]);

    const settings = await postJson(
      app,
      "/api/settings/reminders",
      { enabled: true, later: { days: 1, time: "17:00" } },
      admin,
      "PUT",
    );
    expect(await json(settings)).toEqual({
      enabled: true,
      later: { days: 1, time: "17:00" },
      channels: ["email", "webhook"],
    });
    expect(await planTwiceThenSend()).toEqual(["binhthanh@example.gov.vn", "conganhuyen@example.gov.vn"]);
    const summary = receivers.mails.find((m) => m.to === "conganhuyen@example.gov.vn");
    expect(summary?.subject).toBe("Week 15/2024: 1 commune has not reported (Huyện Tây Sơn)");
    expect(summary?.text).toContain("(Xã Bình Thành)");

    // Tuesday 16/04 17:00: the later round, once more for the one still missing.
    clock.advance(29 * 3600 * 1000);
    fresh();
    expect(await planTwiceThenSend()).toEqual(["binhthanh@example.gov.vn", "conganhuyen@example.gov.vn"]);
    expect(receivers.hooks).toHaveLength(1);
  });

  it("refuses what is not a week, a commune outside the week, and units outside an officer's part", async () => {
    const { store, app, admin } = await setUp();
    const bad = await postJson(app, "/api/reminders", { week: "2024-W54" }, admin);
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await json(bad))).toContain("week");
    const outside = await json(
      await postJson(app, "/api/reminders", { week: WEEK, unitIds: ["99999"] }, admin),
    );
    expect(outside.error).toMatchObject({
      code: "UNIT_NOT_EXPECTED",
      details: [{ field: "unitIds", value: "99999" }],
    });
    await createUser(store, { username: "cong-an-tay-phu", role: "police", unitId: TAY_PHU });
    const officer = await signIn(app, "cong-an-tay-phu");
    expect(
      (await postJson(app, "/api/reminders", { week: WEEK, unitIds: [BINH_THANH] }, officer)).status,
    ).toBe(403);
    // Without units: only those of the officer's part, none of which is missing.
    expect((await json(await postJson(app, "/api/reminders", { week: WEEK }, officer))).units).toEqual([]);
    const commune = await signIn(app, "binh-thanh-1");
    expect((await postJson(app, "/api/reminders", { week: WEEK }, commune)).status).toBe(403);
    // An approved week takes no more reports: its missing communes are not reminded.
    expect((await postJson(app, "/api/approvals", { unitId: "547", week: WEEK }, admin)).status).toBe(201);
    expect((await json(await postJson(app, "/api/reminders", { week: WEEK }, admin))).units).toEqual([]);
  });
});

describe("three senders on one database", () => {
  let stores: Store[] = [];
  afterAll(async () => {
    for (const store of stores) await store.close();
  });

  it("send each message once", async () => {
    stores = await createSharedDemoStores(3);
    const { app, admin } = await setUp({ store: stores[0] });
    const senders = stores.map((store) => remindersOn(store));
    fresh();
    // Decided by one process (which starts sending at once), sent by whichever takes the lease.
    for (const week of [WEEK, "2024-W15", "2024-W16"]) await senders[0]?.remind(week, "manual", SYSTEM, null);
    await Promise.all([...senders, ...senders].map((sender) => sender.sendDue()));
    for (const sender of senders) await sender.sendDue();
    expect(receivers.mails).toHaveLength(3);
    expect(receivers.hooks).toHaveLength(3);
    const outbox = await json(await app.request("/api/reminders", { headers: { cookie: admin } }));
    expect(
      outbox.messages.map((m: { status: string; attempts: number }) => `${m.status} ${m.attempts}`),
    ).toEqual(Array(6).fill("sent 1"));
  });
});
