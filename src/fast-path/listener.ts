import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendNodeResponse } from '@whatwg-node/server';
import type { YogaServerInstance } from 'graphql-yoga';
import { bearerToken, UNCHECKED_CALLER } from '../auth/caller.js';
import { attachRecord, logOperationOf, type RequestLog, RequestRecord } from '../observability/request-log.js';
import { type CachedResponse, ResponseCache } from './response-cache.js';
import type { VerifiedToken, VerifiedTokens } from './verified-tokens.js';

/** The caller when authentication is off: everyone may read and write. */
const UNCHECKED: VerifiedToken = { scopes: 'unchecked', subject: undefined, caller: UNCHECKED_CALLER, logCaller: '' };
const CONTENT_LENGTH = /^\d+$/;
const PRE_READ = Symbol('wxa.preRead');

/** Whether the fast path read this request's body (within the limit) before yoga saw it. */
export const bodyAlreadyRead = (request: Request): boolean => (request as { [PRE_READ]?: true })[PRE_READ] === true;

export interface FastPathOptions {
  // biome-ignore lint/suspicious/noExplicitAny: any yoga instance; only its Node listener and handleRequest are used
  readonly yoga: YogaServerInstance<any, any>;
  /** Tokens plugin-jwt verified; undefined when authentication is off. */
  readonly verifiedTokens: VerifiedTokens | undefined;
  /** Largest body read here (yoga refuses larger ones with 413). */
  readonly maxBodyBytes: number;
  readonly requestLog: RequestLog;
  readonly onHit?: (seconds: number) => void;
  /** The kept answers; a fresh cache with the default budget unless given. */
  readonly responses?: ResponseCache;
}

/**
 * The Node request listener in front of yoga: repeated reads answered from kept answers, everything else
 * through yoga's pipeline, once.
 *
 * A repeated read needs none of yoga's pipeline (the request and response objects, parsing, validation,
 * execution, result processing): its answer is the one the full path gave to the same request, as long as
 * the state it was computed from is still the service's cached state. So:
 * - only `POST /graphql` with a JSON content type (as yoga matches it) and a content-length within the limit
 *   is read here; anything else goes to yoga's own listener untouched;
 * - its body is read once; with a bearer token the full path has verified (or with auth off), an answer
 *   kept for the same Accept, Origin, scopes and body, computed from the service's current cached state (or
 *   from no state), is written as it was, headers included;
 * - otherwise the body already read becomes the body of the one fetch `Request` yoga handles (what yoga's
 *   Node adapter would have built from the stream), and the answer is kept when it was a 200 to a query
 *   whose every field is declared reusable (fast-path/reusable.ts: a new field never is by default), whose
 *   reads were all of lists its fields declare and all succeeded on the current states, with no `errors`.
 * A kept answer is served only while every state it was computed from is its read path's current state:
 * a change to a list makes exactly the answers that read it unusable.
 * A mutation or an error costs what it costs in yoga alone, plus a Map lookup and a hash of its body.
 * Answers are shared between callers with the same scopes: sound because no field of this schema depends
 * on who asks. A field that did would have to add the caller to the key.
 */
