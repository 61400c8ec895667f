/**
 * Runs autocannon once, in its own process (run.ts pins it to core 1, away from the server on core 0),
 * and prints autocannon's result as one JSON line on stdout.
 *
 *   node bench/results/.build/cannon.js '{"url":"http://127.0.0.1:4000/graphql","connections":50,"duration":10,...}'
 */
import autocannon from 'autocannon';
import { exitWithParent, printAndExit } from './lib/child.js';

export interface CannonOptions {
  url: string;
  connections: number;
  /** Seconds. */
  duration: number;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /** Every response body must equal this; a different one counts as a mismatch. */
  expectBody?: string;
  /** Seconds before a request counts as timed out. */
  timeout?: number;
}

const raw = process.argv[2];
if (!raw) {
  process.stderr.write('usage: cannon.js <json options>\n');
  process.exit(64);
}
const options = JSON.parse(raw) as CannonOptions;
exitWithParent();

try {
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.duration,
    method: options.method,
    headers: options.headers,
    ...(options.body !== undefined ? { body: options.body } : {}),
    ...(options.expectBody !== undefined ? { expectBody: options.expectBody } : {}),
    timeout: options.timeout ?? 10,
  });
  printAndExit(result);
} catch (error) {
  process.stderr.write(`autocannon failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
}
