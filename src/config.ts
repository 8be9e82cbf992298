// Environment -> typed configuration. A missing or malformed value stops start-up with one line
// naming the variable; nothing here reaches the network.
import { z } from 'zod';

const optionalSecret = z
  .string()
  .trim()
  .min(1)
  .optional()
  .or(z.literal('').transform(() => undefined));

/** An http(s) base URL; `shape` puts it in the form its client appends paths to. */
const apiUrl = (fallback: string, shape: (url: string) => string) =>
  z
    .string()
    .trim()
    .default(fallback)
    .transform((v) => v || fallback)
    .refine((v) => /^https?:\/\/[^\s/]+\S*$/.test(v), `must be an http(s) URL, e.g. ${fallback}`)
    .transform(shape);

/** A Discord id (application, guild): the message says what one looks like, since it is copied by hand. */
const snowflake = optionalSecret.refine(
  (v) => v === undefined || /^\d{15,22}$/.test(v),
  'must be a Discord snowflake: 15-22 digits, e.g. 1061234567890123456',
);

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  SLACK_SIGNING_SECRET: optionalSecret,
  SLACK_BOT_TOKEN: optionalSecret.refine((v) => v === undefined || v.startsWith('xoxb-'), 'must start with xoxb-'),
  SLACK_APP_TOKEN: optionalSecret.refine((v) => v === undefined || v.startsWith('xapp-'), 'must start with xapp-'),
  DISCORD_TOKEN: optionalSecret,
  DISCORD_APPLICATION_ID: snowflake,
  DISCORD_PUBLIC_KEY: optionalSecret.refine((v) => v === undefined || /^[0-9a-f]{64}$/i.test(v), 'must be 64 hex characters'),
  DISCORD_GUILD_ID: snowflake,
  STORE_PATH: z.string().trim().min(1).default('./var/store.json'),
  // Rate limits shared by the replicas (issue 17); unset: each process keeps its own.
  REDIS_URL: optionalSecret.refine(
    (v) => v === undefined || /^rediss?:\/\/\S+$/.test(v),
    'must be a redis:// URL, e.g. redis://cache:6379',
  ),
  // Multi-workspace install through OAuth (issue 17): the three go together.
  SLACK_CLIENT_ID: optionalSecret,
  SLACK_CLIENT_SECRET: optionalSecret,
  SLACK_STATE_SECRET: optionalSecret.refine((v) => v === undefined || v.length >= 16, 'must be at least 16 characters'),
  // Seals installation tokens at rest; unset, a key is derived from SLACK_STATE_SECRET.
  TOKEN_ENCRYPTION_KEY: optionalSecret.refine(
    (v) => v === undefined || /^[0-9a-f]{64}$/i.test(v) || Buffer.from(v, 'base64').length === 32,
    'must be 32 bytes, as 64 hex characters or base64',
  ),
  // PostgreSQL for several replicas (issue 17); unset: the file at STORE_PATH.
  DATABASE_URL: optionalSecret.refine(
    (v) => v === undefined || /^postgres(ql)?:\/\/\S+$/.test(v),
    'must be a postgres:// URL, e.g. postgres://bot@db:5432/genai',
  ),
  // Where the platforms' APIs live: their own by default; tests and staging point them at fakes.
  // The Slack client appends method names ("auth.test"); Discord's appends "/v10/...".
  SLACK_API_URL: apiUrl('https://slack.com/api/', (url) => url.replace(/\/*$/, '/')),
  DISCORD_API_URL: apiUrl('https://discord.com/api', (url) => url.replace(/\/+$/, '')),
  LLM_BASE_URL: optionalSecret.refine(
    (v) => v === undefined || /^https?:\/\/\S+$/.test(v),
    'must be an http(s) URL, e.g. http://localhost:11434/v1',
  ),
  LLM_MODEL: optionalSecret,
  LLM_API_KEY: optionalSecret,
  RATE_USER_BURST: z.coerce.number().int().min(1).max(10_000).default(20),
  RATE_USER_PER_MINUTE: z.coerce.number().min(0.1).max(100_000).default(30),
  RATE_CHANNEL_BURST: z.coerce.number().int().min(1).max(100_000).default(60),
  RATE_CHANNEL_PER_MINUTE: z.coerce.number().min(0.1).max(1_000_000).default(120),
  // How long a claimed schedule is held before another replica may take it over, and how often
  // due schedules are looked for (issue 17; tests shorten both).
  SCHEDULE_LEASE_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(600_000),
  SCHEDULE_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  STOP_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(2500),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof Env> & {
  slack: boolean;
  /** Workspaces install the app through /slack/install (SLACK_CLIENT_ID, _SECRET, SLACK_STATE_SECRET). */
  slackOAuth: boolean;
  discordGateway: boolean;
  discordHttp: boolean;
};

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${String(issue.path[0])}: ${issue.message}`);
  }
  const c = parsed.data;
  if (c.SLACK_BOT_TOKEN && !c.SLACK_SIGNING_SECRET && !c.SLACK_APP_TOKEN) {
    throw new ConfigError('SLACK_SIGNING_SECRET: required when SLACK_BOT_TOKEN is set (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  const oauthVars = [c.SLACK_CLIENT_ID, c.SLACK_CLIENT_SECRET, c.SLACK_STATE_SECRET];
  if (oauthVars.some(Boolean) && !oauthVars.every(Boolean)) {
    const missing = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'][oauthVars.findIndex((v) => !v)];
    throw new ConfigError(`${missing}: SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET go together`);
  }
  const slackOAuth = oauthVars.every(Boolean);
  if (slackOAuth && !c.SLACK_SIGNING_SECRET) throw new ConfigError('SLACK_SIGNING_SECRET: required for the OAuth install');
  if (Boolean(c.LLM_BASE_URL) !== Boolean(c.LLM_MODEL)) {
    throw new ConfigError(`${c.LLM_BASE_URL ? 'LLM_MODEL' : 'LLM_BASE_URL'}: LLM_BASE_URL and LLM_MODEL go together`);
  }
  if (c.DISCORD_PUBLIC_KEY && !c.DISCORD_APPLICATION_ID) {
    throw new ConfigError('DISCORD_APPLICATION_ID: required when DISCORD_PUBLIC_KEY is set');
  }
  return {
    ...c,
    slack: Boolean(c.SLACK_BOT_TOKEN) || slackOAuth,
    slackOAuth,
    discordGateway: Boolean(c.DISCORD_TOKEN),
    discordHttp: Boolean(c.DISCORD_PUBLIC_KEY && c.DISCORD_APPLICATION_ID),
  };
}

/** The configuration, or undefined after writing the one line that names the bad variable. */
export function loadConfigOrReport(env: NodeJS.ProcessEnv, stderr: NodeJS.WritableStream): Config | undefined {
  try {
    return loadConfig(env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    stderr.write(`genai-bot: configuration: ${err.message}\n`);
    return undefined;
  }
}
