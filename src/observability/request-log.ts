import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { ReadPath } from '../domains/read-path.js';
import type { RequestObserver } from '../domains/request.js';
import type { UpstreamCall } from '../domains/upstream.js';
import { SERVICE_NAME, streamOf } from '../logger.js';

/** What one HTTP request did, gathered while it runs and written as one log line at its end. */
export class RequestRecord {
  /** performance.now() when the request began (its body's first byte read, for the fast path's). */
  readonly started: number;
  readonly upstream: UpstreamCall[] = [];
  operationName: string | undefined;
  operationType: string | undefined;
  subject: string | undefined;
  /** The read paths it read and the state each returned, and whether any read failed (the fast path keeps only clean reads). */
  readonly reads: { readonly path: ReadPath<unknown>; readonly state: unknown }[] = [];
  readFailed = false;
  /** The lists its operation declares it depends on; null when some field is not declared reusable (see fast-path/reusable.ts). */
  dependencies: ReadonlySet<string> | null = null;
  /** A WeChat push to /wechat/events: its InfoType (once decrypted), what came of it, and the authorizer it concerns. */
  event: { infoType: string | undefined; outcome: string; authorizerAppid: string | undefined } | undefined;
  #observe: RequestObserver | undefined;

  constructor(started = performance.now()) {
    this.started = started;
  }

  /** Made on first use: a request answered by the fast path never needs it. */
  get observe(): RequestObserver {
    this.#observe ??= {
      upstream: (call) => void this.upstream.push(call),
      read: (path, state) => {
        if (state === undefined) this.readFailed = true;
        else if (!this.reads.some((read) => read.path === path && read.state === state)) this.reads.push({ path, state });
      },
    };
    return this.#observe;
  }
}

// Kept on the request object itself rather than in a WeakMap: a WeakMap entry per request makes every
// garbage collection walk ephemerons, a measurable cost at thousands of requests a second.
const RECORD = Symbol('wxa.requestRecord');
type Tagged = Request & { [RECORD]?: RequestRecord };

/** The record of a request, for the context factory and the fast path (undefined outside this plugin). */
export const recordOf = (request: Request | undefined): RequestRecord | undefined => (request ? (request as Tagged)[RECORD] : undefined);

/** Gives a request the record it will be logged with (the fast path starts it before yoga sees the request). */
export function attachRecord(request: Request, record: RequestRecord): void {
  (request as Tagged)[RECORD] = record;
}

/** The path of an absolute URL, without parsing all of it (this runs for every request). */
function pathOf(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  if (start < 0) return '/';
  const end = url.search(/[?#]/);
  return url.slice(start, end < 0 ? undefined : end);
}

/**
 * One request's line, in pino's format (level, time, service, fields, msg). Written by hand rather than
 * through pino: this runs for every request, a cached read included, where pino's generic serialisation
 * cost more than the rest of the request; every field here is ours, and none can hold a secret.
 */
function requestLine(level: number, method: string, path: string, status: number, record: RequestRecord): string {
  let line = `{"level":${level},"time":${Date.now()},"service":"${SERVICE_NAME}","method":${JSON.stringify(method)},"path":${JSON.stringify(path)},"status":${status},"ms":${msSince(record.started)}`;
  if (record.operationType) line += logOperationOf(record.operationName, record.operationType);
  line += logCallerOf(record.subject);
  if (record.event) line += `,"event":${JSON.stringify(record.event)}`;
  if (record.upstream.length > 0) {
    const calls = record.upstream.map((c) => ({ action: c.action, path: c.path, outcome: c.outcome, ms: Math.round(c.seconds * 1000) }));
    line += `,"upstream":${JSON.stringify(calls)}`;
  }
  return `${line},"msg":"request"}\n`;
}

const msSince = (started: number) => Math.round((performance.now() - started) * 10) / 10;

/** The operation's part of a line: `,"operationName":…,"operationType":…`. */
export const logOperationOf = (name: string | undefined, type: string): string =>
  `,"operationName":${JSON.stringify(name ?? null)},"operationType":"${type}"`;

/** The caller's part of a line: `,"caller":"<sub>"`, or nothing without a subject. */
export const logCallerOf = (subject: string | undefined): string => (subject === undefined ? '' : `,"caller":${JSON.stringify(subject)}`);

/** Paths that probes and scrapers hit all day: logged at debug only. */
const QUIET_PATHS = new Set(['/health', '/ready', '/metrics']);

export interface RequestLog {
  /** Yoga's side: makes each request's record, fills it in, and writes its line when the response is ready. */
  readonly plugin: Plugin;
  /**
   * The line of a read answered from a kept answer (`POST /graphql`, 200, `fast`), from parts made once,
   * without a record (the hottest path there is).
   */
  writeFast(started: number, logOperation: string, logCaller: string): void;
}

/**
 * One structured line per request: method, path, status, duration, the operation's name and type, the
 * caller's subject, each WeChat call with its outcome, and for a WeChat push its InfoType and outcome.
 * Never a header, a query string, a variable or a body.
 */
export function createRequestLog(logger: Logger): RequestLog {
  const stream = streamOf(logger);
  // Lines of one turn of the event loop go out in one write: under load that is one write for many
  // requests instead of one each; when quiet, a line still leaves at the end of its turn.
  let pending: string[] = [];
  const flush = () => {
    const lines = pending;
    pending = [];
    stream.write(lines.join(''));
  };
  const push = (line: string) => {
    if (pending.length === 0) setImmediate(flush);
    pending.push(line);
  };
  const write = (method: string, path: string, status: number, record: RequestRecord) => {
    const level = QUIET_PATHS.has(path) ? 'debug' : 'info';
    if (logger.isLevelEnabled(level)) push(requestLine(level === 'debug' ? 20 : 30, method, path, status, record));
  };
  const writeFast = (started: number, logOperation: string, logCaller: string) => {
    if (!logger.isLevelEnabled('info')) return;
    push(
      `{"level":30,"time":${Date.now()},"service":"${SERVICE_NAME}","method":"POST","path":"/graphql","status":200,"ms":${msSince(started)}${logOperation}${logCaller},"fast":true,"msg":"request"}\n`,
    );
  };
  const plugin: Plugin = {
    onRequest({ request }) {
      if (!recordOf(request)) attachRecord(request, new RequestRecord());
    },
    onParams({ params, request }) {
      const record = recordOf(request);
      if (record) record.operationName = params.operationName ?? undefined;
    },
    onExecute({ args }) {
      const context = args.contextValue as { request?: Request; caller?: { subject?: string } };
      const record = recordOf(context.request);
      if (!record) return;
      const operation = getOperationAST(args.document, args.operationName);
      record.operationType = operation?.operation;
      record.operationName ??= operation?.name?.value;
      record.subject = context.caller?.subject;
    },
    onResponse({ request, response }) {
      const record = recordOf(request);
      if (record) write(request.method, pathOf(request.url), response.status, record);
    },
  };
  return { plugin, writeFast };
}
