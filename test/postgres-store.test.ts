// What only the PostgreSQL store has to show: migrations that run once however many processes
// start together, data that outlives the process, tokens never stored in the clear by the store's
// own hand (the caller seals them), and a database that is down named in one line.
import { spawn } from 'node:child_process';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../src/store/postgres/migrations.js';
import { openPostgresStore } from '../src/store/postgres/postgres-store.js';
import { StoreError } from '../src/store/store.js';
import { BIN } from './bot-process.js';
import { adminQuery, createTestSchema, postgresUrl, type TestSchema } from './support/postgres.js';

describe.skipIf(!postgresUrl)('the PostgreSQL store', () => {
  let schema: TestSchema;
  beforeEach(async () => {
    schema = await createTestSchema();
  });
  afterEach(() => schema.drop());

  it('migrates once when two processes start at the same moment, each under the advisory lock', async () => {
    const runner = (url: string) =>
      new Promise<number[]>((resolve, reject) => {
        // A process of its own for each, as two replicas would be.
        const code = `import('${new URL('../src/store/postgres/migrations.ts', import.meta.url).pathname}').then(async (m) => {
          const { default: pg } = await import('pg');
          const pool = new pg.Pool({ connectionString: process.env.URL });
          const applied = await m.migrate(pool);
          await pool.end();
          process.stdout.write(JSON.stringify(applied));
        })`;
        const child = spawn(process.execPath, ['--import', 'tsx', '-e', code], { env: { ...process.env, URL: url } });
        let out = '';
        child.stdout.on('data', (c: Buffer) => (out += c.toString()));
        child.stderr.on('data', (c: Buffer) => (out += c.toString()));
        child.once('exit', (status) => (status === 0 ? resolve(JSON.parse(out) as number[]) : reject(new Error(out))));
      });
    const results = await Promise.all([runner(schema.url), runner(schema.url)]);
    expect(results.map((r) => r.length).sort()).toEqual([0, MIGRATIONS.length]);
    const { rows } = await adminQuery(`SELECT version FROM ${schema.name}.schema_migrations ORDER BY version`);
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('applies only the steps it has not applied, and a failed step leaves nothing half done', async () => {
    const pool = new pg.Pool({ connectionString: schema.url, max: 1 });
    try {
      expect(await migrate(pool)).toEqual([1]);
      const broken = [...MIGRATIONS, { version: 2, name: 'broken', sql: 'CREATE TABLE half (id int); SELECT no_such_function();' }];
      await expect(migrate(pool, broken)).rejects.toThrow(/migration 2 \(broken\) failed/);
      const { rows } = await pool.query(`SELECT to_regclass('half') AS half, (SELECT max(version) FROM schema_migrations) AS version`);
      expect(rows[0]).toEqual({ half: null, version: 1 });
    } finally {
      await pool.end();
    }
  });

  it('keeps what was saved across a restart', async () => {
    const first = await openPostgresStore({ connectionString: schema.url });
    await first.saveScenario('slack:T1:C1', {
      name: 'base',
      command: 'margin',
      inputs: { revenue: '$10M' },
      savedBy: 'slack:T1:U1',
      savedAt: '2026-12-01T00:00:00.000Z',
    });
    await first.close();
    const second = await openPostgresStore({ connectionString: schema.url });
    expect((await second.getScenario('slack:T1:C1', 'BASE'))?.inputs).toEqual({ revenue: '$10M' });
    await second.close();
  });
});

describe('a database that is down', () => {
  it('is named in one line, without its password', async () => {
    await expect(openPostgresStore({ connectionString: 'postgres://bot:hunter2@127.0.0.1:9/genai' })).rejects.toThrow(
      new StoreError('PostgreSQL at 127.0.0.1:9/genai: ECONNREFUSED'),
    );
  });

  it('stops the bot at start-up with one line', async () => {
    const child = spawn(process.execPath, [BIN, '/help'], {
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: 'postgres://bot:hunter2@127.0.0.1:9/genai' },
    });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(err).toBe('genai-bot: store: PostgreSQL at 127.0.0.1:9/genai: ECONNREFUSED\n');
  });
});
