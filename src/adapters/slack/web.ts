// The Slack Web API client: bounded retries, Retry-After honoured (the client waits out a 429
// rather than failing), a timeout, and logs through pino. Also the chart upload.
import { WebClient, type Logger as SlackLogger, LogLevel } from '@slack/web-api';
import type { Logger } from '../../logger.js';

/**
 * `rejectRateLimited`: fail a 429 at once instead of waiting it out; for history reads, where
 * Slack may allow one page a minute and the digest should rather say it was cut short.
 */
export function createWebClient(
  token: string,
  logger: Logger,
  opts: { slackApiUrl?: string; fetch?: typeof fetch; rejectRateLimited?: boolean } = {},
): WebClient {
  return new WebClient(token, {
    logger: slackLogger(logger),
    logLevel: LogLevel.WARN,
    retryConfig: { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 10_000 },
    rejectRateLimitedCalls: opts.rejectRateLimited ?? false,
    timeout: 10_000,
    ...(opts.slackApiUrl ? { slackApiUrl: opts.slackApiUrl } : {}),
    ...(opts.fetch ? { fetch: opts.fetch as never } : {}),
  });
}

/**
 * Uploads a chart privately (no channel: nobody sees it until a message shows it) and returns
 * its file id for an image block, or undefined when the upload fails: the answer goes out anyway.
 */
export async function uploadChart(web: WebClient, png: Uint8Array, title: string, logger: Logger): Promise<string | undefined> {
  try {
    const result = (await web.files.uploadV2({ file: Buffer.from(png), filename: 'chart.png', title, alt_text: title })) as unknown as {
      files?: { id?: string; files?: { id?: string }[] }[];
    };
    return result.files?.flatMap((f) => [f.id, ...(f.files ?? []).map((g) => g.id)]).find((id): id is string => typeof id === 'string');
  } catch (err) {
    logger.warn({ err: (err as Error).message }, 'slack chart upload failed; answering without the chart');
    return undefined;
  }
}

function slackLogger(logger: Logger): SlackLogger {
  let level = LogLevel.WARN;
  return {
    debug: (...msg) => logger.debug({ slack: msg.map(String).join(' ') }, 'slack web api'),
    info: (...msg) => logger.info({ slack: msg.map(String).join(' ') }, 'slack web api'),
    warn: (...msg) => logger.warn({ slack: msg.map(String).join(' ') }, 'slack web api'),
    error: (...msg) => logger.error({ slack: msg.map(String).join(' ') }, 'slack web api'),
    setLevel: (l) => (level = l),
    getLevel: () => level,
    setName: () => undefined,
  };
}
