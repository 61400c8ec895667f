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

/** Runs a store operation, turning any failure of the store into SharedStoreUnavailableError. */
export async function shared<T>(operation: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch {
    // Not the cause: a node-redis error can quote the connection URL, which may hold a password.
    throw new SharedStoreUnavailableError(operation);
  }
}
