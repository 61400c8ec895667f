/**
 * Mints a development JWT for this service (HS256, with AUTH_JWT_SECRET):
 *   npm run token -- --scope server-domains:write [--sub alice] [--expires 1h]
 * AUTH_JWT_ISSUER / AUTH_JWT_AUDIENCE are added as `iss` / `aud` when set. For development only:
 * production tokens come from the team's identity provider.
 */
import { parseArgs } from 'node:util';
import { SignJWT } from 'jose';

const { values } = parseArgs({
  options: {
    scope: { type: 'string', default: 'server-domains:read' },
    sub: { type: 'string', default: 'developer' },
    expires: { type: 'string', default: '1h' },
    secret: { type: 'string' },
  },
});

const secret = values.secret ?? process.env.AUTH_JWT_SECRET;
if (!secret || secret.length < 32) {
  process.stderr.write('npm run token: set AUTH_JWT_SECRET (at least 32 characters), or pass --secret.\n');
  process.exit(1);
}

let jwt = new SignJWT({ scope: values.scope })
  .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
  .setSubject(values.sub)
  .setIssuedAt()
  .setExpirationTime(values.expires);
if (process.env.AUTH_JWT_ISSUER) jwt = jwt.setIssuer(process.env.AUTH_JWT_ISSUER);
if (process.env.AUTH_JWT_AUDIENCE) jwt = jwt.setAudience(process.env.AUTH_JWT_AUDIENCE);
process.stdout.write(`${await jwt.sign(new TextEncoder().encode(secret))}\n`);
