// Whether the store file may be written, checked before each write and by readiness. A rename
// replaces a read-only file in a writable folder without complaint, so the file's own permission
// is checked here. Permission bits that let no one write are honoured even when running as root
// (which the kernel would let through): `chmod a-w` is how an operator says "leave this alone".
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { StoreFailure } from './store.js';

const NO_WRITE_BITS = 0o222;

/** Why a write to `path` would be refused now, or undefined when it may go ahead. */
export async function cannotWrite(path: string): Promise<StoreFailure | undefined> {
  const file = await statOrMissing(path);
  if (file instanceof Error) return systemFailure(file);
  if (file) {
    if (!file.isFile()) return { code: 'system', detail: `${path} is not a file` };
    if ((file.mode & NO_WRITE_BITS) === 0 || !(await canWrite(path))) return { code: 'read_only_file' };
  }
  // The folder, or the nearest one that exists (the first write creates the rest).
  let folder = dirname(path);
  for (;;) {
    const found = await statOrMissing(folder);
    if (found instanceof Error) return systemFailure(found);
    if (found) {
      if (!found.isDirectory()) return { code: 'system', detail: `${folder} is not a folder` };
      if ((found.mode & NO_WRITE_BITS) === 0 || !(await canWrite(folder))) return { code: 'read_only_folder', folder };
      return undefined;
    }
    if (dirname(folder) === folder) return { code: 'system', detail: `${folder} does not exist` };
    folder = dirname(folder);
  }
}

/** A refusal from the system, for the one line: EACCES and EROFS say the folder is read-only. */
export function failureOf(err: unknown, folder: string): StoreFailure {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return { code: 'read_only_folder', folder };
  return systemFailure(err as Error);
}

export const systemFailure = (err: Error): StoreFailure => ({ code: 'system', detail: (err as NodeJS.ErrnoException).code ?? err.message });

async function statOrMissing(path: string) {
  try {
    return await stat(path);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : (err as Error);
  }
}

async function canWrite(path: string): Promise<boolean> {
  try {
    await access(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
