// Whether PostgreSQL and Redis are there, asked once before any test file runs. Their tests skip
// with one line here when a server is missing; with REQUIRE_SERVICES=1 (.ci/run sets it, CI's
// machine has both) a missing server fails the run instead of skipping silently.
import { createConnection } from 'node:net';
import type { TestProject } from 'vitest/node';
import pg from 'pg';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | undefined;
    redisUrl: string | undefined;
  }
}

export default async function services(project: TestProject): Promise<void> {
  const postgres = await reachable(() => postgresAnswers(TEST_DATABASE_URL));
  const redis = await reachable(() => redisAnswers(new URL(TEST_REDIS_URL)));
  const missing = [...(postgres ? [] : [`PostgreSQL (${TEST_DATABASE_URL})`]), ...(redis ? [] : [`Redis (${TEST_REDIS_URL})`])];
  if (missing.length > 0) {
    if (process.env.REQUIRE_SERVICES === '1') throw new Error(`REQUIRE_SERVICES=1 but not reachable: ${missing.join(', ')}`);
    process.stderr.write(`Skipping the tests that need ${missing.join(' and ')}: not reachable.\n`);
  }
  project.provide('postgresUrl', postgres ? TEST_DATABASE_URL : undefined);
  project.provide('redisUrl', redis ? TEST_REDIS_URL : undefined);
}

async function reachable(probe: () => Promise<void>): Promise<boolean> {
  try {
    await probe();
    return true;
  } catch {
    return false;
  }
}

async function postgresAnswers(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } finally {
    await client.end().catch(() => undefined);
  }
}

function redisAnswers(url: URL): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: url.hostname, port: Number(url.port || 6379) });
    const timer = setTimeout(() => socket.destroy(new Error('timeout')), 2_000);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      clearTimeout(timer);
      socket.end();
      if (data.toString().startsWith('+PONG')) resolve();
      else reject(new Error(data.toString()));
    });
    socket.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}
