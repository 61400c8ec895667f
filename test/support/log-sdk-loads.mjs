// `node --import ./test/support/log-sdk-loads.mjs …`: writes a line to stderr for each module of the
// OpenTelemetry SDK or its exporters the process resolves, so a test can see whether it loaded any.
import { register } from 'node:module';

const hook = `export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (/\\/@opentelemetry\\/(sdk-trace|exporter-trace-otlp-[a-z]+|context-async-hooks|resources)\\//.test(result.url)) {
    process.stderr.write('opentelemetry sdk module loaded: ' + result.url + '\\n');
  }
  return result;
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
