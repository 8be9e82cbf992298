// Which store this process uses: PostgreSQL when DATABASE_URL is set (several replicas share it),
// else the local file. pg is imported only in the first case, so the shell, the CLI and
// `npm start` on a laptop never load it, and never need a database.
import { openFileStore } from './file-store.js';
import type { Store } from './store.js';

export interface StoreChoice {
  DATABASE_URL?: string | undefined;
  STORE_PATH: string;
}

export async function openStore(config: StoreChoice, onIdleError?: (err: Error) => void): Promise<Store> {
  if (!config.DATABASE_URL) return openFileStore(config.STORE_PATH);
  const { openPostgresStore } = await import('./postgres/postgres-store.js');
  return openPostgresStore({ connectionString: config.DATABASE_URL, ...(onIdleError ? { onIdleError } : {}) });
}
