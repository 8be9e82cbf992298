// Installation tokens are sealed before they reach the store: AES-256-GCM, a fresh 12-byte IV per
// seal, the tag checked on open (a changed byte or the wrong key fails loudly, never yields a
// wrong token). The key is TOKEN_ENCRYPTION_KEY (32 bytes, hex or base64) or, failing that, one
// derived from SLACK_STATE_SECRET with HKDF, so a deployment has one secret fewer to manage.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

export interface Sealer {
  seal(plain: string): string;
  open(sealed: string): string;
}

const VERSION = 'v1';

export function tokenKey(encryptionKey: string | undefined, stateSecret: string): Buffer {
  if (encryptionKey) {
    const key = /^[0-9a-f]{64}$/i.test(encryptionKey) ? Buffer.from(encryptionKey, 'hex') : Buffer.from(encryptionKey, 'base64');
    if (key.length !== 32) throw new Error('TOKEN_ENCRYPTION_KEY: must be 32 bytes, as 64 hex characters or base64');
    return key;
  }
  return Buffer.from(hkdfSync('sha256', stateSecret, 'genai-market-bot', 'slack installation tokens', 32));
}

export function createSealer(key: Buffer): Sealer {
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('not a sealed installation');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}
