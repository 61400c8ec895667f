import { pino, type DestinationStream, type Logger } from 'pino';

/**
 * Structured JSON logs. Nothing we log carries a secret on purpose; the redaction list is the safety net
 * for anything that would (a header, a request body, a URL with access_token).
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'wxa-server-domains' },
      redact: {
        paths: [
          'req.headers.authorization',
          'headers.authorization',
          'authorization',
          '*.access_token',
          '*.component_access_token',
          '*.component_appsecret',
          '*.component_verify_ticket',
          'access_token',
          'component_access_token',
          'component_appsecret',
          'component_verify_ticket',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

type YogaLogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Yoga (and its plugins) log through this, so every line the service writes comes out of pino. */
export function yogaLogger(logger: Logger): Record<YogaLogLevel, (...args: unknown[]) => void> {
  const child = logger.child({ component: 'yoga' });
  const forward = (level: YogaLogLevel) => (...args: unknown[]) => {
    const [first, ...rest] = args;
    if (first instanceof Error) child[level]({ err: { type: first.name, message: first.message } }, 'yoga error');
    else child[level]({ args: rest.length > 0 ? rest.map(String) : undefined }, String(first));
  };
  return { debug: forward('debug'), info: forward('info'), warn: forward('warn'), error: forward('error') };
}
