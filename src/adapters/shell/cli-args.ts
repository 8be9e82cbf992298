// genai-bot's own flags. Everything that is not a flag is the command text.
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

export function parseCliArgs(argv: readonly string[]): CliParse {
  const args: CliArgs = { json: false, help: false };
  const task = TASKS.find((t) => argv.slice(0, 2).join(' ') === t);
  if (task) return parseTask(task, argv.slice(2), args);
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      words.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '--json') args.json = true;
    else if (arg === '-h' || arg === '--help') args.help = true;
    else if (arg === '--lang' || arg.startsWith('--lang=')) {
      const value = arg === '--lang' ? argv[++i] : arg.slice('--lang='.length);
      if (!value || !isLang(value)) return { ok: false, message: `--lang takes en or zh, got “${value ?? ''}”` };
      args.lang = value;
    } else if (arg === '--history' || arg.startsWith('--history=')) {
      const value = arg === '--history' ? argv[++i] : arg.slice('--history='.length);
      if (!value || value.startsWith('-'))
        return { ok: false, message: '--history takes a file or folder, e.g. --history general/2023-01-30.json' };
      args.history = value;
    } else if (arg === '--chart-out' || arg.startsWith('--chart-out=')) {
      const value = arg === '--chart-out' ? argv[++i] : arg.slice('--chart-out='.length);
      if (!value || value.startsWith('-')) return { ok: false, message: '--chart-out takes a file name, e.g. --chart-out margin.png' };
      args.chartOut = value;
    } else if (/^--?[A-Za-z]/.test(arg)) {
      return { ok: false, message: `unknown option ${arg}` };
    } else words.push(arg);
  }
  if (words.length) args.text = words.join(' ');
  if (args.chartOut && args.text === undefined)
    return { ok: false, message: '--chart-out needs a command, e.g. genai-bot "/margin inference=30%" --chart-out m.png' };
  return { ok: true, args };
}

function parseTask(name: Task['name'], rest: readonly string[], args: CliArgs): CliParse {
  const task: Task = { name };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (name === 'manifest slack' && (arg === '--url' || arg.startsWith('--url='))) {
      const value = arg === '--url' ? rest[++i] : arg.slice('--url='.length);
      if (!value || !/^https:\/\/\S+$/.test(value))
        return { ok: false, message: '--url takes the https address the bot is reachable at, e.g. --url https://bot.example.com' };
      task.url = value;
    } else if (name === 'manifest slack' && arg === '--socket') task.socket = true;
    else return { ok: false, message: `${name} does not take “${arg}”` };
  }
  return { ok: true, args: { ...args, task } };
}
