import { createCipheriv } from 'node:crypto';
import { type PushRequest, type PushSettings, pushRequest, signPush } from '../../src/wechat/simulator/push.js';
import type { Stack } from './stack.js';

/**
 * Pushes crafted as WeChat would send them (or as an attacker or a broken proxy would), with the simulator's
 * independent encryption. Every text they hold that must never show up in a response or a log line (the
 * tickets, ciphertexts and decrypted messages) is added to `secrets`.
 */
export class PushForge {
  readonly secrets: string[] = [];
  constructor(readonly stack: Stack) {}

  get settings(): PushSettings {
    const { sim } = this.stack;
    return { token: sim.events.token, encodingAesKey: sim.events.encodingAesKey, appId: sim.credentials.componentAppId };
  }

  /** Encrypts and signs `message` (a decrypted push) at `timestampSeconds` (default: now). */
  push(message: string, options: { timestampSeconds?: number; settings?: Partial<PushSettings> } = {}): PushRequest {
    const request = pushRequest({ ...this.settings, ...options.settings }, message, options.timestampSeconds ?? nowSeconds());
    this.secrets.push(message, /<Encrypt><!\[CDATA\[(.*)\]\]><\/Encrypt>/.exec(request.body)![1]!);
    return request;
  }

  /** A correctly signed push whose Encrypt text is `encrypt`, whatever it holds. */
  signed(encrypt: string, timestampSeconds = nowSeconds()): PushRequest {
    const timestamp = String(timestampSeconds);
    const nonce = '1320258016';
    this.secrets.push(encrypt);
    return {
      query: new URLSearchParams({
        timestamp,
        nonce,
        encrypt_type: 'aes',
        msg_signature: signPush(this.settings.token, timestamp, nonce, encrypt),
      }),
      body: `<xml><AppId><![CDATA[${this.settings.appId}]]></AppId><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`,
    };
  }

  /** AES-256-CBC with the platform's key over `plain` exactly (no padding added): malformed plaintexts. */
  rawEncrypt(plain: Buffer): string {
    const key = Buffer.from(`${this.settings.encodingAesKey}=`, 'base64');
    const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
    return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
  }
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

export interface Answer {
  readonly status: number;
  readonly text: string;
  readonly contentType: string | null;
}

/** POSTs a push to the service's /wechat/events; every answer's text is kept in `answers`. */
export async function send(
  stack: Stack,
  query: URLSearchParams | string,
  body: BodyInit,
  answers: string[],
  init: RequestInit = {},
): Promise<Answer> {
  const response = await fetch(`${stack.eventsUrl}?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'text/xml' },
    body,
    ...init,
  });
  const text = await response.text();
  answers.push(text);
  return { status: response.status, text, contentType: response.headers.get('content-type') };
}
