/**
 * Runs autocannon once, in its own process (run.ts pins it to core 1, away from the server on core 0),
 * and prints autocannon's result as one JSON line on stdout.
 *
 *   node bench/results/.build/cannon.js '{"url":"http://127.0.0.1:4000/graphql","connections":50,"duration":10,...}'
 */
import autocannon, { type Request as CannonRequest } from 'autocannon';
import { exitWithParent, printAndExit } from './lib/child.js';
import { mintToken } from './lib/request.js';

export interface CannonOptions {
  url: string;
  connections: number;
  /** Seconds. */
  duration: number;
  /** Stop after this many requests instead (the many-callers warm-up: one round of every token). */
  amount?: number;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /** Every response body must equal this; a different one counts as a mismatch. */
  expectBody?: string;
  /** Seconds before a request counts as timed out. */
  timeout?: number;
  /** Replace each `[<id>]` in the body with a fresh id per request (the cold load: no two bodies alike). */
  idReplacement?: boolean;
  /** Many callers: mint this many distinct tokens with the secret, and send them in turn, one per request. */
  callers?: { secret: string; count: number; issuedAt: number };
}

const raw = process.argv[2];
if (!raw) {
  process.stderr.write('usage: cannon.js <json options>\n');
  process.exit(64);
}
const options = JSON.parse(raw) as CannonOptions;
exitWithParent();

/** Bodies that differed from expectBody where autocannon cannot compare them itself (with `requests`). */
let ownMismatches = 0;

/**
 * One token per caller, each with its own subject; minted here so that 10,000 of them need not pass through
 * argv. autocannon refuses expectBody alongside `requests`, so each answer is compared here.
 */
async function callerRequests(callers: NonNullable<CannonOptions['callers']>): Promise<CannonRequest[]> {
  const tokens: string[] = [];
  for (let i = 0; i < callers.count; i++) tokens.push(await mintToken(callers.secret, `caller-${i}`, callers.issuedAt));
  let next = 0;
  return [
    {
      setupRequest: (request: CannonRequest) => {
        request.headers = { ...options.headers, authorization: `Bearer ${tokens[next]}` };
        next = (next + 1) % tokens.length;
        return request;
      },
      onResponse: (_status: number, body: string) => {
        if (options.expectBody !== undefined && body !== options.expectBody) ownMismatches++;
      },
    },
  ];
}

try {
  const requests = options.callers ? await callerRequests(options.callers) : undefined;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    ...(options.amount !== undefined ? { amount: options.amount } : { duration: options.duration }),
    method: options.method,
    headers: options.headers,
    ...(options.body !== undefined ? { body: options.body } : {}),
    ...(options.expectBody !== undefined && !requests ? { expectBody: options.expectBody } : {}),
    timeout: options.timeout ?? 10,
    ...(options.idReplacement ? { idReplacement: true } : {}),
    ...(requests ? { requests } : {}),
  });
  result.mismatches += ownMismatches;
  printAndExit(result);
} catch (error) {
  process.stderr.write(`autocannon failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
}
