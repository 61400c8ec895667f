import { createDecipheriv } from 'node:crypto';

/**
 * WeChat's message encryption, decrypt side: AES-256-CBC with the key base64-decoded from the 43-character
 * EncodingAESKey, the key's first 16 bytes as IV, and PKCS#7 padding to a 32-byte block. The plaintext is
 * 16 random bytes, the message length (uint32, big-endian), the message, then the appid.
 * Written on node:crypto (about 40 lines): the npm packages for it are years old (see stack-notes.md).
 */

/** The ciphertext or its plaintext is not what WeChat makes: the caller answers 400. */
export class DecryptError extends Error {
  override name = 'DecryptError';
}

const PAD_BLOCK = 32;
const RANDOM_BYTES = 16;
const LENGTH_BYTES = 4;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The 32-byte AES key of an EncodingAESKey (43 characters of the base64 alphabet, checked by the config). */
export function aesKeyOf(encodingAesKey: string): Buffer {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  if (key.length !== 32) throw new Error('an EncodingAESKey must decode to 32 bytes');
  return key;
}

export interface Decrypted {
  /** The message (XML), as UTF-8 text. */
  readonly message: string;
  /** The appid WeChat appended after the message. */
  readonly appId: string;
}

export function decryptMessage(encrypt: string, key: Buffer): Decrypted {
  if (encrypt.length % 4 !== 0 || !BASE64.test(encrypt)) throw new DecryptError('the ciphertext is not base64');
  const cipherText = Buffer.from(encrypt, 'base64');
  if (cipherText.length === 0 || cipherText.length % PAD_BLOCK !== 0)
    throw new DecryptError('the ciphertext length is not a multiple of 32');
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
    // WeChat pads to 32 bytes, OpenSSL's PKCS#7 to 16: strip the padding here.
    decipher.setAutoPadding(false);
    plain = Buffer.concat([decipher.update(cipherText), decipher.final()]);
  } catch {
    throw new DecryptError('the ciphertext does not decrypt');
  }
  const pad = plain[plain.length - 1]!;
  if (pad < 1 || pad > PAD_BLOCK || plain.subarray(plain.length - pad).some((byte) => byte !== pad)) {
    throw new DecryptError('bad padding');
  }
  const content = plain.subarray(0, plain.length - pad);
  if (content.length < RANDOM_BYTES + LENGTH_BYTES) throw new DecryptError('the plaintext is too short');
  const length = content.readUInt32BE(RANDOM_BYTES);
  const start = RANDOM_BYTES + LENGTH_BYTES;
  if (length > content.length - start) throw new DecryptError('the message length is out of bounds');
  try {
    return {
      message: utf8.decode(content.subarray(start, start + length)),
      appId: utf8.decode(content.subarray(start + length)),
    };
  } catch {
    throw new DecryptError('the plaintext is not UTF-8');
  }
}