export function fastPathListener(options: FastPathOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const { yoga, verifiedTokens, maxBodyBytes, requestLog } = options;
  const responses = options.responses ?? new ResponseCache();
  const Request = yoga.fetchAPI.Request;

  /** The fetch Request of a request whose body was read here: yoga's Node adapter would build the same. */
  const fetchRequest = (req: IncomingMessage, body: Buffer): Request => {
    const host = req.headers.host ?? 'localhost';
    const protocol = (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
    const request = new Request(`${protocol}://${host}${req.url}`, {
      method: 'POST',
      headers: req.headers as HeadersInit,
      body: body as Uint8Array<ArrayBuffer>,
    });
    (request as { [PRE_READ]?: true })[PRE_READ] = true;
    return request;
  };

  // Who may be answered from what was kept: with auth on, only a token the full path verified.
  const callerOf = (req: IncomingMessage): VerifiedToken | undefined => {
    if (!verifiedTokens) return UNCHECKED;
    const token = bearerToken(req.headers.authorization);
    return token === undefined ? undefined : verifiedTokens.lookup(token);
  };
  const keyOf = (req: IncomingMessage, body: Buffer, caller: VerifiedToken): string =>
    ResponseCache.key(req.headers.accept ?? '', req.headers.origin ?? '', caller.scopes, digestOf(req, body));

  const handle = (req: IncomingMessage, res: ServerResponse, body: Buffer, started: number): void => {
    const known = callerOf(req);
    const kept = known && responses.get(keyOf(req, body, known));
    if (kept) {
      const hit = () => {
        res.writeHead(200, kept.headers);
        res.end(kept.body);
        requestLog.writeFast(started, kept.logFields, known.logCaller);
        options.onHit?.((performance.now() - started) / 1000);
      };
      // The states reads arriving now would get: at once in-process, after one check of a shared store.
      const still = stillCurrent(kept.reads);
      if (still === true) {
        hit();
        return;
      }
      if (still instanceof Promise) {
        still.then((yes) => (yes ? hit() : full(req, res, body, started, known)));
        return;
      }
    }
    full(req, res, body, started, known);
  };

  /** Through yoga's pipeline, once; the answer kept when it may serve the same request again. */
  const full = (req: IncomingMessage, res: ServerResponse, body: Buffer, started: number, known: VerifiedToken | undefined): void => {
    const request = fetchRequest(req, body);
    const record = new RequestRecord(started);
    attachRecord(request, record);
    Promise.resolve(yoga.handleRequest(request, { req, res }))
      .then(async (response: Response) => {
        // After the full path, a token it verified is known: its answer can be kept for it.
        const verified = known ?? callerOf(req);
        const { reads, dependencies } = record;
        const reusable =
          verified !== undefined &&
          response.status === 200 &&
          record.operationType === 'query' &&
          !record.readFailed &&
          dependencies !== null &&
          // Read only what its fields declare, from states that are the cached ones (else nothing would ever hit).
          reads.every(({ path, state }) => dependencies.has(path.key) && state === path.peek());
        const key = reusable && keyOf(req, body, verified);
        if (!key || !responses.admit(key)) return sendNodeResponse(response, res, req, true);
        const text = await response.text();
        const answer = Buffer.from(text);
        const sent: Record<string, string> = {};
        response.headers.forEach((value, name) => {
          sent[name] = value;
        });
        sent['content-length'] = String(answer.byteLength);
        if (!('errors' in (JSON.parse(text) as object))) {
          responses.set(key, {
            body: answer,
            headers: sent,
            reads: [...reads],
            operationName: record.operationName,
            logFields: logOperationOf(record.operationName, 'query'),
          });
        }
        res.writeHead(200, sent);
        res.end(answer);
      })
      .catch(() => {
        // Yoga turns every error into a response; this is only for a bug of ours after it.
        if (!res.headersSent) res.writeHead(500, { 'content-length': '0' });
        res.end();
      });
  };

  return (req, res) => {
    const length = candidateLength(req, maxBodyBytes);
    if (length === undefined) {
      yoga.requestListener(req, res);
      return;
    }
    const started = performance.now();
    // Node's parser stops at content-length bytes, so the body is bounded by the check above.
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => handle(req, res, chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks), started));
    // A client that goes away mid-body gets no answer; the socket's own error handling closes it.
    req.on('error', () => undefined);
  };
}

/**
 * Whether every state a kept answer was computed from is still what a read arriving now would get: true or
 * false at once in-process, a promise where a shared store is asked (its checks shared per turn).
 */
function stillCurrent(reads: CachedResponse['reads']): boolean | Promise<boolean> {
  // An indexed loop and no array unless a shared store is asked: this runs for every kept answer served.
  let pending: Promise<boolean>[] | undefined;
  for (let i = 0; i < reads.length; i++) {
    const { path, state } = reads[i]!;
    const current = path.current();
    if (!(current instanceof Promise)) {
      if (current !== state) return false;
      continue;
    }
    if (pending === undefined) pending = [];
    pending.push(current.then((found) => found === state));
  }
  return pending === undefined ? true : Promise.all(pending).then((all) => all.every(Boolean));
}

/** Bodies up to this size are remembered per connection with their digest. */
const MEMO_MAX_BYTES = 4096;
const LAST_BODY = Symbol('wxa.lastBody');

/**
 * The body's digest for the kept answers' key. A client polling on a keep-alive connection sends the same
 * bytes again and again: the connection remembers its last small body (a copy) and digest, so a repeat
 * costs a comparison instead of a hash.
 */
function digestOf(req: IncomingMessage, body: Buffer): string {
  const socket = req.socket as { [LAST_BODY]?: { body: Buffer; digest: string } };
  const last = socket[LAST_BODY];
  if (last?.body.equals(body)) return last.digest;
  const digest = ResponseCache.digest(body);
  if (body.byteLength <= MEMO_MAX_BYTES) socket[LAST_BODY] = { body: Buffer.from(body), digest };
  return digest;
}

/** The body length of a request the fast path reads: `POST /graphql`, JSON, a content-length within the limit. */
function candidateLength(req: IncomingMessage, maxBodyBytes: number): number | undefined {
  if (req.method !== 'POST' || req.url !== '/graphql') return undefined;
  const { 'content-type': type, 'content-length': length } = req.headers;
  if (type === undefined || length === undefined || !CONTENT_LENGTH.test(length)) return undefined;
  // As yoga's isContentTypeMatch: the first of a list, exactly application/json or with parameters.
  const comma = type.indexOf(',');
  const first = comma < 0 ? type : type.slice(0, comma);
  if (first !== 'application/json' && !first.startsWith('application/json;')) return undefined;
  const bytes = Number(length);
  return bytes > 0 && bytes <= maxBodyBytes ? bytes : undefined;
}
