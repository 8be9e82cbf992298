// Operator tasks run from the command line: print the Slack manifest, register the Discord
// commands, print the Discord invite link. Each returns the process exit code.
import { commands } from '../commands/index.js';
import type { Task } from './adapters/shell/cli-args.js';
import { slackManifest } from './adapters/slack/manifest.js';
import type { MainIO } from './main.js';

export async function runTask(task: Task, io: MainIO): Promise<number> {
  switch (task.name) {
    case 'manifest slack': {
      const url = task.url ?? 'https://YOUR-BOT-HOST';
      io.stdout.write(`${JSON.stringify(slackManifest(commands, url, task.socket), null, 2)}\n`);
      if (!task.url && !task.socket) io.stderr.write('genai-bot: replace https://YOUR-BOT-HOST with the address Slack can reach, or pass --url\n');
      return 0;
    }
    default:
      io.stderr.write(`genai-bot: ${task.name} is not available in this build\n`);
      return 1;
  }
}
