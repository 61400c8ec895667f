import type { Plugin } from 'graphql-yoga';
import type { ServerDomainsService } from '../domains/service.js';
import { isReplay, recordOf, shareRecord } from '../observability/request-log.js';
import { ResponseCache } from './response-cache.js';
import type { VerifiedToken, VerifiedTokens } from './verified-tokens.js';

/** The caller when authentication is off: everyone may read and write. */
const UNCHECKED: VerifiedToken = { scopes: 'unchecked', subject: undefined };

export interface FastPathOptions {
  readonly service: ServerDomainsService;
  /** Tokens plugin-jwt verified; undefined when authentication is off. */
  readonly verifiedTokens: VerifiedTokens | undefined;
  /** Largest body the fast path reads (the full path refuses larger ones with 413). */
  readonly maxBodyBytes: number;
  readonly onHit?: (seconds: number) => void;
  /** The whole server (yoga's fetch), to replay a request through the full pipeline. */
  readonly full: (request: Request, serverContext: object) => Response | Promise<Response>;
}

/**
 * Repeated read-only requests, answered without yoga's pipeline.
 *
 * Where a stock yoga server spends most of a request (the request/response objects of its pipeline,
 * parsing, validation, execution, result processing), a repeated read needs none of it: the answer is
 * the one the full path gave to the same request, as long as the state it was computed from is still
 * the service's cached state. So, in yoga's onRequest:
 * - only `POST /graphql` with a JSON body and a content-length within the limit is considered; anything
 *   else goes down the full path untouched;
 * - the body is read; with a bearer token the full path has verified and that has not expired (or with
 *   auth off), a response kept for the same Accept header, body and scopes, computed from the service's
 *   current cached state (or from no state), is sent as it was;
 * - otherwise the request is replayed through the full pipeline (auth, limits, validation, execution,
 *   masking: everything), and its response is kept when it was a 200 to a query whose reads all
 *   succeeded and that has no `errors`.
 * Mutations, errors, GET requests, new tokens and anything unusual always take the full path.
 * Answers are shared between callers with the same scopes: sound because no field of this schema
 * depends on who asks. A field that did would have to add the caller to the key.
 */
export function useFastPath(options: FastPathOptions): Plugin {
  const { service, verifiedTokens, maxBodyBytes, full } = options;
  const responses = new ResponseCache();

  return {
    onRequest({ request, endResponse, fetchAPI, serverContext }) {
      if (request.method !== 'POST' || !request.url.endsWith('/graphql') || isReplay(request)) return;
      const headers = request.headers;
      if (!headers.get('content-type')?.startsWith('application/json')) return;
      const length = Number(headers.get('content-length'));
      if (!(length > 0 && length <= maxBodyBytes)) return;
      const authorization = headers.get('authorization');
      const token = authorization?.startsWith('Bearer ') ? authorization.slice(7) : undefined;
      // Who may be answered from what was kept: with auth on, only a token the full path verified.
      const caller = (): VerifiedToken | undefined =>
        !verifiedTokens ? UNCHECKED : token === undefined ? undefined : verifiedTokens.lookup(token);
      const started = performance.now();
      const accept = headers.get('accept') ?? '';
      return request.text().then((body) => {
        const known = caller();
        const kept = known && responses.get(ResponseCache.key(accept, known.scopes, body));
        if (kept && (kept.state === undefined || kept.state === service.peek())) {
          const record = recordOf(request);
          if (record) {
            record.fast = true;
            record.operationName = kept.operationName;
            record.operationType = 'query';
            record.subject = known.subject;
          }
          options.onHit?.((performance.now() - started) / 1000);
          // Both headers given as a plain object: whatwg-node then writes them with one writeHead.
          endResponse(new fetchAPI.Response(kept.body, { status: 200, headers: kept.headers }));
          return;
        }
        const replay = new fetchAPI.Request(request.url, { method: 'POST', headers, body });
        shareRecord(request, replay);
        return Promise.resolve(full(replay, serverContext)).then(async (response) => {
          const record = recordOf(replay);
          const contentType = response.headers.get('content-type');
          // After the full path, a token it verified is known: its answer can be kept for it.
          const verified = caller();
          const reusable =
            verified !== undefined &&
            response.status === 200 &&
            contentType !== null &&
            record?.operationType === 'query' &&
            !record.readFailed &&
            !record.volatile &&
            record.states.length <= 1;
          if (!reusable) return endResponse(response);
          const text = await response.text();
          if (!('errors' in (JSON.parse(text) as object))) {
            responses.set(ResponseCache.key(accept, verified.scopes, body), {
              body: text,
              headers: { 'content-type': contentType, 'content-length': String(Buffer.byteLength(text)) },
              state: record.states[0],
              operationName: record.operationName,
            });
          }
          endResponse(new fetchAPI.Response(text, { status: response.status, headers: response.headers }));
        });
      });
    },
  };
}
