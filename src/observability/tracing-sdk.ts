import { readFileSync } from 'node:fs';
import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  ParentBasedSampler,
  type Sampler,
  type SpanExporter,
  TraceIdRatioBasedSampler,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import { enableTracing } from './tracing.js';
import type { TracingSettings } from './tracing-config.js';

// The OpenTelemetry SDK, imported by main.ts only when tracing is configured: a process without
// OTEL_EXPORTER_OTLP_[TRACES_]ENDPOINT never loads it. No instrumentation library is registered: the spans
// are the service's own (src/observability/tracing.ts), so nothing injects `traceparent` into the calls
// to WeChat, a third party; the W3C propagator only reads the incoming one.

export interface Tracing {
  /** Exports what is buffered and stops. */
  shutdown(): Promise<void>;
}

export async function startTracing(settings: TracingSettings, env: Readonly<Record<string, string | undefined>>): Promise<Tracing> {
  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  // Only the chosen exporter is loaded; both read the endpoint, headers and timeout from the OTEL_* variables.
  const exporter: SpanExporter =
    settings.protocol === 'http/json'
      ? new (await import('@opentelemetry/exporter-trace-otlp-http')).OTLPTraceExporter()
      : new (await import('@opentelemetry/exporter-trace-otlp-proto')).OTLPTraceExporter();
  // OTEL_RESOURCE_ATTRIBUTES (and OTEL_SERVICE_NAME) as the SDK reads them, with this service's name by default.
  const resource = resourceFromAttributes({ 'service.name': settings.serviceName, 'service.version': version }).merge(
    detectResources({ detectors: [envDetector] }),
  );
  const provider = new TracerProvider({
    resource,
    sampler: samplerOf(settings),
    spanProcessors: [
      new BatchSpanProcessor({
        exporter,
        scheduledDelayMillis: positive(env.OTEL_BSP_SCHEDULE_DELAY) ?? 5_000,
        maxExportBatchSize: positive(env.OTEL_BSP_MAX_EXPORT_BATCH_SIZE) ?? 512,
        maxQueueSize: positive(env.OTEL_BSP_MAX_QUEUE_SIZE) ?? 2_048,
      }),
    ],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  enableTracing();
  return { shutdown: () => provider.shutdown() };
}

function samplerOf({ sampler, ratio }: TracingSettings): Sampler {
  const root = (name: string): Sampler =>
    name.endsWith('always_off')
      ? new AlwaysOffSampler()
      : name.endsWith('traceidratio')
        ? new TraceIdRatioBasedSampler(ratio)
        : new AlwaysOnSampler();
  return sampler.startsWith('parentbased_') ? new ParentBasedSampler({ root: root(sampler) }) : root(sampler);
}

const positive = (value: string | undefined): number | undefined => {
  const number = Number(value);
  return value !== undefined && value.trim() !== '' && Number.isInteger(number) && number > 0 ? number : undefined;
};
