// How many overview answers a second one server process sends, against a floor measured in the same
// run: a bare Hono server sending the very same bytes (the same Content-Encoding) at 50 connections
// (autocannon), alternating, with and without Accept-Encoding: gzip. The ratio is what counts: these
// machines are noisy. Budget: at least 0.5 of the bare server. Run: npx tsx scripts/bench-throughput.ts
import { get } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import autocannon from "autocannon";
import { Hono } from "hono";
import { spawnServer } from "./spawn-server.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const PATH = "/api/overview?unit=547&date=2024-06-29";

const run = (url: string, headers: Record<string, string>) =>
  new Promise<autocannon.Result>((resolve, reject) =>
    autocannon({ url, headers, connections: 50, duration: SECONDS }, (error, result) =>
      error ? reject(error) : resolve(result),
    ),
  );

/** The body's bytes as they travelled (fetch would unzip them) and their Content-Encoding. */
const rawGet = (url: string, headers: Record<string, string>) =>
  new Promise<{ encoding: string | null; bytes: Buffer }>((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({
          encoding: (res.headers["content-encoding"] as string) ?? null,
          bytes: Buffer.concat(chunks),
        }),
      );
    }).on("error", reject);
  });

const server = await spawnServer();
try {
  const modes = [
    { name: "without compression", headers: {} as Record<string, string> },
    { name: "Accept-Encoding: gzip", headers: { "accept-encoding": "gzip" } },
  ];
  console.log(`The district overview at 50 connections, ${SECONDS} s a run, ${ROUNDS} rounds, alternating`);
  console.log("| answer | real server req/s | bare Hono, same bytes, req/s | ratio |\n|---|---|---|---|");
  for (const mode of modes) {
    // The bytes exactly as the real server sends them, with the headers that describe them.
    const { encoding, bytes } = await rawGet(`${server.baseUrl}${PATH}`, mode.headers);
    const body = new Uint8Array(bytes);
    const bare = new Hono().get("/api/overview", (c) =>
      c.body(body, 200, {
        "Content-Type": "application/json; charset=UTF-8",
        ...(encoding ? { "Content-Encoding": encoding } : {}),
      }),
    );
    const floor = serve({ fetch: bare.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise((resolve) => floor.once("listening", resolve));
    const floorUrl = `http://127.0.0.1:${(floor.address() as AddressInfo).port}${PATH}`;
    const real: number[] = [];
    const bareRates: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      bareRates.push((await run(floorUrl, mode.headers)).requests.average);
      real.push((await run(`${server.baseUrl}${PATH}`, mode.headers)).requests.average);
    }
    floor.close();
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    console.log(
      `| ${mode.name} (${encoding ?? "identity"}, ${(bytes.length / 1024).toFixed(1)} KB) | ${mean(real).toFixed(0)} | ${mean(bareRates).toFixed(0)} | ${(mean(real) / mean(bareRates)).toFixed(2)} |`,
    );
  }
} finally {
  server.stop();
}
