// The database's shape, as numbered steps that only ever grow: a step once released is never
// edited, a change is a new step. At start-up each process takes an advisory lock (keyed by the
// schema, so separate schemas on one server do not wait on each other), applies the steps it does
// not find in schema_migrations, each in its own transaction, and lets go: replicas starting
// together migrate once, the others wait and find nothing to do.
import type { Pool } from 'pg';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'scenarios, schedules with their claims, installations, delivered events',
    sql: `
      CREATE TABLE scenarios (
        scope text NOT NULL,
        name_key text NOT NULL,
        scenario jsonb NOT NULL,
        PRIMARY KEY (scope, name_key)
      );
      CREATE TABLE schedules (
        id text PRIMARY KEY,
        scope text NOT NULL,
        schedule jsonb NOT NULL,
        next_run_at timestamptz NOT NULL,
        disabled boolean NOT NULL DEFAULT false,
        -- The claim: who holds this slot, until when, and how many times it has been taken.
        claim_token uuid,
        claimed_until timestamptz,
        attempts integer NOT NULL DEFAULT 0
      );
      CREATE INDEX schedules_by_scope ON schedules (scope);
      CREATE INDEX schedules_due ON schedules (next_run_at) WHERE NOT disabled;
      CREATE TABLE installations (
        id text PRIMARY KEY,
        sealed text NOT NULL,
        installed_at timestamptz NOT NULL
      );
      CREATE TABLE delivered_events (
        id text PRIMARY KEY,
        seen_at timestamptz NOT NULL
      );
      CREATE INDEX delivered_events_by_age ON delivered_events (seen_at);
    `,
  },
];

/** Applies the steps not yet applied; resolves to the versions it applied (none when up to date). */
export async function migrate(pool: Pool, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const client = await pool.connect();
  const applied: number[] = [];
  try {
    // A session lock, held on this one connection until it is released below (or the connection dies).
    await client.query(`SELECT pg_advisory_lock(hashtext(current_schema() || ':genai-bot:migrations'))`);
    try {
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
      for (const step of migrations) {
        if (done.has(step.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(step.sql);
          await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [step.version, step.name]);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK');
          throw new Error(`migration ${step.version} (${step.name}) failed: ${(err as Error).message}`);
        }
        applied.push(step.version);
      }
    } finally {
      await client.query(`SELECT pg_advisory_unlock(hashtext(current_schema() || ':genai-bot:migrations'))`);
    }
  } finally {
    client.release();
  }
  return applied;
}
