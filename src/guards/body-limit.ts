import { createGraphQLError, type Plugin } from 'graphql-yoga';

const CONTENT_LENGTH = /^\d+$/;

function tooLarge() {
  return createGraphQLError('Request body too large', { extensions: { http: { status: 413 }, code: 'REQUEST_ENTITY_TOO_LARGE' } });
}

function invalidContentLength() {
  return createGraphQLError('Content-Length header is invalid.', { extensions: { http: { status: 400 }, code: 'BAD_REQUEST' } });
}

/** The request with a body that errors with 413 past `limit` bytes (for bodies without a content-length). */
function limited(request: Request, limit: number, fetchAPI: { Request: typeof Request; TransformStream: typeof TransformStream }): Request {
  const body = request.body;
  if (!body) return request;
  const Transform = body instanceof ReadableStream ? globalThis.TransformStream : fetchAPI.TransformStream;
  let bytes = 0;
  const bounded = body.pipeThrough(
    new Transform<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        bytes += chunk.byteLength;
        if (bytes > limit) controller.error(tooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
  return new fetchAPI.Request(request.url, {
    method: request.method,
    headers: request.headers,
    signal: request.signal,
    body: bounded,
    duplex: 'half',
  } as RequestInit);
}

/**
 * Yoga's own body limit (its useLimitRequestBodySize, which it does not export: the same checks, errors
 * and statuses), except for requests whose body the fast path has already read within the limit: wrapping
 * those would build a second Request and a stream pipeline around a body that is already in memory
 * (about 35 µs of a request). Yoga's is turned off with `maxRequestBodySize: false`; this one is the
 * last plugin, so it wraps whichever request parser was chosen.
 */
export function useBodyLimit(limit: number, alreadyRead: (request: Request) => boolean): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      if (alreadyRead(request)) return;
      const contentLength = request.headers.get('content-length');
      if (contentLength != null) {
        if (!CONTENT_LENGTH.test(contentLength)) throw invalidContentLength();
        if (Number(contentLength) > limit) throw tooLarge();
      }
      if (requestParser == null || request.body == null) return;
      const parse = requestParser;
      setRequestParser((req) => parse(limited(req, limit, fetchAPI)));
    },
  };
}
