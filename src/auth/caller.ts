/** The scopes this service knows. Write implies read. */
export const READ_SCOPE = 'server-domains:read';
export const WRITE_SCOPE = 'server-domains:write';
/** The authorized Mini Programs: their own pair, granted by neither server-domains scope (nor granting one). */
export const MINI_PROGRAMS_READ_SCOPE = 'mini-programs:read';
export const MINI_PROGRAMS_WRITE_SCOPE = 'mini-programs:write';

/** Who is calling, as far as the service can tell. */
export interface Caller {
  /** The token's `sub`, for logs; undefined when unauthenticated or auth is off. */
  readonly subject: string | undefined;
  readonly canRead: boolean;
  readonly canWrite: boolean;
  readonly canReadMiniPrograms: boolean;
  readonly canWriteMiniPrograms: boolean;
}

/** With auth off (simulator mode, or AUTH_DISABLED=true), every caller may do everything. */
export const UNCHECKED_CALLER: Caller = {
  subject: undefined,
  canRead: true,
  canWrite: true,
  canReadMiniPrograms: true,
  canWriteMiniPrograms: true,
};

/** Scopes come from `scope` (space-separated, RFC 8693) or `scp` (an array, or a string). */
export function scopesOf(payload: Record<string, unknown>): Set<string> {
  const scopes = new Set<string>();
  for (const claim of [payload.scope, payload.scp]) {
    if (typeof claim === 'string') for (const s of claim.split(/\s+/)) if (s) scopes.add(s);
    if (Array.isArray(claim)) for (const s of claim) if (typeof s === 'string') scopes.add(s);
  }
  return scopes;
}

export function callerFromClaims(payload: Record<string, unknown>): Caller {
  const scopes = scopesOf(payload);
  const canWrite = scopes.has(WRITE_SCOPE);
  const canWriteMiniPrograms = scopes.has(MINI_PROGRAMS_WRITE_SCOPE);
  return {
    subject: typeof payload.sub === 'string' ? payload.sub : undefined,
    canRead: canWrite || scopes.has(READ_SCOPE),
    canWrite,
    canReadMiniPrograms: canWriteMiniPrograms || scopes.has(MINI_PROGRAMS_READ_SCOPE),
    canWriteMiniPrograms,
  };
}

/**
 * The token of an `Authorization: Bearer <token>` header, as remembered verified tokens are looked up. A
 * header plugin-jwt would read differently (extra spaces, a second word) finds nothing remembered and
 * takes plugin-jwt's own checks.
 */
export const bearerToken = (authorization: string | null | undefined): string | undefined =>
  authorization?.startsWith('Bearer ') ? authorization.slice(7) : undefined;
