import { type Plugin, useReadinessCheck } from 'graphql-yoga';

/** How long a failed check is remembered, so probes cannot spend WeChat's daily token quota. */
const FAILURE_MEMORY_MS = 10_000;

/** The readiness plugin, and a way to drop a remembered failure when what caused it may be gone. */
export interface Readiness {
  readonly plugin: Plugin;
  /** The next probe checks again (e.g. a component_verify_ticket has just arrived). */
  forget(): void;
}

/** An error's one-line reason: its own short `reason` when it has one, else its message's first line. */
function reasonOf(error: unknown): string {
  const reason = (error as { reason?: unknown } | null)?.reason;
  if (typeof reason === 'string') return reason;
  // Our errors' messages are written for people and carry no secret.
  return error instanceof Error ? error.message.split('\n')[0]! : 'the component token cannot be obtained';
}

/**
 * `GET /ready`: 200 when the service holds, or can obtain, a component token (and reaches its shared store,
 * when it has one); 503 with a one-line reason otherwise. `/health` stays a plain liveness answer that never
 * calls WeChat. The shared store is asked afresh on every probe (a round trip to Redis spends nothing); a
 * token failure is remembered for a while, so probes cannot spend WeChat's daily token quota.
 */
export function useReadiness(check: () => Promise<unknown>, sharedStoreReachable?: () => Promise<boolean>): Readiness {
  let failure: { reason: string; until: number } | undefined;
  const probe = async (): Promise<string | undefined> => {
    if (sharedStoreReachable && !(await sharedStoreReachable())) return 'shared store unreachable';
    if (failure && performance.now() < failure.until) return failure.reason;
    try {
      await check();
      failure = undefined;
      return undefined;
    } catch (error) {
      const reason = reasonOf(error);
      failure = { reason, until: performance.now() + FAILURE_MEMORY_MS };
      return reason;
    }
  };
  // yoga's own readiness plugin routes /ready (and answers nothing else); the answer's text is ours.
  const plugin = useReadinessCheck({
    endpoint: '/ready',
    check: ({ fetchAPI }) =>
      probe().then(
        (reason) =>
          new fetchAPI.Response(reason === undefined ? 'ready\n' : `not ready: ${reason}\n`, {
            status: reason === undefined ? 200 : 503,
            headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
          }),
      ),
  });
  return {
    plugin,
    forget: () => {
      failure = undefined;
    },
  };
}
