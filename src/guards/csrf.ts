import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import type { Plugin } from 'graphql-yoga';

/** Headers a browser sends cross-site only after a CORS preflight (which CORS_ORIGINS then decides). */
const PREFLIGHTED_HEADERS = ['authorization', 'x-graphql-yoga-csrf', 'apollo-require-preflight'];

/**
 * CSRF prevention for a service that authenticates with bearer tokens, never cookies.
 *
 * What a cross-site page could make a browser send without a preflight is a "simple" request: a GET, or a
 * POST as a form or text/plain. The POST could carry a mutation, so it needs a preflighted content type
 * (JSON) or header (`Authorization` included: a browser never adds it on its own, there being no cookie to
 * replay). A GET is let through as clients send it (urql's default for queries): yoga refuses a mutation
 * over GET with 405, so a GET's only effect is a read, which the read cache and single flight bound, and its
 * answer is readable cross-site only by the origins CORS_ORIGINS lists.
 */
export function useCsrfPrevention(): Plugin {
  const prevention = useCSRFPrevention({ requestHeaders: PREFLIGHTED_HEADERS });
  return {
    onRequestParse(payload) {
      if (payload.request.method === 'GET') return;
      return prevention.onRequestParse?.(payload);
    },
  };
}
