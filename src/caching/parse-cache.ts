import type { DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import { SeenOnce } from './seen-once.js';

/** Parsed documents (and parse errors) kept, as yoga's own cache counts them. */
const MAX_ENTRIES = 1024;
/**
 * What they may hold, estimated from their query text: a parsed document keeps its tokens (`loc`), about
 * 32 bytes of heap per character of text, so 16 MiB is about half a megabyte of queries.
 */
const BUDGET_BYTES = 16 * 1024 * 1024;
const BYTES_PER_CHAR = 32;

/** The cache shape yoga's `parserAndValidationCache` takes (its type is not exported). */
interface Cache<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
}

/**
 * yoga's parse caches, bounded by bytes as well as entries, keeping a result only when its query comes a
 * second time (yoga's default keeps every one of 1024 queries, however long, for an hour). A stream of
 * unique queries (a client that writes an id into each, or an attacker) then neither fills the heap with
 * documents nor pushes out the ones repeated queries use, and the documents it parses die young instead
 * of being promoted and collected by full GCs. Validation results are kept per document (yoga's WeakMap),
 * so they follow.
 */
function admittingCache<V extends object>(): Cache<V> {
  const kept = new LRUCache<string, V>({
    max: MAX_ENTRIES,
    maxSize: BUDGET_BYTES,
    sizeCalculation: (_, query) => Math.max(1, query.length * BYTES_PER_CHAR),
  });
  const seen = new SeenOnce();
  return {
    get: (query) => kept.get(query),
    set: (query, value) => {
      if (kept.has(query) || seen.again(query)) kept.set(query, value);
    },
  };
}

/** The `parserAndValidationCache` option of createYoga. */
export function parseCaches(): { documentCache: Cache<DocumentNode>; errorCache: Cache<object>; validationCache: true } {
  return { documentCache: admittingCache<DocumentNode>(), errorCache: admittingCache<object>(), validationCache: true };
}
