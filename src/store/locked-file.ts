// Reading and replacing the store file safely when several processes share it (the server, a
// CLI, a second replica on one volume). A change is made under a lock across processes, to the
// file as it is on disk at that moment (never to a copy read earlier), written to a temporary
// file of its own (pid + random: a shared name lets one process rename another's data away),
// flushed, renamed over the store and the folder flushed; only then is it acknowledged.
//
// A process killed at any point leaves the store file whole: the rename is atomic, a temporary
// file it leaves is cleared by the next process that writes, and its lock goes stale after
// `staleMs` (proper-lockfile keeps a live holder's lock fresh meanwhile).
import { randomBytes } from 'node:crypto';
import type { BigIntStats } from 'node:fs';
import { renameSync } from 'node:fs';
import { mkdir, open, readdir, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { storeFailureLine } from '../core/i18n/store-words.js';
import { emptyStore, parseStoreFile, serializeStore, type StoreData } from './file-format.js';
import { StoreWriteError, type StoreFailure } from './store.js';
import { cannotWrite, failureOf, systemFailure } from './write-checks.js';

export interface LockTimes {
  /** A lock older than this (not kept fresh by a live holder) is taken over. */
  staleMs: number;
  /** How long a write waits for the lock before it is refused. */
  waitMs: number;
}

/** The file's contents and what identifies that version of it (inode, size, modification time). */
export interface Snapshot {
  data: StoreData;
  version: string;
}

export const storeError = (path: string, failure: StoreFailure) =>
  new StoreWriteError(path, failure, storeFailureLine('en', path, failure));

const versionOf = (s: BigIntStats) => `${s.ino}:${s.size}:${s.mtimeNs}`;
const MISSING = 'missing';

/** The version of the file on disk now, without reading it: a read is needed only when it differs. */
export async function currentVersion(path: string): Promise<string> {
  try {
    return versionOf(await stat(path, { bigint: true }));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return MISSING;
    throw storeError(path, systemFailure(err as Error));
  }
}

/** Reads and validates the file; a missing file is an empty store. Refuses one that does not parse. */
export async function readSnapshot(path: string): Promise<Snapshot> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { data: emptyStore(), version: MISSING };
    throw storeError(path, systemFailure(err as Error));
  }
  try {
    // The version of the very file read: it may be replaced between a stat and a read by path.
    const version = versionOf(await handle.stat({ bigint: true }));
    const parsed = parseStoreFile(await handle.readFile('utf8'));
    if (!parsed.ok) throw storeError(path, { code: 'unparseable', detail: parsed.detail });
    return { data: parsed.data, version };
  } finally {
    await handle.close();
  }
}

/**
 * Applies `change` to the file as it is now, under the lock, and writes the result durably when
 * `change` says it changed something. Returns what is on disk afterwards.
 */
export async function updateFile(path: string, times: LockTimes, change: (data: StoreData) => boolean): Promise<Snapshot> {
  const folder = dirname(path);
  const refused = await cannotWrite(path);
  if (refused) throw storeError(path, refused);
  try {
    await mkdir(folder, { recursive: true });
  } catch (err) {
    throw storeError(path, failureOf(err, folder));
  }
  const giveUpAt = Date.now() + times.waitMs;
  for (;;) {
    const lock = await acquire(path, times, giveUpAt);
    try {
      await clearLeftovers(path);
      const now = await readSnapshot(path);
      if (!change(now.data)) return now;
      const written = await writeDurably(path, now.data, () => lock.stillOurs());
      if (written) return written;
      // Too slow to be sure the lock was still ours: nothing was replaced; start again, for a while.
      if (Date.now() >= giveUpAt)
        throw storeError(path, {
          code: 'system',
          detail: `each write took longer than ${times.staleMs / 2000} s, the longest a lock is sure to hold`,
        });
    } finally {
      await lock.release();
    }
  }
}

/** Writes a temporary file, flushes it and renames it over the store; undefined when the lock may be lost. */
async function writeDurably(path: string, data: StoreData, stillOurs: () => boolean): Promise<Snapshot | undefined> {
  const folder = dirname(path);
  const temporary = join(folder, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let version: string;
  try {
    const previous = await stat(path).catch(() => undefined);
    const handle = await open(temporary, 'wx', 0o666);
    try {
      // The new file keeps the old one's permissions (an operator may have made it 0600), and its
      // owner when root writes it: otherwise a CLI run as root would lock the server out of its store.
      if (previous) await handle.chmod(previous.mode & 0o777);
      if (previous && process.getuid?.() === 0) await handle.chown(previous.uid, previous.gid);
      await handle.writeFile(serializeStore(data));
      await handle.sync();
      version = versionOf(await handle.stat({ bigint: true }));
    } finally {
      await handle.close();
    }
    // Synchronous from the check to the rename: no other work can run in between.
    if (!stillOurs()) {
      await unlink(temporary).catch(() => undefined);
      return undefined;
    }
    renameSync(temporary, path);
  } catch (err) {
    await unlink(temporary).catch(() => undefined);
    throw storeError(path, failureOf(err, folder));
  }
  await syncFolder(folder).catch((err: unknown) => {
    throw storeError(path, failureOf(err, folder));
  });
  return { data, version };
}

/** Makes the rename itself durable. Some file systems cannot flush a folder; they say so with these codes. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } catch (err) {
    if (!['EINVAL', 'ENOTSUP', 'EISDIR', 'EBADF'].includes((err as NodeJS.ErrnoException).code ?? '')) throw err;
  } finally {
    await handle.close();
  }
}

/** Temporary files left by a process that died mid-write. Only the lock holder writes one, so any other is garbage. */
async function clearLeftovers(path: string): Promise<void> {
  const prefix = `.${basename(path)}.`;
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  await Promise.all(
    names.filter((n) => n.startsWith(prefix) && n.endsWith('.tmp')).map((n) => unlink(join(dirname(path), n)).catch(() => undefined)),
  );
}

interface HeldLock {
  /** False once the lock may have been judged stale by another process (we are past half its stale time). */
  stillOurs(): boolean;
  release(): Promise<void>;
}

type Lockfile = typeof import('proper-lockfile');
let lockfile: Promise<Lockfile> | undefined;
// Loaded on the first write: commands that only read never load it (nor signal-exit, which it uses).
const loadLockfile = () => (lockfile ??= import('proper-lockfile').then((m) => (m as unknown as { default: Lockfile }).default ?? m));

async function acquire(path: string, times: LockTimes, giveUpAt: number): Promise<HeldLock> {
  const { lock } = await loadLockfile();
  for (let pause = 4; ; pause = Math.min(pause * 2, 100)) {
    // Taken before the lock's mtime is set, so the lock is at least this fresh.
    const askedAt = Date.now();
    let compromised = false;
    try {
      const release = await lock(path, {
        stale: times.staleMs,
        realpath: false,
        // Another process judged the lock stale: this process must not rename anything now.
        onCompromised: () => {
          compromised = true;
        },
      });
      return {
        stillOurs: () => !compromised && Date.now() - askedAt < times.staleMs / 2,
        release: () => release().catch(() => undefined),
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') throw storeError(path, failureOf(err, dirname(path)));
      if (Date.now() >= giveUpAt) throw storeError(path, { code: 'locked', seconds: Math.round(times.waitMs / 100) / 10 });
      await new Promise((resolve) => setTimeout(resolve, pause * (0.5 + Math.random())));
    }
  }
}
