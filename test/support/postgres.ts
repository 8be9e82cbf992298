// A schema of its own for each test file (or test) on the shared test database, named at random
// and dropped after, so test files running in parallel never see each other's rows. Every pool a
// helper opens, it closes.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

/** The server's URL when PostgreSQL answered before the run, else undefined (its tests skip). */
export const postgresUrl = inject('postgresUrl');

export interface TestSchema {
  name: string;
  /** DATABASE_URL for this schema: the connections it opens use it first (search_path). */
  url: string;
  drop(): Promise<void>;
}

export async function createTestSchema(): Promise<TestSchema> {
  if (!postgresUrl) throw new Error('PostgreSQL is not available');
  const name = `t_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE SCHEMA ${name}`);
  const url = new URL(postgresUrl);
  url.searchParams.set('options', `-c search_path=${name}`);
  return { name, url: url.toString(), drop: async () => void (await adminQuery(`DROP SCHEMA ${name} CASCADE`)) };
}

/** One statement on a connection of its own, closed after. */
export async function adminQuery(sql: string, params: unknown[] = [], url = postgresUrl): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}
