import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { UpstreamCall, UpstreamObserver } from '../wechat/client.js';

/** What one HTTP request did, gathered while it runs and written as one log line at its end. */
export class RequestRecord {
  readonly started = performance.now();
  readonly upstream: UpstreamCall[] = [];
  operationName: string | undefined;
  operationType: string | undefined;
  subject: string | undefined;
  readonly observe: UpstreamObserver = (call) => void this.upstream.push(call);
}

const records = new WeakMap<Request, RequestRecord>();

/** The record of a request, for the context factory (undefined outside this plugin). */
export const recordOf = (request: Request | undefined): RequestRecord | undefined => (request ? records.get(request) : undefined);

/** Paths that probes and scrapers hit all day: logged at debug only. */
const QUIET_PATHS = new Set(['/health', '/ready', '/metrics']);

/**
 * One structured line per request: method, path, status, duration, the operation's name and type, the
 * caller's subject, and each WeChat call with its outcome. Never a header, a variable or a body.
 */
export function useRequestLog(logger: Logger): Plugin {
  return {
    onRequest({ request }) {
      records.set(request, new RequestRecord());
    },
    onParams({ params, request }) {
      const record = records.get(request);
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
      const record = records.get(request);
      if (!record) return;
      const path = new URL(request.url, 'http://service').pathname;
      const line = {
        req: { method: request.method, path },
        status: response.status,
        ms: Math.round((performance.now() - record.started) * 10) / 10,
        ...(record.operationType ? { operation: { name: record.operationName, type: record.operationType } } : {}),
        ...(record.subject ? { caller: record.subject } : {}),
        ...(record.upstream.length > 0
          ? { upstream: record.upstream.map((c) => ({ action: c.action, outcome: c.outcome, ms: Math.round(c.seconds * 1000) })) }
          : {}),
      };
      if (QUIET_PATHS.has(path)) logger.debug(line, 'request');
      else logger.info(line, 'request');
    },
  };
}
