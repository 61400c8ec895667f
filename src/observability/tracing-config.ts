// The standard OTEL_* variables this service reads itself (the OTLP exporters read the rest: the endpoints,
// OTEL_EXPORTER_OTLP_[TRACES_]HEADERS, _TIMEOUT, _COMPRESSION). Pure, so that it is checked before anything loads.

export type OtlpProtocol = 'http/protobuf' | 'http/json';
export type SamplerName =
  | 'always_on'
  | 'always_off'
  | 'traceidratio'
  | 'parentbased_always_on'
  | 'parentbased_always_off'
  | 'parentbased_traceidratio';

export interface TracingSettings {
  readonly protocol: OtlpProtocol;
  readonly serviceName: string;
  readonly sampler: SamplerName;
  /** The ratio of the traceidratio samplers (OTEL_TRACES_SAMPLER_ARG, default 1). */
  readonly ratio: number;
}

export const DEFAULT_SERVICE_NAME = 'wxa-server-domains';
const SAMPLERS = new Set<string>([
  'always_on',
  'always_off',
  'traceidratio',
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
]);

/** A tracing variable that cannot be used: main names it and stops. */
export class TracingConfigError extends Error {
  override name = 'TracingConfigError';
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
  }
}

/** Undefined unless OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT is set (or OTEL_SDK_DISABLED=true). */
export function tracingSettings(env: Readonly<Record<string, string | undefined>>): TracingSettings | undefined {
  const set = (name: string) => (env[name] ?? '').trim() !== '';
  if (!set('OTEL_EXPORTER_OTLP_ENDPOINT') && !set('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT')) return undefined;
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return undefined;
  if (env.OTEL_TRACES_EXPORTER !== undefined && !['otlp', ''].includes(env.OTEL_TRACES_EXPORTER.trim())) {
    if (env.OTEL_TRACES_EXPORTER.trim() === 'none') return undefined;
    throw new TracingConfigError(
      'OTEL_TRACES_EXPORTER',
      `only "otlp" (or "none") is supported, not ${JSON.stringify(env.OTEL_TRACES_EXPORTER)}`,
    );
  }
  const protocolVariable = set('OTEL_EXPORTER_OTLP_TRACES_PROTOCOL') ? 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL' : 'OTEL_EXPORTER_OTLP_PROTOCOL';
  const protocol = (env[protocolVariable] ?? '').trim() || 'http/protobuf';
  if (protocol !== 'http/protobuf' && protocol !== 'http/json') {
    throw new TracingConfigError(
      protocolVariable,
      `"http/protobuf" (the default) or "http/json", not ${JSON.stringify(protocol)} (grpc is not supported)`,
    );
  }
  const sampler = (env.OTEL_TRACES_SAMPLER ?? '').trim().toLowerCase() || 'parentbased_always_on';
  if (!SAMPLERS.has(sampler))
    throw new TracingConfigError('OTEL_TRACES_SAMPLER', `one of ${[...SAMPLERS].join(', ')}, not ${JSON.stringify(sampler)}`);
  const arg = (env.OTEL_TRACES_SAMPLER_ARG ?? '').trim();
  const ratio = arg === '' ? 1 : Number(arg);
  if (sampler.endsWith('traceidratio') && !(ratio >= 0 && ratio <= 1)) {
    throw new TracingConfigError('OTEL_TRACES_SAMPLER_ARG', `a ratio from 0 to 1, not ${JSON.stringify(arg)}`);
  }
  return {
    protocol,
    serviceName: (env.OTEL_SERVICE_NAME ?? '').trim() || DEFAULT_SERVICE_NAME,
    sampler: sampler as SamplerName,
    ratio,
  };
}
