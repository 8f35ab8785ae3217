// What the scripts and tests around a PostgreSQL server share: its programs, an administrative
// connection, and the URL of another database on the same server. Not used by the app's requests.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";

/** The folder of PostgreSQL's server programs: Debian's newest (15 or later) in /usr/lib/postgresql, else "" (the PATH). */
export function postgresBin(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+$/.test(v) && Number(v) >= 15 && existsSync(join(root, v, "bin", "pg_ctl")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions[0] ? join(root, versions[0], "bin") : "";
}

/** The path of one server program (`pg_dump`, `initdb`…), or its bare name to find on the PATH. */
export const postgresProgram = (name: string) => {
  const bin = postgresBin();
  return bin ? join(bin, name) : name;
};

/** Runs `work` on one connection to `url`, closed afterwards. */
export async function withClient<R>(url: string, work: (client: pg.Client) => Promise<R>): Promise<R> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The URL of the database `name` on the server `url` points at. */
export function databaseUrl(url: string, name: string): string {
  const other = new URL(url);
  other.pathname = `/${name}`;
  return other.toString();
}
