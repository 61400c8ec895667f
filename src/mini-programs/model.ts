/** Whether an authorizer may still be acted for: WeChat's list carries it (AUTHORIZED) or it is gone (REVOKED). */
export type AuthorizationStatus = 'AUTHORIZED' | 'REVOKED';

/**
 * One account authorized to the platform, as this service keeps it. Official Accounts are kept too (so a
 * sync never asks WeChat to classify them again) but are never listed.
 */
export interface Authorizer {
  readonly appId: string;
  /** From api_get_authorizer_info, once: `MiniProgramInfo` present or not. */
  readonly kind: 'mini-program' | 'official-account';
  readonly status: AuthorizationStatus;
  /** nick_name, when known. */
  readonly name?: string | undefined;
  /** ISO 8601 UTC: the list's auth_time, or the push's CreateTime. */
  readonly authorizedAt?: string | undefined;
  /** ISO 8601 UTC: when this service learnt the authorization was gone. */
  readonly revokedAt?: string | undefined;
  /** The authorizer_refresh_token: long-lived, held by the platform only. Never leaves the stores. */
  readonly refreshToken?: string | undefined;
}

export type MiniProgram = Authorizer & { readonly kind: 'mini-program' };

export const isMiniProgram = (a: Authorizer | undefined): a is MiniProgram => a?.kind === 'mini-program';

/** What a complete sync came to. */
export interface SyncSummary {
  /** ISO 8601 UTC: when the complete listing ended. */
  readonly at: string;
  /** Mini Programs AUTHORIZED after it. */
  readonly total: number;
  /** Mini Programs new to the registry in this sync. */
  readonly added: number;
  /** Mini Programs this sync turned REVOKED. */
  readonly revoked: number;
}

/** Unix seconds (WeChat's auth_time, a push's CreateTime) as ISO 8601 UTC. */
export const isoFromUnixSeconds = (seconds: number): string => new Date(seconds * 1000).toISOString();

/** The registry's error when an appid is not a Mini Program authorized now: the core's own (a result member). */
export { MiniProgramNotAuthorizedError } from '../domains/errors.js';
