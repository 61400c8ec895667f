import { usePrometheus } from '@graphql-yoga/plugin-prometheus';
import type { Plugin } from 'graphql-yoga';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { CHANGE_EFFECTS, type ChangeRecord } from '../domains/change-entry.js';
import type { ListDescription } from '../domains/list.js';
import type { UpstreamObserver } from '../domains/upstream.js';
import { CountingHistogram } from './counting-histogram.js';
import { TicketAgeGauge } from './ticket-age.js';

export interface Metrics {
  readonly registry: Registry;
  /** For the WeChat client: every upstream call, retries included. */
  readonly onUpstreamCall: UpstreamObserver;
  /** For the token provider: every api_component_token that issued a token. */
  readonly onTokenRefresh: () => void;
  /** For the fast path: a read answered from its response cache (yoga's own metrics never see those). */
  readonly onFastPathHit: (seconds: number) => void;
  /** For the event receiver: each push, by InfoType (`unknown` before decryption) and outcome. */
  readonly onEvent: (infoType: string | undefined, outcome: string) => void;
  /** Reports the age of the kept component_verify_ticket (component mode only). */
  readonly watchTicketAge: (createTime: () => Promise<number | undefined>, now: () => number) => void;
  /**
   * A list's metrics: its change counter, and with a monthly limit its remaining-changes gauge, read from
   * `remaining` (the journal's month) at each scrape. Called once per list.
   */
  forList(
    list: Pick<ListDescription<never, never, never>, 'metrics' | 'words'>,
    remaining: (() => Promise<number | null>) | undefined,
  ): ListMetrics;
  /** Every journal entry of a Mini Program's list, by list (SERVER, WEBVIEW) and effect: one counter for all Mini Programs. */
  readonly onMiniProgramChange: (entry: { readonly list: string; readonly effect: string }) => void;
  /** For the authorizer tokens: each api_authorizer_token, by outcome (ok, recovered, revoked, failed). */
  readonly onAuthorizerTokenRefresh: (outcome: string) => void;
  /** Where the mini_programs gauge reads its counts at each scrape. */
  watchMiniPrograms(source: () => Promise<Record<string, number>>): void;
  /** Yoga's Prometheus plugin on `/metrics`, with this registry. */
  readonly plugin: Plugin;
}

/** What a list's change flow tells the metrics. */
export interface ListMetrics {
  /** Every journal entry, by effect. */
  readonly onJournaled: (entry: ChangeRecord) => void;
}

/** One registry per service instance (tests run several; the global one would collide). */
export function createMetrics(registry = new Registry()): Metrics {
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'wechat_upstream_requests_total',
    help: "Calls to WeChat, by action (get, add, delete, set of a list's call; quota for openapi/quota/get; confirmfile), WeChat's API path (which list) and outcome (ok, the errcode, or unavailable).",
    labelNames: ['action', 'path', 'outcome'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'wechat_upstream_request_duration_seconds',
    help: 'Duration of calls to WeChat, by action (as wechat_upstream_requests_total).',
    labelNames: ['action'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  // Labelled by list, never by appid: 500 Mini Programs must not make 500 series.
  const miniProgramChanges = new Counter({
    name: 'wechat_mini_program_domain_changes_total',
    help: "Changes of the Mini Programs' lists journaled by this process, by list (SERVER, WEBVIEW) and effect (APPLIED, NO_OP, REFUSED, UNKNOWN).",
    labelNames: ['list', 'effect'] as const,
    registers: [registry],
  });
  for (const list of ['SERVER', 'WEBVIEW']) for (const effect of CHANGE_EFFECTS) miniProgramChanges.inc({ list, effect }, 0);
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
  const events = new Counter({
    name: 'wechat_events_total',
    help: 'Pushes to /wechat/events, by InfoType (unknown before decryption, other for one this service does not know) and outcome (ok, ignored, bad_signature, bad_request, too_large, error).',
    labelNames: ['info_type', 'outcome'] as const,
    registers: [registry],
  });
  const ticketAge = new TicketAgeGauge([registry]);
  const authorizerRefreshes = new Counter({
    name: 'wechat_authorizer_token_refreshes_total',
    help: 'api_authorizer_token calls for Mini Programs, by outcome: ok, recovered (after 61023, with the refresh token from the authorizer list), revoked (61023 and no longer listed), failed.',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  for (const outcome of ['ok', 'recovered', 'revoked', 'failed']) authorizerRefreshes.inc({ outcome }, 0);
  let miniProgramSource: (() => Promise<Record<string, number>>) | undefined;
  new Gauge({
    name: 'mini_programs',
    help: 'Mini Programs in the registry, by status (AUTHORIZED, REVOKED); Official Accounts never count.',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      if (!miniProgramSource) return;
      try {
        for (const [status, count] of Object.entries(await miniProgramSource())) this.set({ status }, count);
      } catch {
        // A store that cannot be read now keeps the last values; the scrape still answers.
      }
    },
  });
  return {
    registry,
    onAuthorizerTokenRefresh: (outcome) => authorizerRefreshes.inc({ outcome }),
    watchMiniPrograms: (source) => {
      miniProgramSource = source;
    },
    onEvent: (infoType, outcome) => events.inc({ info_type: infoTypeLabel(infoType), outcome }),
    watchTicketAge: (createTime, now) => ticketAge.watch(createTime, now),
    forList: (list, remaining) => listMetrics(registry, list, remaining),
    onFastPathHit: (seconds) => fastHits.observe(seconds),
    onMiniProgramChange: ({ list, effect }) => miniProgramChanges.inc({ list, effect }),
    onUpstreamCall: ({ action, path, outcome, seconds }) => {
      requests.inc({ action, path, outcome: String(outcome) });
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

/** InfoTypes WeChat documents for a third-party platform; any other becomes `other`, so labels stay few. */
const KNOWN_INFO_TYPES = new Set(['component_verify_ticket', 'authorized', 'updateauthorized', 'unauthorized']);

const infoTypeLabel = (infoType: string | undefined) =>
  infoType === undefined ? 'unknown' : KNOWN_INFO_TYPES.has(infoType) ? infoType : 'other';

function listMetrics(
  registry: Registry,
  { metrics, words }: Pick<ListDescription<never, never, never>, 'metrics' | 'words'>,
  remaining: (() => Promise<number | null>) | undefined,
): ListMetrics {
  const changes = new Counter({
    name: metrics.changes,
    help: `${upperFirst(words.change)} changes journaled by this process, by effect (APPLIED, NO_OP, REFUSED, UNKNOWN).`,
    labelNames: ['effect'] as const,
    registers: [registry],
  });
  // Every effect from the start, at 0: a rate over a series that appears late misses its first increase.
  for (const effect of CHANGE_EFFECTS) changes.inc({ effect }, 0);
  if (remaining) {
    new Gauge({
      name: metrics.remaining,
      help: `${upperFirst(words.change)} changes left this month (China Standard Time) as this service counts them: a lower bound of WeChat's count means this is an upper bound.`,
      registers: [registry],
      async collect() {
        try {
          const value = await remaining();
          if (value !== null) this.set(value);
        } catch {
          // A journal that cannot be read now keeps the last value; the scrape still answers.
        }
      },
    });
  }
  return { onJournaled: (entry) => changes.inc({ effect: entry.effect }) };
}

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
