// The store file's format: one JSON document, validated by zod whenever it is read, so a file
// edited by hand or damaged is recognised before anything is written over it.
import { z } from 'zod';

const Scenario = z.strictObject({
  name: z.string().min(1),
  command: z.literal('margin'),
  inputs: z.record(z.string(), z.string()),
  savedBy: z.string(),
  savedAt: z.string(),
});

const Schedule = z.strictObject({
  id: z.string().min(1),
  scope: z.string().min(1),
  command: z.enum(['digest', 'brief']),
  args: z.string(),
  every: z.enum(['daily', 'weekly']),
  day: z.enum(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']).optional(),
  time: z.string().regex(/^\d{2}:\d{2}$/),
  tz: z.string().min(1),
  lang: z.enum(['en', 'zh']),
  createdBy: z.string(),
  createdAt: z.string(),
  nextRunAt: z.string(),
  lastRunAt: z.string().optional(),
  disabled: z.string().optional(),
});

const StoreFile = z.strictObject({
  schemaVersion: z.literal(1),
  scenarios: z.record(z.string(), z.record(z.string(), Scenario)),
  // Fields added after the first release of the format: older files simply have none yet.
  schedules: z.record(z.string(), Schedule).default({}),
  // Slack workspaces installed through OAuth (issue 17), sealed by the caller.
  installations: z.record(z.string(), z.strictObject({ id: z.string(), sealed: z.string(), installedAt: z.string() })).default({}),
  // Since several processes share the file (issue 14): schedule claims with their leases, by
  // schedule id, and when each recent Slack event id was first seen (ms since the epoch).
  claims: z.record(z.string(), z.strictObject({ token: z.string(), until: z.number(), attempts: z.number().int().positive() })).default({}),
  delivered: z.record(z.string(), z.number()).default({}),
});
export type StoreData = z.infer<typeof StoreFile>;

export const emptyStore = (): StoreData => ({
  schemaVersion: 1,
  scenarios: {},
  schedules: {},
  installations: {},
  claims: {},
  delivered: {},
});

/** The file's text as store data, or what is wrong with it (the first problem, with where it is). */
export function parseStoreFile(text: string): { ok: true; data: StoreData } | { ok: false; detail: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, detail: `not JSON: ${(err as Error).message}` };
  }
  const parsed = StoreFile.safeParse(json);
  if (parsed.success) return { ok: true, data: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, detail: `${issue.path.join('.') || '(top level)'}: ${issue.message}` };
}

/** Indented, so that an operator can read (and, stopped, edit) the file. */
export const serializeStore = (data: StoreData): string => `${JSON.stringify(data, null, 2)}\n`;
