// Which files `--history PATH` reads. A file is read as it is. A folder is read as Slack lays out
// its workspace export: a channel's folder holds one JSON file a day ("general/2023-01-20.json");
// the export's top folder holds the workspace's lists (channels.json, users.json...) and one
// folder per channel. Folders inside a channel's folder are not part of that layout and are skipped.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface ExportFile {
  path: string;
  size: number;
}

export type ExportFiles = { ok: true; files: ExportFile[] } | { ok: false; message: string };

/** The workspace-wide lists at the top of a Slack export: not a channel's messages. */
const WORKSPACE_LISTS = new Set([
  'channels.json',
  'users.json',
  'groups.json',
  'dms.json',
  'mpims.json',
  'integration_logs.json',
  'canvases.json',
  'org_users.json',
]);

export async function exportFiles(path: string): Promise<ExportFiles> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (err) {
    return { ok: false, message: `${path}: ${reason(err)}` };
  }
  if (!info.isDirectory()) return { ok: true, files: [{ path, size: info.size }] };
  const folder = await listFolder(path);
  if (!folder.ok) return folder;
  const { files, folders } = folder;
  const isWorkspaceTop = files.some((f) => WORKSPACE_LISTS.has(f.name));
  const days = files.filter((f) => f.name.toLowerCase().endsWith('.json') && !(isWorkspaceTop && WORKSPACE_LISTS.has(f.name)));
  if (days.length) return { ok: true, files: days.map(({ path, size }) => ({ path, size })) };
  if (isWorkspaceTop || folders.length) {
    // The top of a workspace export: with one channel, that channel is meant; with several, ask.
    const channels: string[] = [];
    for (const name of folders) {
      const inner = await listFolder(join(path, name));
      if (inner.ok && inner.files.some((f) => f.name.toLowerCase().endsWith('.json'))) channels.push(name);
    }
    if (channels.length === 1) return exportFiles(join(path, channels[0]!));
    if (channels.length > 1) {
      const shown = channels.slice(0, 5).join(', ') + (channels.length > 5 ? `, and ${channels.length - 5} more` : '');
      return {
        ok: false,
        message: `${path} holds a whole Slack export with ${channels.length} channels (${shown}); give one channel's folder, e.g. --history ${join(path, channels[0]!)}`,
      };
    }
  }
  return { ok: false, message: `${path}: the folder holds no .json export files` };
}

async function listFolder(
  path: string,
): Promise<{ ok: true; files: (ExportFile & { name: string })[]; folders: string[] } | { ok: false; message: string }> {
  let names: string[];
  try {
    names = (await readdir(path)).sort();
  } catch (err) {
    return { ok: false, message: `${path}: ${reason(err)}` };
  }
  const files: (ExportFile & { name: string })[] = [];
  const folders: string[] = [];
  for (const name of names) {
    const entry = join(path, name);
    // stat, not the directory entry's type: a link to a day file is read like the file.
    const info = await stat(entry).catch(() => undefined);
    if (info?.isFile()) files.push({ name, path: entry, size: info.size });
    else if (info?.isDirectory()) folders.push(name);
  }
  return { ok: true, files, folders };
}

function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES') return 'permission denied';
  return (err as Error).message;
}
