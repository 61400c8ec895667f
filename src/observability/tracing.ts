import type { Attributes, Span } from '@opentelemetry/api';
import type { StepTracer } from '../domains/ports.js';
import { otel } from './otel-api.js';

// The service's spans, on @opentelemetry/api alone (already loaded: prom-client needs it; see otel-api.ts). Until
// src/observability/tracing-sdk.ts enables tracing (only with OTEL_EXPORTER_OTLP_[TRACES_]ENDPOINT), every
// helper here is one boolean test: the hot path pays nothing. Attributes must never hold a secret (a token,
// a ticket, a secret, an Authorization value): name what was done, not what was sent.

const TRACER = 'wxa-server-domains';
let enabled = false;

/** Called once the SDK is registered (tracing-sdk.ts). */
export function enableTracing(): void {
  enabled = true;
}

export function tracingEnabled(): boolean {
  return enabled;
}

export interface SpanOptions {
  /** CLIENT for a call that leaves the process (WeChat, Redis); INTERNAL otherwise. */
  readonly kind?: 'client' | 'internal';
  /** Whether a thrown error marks the span as failed (default true). */
  readonly errorOnThrow?: boolean;
}

/**
 * Runs `fn` in a span named `name` (a child of the active one), ended when `fn` settles; a thrown error sets
 * its status to error (with the error's type, never its message, which could quote a URL). Without tracing,
 * `fn` runs as it is, with no span.
 */
export function inSpan<T>(
  name: string,
  attributes: Attributes,
  fn: (span: Span | undefined) => Promise<T>,
  options: SpanOptions = {},
): Promise<T> {
  if (!enabled) return fn(undefined);
  const kind = options.kind === 'client' ? otel.SpanKind.CLIENT : otel.SpanKind.INTERNAL;
  return otel.trace.getTracer(TRACER).startActiveSpan(name, { kind, attributes }, async (span) => {
    try {
      return await fn(span);
    } catch (error) {
      if (options.errorOnThrow !== false) failSpan(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

/** A span that ends where the caller says (a wait that ends inside another function); undefined without tracing. */
export function startSpan(name: string, attributes: Attributes = {}): Span | undefined {
  if (!enabled) return undefined;
  return otel.trace.getTracer(TRACER).startSpan(name, { attributes });
}

/** The span of the code running now; undefined without tracing. */
export function activeSpan(): Span | undefined {
  return enabled ? otel.trace.getActiveSpan() : undefined;
}

/** Marks a span as failed: its status, and the error's type (a name, never a message). */
export function failSpan(span: Span | undefined, error: unknown, description?: string): void {
  if (!span) return;
  const type = error instanceof Error ? error.name : typeof error;
  span.setAttribute('error.type', type);
  span.setStatus({ code: otel.SpanStatusCode.ERROR, message: description ?? type });
}

/** The core's steps (domains/ports.ts StepTracer) as spans of this tracer. */
export const stepTracer: StepTracer = {
  inSpan: (name, attributes, fn) => inSpan(name, attributes, () => fn()),
  start: (name) => {
    const span = startSpan(name);
    return (
      span && {
        end: (failure?: unknown) => {
          if (failure !== undefined) failSpan(span, failure);
          span.end();
        },
      }
    );
  },
};
