import type { IncomingMessage, ServerResponse } from 'node:http';
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { otel } from './otel-api.js';

const { context, propagation, SpanKind, SpanStatusCode, trace } = otel;

// The spans of a request, used only when tracing is on (server.ts adds them then; nothing otherwise).

const TRACER = 'wxa-server-domains';
const getter = {
  keys: (headers: IncomingMessage['headers']) => Object.keys(headers),
  get: (headers: IncomingMessage['headers'], key: string) => headers[key],
};

/**
 * Every request in a SERVER span that continues the caller's trace (`traceparent`, `tracestate`): repeated
 * reads the fast path answers too, at the cost of one span. Attributes: the method, the path without its
 * query string (a GET's query is the operation, and the path is enough), the status. No header value.
 */
export function tracedListener(
  listener: (req: IncomingMessage, res: ServerResponse) => void,
): (req: IncomingMessage, res: ServerResponse) => void {
  const tracer = trace.getTracer(TRACER);
  return (req, res) => {
    const parent = propagation.extract(context.active(), req.headers, getter);
    const path = (req.url ?? '/').split('?')[0]!;
    const span = tracer.startSpan(
      `${req.method} ${path}`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method ?? '', 'url.path': path, 'url.scheme': 'http' } },
      parent,
    );
    const active = trace.setSpan(parent, span);
    res.once('close', () => {
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    // The body arrives in later events: they run in this request's context too.
    context.bind(active, req);
    context.with(active, () => listener(req, res));
  };
}

/** The GraphQL operation as a span (`query ServerDomains`), the parent of what its resolvers do. */
export function useOperationSpans(): Plugin {
  const tracer = trace.getTracer(TRACER);
  return {
    instrumentation: {
      execute: (_payload, wrapped) =>
        tracer.startActiveSpan('graphql.execute', { kind: SpanKind.INTERNAL }, async (span) => {
          try {
            await wrapped();
          } finally {
            span.end();
          }
        }),
    },
    onExecute({ args }) {
      const span = trace.getActiveSpan();
      const operation = getOperationAST(args.document, args.operationName);
      if (!span || !operation) return;
      const type = operation.operation;
      const name = operation.name?.value;
      span.updateName(name ? `${type} ${name}` : type);
      span.setAttribute('graphql.operation.type', type);
      if (name) span.setAttribute('graphql.operation.name', name);
      return {
        onExecuteDone({ result }) {
          const errors = 'errors' in result ? result.errors : undefined;
          if (errors && errors.length > 0) span.setStatus({ code: SpanStatusCode.ERROR, message: 'GraphQL errors' });
        },
      };
    },
  };
}
