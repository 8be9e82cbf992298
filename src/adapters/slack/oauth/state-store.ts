// The OAuth `state`: what the install page asked for, when, and a nonce, signed with HMAC-SHA256
// under SLACK_STATE_SECRET and refused after ten minutes. Stateless, so the replica that sends an
// installer to Slack need not be the one Slack sends them back to. (@slack/oauth's own store reads
// the wall clock; this one takes the clock as an option, so expiry is tested without waiting.)
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { InstallURLOptions, StateStore } from '@slack/oauth';

export const STATE_TTL_MS = 10 * 60_000;

export class InvalidState extends Error {
  override readonly name = 'InvalidStateError';
  readonly code = 'slack_oauth_invalid_state';
}

export function signedStateStore(secret: string, now: () => number = Date.now, ttlMs = STATE_TTL_MS): StateStore {
  const sign = (payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');
  return {
    async generateStateParam(installOptions: InstallURLOptions) {
      const payload = Buffer.from(JSON.stringify({ o: installOptions, t: now(), n: randomBytes(8).toString('hex') })).toString('base64url');
      return `${payload}.${sign(payload)}`;
    },
    async verifyStateParam(_now: Date, state: string) {
      const [payload, mac] = state.split('.');
      const expected = payload ? Buffer.from(sign(payload)) : Buffer.alloc(0);
      if (!payload || !mac || mac.length !== expected.length || !timingSafeEqual(Buffer.from(mac), expected))
        throw new InvalidState('the state is not one this app signed');
      const { o, t } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { o: InstallURLOptions; t: number };
      if (now() - t > ttlMs) throw new InvalidState('the state has expired; start the install again');
      return o;
    },
  };
}
