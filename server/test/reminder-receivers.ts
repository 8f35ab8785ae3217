// Real receivers for the reminders' channels in the tests: an SMTP server (smtp-server) that parses
// what it is given (mailparser), and a webhook receiver that checks each body's signature.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { webhookSignature } from "../src/reminders/channels.ts";

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
}

export interface ReceivedHook {
  body: Record<string, unknown> & { text: string };
  /** The signature matched the body and the timestamp with the shared secret. */
  signed: boolean;
}

export interface Receivers {
  smtpUrl: string;
  webhookUrl: string;
  secret: string;
  mails: ReceivedMail[];
  hooks: ReceivedHook[];
  /** The next `n` messages of each channel are refused (451 / 503), then accepted. */
  refuseNext(n: number): void;
  /** How many messages were refused. */
  refused(): number;
  close(): Promise<void>;
}

export async function startReceivers(): Promise<Receivers> {
  const mails: ReceivedMail[] = [];
  const hooks: ReceivedHook[] = [];
  const secret = "a shared secret of the province's relay";
  let refuseMail = 0;
  let refuseHook = 0;
  let refused = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, done) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", async () => {
        if (refuseMail > 0) {
          refuseMail--;
          refused++;
          const error = Object.assign(new Error("Mailbox busy, try again later"), { responseCode: 451 });
          done(error);
          return;
        }
        const mail = await simpleParser(Buffer.concat(chunks));
        const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
        mails.push({ to: to?.value[0]?.address ?? "", subject: mail.subject ?? "", text: mail.text ?? "" });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  const web: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      if (refuseHook > 0) {
        refuseHook--;
        refused++;
        response.writeHead(503).end();
        return;
      }
      const raw = Buffer.concat(chunks).toString("utf8");
      const timestamp = String(request.headers["x-reminder-timestamp"] ?? "");
      const signature = String(request.headers["x-reminder-signature"] ?? "");
      hooks.push({
        body: JSON.parse(raw),
        signed: signature === `sha256=${webhookSignature(secret, timestamp, raw)}`,
      });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => web.listen(0, "127.0.0.1", resolve));
  const webPort = (web.address() as AddressInfo).port;

  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    webhookUrl: `http://127.0.0.1:${webPort}/relay`,
    secret,
    mails,
    hooks,
    refuseNext(n) {
      refuseMail = n;
      refuseHook = n;
    },
    refused: () => refused,
    close: async () => {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      await new Promise<void>((resolve) => web.close(() => resolve()));
    },
  };
}
