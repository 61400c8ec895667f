import type { Plugin } from 'graphql-yoga';

/** How long a failed check is remembered, so probes cannot spend WeChat's daily token quota. */
const FAILURE_MEMORY_MS = 10_000;

/**
 * `GET /ready`: 200 when the service holds, or can obtain, a component token; 503 with a one-line
 * reason otherwise. `/health` stays a plain liveness answer that never calls WeChat.
 */
export function useReadiness(check: () => Promise<unknown>): Plugin {
  let failure: { reason: string; until: number } | undefined;
  const probe = async (): Promise<string | undefined> => {
    if (failure && performance.now() < failure.until) return failure.reason;
    try {
      await check();
      failure = undefined;
      return undefined;
    } catch (error) {
      // Our errors' messages are written for people and carry no secret.
      const reason = error instanceof Error ? error.message.split('\n')[0]! : 'the component token cannot be obtained';
      failure = { reason, until: performance.now() + FAILURE_MEMORY_MS };
      return reason;
    }
  };
  return {
    // Not an async function: that would make every request's onRequest chain wait a turn, /ready or not.
    onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname !== '/ready') return;
      return probe().then((reason) =>
        endResponse(
          new fetchAPI.Response(reason === undefined ? 'ready\n' : `not ready: ${reason}\n`, {
            status: reason === undefined ? 200 : 503,
            headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
          }),
        ),
      );
    },
  };
}
