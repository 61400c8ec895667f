import { SignJWT } from 'jose';

export const TEST_SECRET = 'test-secret-for-hs256-at-least-32-characters-long';

/** An HS256 JWT as a caller's identity provider would issue it. */
export function mint(
  claims: Record<string, unknown>,
  options: { secret?: string; expiresIn?: string | number; issuer?: string; audience?: string } = {},
): Promise<string> {
  let jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setSubject(String(claims.sub ?? 'tester'));
  jwt = jwt.setExpirationTime(options.expiresIn ?? '5m');
  if (options.issuer) jwt = jwt.setIssuer(options.issuer);
  if (options.audience) jwt = jwt.setAudience(options.audience);
  return jwt.sign(new TextEncoder().encode(options.secret ?? TEST_SECRET));
}

/** A token with `alg: none`: header and payload, and no signature. */
export function unsigned(claims: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ exp: Math.floor(Date.now() / 1000) + 300, ...claims })}.`;
}
