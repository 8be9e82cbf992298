// Prometheus metrics (prom-client) on GET /metrics: requests, errors and latency per command and
// platform, and rate-limit refusals. Its own registry, so tests and several routers do not clash.
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { HandledEvent } from './router/router.js';

export interface Metrics {
  observe(event: HandledEvent): void;
  readonly registry: Registry;
}

export function createMetrics(options: { defaults?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaults ?? true) collectDefaultMetrics({ register: registry, prefix: 'genai_bot_' });
  const requests = new Counter({
    name: 'genai_bot_requests_total',
    help: 'Requests answered, by platform, command and outcome (answer, usage, error, rate_limited)',
    labelNames: ['platform', 'command', 'outcome'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'genai_bot_request_duration_seconds',
    help: 'Time to answer a request inside the bot, by platform and command',
    labelNames: ['platform', 'command'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const limited = new Counter({
    name: 'genai_bot_rate_limited_total',
    help: 'Requests refused by the rate limits, by platform',
    labelNames: ['platform'] as const,
    registers: [registry],
  });
  // Label sets are few (platform x command x outcome): their bound series are kept, so a request
  // does not hash its labels again. The command is one of the registry's or "(unknown)".
  const series = new Map<string, { count: Counter.Internal; time: Histogram.Internal<string> }>();
  return {
    registry,
    observe(event) {
      const key = `${event.platform}\u0000${event.command}\u0000${event.kind}`;
      let bound = series.get(key);
      if (!bound) {
        bound = {
          count: requests.labels({ platform: event.platform, command: event.command, outcome: event.kind }),
          time: latency.labels({ platform: event.platform, command: event.command }),
        };
        series.set(key, bound);
      }
      bound.count.inc();
      bound.time.observe(event.ms / 1000);
      if (event.kind === 'rate_limited') limited.inc({ platform: event.platform });
    },
  };
}
