import { createCipheriv, createHash, randomBytes, randomInt } from 'node:crypto';

/**
 * How WeChat signs and encrypts what it pushes to a platform's event URL, written for the simulator on its
 * own (it shares no code with src/events/, so a round trip through both tests one against the other).
 * Follows ../shared/reference/wechat-component-events.md. Exported for tests that craft pushes.
 */

/** The push's AES-256-CBC: key = base64(EncodingAESKey + "="), IV = its first 16 bytes, PKCS#7 to 32 bytes. */
export function encryptPush(message: string, appId: string, encodingAesKey: string, random: Buffer = randomBytes(16)): string {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  const text = Buffer.from(message, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(text.length, 0);
  const plain = Buffer.concat([random, length, text, Buffer.from(appId, 'utf8')]);
  const padLength = 32 - (plain.length % 32);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([cipher.update(Buffer.concat([plain, Buffer.alloc(padLength, padLength)])), cipher.final()]).toString('base64');
}

/** msg_signature: SHA-1 hex over the sorted token, timestamp, nonce and Encrypt text. */
export function signPush(token: string, timestamp: string, nonce: string, encrypt: string): string {
  const sorted = [token, timestamp, nonce, encrypt].sort();
  const hash = createHash('sha1');
  for (const part of sorted) hash.update(part);
  return hash.digest('hex');
}

/** The decrypted body of a component_verify_ticket push. */
export const ticketMessage = (appId: string, ticket: string, createTime: number): string =>
  `<xml><AppId><![CDATA[${appId}]]></AppId><CreateTime>${createTime}</CreateTime><InfoType><![CDATA[component_verify_ticket]]></InfoType><ComponentVerifyTicket><![CDATA[${ticket}]]></ComponentVerifyTicket></xml>`;

/** The decrypted body of an authorisation push (`authorized`, `updateauthorized`, `unauthorized`). */
export const authorizationMessage = (
  appId: string,
  infoType: string,
  authorizerAppid: string,
  createTime: number,
  code = `queryauthcode@@@${randomBytes(12).toString('hex')}`,
): string =>
  `<xml><AppId><![CDATA[${appId}]]></AppId><CreateTime>${createTime}</CreateTime><InfoType><![CDATA[${infoType}]]></InfoType><AuthorizerAppid><![CDATA[${authorizerAppid}]]></AuthorizerAppid><AuthorizationCode><![CDATA[${code}]]></AuthorizationCode><AuthorizationCodeExpiredTime>${createTime + 3600}</AuthorizationCodeExpiredTime></xml>`;

export interface PushSettings {
  /** The event token (message-check token) configured in the console. */
  readonly token: string;
  /** The 43-character EncodingAESKey. */
  readonly encodingAesKey: string;
  readonly appId: string;
}

/** A push as it goes on the wire: the query string and the XML body. */
export interface PushRequest {
  readonly query: URLSearchParams;
  readonly body: string;
}

/** Encrypts and signs `message` as WeChat would, at `timestampSeconds`. */
export function pushRequest(
  settings: PushSettings,
  message: string,
  timestampSeconds: number,
  nonce = String(randomInt(1e9)),
): PushRequest {
  const encrypt = encryptPush(message, settings.appId, settings.encodingAesKey);
  const timestamp = String(timestampSeconds);
  const plainSignature = createHash('sha1').update([settings.token, timestamp, nonce].sort().join('')).digest('hex');
  return {
    query: new URLSearchParams({
      signature: plainSignature,
      timestamp,
      nonce,
      encrypt_type: 'aes',
      msg_signature: signPush(settings.token, timestamp, nonce, encrypt),
    }),
    body: `<xml>\n    <AppId><![CDATA[${settings.appId}]]></AppId>\n    <Encrypt><![CDATA[${encrypt}]]></Encrypt>\n</xml>`,
  };
}

/** A fresh EncodingAESKey: 43 characters of the base64 alphabet, as the console makes them. */
export const newEncodingAesKey = (): string => randomBytes(32).toString('base64').slice(0, 43);
