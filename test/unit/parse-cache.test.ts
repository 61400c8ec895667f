import { type DocumentNode, GraphQLError, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { parseCaches } from '../../src/caching/parse-cache.js';
import { SeenOnce } from '../../src/caching/seen-once.js';

const query = (i: number) => `{ serverDomains { __typename } } # ${i}`;

describe('SeenOnce', () => {
  it('answers true the second time a key comes, then starts again', () => {
    const seen = new SeenOnce();
    expect(seen.again('a')).toBe(false);
    expect(seen.again('b')).toBe(false);
    expect(seen.again('a')).toBe(true);
    expect(seen.again('a')).toBe(false);
  });

  it('forgets the oldest keys beyond its byte budget', () => {
    const seen = new SeenOnce(100);
    for (let i = 0; i < 20; i++) seen.again(`key-${String(i).padStart(4, '0')}`); // 8 bytes each: 12 fit
    expect(seen.again('key-0000')).toBe(false);
    expect(seen.again('key-0019')).toBe(true);
  });
});

describe("yoga's parse caches (parseCaches)", () => {
  it('keep a document only when its query comes a second time', () => {
    const { documentCache } = parseCaches();
    const document = parse(query(1));
    documentCache.set(query(1), document);
    expect(documentCache.get(query(1))).toBeUndefined();
    documentCache.set(query(1), document);
    expect(documentCache.get(query(1))).toBe(document);
    // Once kept, it stays kept when set again.
    documentCache.set(query(1), document);
    expect(documentCache.get(query(1))).toBe(document);
  });

  it('keep nothing of a stream of unique queries, and still keep the repeated one', () => {
    const { documentCache } = parseCaches();
    const repeated = parse(query(0));
    documentCache.set(query(0), repeated);
    documentCache.set(query(0), repeated);
    for (let i = 1; i <= 5000; i++) documentCache.set(query(i), parse(query(i)));
    for (let i = 1; i <= 5000; i++) expect(documentCache.get(query(i))).toBeUndefined();
    expect(documentCache.get(query(0))).toBe(repeated);
  });

  it('keep at most 1024 documents, the least recently used out first', () => {
    const { documentCache } = parseCaches();
    const documents: DocumentNode[] = [];
    for (let i = 0; i < 1100; i++) {
      documents.push(parse(query(i)));
      documentCache.set(query(i), documents[i]!);
      documentCache.set(query(i), documents[i]!);
    }
    expect(documentCache.get(query(0))).toBeUndefined();
    expect(documentCache.get(query(1099))).toBe(documents[1099]);
    expect(documentCache.get(query(76))).toBe(documents[76]);
  });

  it('keep within a byte budget: a query of a megabyte is never kept, however often it comes', () => {
    const { documentCache } = parseCaches();
    const huge = `{ serverDomains { __typename } } #${'x'.repeat(1024 * 1024)}`;
    const document = parse(huge);
    for (let i = 0; i < 3; i++) documentCache.set(huge, document);
    expect(documentCache.get(huge)).toBeUndefined();
  });

  it('treat parse errors alike', () => {
    const { errorCache } = parseCaches();
    const error = new GraphQLError('Syntax Error');
    errorCache.set('{', error);
    expect(errorCache.get('{')).toBeUndefined();
    errorCache.set('{', error);
    expect(errorCache.get('{')).toBe(error);
  });
});
