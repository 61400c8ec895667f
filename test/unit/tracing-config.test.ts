import { describe, expect, it } from 'vitest';
import { TracingConfigError, tracingSettings } from '../../src/observability/tracing-config.js';

const ENDPOINT = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' };

describe('tracingSettings (the OTEL_* variables)', () => {
  it('is off without an endpoint, whatever else is set', () => {
    expect(tracingSettings({})).toBeUndefined();
    expect(
      tracingSettings({ OTEL_SERVICE_NAME: 'x', OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_EXPORTER_OTLP_ENDPOINT: ' ' }),
    ).toBeUndefined();
  });

  it('is on with either endpoint, with the defaults', () => {
    const defaults = { protocol: 'http/protobuf', serviceName: 'wxa-server-domains', sampler: 'parentbased_always_on', ratio: 1 };
    expect(tracingSettings(ENDPOINT)).toEqual(defaults);
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' })).toEqual(defaults);
  });

  it('reads the protocol (the traces one first), the service name and the sampler', () => {
    expect(
      tracingSettings({
        ...ENDPOINT,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
        OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json',
        OTEL_SERVICE_NAME: 'domains-eu',
        OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
        OTEL_TRACES_SAMPLER_ARG: '0.25',
      }),
    ).toEqual({ protocol: 'http/json', serviceName: 'domains-eu', sampler: 'parentbased_traceidratio', ratio: 0.25 });
  });

  it('is off with OTEL_SDK_DISABLED=true or OTEL_TRACES_EXPORTER=none', () => {
    expect(tracingSettings({ ...ENDPOINT, OTEL_SDK_DISABLED: 'true' })).toBeUndefined();
    expect(tracingSettings({ ...ENDPOINT, OTEL_TRACES_EXPORTER: 'none' })).toBeUndefined();
  });

  it.each([
    [{ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }, 'OTEL_EXPORTER_OTLP_PROTOCOL'],
    [{ OTEL_TRACES_SAMPLER: 'sometimes' }, 'OTEL_TRACES_SAMPLER'],
    [{ OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '2' }, 'OTEL_TRACES_SAMPLER_ARG'],
    [{ OTEL_TRACES_EXPORTER: 'zipkin' }, 'OTEL_TRACES_EXPORTER'],
  ])('refuses %j, naming %s', (env, variable) => {
    let thrown: unknown;
    try {
      tracingSettings({ ...ENDPOINT, ...env });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TracingConfigError);
    expect((thrown as TracingConfigError).variable).toBe(variable);
  });
});
