// genai-bot's own flags. Everything that is not a flag is the command text.
import { isLang, type Lang } from '../../core/i18n/lang.js';

export interface CliArgs {
  json: boolean;
  lang?: Lang;
  help: boolean;
  /** The command text, when one was given: a one-shot answer. */
  text?: string;
  /** --chart-out FILE.png: write the reply's chart there. */
  chartOut?: string;
}

export type CliParse = { ok: true; args: CliArgs } | { ok: false; message: string };

export const CLI_USAGE = `Usage:
  genai-bot                          open the interactive shell (reads a pipe too)
  genai-bot "<command>" [--json]     answer once and exit, e.g. genai-bot "/moat nvidia"
Options:
  --lang en|zh   answer in English or Chinese (default: English, or Chinese for Chinese input)
  --json         print the reply as JSON
  --chart-out F  write the chart of /margin or /flow to F (PNG)
  -h, --help     this help`;

export function parseCliArgs(argv: readonly string[]): CliParse {
  const args: CliArgs = { json: false, help: false };
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
    } else if (arg === '--chart-out' || arg.startsWith('--chart-out=')) {
      const value = arg === '--chart-out' ? argv[++i] : arg.slice('--chart-out='.length);
      if (!value || value.startsWith('-')) return { ok: false, message: '--chart-out takes a file name, e.g. --chart-out margin.png' };
      args.chartOut = value;
    } else if (/^--?[A-Za-z]/.test(arg)) {
      return { ok: false, message: `unknown option ${arg}` };
    } else words.push(arg);
  }
  if (words.length) args.text = words.join(' ');
  if (args.chartOut && args.text === undefined) return { ok: false, message: '--chart-out needs a command, e.g. genai-bot "/margin inference=30%" --chart-out m.png' };
  return { ok: true, args };
}
