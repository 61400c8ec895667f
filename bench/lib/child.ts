/**
 * For the programs run.ts starts (servers, load generators): they get a stdin pipe the parent never
 * writes to, so when the parent dies, however it dies, stdin ends and they exit instead of lingering.
 * Only when run.ts started them (BENCH_EXIT_WITH_PARENT=1): started by hand, stdin may be /dev/null.
 */
export function exitWithParent(): void {
  if (process.env.BENCH_EXIT_WITH_PARENT !== '1') return;
  process.stdin.on('end', () => process.exit(70));
  process.stdin.on('error', () => process.exit(70));
  process.stdin.resume();
}

/** Writes one JSON line to stdout and exits once it is flushed (stdout to a pipe is asynchronous). */
export function printAndExit(value: unknown, code = 0): void {
  process.stdout.write(`${JSON.stringify(value)}\n`, () => process.exit(code));
}

/** Host and port from the environment, as the service reads them (PORT 0: any free port). */
export function listenAddress(): { host: string; port: number } {
  const port = Number(process.env.PORT || 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be 0..65535, not ${process.env.PORT}`);
  return { host: process.env.HOST || '127.0.0.1', port };
}

/** The line run.ts waits for; the service prints the same words. */
export function logListening(address: string, port: number): void {
  const host = address.includes(':') ? `[${address}]` : address;
  process.stdout.write(`${JSON.stringify({ msg: `listening on http://${host}:${port}/graphql`, pid: process.pid })}\n`);
}
