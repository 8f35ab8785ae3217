import { createHmac } from "node:crypto";
import nodemailer from "nodemailer";
import type { Channel, OutboxRecord } from "../store/areas/reminders.ts";

/** How long one try to hand a message over may take: a channel that is down never holds the sender long. */
export const SEND_TIMEOUT_MS = 15_000;

/** The ways a deployment reaches people, from its configuration (docs/reminders.md). */
export interface ChannelConfig {
  /** A nodemailer connection URL: smtp://user:pass@mail.example:587 (smtps:// for TLS from the start). */
  smtpUrl: string | null;
  /** The sender of the e-mails: "Công an tỉnh Gia Lai <nhacviec@congan.gialai.gov.vn>". */
  mailFrom: string | null;
  webhookUrl: string | null;
  /** The shared secret the webhook's receiver checks the signature with. */
  webhookSecret: string | null;
}

export const NO_CHANNELS: ChannelConfig = {
  smtpUrl: null,
  mailFrom: null,
  webhookUrl: null,
  webhookSecret: null,
};

export interface Channels {
  /** The channels configured, in the order an account without a preference is reached by. */
  configured: Channel[];
  /** Hands the message over; throws with the reason when the channel refuses or cannot be reached. */
  send(message: OutboxRecord): Promise<void>;
}

/** The signature of a webhook body: HMAC-SHA256 of "timestamp.body" with the shared secret, in hex. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

export function channelsFrom(config: ChannelConfig): Channels {
  const mail =
    config.smtpUrl === null
      ? null
      : nodemailer.createTransport({
          url: config.smtpUrl,
          connectionTimeout: SEND_TIMEOUT_MS,
          greetingTimeout: SEND_TIMEOUT_MS,
          socketTimeout: SEND_TIMEOUT_MS,
        });
  const configured: Channel[] = [];
  if (mail) configured.push("email");
  if (config.webhookUrl) configured.push("webhook");
  return {
    configured,
    async send(message) {
      if (message.channel === "email") {
        if (!mail) throw new Error("e-mail is not configured (SMTP_URL)");
        await mail.sendMail({
          from: config.mailFrom ?? undefined,
          to: message.address,
          subject: message.subject,
          text: message.body,
        });
        return;
      }
      if (!config.webhookUrl || !config.webhookSecret)
        throw new Error("the webhook is not configured (REMINDER_WEBHOOK_URL)");
      const body = JSON.stringify(message.payload);
      const timestamp = String(Math.floor(Date.now() / 1000));
      const answer = await fetch(config.webhookUrl, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-reminder-id": String(message.id),
          "x-reminder-timestamp": timestamp,
          "x-reminder-signature": `sha256=${webhookSignature(config.webhookSecret, timestamp, body)}`,
        },
        body,
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      });
      await answer.body?.cancel();
      if (!answer.ok) throw new Error(`the webhook answered ${answer.status} ${answer.statusText}`.trim());
    },
  };
}
