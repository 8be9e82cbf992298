// The Store on PostgreSQL, for several replicas on one database (DATABASE_URL). Records are kept
// as JSON documents beside the columns that are queried (scope, next run, claim), so the shapes
// in store.ts stay the one definition. Changes that touch more than one row run in a transaction.
// The only module besides migrations.ts that imports pg, and loaded only when DATABASE_URL is set.
import pg from 'pg';
import { scenarioKey, type SavedScenario, type Schedule, type ScheduleClaim, type Store, StoreError } from '../store.js';
import { migrate } from './migrations.js';

export interface PostgresStoreOptions {
  connectionString: string;
  /** Connections per process; each replica has its own pool. */
  maxConnections?: number;
  /** Told about a connection that broke while idle (the pool replaces it). */
  onIdleError?: (err: Error) => void;
}

/** How often (in deliveries) old event ids are cleared out: rarely enough to cost nothing per event. */
const PRUNE_EVERY = 500;

export async function openPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: 5_000,
  });
  pool.on('error', (err) => options.onIdleError?.(err));
  try {
    await migrate(pool);
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw new StoreError(`PostgreSQL at ${describeTarget(options.connectionString)}: ${reason(err)}`);
  }

  const transaction = async <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  };
  let deliveries = 0;

  return {
    async saveScenario(scope, scenario) {
      // xmax is 0 on a freshly inserted row and set on an updated one: one round trip says which.
      const { rows } = await pool.query<{ inserted: boolean }>(
        `INSERT INTO scenarios (scope, name_key, scenario) VALUES ($1, $2, $3)
         ON CONFLICT (scope, name_key) DO UPDATE SET scenario = excluded.scenario
         RETURNING (xmax = 0) AS inserted`,
        [scope, scenarioKey(scenario.name), scenario],
      );
      return rows[0]!.inserted ? 'created' : 'replaced';
    },
    async getScenario(scope, name) {
      const { rows } = await pool.query<{ scenario: SavedScenario }>('SELECT scenario FROM scenarios WHERE scope = $1 AND name_key = $2', [
        scope,
        scenarioKey(name),
      ]);
      return rows[0]?.scenario;
    },
    async listScenarios(scope) {
      const { rows } = await pool.query<{ scenario: SavedScenario }>('SELECT scenario FROM scenarios WHERE scope = $1', [scope]);
      // Sorted here, as the other stores sort, rather than by the database's collation.
      return rows.map((r) => r.scenario).sort((a, b) => a.name.localeCompare(b.name));
    },
    async deleteScenario(scope, name) {
      const { rowCount } = await pool.query('DELETE FROM scenarios WHERE scope = $1 AND name_key = $2', [scope, scenarioKey(name)]);
      return rowCount === 1;
    },
    async saveSchedule(schedule) {
      // The claim columns are left alone: an edit while a run is in flight does not release it.
      await pool.query(
        `INSERT INTO schedules (id, scope, schedule, next_run_at, disabled) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET scope = excluded.scope, schedule = excluded.schedule,
           next_run_at = excluded.next_run_at, disabled = excluded.disabled`,
        [schedule.id, schedule.scope, schedule, schedule.nextRunAt, Boolean(schedule.disabled)],
      );
    },
    async listSchedules(scope) {
      const { rows } =
        scope === undefined
          ? await pool.query<{ schedule: Schedule }>('SELECT schedule FROM schedules ORDER BY id')
          : await pool.query<{ schedule: Schedule }>('SELECT schedule FROM schedules WHERE scope = $1 ORDER BY id', [scope]);
      return rows.map((r) => r.schedule);
    },
    async deleteSchedule(scope, id) {
      const { rowCount } = await pool.query('DELETE FROM schedules WHERE scope = $1 AND id = $2', [scope, id]);
      return rowCount === 1;
    },
    async saveInstallation(installation) {
      await pool.query(
        `INSERT INTO installations (id, sealed, installed_at) VALUES ($1, $2, $3)
         ON CONFLICT (id) DO UPDATE SET sealed = excluded.sealed, installed_at = excluded.installed_at`,
        [installation.id, installation.sealed, installation.installedAt],
      );
    },
    async getInstallation(id) {
      const { rows } = await pool.query<{ id: string; sealed: string; installed_at: Date }>(
        'SELECT id, sealed, installed_at FROM installations WHERE id = $1',
        [id],
      );
      const row = rows[0];
      return row && { id: row.id, sealed: row.sealed, installedAt: row.installed_at.toISOString() };
    },
    forgetWorkspace: (id, scopePrefix) =>
      transaction(async (client) => {
        await client.query('DELETE FROM installations WHERE id = $1', [id]);
        await client.query('DELETE FROM scenarios WHERE starts_with(scope, $1)', [scopePrefix]);
        await client.query('DELETE FROM schedules WHERE starts_with(scope, $1)', [scopePrefix]);
      }),
    async firstDelivery(eventId, ttlMs) {
      if (++deliveries % PRUNE_EVERY === 0)
        await pool.query(`DELETE FROM delivered_events WHERE seen_at < now() - $1 * interval '1 millisecond'`, [ttlMs]);
      // A row comes back when the id is new, or when it was last seen longer ago than the ttl.
      const { rowCount } = await pool.query(
        `INSERT INTO delivered_events (id, seen_at) VALUES ($1, now())
         ON CONFLICT (id) DO UPDATE SET seen_at = now()
           WHERE delivered_events.seen_at < now() - $2 * interval '1 millisecond'
         RETURNING id`,
        [eventId, ttlMs],
      );
      return rowCount === 1;
    },
    async claimDueSchedules(now, { leaseMs, limit, platforms }) {
      // SKIP LOCKED: replicas claiming at the same moment each take different rows instead of
      // waiting on (and then re-taking) the same ones.
      const { rows } = await pool.query<{ schedule: Schedule; attempts: number; claim_token: string }>(
        `UPDATE schedules s
            SET claim_token = gen_random_uuid(), claimed_until = $1::timestamptz + $2 * interval '1 millisecond', attempts = s.attempts + 1
           FROM (SELECT id FROM schedules
                  WHERE NOT disabled AND next_run_at <= $1
                    AND (claimed_until IS NULL OR claimed_until <= $1)
                    AND split_part(scope, ':', 1) = ANY($3)
                  ORDER BY next_run_at LIMIT $4
                  FOR UPDATE SKIP LOCKED) due
          WHERE s.id = due.id
          RETURNING s.schedule, s.attempts, s.claim_token`,
        [now.toISOString(), leaseMs, platforms, limit],
      );
      return rows.map((r): ScheduleClaim => ({ schedule: r.schedule, attempt: r.attempts, token: r.claim_token }));
    },
    async finishScheduleRun(claim, updated) {
      const { rowCount } = await pool.query(
        `UPDATE schedules SET schedule = $3, next_run_at = $4, disabled = $5, claim_token = NULL, claimed_until = NULL, attempts = 0
          WHERE id = $1 AND claim_token = $2`,
        [claim.schedule.id, claim.token, updated, updated.nextRunAt, Boolean(updated.disabled)],
      );
      return rowCount === 1;
    },
    async writable() {
      try {
        const { rows } = await pool.query<{ primary: boolean }>('SELECT NOT pg_is_in_recovery() AS primary');
        return rows[0]!.primary
          ? { ok: true, detail: `PostgreSQL at ${describeTarget(options.connectionString)}` }
          : { ok: false, detail: 'PostgreSQL is a read-only standby' };
      } catch (err) {
        return { ok: false, detail: `PostgreSQL: ${reason(err)}` };
      }
    },
    close: () => pool.end(),
  };
}

/** Host, port and database, never the user or password. */
export function describeTarget(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    return `${url.hostname || 'localhost'}:${url.port || '5432'}${url.pathname || ''}`;
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

function reason(err: unknown): string {
  const e = err as NodeJS.ErrnoException & { errors?: Error[] };
  // A refused connection to "localhost" is an AggregateError of one error per address tried.
  return e.code ?? e.errors?.[0]?.message ?? e.message;
}
