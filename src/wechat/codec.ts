import { AccessTokenError, type WechatError } from '../domains/errors.js';
import { type DomainConfirmFile, type PlatformListWire, SERVER_DOMAINS } from '../domains/platform-lists.js';
import type { PlatformDomainsState } from '../domains/state.js';
import type { DailyCallQuota } from '../domains/upstream.js';
import { type DomainAction, wechatErrorFor } from './errors.js';

export type { DailyCallQuota } from '../domains/upstream.js';

/** The server domains' wire, the first list's (tests and tools call the codec without naming one). */
const SERVER_WIRE = SERVER_DOMAINS.wire;

/** The body of a platform list's call: `action`, the list's `;`-joined field, is_modify_published_together. */
export type ModifyRequestBody = { action: DomainAction; is_modify_published_together?: boolean } & Record<string, unknown>;

export type Decoded<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: WechatError };

/** Thrown when a body is JSON but not WeChat's: the client turns it into UpstreamUnavailableError. */
export class NotWechatJsonError extends Error {
  override name = 'NotWechatJsonError';
}

const SEPARATOR = ';';

/**
 * A platform list's request body. is_modify_published_together is always sent on a change (false unless
 * asked for), never left to WeChat's default.
 */
export function encodeModifyRequest(
  action: DomainAction,
  domains: readonly string[] = [],
  publishTogether = false,
  wire: PlatformListWire = SERVER_WIRE,
): ModifyRequestBody {
  if (action === 'get') return { action };
  // The normaliser refuses separators; this guards the wire itself, so one entry never becomes two.
  if (domains.some((d) => d.includes(SEPARATOR))) throw new Error('a domain containing ";" reached the WeChat codec');
  return { action, [wire.domains]: domains.join(SEPARATOR), is_modify_published_together: publishTogether };
}

/** `"a.com;b.com"` → `["a.com", "b.com"]`; empty pieces (`""`, a trailing `;`) are dropped. */
export function splitDomains(value: string): string[] {
  return value
    .split(SEPARATOR)
    .map((d) => d.trim())
    .filter((d) => d !== '');
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function optionalString(body: Record<string, unknown>, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new NotWechatJsonError(`"${field}" is not a string`);
  return value;
}

/** Reads errcode/errmsg; a missing errcode counts as 0, as WeChat omits it on some successes. */
function status(body: unknown): { errcode: number; errmsg: string; body: Record<string, unknown> } {
  if (!isRecord(body)) throw new NotWechatJsonError('the body is not a JSON object');
  const { errcode = 0, errmsg = '' } = body;
  if (typeof errcode !== 'number' || !Number.isInteger(errcode)) throw new NotWechatJsonError('"errcode" is not an integer');
  if (typeof errmsg !== 'string') throw new NotWechatJsonError('"errmsg" is not a string');
  return { errcode, errmsg, body };
}

/** How a list's errors are worded (see wechatErrorFor). */
type Wording = Parameters<typeof wechatErrorFor>[3];

/** Parses a platform list's answer into its state or the typed error for its errcode. */
export function decodeModifyResponse(
  action: DomainAction,
  json: unknown,
  wire: PlatformListWire = SERVER_WIRE,
  wording?: Wording,
): Decoded<PlatformDomainsState> {
  const { errcode, errmsg, body } = status(json);
  if (errcode !== 0) return { ok: false, error: wechatErrorFor(action, errcode, errmsg, wording) };
  const published = optionalString(body, wire.published);
  return {
    ok: true,
    value: {
      testing: splitDomains(optionalString(body, wire.testing) ?? ''),
      published: published === undefined ? null : splitDomains(published),
      unverified: splitDomains(optionalString(body, wire.unverified) ?? ''),
    },
  };
}

/** The body of get_domain_confirmfile: nothing. */
export const encodeConfirmFileRequest = () => ({});

/** Parses a get_domain_confirmfile answer (`file_name`, `file_content`). */
export function decodeConfirmFileResponse(json: unknown): Decoded<DomainConfirmFile> {
  const { errcode, errmsg, body } = status(json);
  if (errcode !== 0) return { ok: false, error: wechatErrorFor('confirmfile', errcode, errmsg) };
  const fileName = optionalString(body, 'file_name');
  const fileContent = optionalString(body, 'file_content');
  if (fileName === undefined || fileName === '') throw new NotWechatJsonError('"file_name" is missing');
  if (fileContent === undefined) throw new NotWechatJsonError('"file_content" is missing');
  return { ok: true, value: { fileName, fileContent } };
}

/** The body of openapi/quota/get: the API path with a leading slash and no host. */
export const encodeQuotaRequest = (cgiPath: string) => ({ cgi_path: cgiPath });

const count = (quota: Record<string, unknown>, field: string): number => {
  const value = quota[field];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new NotWechatJsonError(`"quota.${field}" is not a count`);
  return value;
};

/**
 * Parses an openapi/quota/get answer. Its errcodes are a read's: -1 busy, token errors, and any other
 * (76003 for an unknown cgi_path, …) kept as UnknownWechatError.
 */
export function decodeQuotaResponse(json: unknown): Decoded<DailyCallQuota> {
  const { errcode, errmsg, body } = status(json);
  if (errcode !== 0) return { ok: false, error: wechatErrorFor('quota', errcode, errmsg) };
  const quota = body.quota;
  if (!isRecord(quota)) throw new NotWechatJsonError('"quota" is missing');
  return { ok: true, value: { limit: count(quota, 'daily_limit'), used: count(quota, 'used'), remaining: count(quota, 'remain') } };
}

export interface IssuedToken {
  readonly token: string;
  readonly expiresInSeconds: number;
}

/** Parses an api_component_token answer; every errcode of that call is an AccessTokenError. */
export function decodeTokenResponse(json: unknown): Decoded<IssuedToken> {
  const { errcode, errmsg, body } = status(json);
  if (errcode !== 0) return { ok: false, error: new AccessTokenError(errcode, errmsg) };
  const token = body.component_access_token;
  const expiresIn = body.expires_in;
  if (typeof token !== 'string' || token === '') throw new NotWechatJsonError('"component_access_token" is missing');
  if (typeof expiresIn !== 'number' || !(expiresIn > 0)) throw new NotWechatJsonError('"expires_in" is not a positive number');
  return { ok: true, value: { token, expiresInSeconds: expiresIn } };
}
