import { createRequire } from 'node:module';
import { type DestinationStream, type Logger, pino } from 'pino';

export const SERVICE_NAME = 'wxa-server-domains';

/** Where the process's own logs go when no destination is given. */
export interface LogOutput {
  /** Human-readable lines (pino-pretty) instead of JSON: for a developer's terminal only. */
  readonly pretty: boolean;
}

// Exact paths only: wildcard paths cost a tree walk on every line, and every line we write is ours.
const REDACT = [
  'authorization',
  'headers.authorization',
  'req.headers.authorization',
  'access_token',
  'component_access_token',
  'component_appsecret',
  'component_verify_ticket',
  'body.component_appsecret',
  'body.component_verify_ticket',
];

/**
 * Structured JSON logs. Nothing we log carries a secret on purpose; the redaction list is the safety net
 * for anything that would (a header, a request body, a URL with access_token). Without a destination,
 * stdout is written asynchronously: a synchronous write to a pipe nobody reads would stall the service.
 */
export function createLogger(level: string, destination?: DestinationStream, output: LogOutput = { pretty: false }): Logger {
  const options = { level, base: { service: SERVICE_NAME }, redact: { paths: REDACT, censor: '[redacted]' } };
  if (destination) return pino(options, destination);
  if (output.pretty && prettyAvailable()) {
    return pino({
      ...options,
      transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service' } },
    });
  }
  // Buffered up to 16 KB (sonic-boom's largest) and at most FLUSH_INTERVAL_MS: one write per many lines under load (a write
  // per line costs more than the rest of a cached read), and no line waits long when it is quiet.
  const stdout = pino.destination({ dest: 1, sync: false, minLength: 16000 });
  setInterval(() => stdout.flush(), FLUSH_INTERVAL_MS).unref();
  return pino(options, stdout);
}

/** pino-pretty is a development dependency: absent in a production image, where logs stay JSON. */
function prettyAvailable(): boolean {
  try {
    createRequire(import.meta.url).resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

const FLUSH_INTERVAL_MS = 100;

/** The stream a logger writes to, for lines formatted elsewhere (the per-request line). */
export function streamOf(logger: Logger): DestinationStream {
  return (logger as unknown as Record<symbol, DestinationStream>)[pino.symbols.streamSym]!;
}

type YogaLogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Yoga (and its plugins) log through this, so every line the service writes comes out of pino. */
export function yogaLogger(logger: Logger): Record<YogaLogLevel, (...args: unknown[]) => void> {
  const child = logger.child({ component: 'yoga' });
  const forward =
    (level: YogaLogLevel) =>
    (...args: unknown[]) => {
      const error = args.find((a): a is Error => a instanceof Error);
      const text = args.filter((a) => typeof a === 'string').join(' ');
      // An error's name and message only: a stack or a cause could carry request data.
      child[level](error ? { err: { type: error.name, message: error.message } } : {}, text || error?.message || 'yoga');
    };
  return { debug: forward('debug'), info: forward('info'), warn: forward('warn'), error: forward('error') };
}
