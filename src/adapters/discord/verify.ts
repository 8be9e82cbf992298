// Ed25519 verification of Discord's interaction requests: the signature covers timestamp + raw body.
// The key object is built once: parsing the key per request would add to the ~270 us a
// verification already costs, and verification is what bounds this endpoint's throughput.
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** DER SubjectPublicKeyInfo header for an Ed25519 key; the 32 raw key bytes follow it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
/** Replays are refused past this age (either way: clocks drift). Discord sends within a second. */
export const MAX_SKEW_SECONDS = 5 * 60;

export type VerifyResult =
  | { ok: true }
  | { ok: false; reason: 'missing_headers' | 'bad_signature_format' | 'bad_timestamp' | 'stale_timestamp' | 'bad_signature' };

export function publicKeyFromHex(hex: string): KeyObject {
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error('DISCORD_PUBLIC_KEY must be 64 hex characters');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]), format: 'der', type: 'spki' });
}

export type RequestVerifier = (signature: string | undefined, timestamp: string | undefined, body: Buffer) => VerifyResult;

/** `now` returns milliseconds since the epoch; injected so tests can sign at any time. */
export function createVerifier(publicKeyHex: string, now: () => number = Date.now): RequestVerifier {
  const key = publicKeyFromHex(publicKeyHex);
  return (signature, timestamp, body) => {
    if (!signature || !timestamp) return { ok: false, reason: 'missing_headers' };
    if (!/^[0-9a-f]{128}$/i.test(signature)) return { ok: false, reason: 'bad_signature_format' };
    if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'bad_timestamp' };
    if (Math.abs(now() / 1000 - Number(timestamp)) > MAX_SKEW_SECONDS) return { ok: false, reason: 'stale_timestamp' };
    const signed = Buffer.concat([Buffer.from(timestamp, 'utf8'), body]);
    return verify(null, signed, key, Buffer.from(signature, 'hex')) ? { ok: true } : { ok: false, reason: 'bad_signature' };
  };
}
