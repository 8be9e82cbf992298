// What the bot keeps between requests, behind an interface so that a real database can replace
// the local file when the bot runs on more than one machine. Commands see only this file.

/** 1-40 letters, digits, "_", "-" or ".", starting with a letter or digit; matched without case. */
export const SCENARIO_NAME = /^[\p{L}\p{N}][\p{L}\p{N}_.-]{0,39}$/u;

export interface SavedScenario {
  name: string;
  command: 'margin';
  /** The inputs as the user typed them, so a re-run reads them exactly as the first run did. */
  inputs: Record<string, string>;
  savedBy: string;
  savedAt: string;
}

/** A command posted to a channel on a cadence (/digest or /brief with schedule=…). */
export interface Schedule {
  /** Short, typed by people: "/unschedule k3f9". */
  id: string;
  /** The channel, platform-prefixed ("slack:T1:C1", "discord:123"). */
  scope: string;
  command: 'digest' | 'brief';
  /** The command's own arguments, as text ("days=7", "infra"). */
  args: string;
  every: 'daily' | 'weekly';
  day?: 'sun' | 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat';
  time: string;
  tz: string;
  lang: 'en' | 'zh';
  createdBy: string;
  createdAt: string;
  nextRunAt: string;
  lastRunAt?: string;
  /** Set when the channel is gone or the bot lost access: the schedule stops instead of failing forever. */
  disabled?: string;
}

/**
 * A Slack workspace's (or Enterprise Grid org's) installation. The caller seals it before it gets
 * here (AES-256-GCM): no store, file or database, ever holds a token in the clear.
 */
export interface StoredInstallation {
  /** The team id ("T…"), or the enterprise id ("E…") of an org-wide install. */
  id: string;
  sealed: string;
  installedAt: string;
}

/** A due schedule held by one process until it records the run (or the lease runs out). */
export interface ScheduleClaim {
  schedule: Schedule;
  /** 1 the first time this slot is claimed; 2 when a process that held it died before recording the run. */
  attempt: number;
  token: string;
}

export interface Store {
  /** Saves under `scope` (a channel, or the local shell); says whether it replaced one. */
  saveScenario(scope: string, scenario: SavedScenario): Promise<'created' | 'replaced'>;
  getScenario(scope: string, name: string): Promise<SavedScenario | undefined>;
  listScenarios(scope: string): Promise<SavedScenario[]>;
  deleteScenario(scope: string, name: string): Promise<boolean>;
  saveSchedule(schedule: Schedule): Promise<void>;
  /** Every schedule, or a channel's. */
  listSchedules(scope?: string): Promise<Schedule[]>;
  /** Deletes a channel's schedule by id; false when that channel has none by that id. */
  deleteSchedule(scope: string, id: string): Promise<boolean>;
  saveInstallation(installation: StoredInstallation): Promise<void>;
  getInstallation(id: string): Promise<StoredInstallation | undefined>;
  /**
   * Forgets a workspace at once: its installation and everything kept in its channels (scopes
   * starting with `scopePrefix`, e.g. "slack:T1:"), so an uninstall leaves nothing behind.
   */
  forgetWorkspace(id: string, scopePrefix: string): Promise<void>;
  /** True the first time an event id is seen within `ttlMs`, across every process on the store. */
  firstDelivery(eventId: string, ttlMs: number): Promise<boolean>;
  /**
   * Claims up to `limit` enabled schedules due at `now` on the given platforms that no live claim
   * holds; each is held for `leaseMs`, so a process that dies mid-post lets another take it over.
   */
  claimDueSchedules(now: Date, options: { leaseMs: number; limit: number; platforms: readonly string[] }): Promise<ScheduleClaim[]>;
  /** Records a run (the schedule as it now is) and releases the claim; false when the claim was lost. */
  finishScheduleRun(claim: ScheduleClaim, updated: Schedule): Promise<boolean>;
  /** Whether a write would succeed now, and if not why: readiness reports it. */
  writable(): Promise<{ ok: boolean; detail: string }>;
  close(): Promise<void>;
}

export class StoreError extends Error {
  override readonly name = 'StoreError';
}

/** Why the file store refused a write; worded for people in src/core/i18n/store-words.ts. */
export type StoreFailure =
  /** Not JSON, or not the shape of a store file: edited by hand, or damaged. It is never overwritten. */
  | { code: 'unparseable'; detail: string }
  | { code: 'read_only_file' }
  | { code: 'read_only_folder'; folder: string }
  /** Another process held the lock for longer than a write waits. */
  | { code: 'locked'; seconds: number }
  /** Anything else the system said (ENOSPC, ENOTDIR…): its code, or its message. */
  | { code: 'system'; detail: string };

/** A write (or the opening of the store) refused, with the file's path and why; nothing was changed. */
export class StoreWriteError extends StoreError {
  constructor(
    readonly path: string,
    readonly failure: StoreFailure,
    message: string,
  ) {
    super(message);
  }
}

export const scenarioKey = (name: string) => name.normalize('NFKC').toLowerCase();
