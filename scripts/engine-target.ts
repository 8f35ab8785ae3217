// Where the scripts run the app: a SQLite file (the default), or a PostgreSQL database, on the
// server DATABASE_URL names or on a throwaway cluster started here (--engine pg).
import { databaseUrl, withClient } from "../server/src/store/postgres-tools.ts";
import { type Cluster, startCluster } from "./pg-cluster.ts";

export type ScriptEngine = "sqlite" | "pg";

export function parseEngine(value: string | undefined): ScriptEngine {
  if (value === undefined || value === "sqlite" || value === "pg") return value ?? "sqlite";
  throw new Error(`--engine ${JSON.stringify(value)}: must be sqlite or pg`);
}

/**
 * The PostgreSQL server the scripts use: the one DATABASE_URL names, else a cluster started here
 * (kept in `folder`, or a throwaway one). `stop` stops a cluster started here.
 */
export async function postgresServer(folder?: string): Promise<{ url: string; stop(): void }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: () => {} };
  const cluster = await startCluster(folder);
  return { url: cluster.url, stop: cluster.remove };
}

export interface PostgresTarget {
  /** The URL of a new, empty database for this run. */
  url: string;
  /** The cluster started here, when no DATABASE_URL was given (null otherwise): the crash test stops it. */
  cluster: Cluster | null;
  /** Drops the database and stops the cluster started here. */
  remove(): Promise<void>;
}

/** A new empty database named `name` (dropped first if an earlier run left it). */
export async function postgresTarget(name: string): Promise<PostgresTarget> {
  const cluster = process.env.DATABASE_URL ? null : await startCluster();
  const server = cluster?.url ?? (process.env.DATABASE_URL as string);
  const drop = () =>
    withClient(server, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  await drop();
  await withClient(server, (client) => client.query(`CREATE DATABASE ${name}`));
  return {
    url: databaseUrl(server, name),
    cluster,
    remove: async () => {
      if (cluster) cluster.remove();
      else await drop();
    },
  };
}
