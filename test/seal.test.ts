// Installation tokens at rest: sealed with AES-256-GCM, a fresh IV each time, and a changed byte
// or another key refused rather than opened into a wrong token.
import { describe, expect, it } from 'vitest';
import { createSealer, tokenKey } from '../src/adapters/slack/oauth/seal.js';
import { loadConfig } from '../src/config.js';

describe('sealing installation tokens', () => {
  const sealer = createSealer(tokenKey(undefined, 'a-state-secret-of-some-length'));

  it('opens what it sealed, never shows the token, and seals the same text differently each time', () => {
    const sealed = sealer.seal('{"bot":{"token":"xoxb-secret"}}');
    expect(sealed).not.toContain('xoxb');
    expect(sealer.open(sealed)).toBe('{"bot":{"token":"xoxb-secret"}}');
    expect(sealer.seal('same')).not.toBe(sealer.seal('same'));
  });

  it('refuses a changed byte and another key', () => {
    const sealed = sealer.seal('xoxb-secret');
    const [v, iv, tag, body] = sealed.split('.') as [string, string, string, string];
    const flipped = `${v}.${iv}.${tag}.${body.startsWith('A') ? 'B' : 'A'}${body.slice(1)}`;
    expect(() => sealer.open(flipped)).toThrow();
    expect(() => createSealer(tokenKey('ab'.repeat(32), 'unused-secret-xxxx')).open(sealed)).toThrow();
  });

  it('takes TOKEN_ENCRYPTION_KEY as 32 bytes only, named when wrong', () => {
    expect(tokenKey('ab'.repeat(32), 'x')).toHaveLength(32);
    expect(() => loadConfig({ TOKEN_ENCRYPTION_KEY: 'short' })).toThrow(/^TOKEN_ENCRYPTION_KEY: must be 32 bytes/);
    expect(() => loadConfig({ SLACK_CLIENT_ID: '1.2' })).toThrow(/^SLACK_CLIENT_SECRET: .* go together/);
  });
});
