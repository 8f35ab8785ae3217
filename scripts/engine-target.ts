// Where the scripts run the app: a SQLite file (the default), or a PostgreSQL database, on the
// server DATABASE_URL names or on a throwaway cluster started here (--engine pg).
import pg from "pg";
import { type Cluster, startCluster } from "./pg-cluster.ts";

export type ScriptEngine = "sqlite" | "pg";

export function parseEngine(value: string | undefined): ScriptEngine {
  if (value === undefined || value === "sqlite" || value === "pg") return value ?? "sqlite";
  throw new Error(`--engine ${JSON.stringify(value)}: must be sqlite or pg`);
}

export interface PostgresTarget {
  /** The URL of a new, empty database for this run. */
  url: string;
  /** The throwaway cluster, when no DATABASE_URL was given (null otherwise). */
  cluster: Cluster | null;
  /** Drops the database and stops the throwaway cluster. */
  remove(): Promise<void>;
}

/** A new empty database named `name` (dropped first if an earlier run left it). */
export async function postgresTarget(name: string): Promise<PostgresTarget> {
  const cluster = process.env.DATABASE_URL ? null : await startCluster();
  const server = process.env.DATABASE_URL ?? (cluster as Cluster).url;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    cluster,
    remove: async () => {
      if (cluster) cluster.remove();
      else await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
