import type { ServerDomainsState } from '../domains/state.js';

/**
 * Finished responses of read-only operations, by request (Accept header, body text and the caller's
 * scopes), each valid only while the state it was computed from is still the service's cached state.
 */
export interface CachedResponse {
  readonly body: string;
  /** content-type and content-length, as sent. */
  readonly headers: Readonly<Record<'content-type' | 'content-length', string>>;
  /** The state object the result was computed from; undefined when it read none. */
  readonly state: ServerDomainsState | undefined;
  readonly operationName: string | undefined;
}

const MAX_ENTRIES = 256;
/** A 1000-domain answer is about 60 KB; anything much larger is not worth keeping. */
const MAX_BODY_CHARS = 256 * 1024;

export class ResponseCache {
  readonly #entries = new Map<string, CachedResponse>();

  static key(accept: string, scopes: string, body: string): string {
    return `${accept}\n${scopes}\n${body}`;
  }

  get(key: string): CachedResponse | undefined {
    return this.#entries.get(key);
  }

  set(key: string, response: CachedResponse): void {
    if (response.body.length > MAX_BODY_CHARS) return;
    this.#entries.delete(key);
    if (this.#entries.size >= MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(key, response);
  }
}
