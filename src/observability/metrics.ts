import { usePrometheus } from '@graphql-yoga/plugin-prometheus';
import type { Plugin } from 'graphql-yoga';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { UpstreamObserver } from '../wechat/client.js';
import { CountingHistogram } from './counting-histogram.js';

export interface Metrics {
  readonly registry: Registry;
  /** For the WeChat client: every upstream call, retries included. */
  readonly onUpstreamCall: UpstreamObserver;
  /** For the token provider: every api_component_token that issued a token. */
  readonly onTokenRefresh: () => void;
  /** For the fast path: a read answered from its response cache (yoga's own metrics never see those). */
  readonly onFastPathHit: (seconds: number) => void;
  /** Yoga's Prometheus plugin on `/metrics`, with this registry. */
  readonly plugin: Plugin;
}

/** One registry per service instance (tests run several; the global one would collide). */
export function createMetrics(registry = new Registry()): Metrics {
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'wechat_upstream_requests_total',
    help: 'Calls to modify_wxa_server_domain, by action and outcome (ok, the errcode, or unavailable).',
    labelNames: ['action', 'outcome'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'wechat_upstream_request_duration_seconds',
    help: 'Duration of calls to modify_wxa_server_domain, by action.',
    labelNames: ['action'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const refreshes = new Counter({
    name: 'wechat_token_refreshes_total',
    help: 'component_access_tokens obtained through api_component_token.',
    registers: [registry],
  });
  // No labels, and not prom-client's Histogram: this runs on the hottest path (see CountingHistogram).
  const fastHits = new CountingHistogram({
    name: 'graphql_fast_path_request_duration_seconds',
    help: 'GraphQL reads answered from the fast path (a response computed before from the same cached state); the _count is the number of such requests.',
    buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05],
    registers: [registry],
  });
  return {
    registry,
    onFastPathHit: (seconds) => fastHits.observe(seconds),
    onUpstreamCall: ({ action, outcome, seconds }) => {
      requests.inc({ action, outcome: String(outcome) });
      duration.observe({ action }, seconds);
    },
    onTokenRefresh: () => refreshes.inc(),
    plugin: usePrometheus({
      registry,
      endpoint: '/metrics',
      // Request counts and durations, and error results. The plugin turns every other metric on unless told:
      // the per-phase histograms, the request-time summary (a t-digest per request), the deprecated-field
      // counter (a TypeInfo walk of every document) and the HTTP duration each add work to every request,
      // about 50 µs of a cold one in all, and the request durations already tell.
      metrics: {
        graphql_envelop_request: true,
        graphql_envelop_request_duration: true,
        graphql_envelop_error_result: true,
        graphql_envelop_deprecated_field: false,
        graphql_envelop_request_time_summary: false,
        graphql_envelop_phase_parse: false,
        graphql_envelop_phase_validate: false,
        graphql_envelop_phase_context: false,
        graphql_envelop_phase_execute: false,
        graphql_envelop_phase_subscribe: false,
        graphql_envelop_schema_change: false,
        graphql_yoga_http_duration: false,
      },
    }),
  };
}
