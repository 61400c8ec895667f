import { hash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { SeenOnce } from '../caching/seen-once.js';
import type { ReadPath } from '../domains/read-path.js';

/**
 * A finished response of a read-only operation, valid only while every state it was computed from is still
 * its read path's cached state.
 */
export interface CachedResponse {
  /** The body, encoded once: a hit writes these bytes as they are. */
  readonly body: Buffer;
  /** Every header the full path sent (content-type, content-length, CORS…), for one writeHead. */
  readonly headers: Readonly<Record<string, string>>;
  /** The read paths it read and the state object each gave (none: it read nothing that changes). */
  readonly reads: readonly { readonly path: ReadPath<unknown>; readonly state: unknown }[];
  readonly operationName: string | undefined;
  /** The operation's part of a hit's log line (see RequestLog.writeFast), made once. */
  readonly logFields: string;
}

/** Kept answers in all, in bytes (bodies, headers and bookkeeping). */
export const RESPONSE_BUDGET_BYTES = 16 * 1024 * 1024;
/** A 1000-domain answer is about 60 KB; anything much larger is not worth keeping. */
const MAX_BODY_BYTES = 256 * 1024;
/** What an entry costs beyond its body and headers: the key, the entry objects, the cache's slot. */
const ENTRY_OVERHEAD_BYTES = 256;

/** What an answer costs against the budget: its body, its headers, its key and the bookkeeping. */
function costOf(response: CachedResponse, key: string): number {
  let cost = ENTRY_OVERHEAD_BYTES + key.length + response.body.byteLength;
  for (const name in response.headers) cost += name.length + response.headers[name]!.length;
  return cost;
}

/**
 * Finished responses by request, within a byte budget. The key holds everything the answer depends on
 * (Accept, Origin, the caller's scopes, the body), the body as its SHA-256 digest, never itself: a request
 * with a megabyte of unused variables costs a 44-character digest, not a megabyte. Least recently used
 * out first (lru-cache's `maxSize`).
 */
export class ResponseCache {
  readonly #entries: LRUCache<string, CachedResponse>;
  /** Keys whose answer was not kept the first time they came. */
  readonly #seen = new SeenOnce();

  constructor(budgetBytes = RESPONSE_BUDGET_BYTES) {
    this.#entries = new LRUCache<string, CachedResponse>({ maxSize: budgetBytes, sizeCalculation: costOf });
  }

  /**
   * The key of a request: the body's digest (see `digest`) with the scopes and the headers the answer
   * depends on. Header values cannot hold a newline, so the parts cannot run into each other.
   */
  static key(accept: string, origin: string, scopes: string, bodyDigest: string): string {
    return `${scopes}\n${accept}\n${origin}\n${bodyDigest}`;
  }

  /** What stands for the body in a key: its SHA-256, never the body itself. */
  static digest(body: Buffer): string {
    return hash('sha256', body, 'base64');
  }

  /**
   * Whether an answer to `key` is worth keeping: only when its request comes a second time (or it was kept
   * before). Keeping each answer of a request that never comes again (its text, its headers, the check for
   * errors) cost a cold request more than anything the fast path saves it.
   */
  admit(key: string): boolean {
    return this.#entries.has(key) || this.#seen.again(key);
  }

  get(key: string): CachedResponse | undefined {
    return this.#entries.get(key);
  }

  set(key: string, response: CachedResponse): void {
    if (response.body.byteLength > MAX_BODY_BYTES) return;
    this.#entries.set(key, response);
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }

  /** Bytes held, as counted against the budget. */
  get bytes(): number {
    return this.#entries.calculatedSize;
  }

  get size(): number {
    return this.#entries.size;
  }
}
