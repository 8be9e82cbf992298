// The built bot as an operator starts it (`node dist/app/bin.js`, what `npm start` runs), in its
// own process, with only the variables a test gives it, on port 0, and never past loopback: the
// platforms' APIs are pointed at local fakes unless a test points them somewhere itself.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../dist/app/bin.js', import.meta.url));

/** An address nothing listens on: a call the test did not expect fails at once. */
const NOWHERE = 'http://127.0.0.1:9/api';

export interface BotProcess {
  port: number;
  child: ChildProcess;
  url(path: string): string;
  logs(): string;
  /** Resolves when the logs match (work the bot does in the background, such as its token check). */
  waitForLog(pattern: RegExp, ms?: number): Promise<void>;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/** `nodeArgs` go before the script (`--import` a module that must load first). */
export async function startBot(env: Record<string, string>, options: { nodeArgs?: string[] } = {}): Promise<BotProcess> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), BIN], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      STORE_PATH: join(mkdtempSync(join(tmpdir(), 'bot-')), 'store.json'),
      LOG_LEVEL: 'info',
      SLACK_API_URL: `${NOWHERE}/`,
      DISCORD_API_URL: NOWHERE,
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let logs = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "listening" line in: ${logs}`)), 10_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      logs += chunk.toString();
      const match = /"port":(\d+).*listening on port/.exec(logs);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    void exited.then((code) => reject(new Error(`the bot exited with ${code} before listening: ${logs}`)));
  });
  return {
    port,
    child,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    logs: () => logs,
    waitForLog: async (pattern, ms = 5000) => {
      const deadline = Date.now() + ms;
      while (!pattern.test(logs)) {
        if (Date.now() > deadline) throw new Error(`no ${pattern} in: ${logs}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
