import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * WeChat's msg_signature: the SHA-1 hex of the event token, timestamp, nonce and the Encrypt text,
 * sorted lexicographically and concatenated (see wechat-component-events.md, "Signature").
 */
export function messageSignature(token: string, timestamp: string, nonce: string, encrypt: string): string {
  return createHash('sha1').update([token, timestamp, nonce, encrypt].sort().join('')).digest('hex');
}

/** Compares two signatures in constant time (for equal lengths; a length is no secret). */
export function signaturesEqual(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
