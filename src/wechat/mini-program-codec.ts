import {
  AccessTokenError,
  DomainCountLimitError,
  DomainNotOnPlatformError,
  MonthlyQuotaExceededError,
  SystemBusyError,
  UnknownWechatError,
  type WechatError,
} from '../domains/errors.js';
import {
  MINI_PROGRAM_SERVER_WORDS,
  MINI_PROGRAM_WEBVIEW_WORDS,
  type MiniProgramServerDomainsChange,
  type MiniProgramServerDomainsState,
  type MiniProgramWebviewDomainsState,
  SERVER_KINDS,
  type ServerDomainKinds,
  type ServerKind,
} from '../domains/mini-program-lists.js';
import { type Decoded, NotWechatJsonError } from './codec.js';
import { type DomainAction, TOKEN_ERRCODES } from './errors.js';

/** A Mini Program's calls, with its authorizer token (permission set 18). */
export const GET_EFFECTIVE_DOMAIN_PATH = '/wxa/get_effective_domain';
export const MODIFY_DOMAIN_PATH = '/wxa/modify_domain';
export const GET_EFFECTIVE_WEBVIEW_DOMAIN_PATH = '/wxa/get_effective_webviewdomain';
export const SET_WEBVIEW_DOMAIN_PATH = '/wxa/setwebviewdomain';

/** Each kind's array on the wire (get_effective_domain's views, modify_domain's body). */
export const KIND_FIELDS: Readonly<Record<ServerKind, string>> = {
  request: 'requestdomain',
  ws: 'wsrequestdomain',
  upload: 'uploaddomain',
  download: 'downloaddomain',
  udp: 'udpdomain',
  tcp: 'tcpdomain',
};

/** get_effective_domain's four views, as the state names them. */
const SERVER_VIEWS = { effective: 'effective_domain', platform: 'third_domain', direct: 'direct_domain', console: 'mp_domain' } as const;
const WEBVIEW_VIEWS = {
  effective: 'effective_webviewdomain',
  platform: 'third_webviewdomain',
  direct: 'direct_webviewdomain',
  console: 'mp_webviewdomain',
} as const;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An array of strings, or absent (WeChat leaves out what is empty). */
function strings(body: Record<string, unknown>, field: string, where: string): readonly string[] {
  const value = body[field];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
    throw new NotWechatJsonError(`"${where}${field}" is not a list of strings`);
  return value;
}

function kindsOf(view: unknown, name: string): ServerDomainKinds {
  if (view === undefined || view === null) return { request: [], ws: [], upload: [], download: [], udp: [], tcp: [] };
  if (!isRecord(view)) throw new NotWechatJsonError(`"${name}" is not an object`);
  return Object.fromEntries(
    SERVER_KINDS.map((kind) => [kind, strings(view, KIND_FIELDS[kind], `${name}.`)]),
  ) as unknown as ServerDomainKinds;
}

/** errcode and errmsg; a missing errcode counts as 0. */
function status(json: unknown): { errcode: number; errmsg: string; body: Record<string, unknown> } {
  if (!isRecord(json)) throw new NotWechatJsonError('the body is not a JSON object');
  const { errcode = 0, errmsg = '' } = json;
  if (typeof errcode !== 'number' || !Number.isInteger(errcode)) throw new NotWechatJsonError('"errcode" is not an integer');
  if (typeof errmsg !== 'string') throw new NotWechatJsonError('"errmsg" is not a string');
  return { errcode, errmsg, body: json };
}

/** The typed error of a Mini Program's call, as the issue maps WeChat's errcodes. */
export function miniProgramErrorFor(appId: string, errcode: number, errmsg: string): WechatError {
  if (TOKEN_ERRCODES.has(errcode)) {
    return new AccessTokenError(
      errcode,
      errmsg,
      `WeChat refused the authorizer access token of Mini Program ${appId}, even after a refresh. Check that the Mini Program is still authorized to the platform.`,
    );
  }
  if (errcode === 85018 || errcode === 85301 || errcode === 89021) return new DomainNotOnPlatformError(errcode, errmsg);
  if (errcode === 85016) return new DomainCountLimitError(errmsg, MINI_PROGRAM_SERVER_WORDS, errcode);
  if (errcode === 89029) return new DomainCountLimitError(errmsg, MINI_PROGRAM_WEBVIEW_WORDS, errcode);
  if (errcode === 45104) return new MonthlyQuotaExceededError(errmsg, undefined, MINI_PROGRAM_SERVER_WORDS);
  if (errcode === -1) return new SystemBusyError(errmsg);
  return new UnknownWechatError(errcode, errmsg);
}

/** Parses get_effective_domain's answer. */
export function decodeServerDomains(appId: string, json: unknown): Decoded<MiniProgramServerDomainsState> {
  const { errcode, errmsg, body } = status(json);
  if (errcode !== 0) return { ok: false, error: miniProgramErrorFor(appId, errcode, errmsg) };
  return {
    ok: true,
    value: {
      effective: kindsOf(body[SERVER_VIEWS.effective], SERVER_VIEWS.effective),
      platform: kindsOf(body[SERVER_VIEWS.platform], SERVER_VIEWS.platform),
      direct: kindsOf(body[SERVER_VIEWS.direct], SERVER_VIEWS.direct),
      console: kindsOf(body[SERVER_VIEWS.console], SERVER_VIEWS.console),
    },
  };
}

/** Parses get_effective_webviewdomain's answer. */
export function decodeWebviewDomains(appId: string, json: unknown): Decoded<MiniProgramWebviewDomainsState> {
  const { errcode, errmsg, body } = status(json);
  if (errcode !== 0) return { ok: false, error: miniProgramErrorFor(appId, errcode, errmsg) };
  return {
    ok: true,
    value: {
      effective: strings(body, WEBVIEW_VIEWS.effective, ''),
      platform: strings(body, WEBVIEW_VIEWS.platform, ''),
      direct: strings(body, WEBVIEW_VIEWS.direct, ''),
      console: strings(body, WEBVIEW_VIEWS.console, ''),
    },
  };
}

/** A change's answer: only whether WeChat took it (the lists come from a read made afterwards). */
export function decodeAccepted(appId: string, json: unknown): Decoded<true> {
  const { errcode, errmsg } = status(json);
  return errcode === 0 ? { ok: true, value: true } : { ok: false, error: miniProgramErrorFor(appId, errcode, errmsg) };
}

/** modify_domain's body: the action and all six arrays (a kind the change leaves out: empty). */
export function encodeModifyDomain(change: MiniProgramServerDomainsChange): Record<string, unknown> {
  return {
    action: change.action,
    ...Object.fromEntries(SERVER_KINDS.map((kind) => [KIND_FIELDS[kind], change.kinds[kind] ?? []])),
  };
}

/** setwebviewdomain's body, always with an explicit action: without one WeChat adds every platform business domain. */
export function encodeSetWebviewDomain(action: Exclude<DomainAction, 'get'>, domains: readonly string[]): Record<string, unknown> {
  return { action, webviewdomain: domains };
}
