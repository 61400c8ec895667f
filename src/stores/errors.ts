/**
 * The shared store (Redis) could not be reached or did not answer in time. Callers above the stores turn it
 * into the typed error their callers get (a change: UpstreamUnavailableError, nothing sent).
 */
export class SharedStoreUnavailableError extends Error {
  override name = 'SharedStoreUnavailableError';
  constructor(readonly operation: string) {
    super(`the shared store (Redis) is unreachable (${operation})`);
  }
}
