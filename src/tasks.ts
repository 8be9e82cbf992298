// Operator tasks run from the command line: print the Slack manifest, register the Discord
// commands, print the Discord invite link. Each returns the process exit code.
import { commands } from '../commands/index.js';
import type { Task } from './adapters/shell/cli-args.js';
import { slackManifest } from './adapters/slack/manifest.js';
import { loadConfigOrReport } from './config.js';
import type { MainIO } from './main.js';

export async function runTask(task: Task, io: MainIO): Promise<number> {
  switch (task.name) {
    case 'manifest slack': {
      const url = task.url ?? 'https://YOUR-BOT-HOST';
      // With the OAuth install configured, the manifest names its redirect URL (issue 17).
      const oauth = Boolean(io.env.SLACK_CLIENT_ID);
      io.stdout.write(`${JSON.stringify(slackManifest(commands, url, task.socket, oauth), null, 2)}\n`);
      if (!task.url && !task.socket)
        io.stderr.write('genai-bot: replace https://YOUR-BOT-HOST with the address Slack can reach, or pass --url\n');
      return 0;
    }
    case 'register discord':
    case 'invite discord': {
      const config = loadConfigOrReport(io.env, io.stderr);
      if (!config) return 1;
      // @discordjs/rest only: the gateway (discord.js) is not loaded for either task.
      const { registerDiscordCommands, inviteUrl } = await import('./adapters/discord/index.js');
      if (task.name === 'register discord') return registerDiscordCommands({ config, out: io.stdout, err: io.stderr });
      if (!config.DISCORD_APPLICATION_ID) {
        io.stderr.write(
          'genai-bot: DISCORD_APPLICATION_ID is not set: the application id from the Discord developer portal (your app → General Information)\n',
        );
        return 1;
      }
      io.stdout.write(`${inviteUrl(config.DISCORD_APPLICATION_ID)}\n`);
      return 0;
    }
    default:
      io.stderr.write(`genai-bot: ${task.name} is not available in this build\n`);
      return 1;
  }
}
