// GET /readyz: whether a load balancer may send this process traffic now, and if not, why.
// /healthz says the process runs; readiness says it can serve: the store can be written and every
// configured platform connection is up. Each part reports its own state with a reason.
import { type AppServer, sendJson } from './http-server.js';

export interface Status {
  ready: boolean;
  /** What the part is doing ("connected", "writable"), or why it cannot serve. */
  detail: string;
}

export type ReadinessCheck = () => Status | Promise<Status>;

/** A connection's state, set by its event handlers and read by /readyz. */
export class ConnectionStatus {
  private status: Status;

  constructor(detail = 'starting') {
    this.status = { ready: false, detail };
  }

  up(detail: string): void {
    this.status = { ready: true, detail };
  }

  down(detail: string): void {
    this.status = { ready: false, detail };
  }

  get current(): Status {
    return this.status;
  }

  readonly check: ReadinessCheck = () => this.status;
}

export function registerReadiness(server: AppServer, checks: Readonly<Record<string, ReadinessCheck>>): void {
  server.route('GET', '/readyz', async (_req, _body, res) => {
    const results = await Promise.all(Object.entries(checks).map(async ([name, check]) => [name, await run(check)] as const));
    const ready = results.every(([, status]) => status.ready);
    sendJson(res, ready ? 200 : 503, { ready, checks: Object.fromEntries(results) });
  });
}

/** A check that throws is a part that cannot serve, with the error as its reason. */
async function run(check: ReadinessCheck): Promise<Status> {
  try {
    return await check();
  } catch (err) {
    return { ready: false, detail: err instanceof Error ? err.message : String(err) };
  }
}
