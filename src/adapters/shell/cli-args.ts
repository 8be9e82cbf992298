// genai-bot's own flags, read by Node's util.parseArgs. Everything that is not a flag is the
// command text; the first two words may name an operator task instead.
import { parseArgs } from 'node:util';
import { isLang, type Lang } from '../../core/i18n/lang.js';

/** Operator tasks: `genai-bot manifest slack`, `genai-bot register discord`, `genai-bot invite discord`. */
export interface Task {
  name: 'manifest slack' | 'register discord' | 'invite discord';
  /** --url for the Slack manifest: where the bot is reachable. */
  url?: string;
  socket?: boolean;
}

export interface CliArgs {
  task?: Task;
  json: boolean;
  lang?: Lang;
  help: boolean;
  /** The command text, when one was given: a one-shot answer. */
  text?: string;
  /** --chart-out FILE.png: write the reply's chart there. */
  chartOut?: string;
  /** --history FILE|DIR: a channel export for /digest. */
  history?: string;
}

export type CliParse = { ok: true; args: CliArgs } | { ok: false; message: string };

export const CLI_USAGE = `Usage:
  genai-bot                          open the interactive shell (reads a pipe too)
  genai-bot "<command>" [--json]     answer once and exit, e.g. genai-bot "/moat nvidia"
  genai-bot manifest slack [--url https://bot.example.com] [--socket]
                                     print the Slack app manifest
  genai-bot register discord         overwrite the Discord commands from the registry
  genai-bot invite discord           print the Discord invite link
Options:
  --lang en|zh   answer in English or Chinese (default: English, or Chinese for Chinese input)
  --json         print the reply as JSON
  --chart-out F  write the chart of /margin or /flow to F (PNG)
  --history F    a channel export for /digest: a Slack export day file (or a folder of them),
                 a DiscordChatExporter JSON file, or JSON lines of {user, text, ts}
  -h, --help     this help`;

const TASKS = ['manifest slack', 'register discord', 'invite discord'] as const;

const OPTIONS = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  lang: { type: 'string' },
  history: { type: 'string' },
  'chart-out': { type: 'string' },
  url: { type: 'string' },
  socket: { type: 'boolean' },
} as const;

/** What to say when a flag that takes a value has none (or one that looks like another flag). */
const NEEDS_VALUE: Record<string, string> = {
  lang: '--lang takes en or zh',
  history: '--history takes a file or folder, e.g. --history general/2023-01-30.json',
  'chart-out': '--chart-out takes a file name, e.g. --chart-out margin.png',
  url: '--url takes the https address the bot is reachable at, e.g. --url https://bot.example.com',
};

export function parseCliArgs(argv: readonly string[]): CliParse {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    return { ok: false, message: explain(err as Error & { code?: string }) };
  }
  const { values, positionals } = parsed;
  const task = TASKS.find((t) => positionals.slice(0, 2).join(' ') === t);
  if (task) return taskArgs(task, positionals.slice(2), values);
  if (values.url !== undefined || values.socket)
    return { ok: false, message: `${values.url !== undefined ? '--url' : '--socket'} is only for manifest slack` };
  if (values.lang !== undefined && !isLang(values.lang)) return { ok: false, message: `--lang takes en or zh, got “${values.lang}”` };
  const args: CliArgs = {
    json: values.json ?? false,
    help: values.help ?? false,
    ...(values.lang !== undefined ? { lang: values.lang as Lang } : {}),
    ...(values.history !== undefined ? { history: values.history } : {}),
    ...(values['chart-out'] !== undefined ? { chartOut: values['chart-out'] } : {}),
    ...(positionals.length ? { text: positionals.join(' ') } : {}),
  };
  for (const [key, message] of [
    ['history', NEEDS_VALUE.history],
    ['chartOut', NEEDS_VALUE['chart-out']],
  ] as const) {
    if (args[key] === '') return { ok: false, message: message! };
  }
  if (args.chartOut && args.text === undefined) {
    return { ok: false, message: '--chart-out needs a command, e.g. genai-bot "/margin inference=30%" --chart-out m.png' };
  }
  return { ok: true, args };
}

function taskArgs(
  name: Task['name'],
  rest: string[],
  values: { url?: string | undefined; socket?: boolean | undefined; [k: string]: unknown },
): CliParse {
  const extra =
    rest[0] ?? Object.keys(values).find((k) => values[k] !== undefined && !(name === 'manifest slack' && (k === 'url' || k === 'socket')));
  if (extra) return { ok: false, message: `${name} does not take “${rest[0] ?? `--${extra}`}”` };
  if (values.url !== undefined && !/^https:\/\/\S+$/.test(values.url)) return { ok: false, message: NEEDS_VALUE.url! };
  const task: Task = { name, ...(values.url !== undefined ? { url: values.url } : {}), ...(values.socket ? { socket: true } : {}) };
  return { ok: true, args: { json: false, help: false, task } };
}

/** util.parseArgs' errors, in the CLI's own words. */
function explain(err: Error & { code?: string }): string {
  const option = /'(--?[^' ]+)/.exec(err.message)?.[1] ?? '';
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option}`;
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name = option.replace(/^-+/, '');
    if (name === 'h' || name === 'help' || name === 'json' || name === 'socket') return `${option} takes no value`;
    return NEEDS_VALUE[name] ?? err.message;
  }
  return err.message;
}
