import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError, DomainValidationError } from '../../src/domains/errors.js';
import { type CountBounds, MAX_DOMAINS, normalizeDomain, normalizeDomains, requireDomains } from '../../src/domains/normalize.js';

/** Bounds the service uses: add/remove need at least one domain, set may clear the list. */
const CHANGE: CountBounds = { min: 1, max: MAX_DOMAINS };
const SET: CountBounds = { min: 0, max: MAX_DOMAINS };

function accepted(raw: string): string {
  const check = normalizeDomain(raw);
  if (!check.ok) throw new Error(`expected ${JSON.stringify(raw)} to be accepted, got: ${check.reason}`);
  return check.domain;
}

function reasonFor(raw: string): string {
  const check = normalizeDomain(raw);
  if (check.ok) throw new Error(`expected ${JSON.stringify(raw)} to be refused, got: ${check.domain}`);
  return check.reason;
}

function thrownBy(fn: () => unknown): DomainValidationError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainValidationError);
    return error as DomainValidationError;
  }
  throw new Error('expected a DomainValidationError, nothing was thrown');
}

/** A sentence: starts with a capital letter, ends with a full stop. */
const SENTENCE = /^[A-Z].*\.$/s;

const distinct = (n: number): string[] => Array.from({ length: n }, (_, i) => `d${i}.example.com`);

describe('normalizeDomain: accepted forms', () => {
  it('keeps an already normal host name as is', () => {
    expect(normalizeDomain('www.qq.com')).toEqual({ ok: true, domain: 'www.qq.com' });
  });

  it('trims surrounding whitespace, including tabs, new lines and the ideographic space', () => {
    expect(accepted('  www.qq.com  ')).toBe('www.qq.com');
    expect(accepted('\twx.qq.com\n')).toBe('wx.qq.com');
    expect(accepted('\u3000qq.com\u3000')).toBe('qq.com');
  });

  it('lower-cases', () => {
    expect(accepted('WWW.QQ.COM')).toBe('www.qq.com');
    expect(accepted('Api.Example.Org')).toBe('api.example.org');
  });

  it('turns an internationalised name into punycode', () => {
    expect(accepted('例子.中国')).toBe('xn--fsqu00a.xn--fiqs8s');
    expect(accepted('bücher.de')).toBe('xn--bcher-kva.de');
    expect(accepted('💩.la')).toBe('xn--ls8h.la');
  });

  it('folds the full-width dot an IME produces', () => {
    expect(accepted('例子。中国')).toBe('xn--fsqu00a.xn--fiqs8s');
    expect(accepted('www。qq。com')).toBe('www.qq.com');
  });

  it('folds full-width letters and dots', () => {
    expect(accepted('ｗｗｗ．ＱＱ．ｃｏｍ')).toBe('www.qq.com');
    expect(accepted('ＡＢＣ.com')).toBe('abc.com');
  });

  it('accepts punycode as given, in any case', () => {
    expect(accepted('xn--fsqu00a.xn--fiqs8s')).toBe('xn--fsqu00a.xn--fiqs8s');
    expect(accepted('XN--FSQU00A.XN--FIQS8S')).toBe('xn--fsqu00a.xn--fiqs8s');
  });

  it('accepts digits and inner hyphens, and an all-digit label that is not the last', () => {
    expect(accepted('my-api.example.com')).toBe('my-api.example.com');
    expect(accepted('123.example.com')).toBe('123.example.com');
    expect(accepted('a1.b2.c3')).toBe('a1.b2.c3');
  });

  it('accepts a 63-character label and a 253-character name (the limits themselves)', () => {
    const label63 = 'a'.repeat(63);
    expect(accepted(`${label63}.com`)).toBe(`${label63}.com`);
    const name253 = ['a'.repeat(63), 'b'.repeat(63), 'c'.repeat(63), 'd'.repeat(61)].join('.');
    expect(name253).toHaveLength(253);
    expect(accepted(name253)).toBe(name253);
  });
});

describe('normalizeDomain: refused entries and their reasons', () => {
  it.each([
    ['empty', '', /is empty/],
    ['blank', '   ', /is empty/],
    ['a space inside', 'www qq.com', /whitespace/],
    ['a tab inside', 'www\tqq.com', /whitespace/],
    ['a new line inside', 'a.com\nb.com', /whitespace/],
    ['an ideographic space inside', 'www\u3000qq.com', /whitespace/],
    ['";" separator', 'a.com;b.com', /separator/],
    ['"," separator', 'a.com,b.com', /separator/],
    ['full-width "；" separator', 'a.com；b.com', /separator/],
    ['full-width "，" separator', 'a.com，b.com', /separator/],
    ['https scheme', 'https://www.qq.com', /scheme/],
    ['http scheme', 'http://www.qq.com', /scheme/],
    ['wss scheme', 'wss://www.qq.com', /scheme/],
    ['a path', 'www.qq.com/api', /path, query or fragment/],
    ['a trailing slash', 'www.qq.com/', /path, query or fragment/],
    ['a query', 'www.qq.com?x=1', /path, query or fragment/],
    ['a fragment', 'www.qq.com#top', /path, query or fragment/],
    ['user information', 'user@www.qq.com', /"@"/],
    ['an IPv4 address', '192.168.0.1', /IP address/],
    ['an IPv6 address', '2001:db8::1', /IP address/],
    ['an IPv6 loopback', '::1', /IP address/],
    ['a bracketed IPv6 address', '[2001:db8::1]', /IP address/],
    ['a bracketed IPv6 loopback', '[::1]', /IP address/],
    ['a port', 'www.qq.com:8080', /port/],
    ['a bracketed IPv6 address with a port', '[::1]:8080', /IP address/],
    ['an IPv4 address with a port', '1.2.3.4:80', /IP address/],
    ['a hexadecimal last label', 'a.0x1f', /numeric last label/],
    ['full-width @', 'ａ＠ｂ.com', /user information/],
    ['full-width slash', 'a.com／x', /path/],
    ['a small semicolon', 'a﹔b.com', /separator/],
    ['a single label', 'localhost', /at least two labels/],
    ['a leading dot', '.qq.com', /empty label/],
    ['a trailing dot', 'qq.com.', /ends with a dot/],
    ['a doubled dot', 'www..qq.com', /empty label/],
    ['a 64-character label', `${'a'.repeat(64)}.com`, /label longer than 63/],
    ['a leading hyphen', '-www.qq.com', /hyphen/],
    ['a trailing hyphen', 'www-.qq.com', /hyphen/],
    ['a hyphen at the end of the last label', 'qq.com-', /hyphen/],
    ['an underscore', 'my_api.qq.com', /characters other than letters, digits and hyphens/],
    ['an asterisk (wildcard)', '*.qq.com', /characters other than letters, digits and hyphens/],
    ['an exclamation mark', 'a!.qq.com', /characters other than letters, digits and hyphens/],
    ['an all-digit last label', 'example.123', /numeric last label/],
    ['invalid punycode', 'xn--zz.com', /invalid punycode/],
    ['an invalid internationalised name', '例子.xn--zz', /not a valid internationalised domain name/],
  ])('refuses %s (%j)', (_what, raw, reason) => {
    const check = normalizeDomain(raw);
    expect(check.ok).toBe(false);
    expect(reasonFor(raw)).toMatch(reason);
  });

  it('refuses a name longer than 253 characters', () => {
    const name254 = ['a'.repeat(63), 'b'.repeat(63), 'c'.repeat(63), 'd'.repeat(62)].join('.');
    expect(name254).toHaveLength(254);
    expect(reasonFor(name254)).toMatch(/longer than 253/);
  });

  it('names the offending label in the reason', () => {
    expect(reasonFor('my_api.qq.com')).toContain('"my_api"');
    expect(reasonFor('*.qq.com')).toContain('"*"');
    expect(reasonFor('-www.qq.com')).toContain('"-www"');
    expect(reasonFor('xn--zz.com')).toContain('"xn--zz"');
  });
});

describe('normalizeDomains / requireDomains: lists', () => {
  it('normalises every entry and keeps the order', () => {
    expect(requireDomains([' WWW.QQ.COM ', '例子.中国', 'wx.qq.com'], CHANGE)).toEqual([
      'www.qq.com',
      'xn--fsqu00a.xn--fiqs8s',
      'wx.qq.com',
    ]);
  });

  it('drops duplicates, keeping the first of each, in order', () => {
    expect(requireDomains(['b.com', 'a.com', 'b.com', 'c.com', 'a.com'], CHANGE)).toEqual(['b.com', 'a.com', 'c.com']);
  });

  it('drops duplicates that only differ by case, whitespace or IDN form', () => {
    expect(
      requireDomains(['qq.com', '例子.中国', ' QQ.COM', 'XN--FSQU00A.xn--fiqs8s', '例子。中国', 'ｑｑ．ｃｏｍ', 'wx.qq.com'], CHANGE),
    ).toEqual(['qq.com', 'xn--fsqu00a.xn--fiqs8s', 'wx.qq.com']);
  });

  it('reports ok with the domains from normalizeDomains', () => {
    expect(normalizeDomains(['A.com', 'a.com'], CHANGE)).toEqual({ ok: true, domains: ['a.com'] });
  });

  it('names each bad entry as given (untrimmed), with its reason, in order', () => {
    const error = thrownBy(() => requireDomains(['  ok.com ', ' my_api.qq.com ', '', 'https://x.com', 'fine.org'], CHANGE));
    expect(error.problems).toHaveLength(3);
    expect(error.problems.map((p) => p.domain)).toEqual([' my_api.qq.com ', '', 'https://x.com']);
    expect(error.problems[0]!.reason).toMatch(/characters other than letters, digits and hyphens/);
    expect(error.problems[1]!.reason).toMatch(/is empty/);
    expect(error.problems[2]!.reason).toMatch(/scheme/);
    expect(error.problems.map((p) => p.reason)).toEqual([reasonFor(' my_api.qq.com '), reasonFor(''), reasonFor('https://x.com')]);
  });

  it('reports each problem even when the same bad entry appears twice', () => {
    const check = normalizeDomains(['bad_one.com', 'bad_one.com'], CHANGE);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems.map((p) => p.domain)).toEqual(['bad_one.com', 'bad_one.com']);
  });

  it('gives a one-problem message and a many-problems message, both sentences', () => {
    const one = thrownBy(() => requireDomains(['a.com', 'bad_one.com'], CHANGE));
    expect(one.message).toMatch(/^One of the domains is not a valid server domain/);
    expect(one.message).toMatch(SENTENCE);
    expect(one.message).toMatch(/Nothing was changed/);

    const three = thrownBy(() => requireDomains(['x', 'y', 'z'], CHANGE));
    expect(three.message).toMatch(/^3 of the domains are not valid server domains/);
    expect(three.message).toMatch(/\.$/);
    expect(three.problems).toHaveLength(3);
  });

  it('is an AppError named DomainValidationError', () => {
    const error = thrownBy(() => requireDomains([''], CHANGE));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DomainValidationError');
  });

  it('reports problems rather than the count when both are wrong', () => {
    const error = thrownBy(() => requireDomains([...distinct(1001), 'bad_one.com'], CHANGE));
    expect(error.problems).toEqual([{ domain: 'bad_one.com', reason: reasonFor('bad_one.com') }]);
  });
});

describe('count bounds', () => {
  it('refuses an empty list for add/remove, with empty problems and a message naming the bound', () => {
    const error = thrownBy(() => requireDomains([], CHANGE));
    expect(error.problems).toEqual([]);
    expect(error.message).toBe('Give between 1 and 1000 distinct domains (0 given). Nothing was changed.');
    expect(error.message).toMatch(SENTENCE);
  });

  it('accepts an empty list for set', () => {
    expect(requireDomains([], SET)).toEqual([]);
    expect(normalizeDomains([], SET)).toEqual({ ok: true, domains: [] });
  });

  it('still refuses an empty entry for set', () => {
    const error = thrownBy(() => requireDomains([''], SET));
    expect(error.problems).toEqual([{ domain: '', reason: reasonFor('') }]);
  });

  it('accepts exactly one domain for add/remove', () => {
    expect(requireDomains(['qq.com'], CHANGE)).toEqual(['qq.com']);
  });

  it('accepts 1000 distinct domains', () => {
    const domains = distinct(1000);
    expect(requireDomains(domains, CHANGE)).toEqual(domains);
    expect(requireDomains(domains, SET)).toEqual(domains);
  });

  it.each([
    ['add/remove', CHANGE, 'Give between 1 and 1000 distinct domains (1001 given). Nothing was changed.'],
    ['set', SET, 'Give between 0 and 1000 distinct domains (1001 given). Nothing was changed.'],
  ])('refuses 1001 distinct domains for %s', (_what, bounds, message) => {
    const error = thrownBy(() => requireDomains(distinct(1001), bounds));
    expect(error.problems).toEqual([]);
    expect(error.message).toBe(message);
    expect(error.message).toContain('1000');
  });

  it('reports the count of distinct domains from normalizeDomains', () => {
    expect(normalizeDomains(distinct(1001), CHANGE)).toEqual({ ok: false, problems: [], count: 1001 });
    expect(normalizeDomains([], CHANGE)).toEqual({ ok: false, problems: [], count: 0 });
  });

  it('counts distinct domains: 1001 entries that de-duplicate to 1000 are accepted', () => {
    const domains = distinct(1000);
    const raw = [...domains, 'D0.EXAMPLE.COM'];
    expect(raw).toHaveLength(1001);
    expect(requireDomains(raw, CHANGE)).toEqual(domains);
  });

  it('counts distinct domains against the minimum too', () => {
    expect(normalizeDomains(['a.com', 'A.COM'], { min: 2, max: 10 })).toEqual({ ok: false, problems: [], count: 1 });
  });
});

// ---------------------------------------------------------------------------------------------------
// Property-based tests
// ---------------------------------------------------------------------------------------------------

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = LOWER.toUpperCase();
const DIGITS = '0123456789';
const alnum = fc.constantFrom(...(LOWER + UPPER + DIGITS));
const alnumHyphen = fc.constantFrom(...`${LOWER + UPPER + DIGITS}-`);
const letter = fc.constantFrom(...(LOWER + UPPER));

/** A DNS label: 1..63 letters, digits and hyphens, not starting or ending with a hyphen, never an `xn--` A-label. */
const label = fc
  .oneof(
    alnum,
    fc.tuple(alnum, fc.string({ unit: alnumHyphen, maxLength: 61 }), alnum).map(([a, middle, b]) => a + middle + b),
  )
  .filter((l) => !/^xn--/i.test(l));

/** A last label that is not all digits (it would read as an IPv4 address). */
const lastLabel = fc
  .tuple(letter, fc.string({ unit: alnumHyphen, maxLength: 20 }), alnum)
  .map(([a, middle, b]) => a + middle + b)
  .filter((l) => !/^xn--/i.test(l));

const validHostname = fc
  .tuple(fc.array(label, { minLength: 1, maxLength: 3 }), lastLabel)
  .map(([labels, last]) => [...labels, last].join('.'))
  .filter((name) => name.length <= 253);

/** Strings that look like domains, often nearly valid, with the characters that matter mixed in. */
const domainishUnit = fc.constantFrom(
  ...'abcxnQZ019-...',
  ';',
  ',',
  '/',
  ':',
  '@',
  ' ',
  '\t',
  '\n',
  '_',
  '*',
  '[',
  ']',
  '?',
  '#',
  '%',
  '\\',
  '；',
  '，',
  '、',
  '。',
  '．',
  'ｗ',
  'Ａ',
  '１',
  '例',
  '中',
  'é',
  'ß',
  '\u212a', // Kelvin sign: lower-cases to an ASCII "k"
  '\u200b',
  '\u00ad',
  '\u3000',
  '﹔',
);

const domainish = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: domainishUnit, maxLength: 40 }),
  validHostname,
  fc
    .tuple(
      fc.constantFrom('', '', ' ', 'http://', 'https://', 'HTTPS://', 'wss://', 'user@', '*.', '.', '[', 'xn--'),
      validHostname,
      fc.constantFrom('', '', ' ', '/', '/path?q=1', ':80', ':', '.', ';a.com', ',a.com', ']', '。', '．com', '.123', '.例子'),
    )
    .map(([before, host, after]) => before + host + after),
);

const DOMAIN_SHAPE = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;

describe('normalizeDomain: properties', () => {
  it('the arbitrary used below does produce accepted domains (the properties are not vacuous)', () => {
    const sample = fc.sample(domainish, { numRuns: 2000, seed: 42 });
    const acceptedCount = sample.filter((raw) => normalizeDomain(raw).ok).length;
    expect(acceptedCount).toBeGreaterThan(200);
  });

  it('an accepted domain has WeChat’s exact shape and no separator, path, port, user info, whitespace or scheme', () => {
    fc.assert(
      fc.property(domainish, (raw) => {
        const check = normalizeDomain(raw);
        if (!check.ok) return;
        const d = check.domain;
        expect(d).not.toMatch(/[;,/:@\s]/);
        expect(d).not.toMatch(/^[a-z][a-z0-9+.-]*:\/\//i);
        expect(d).toMatch(DOMAIN_SHAPE);
        expect(d.length).toBeLessThanOrEqual(253);
        expect(d).toBe(d.toLowerCase());
      }),
      { numRuns: 3000 },
    );
  });

  it('is idempotent: normalising an accepted domain again returns it unchanged', () => {
    fc.assert(
      fc.property(domainish, (raw) => {
        const check = normalizeDomain(raw);
        if (!check.ok) return;
        expect(normalizeDomain(check.domain)).toEqual({ ok: true, domain: check.domain });
      }),
      { numRuns: 3000 },
    );
  });

  it('always accepts a generated valid host name, lower-cased, with or without surrounding whitespace', () => {
    fc.assert(
      fc.property(validHostname, fc.constantFrom('', ' ', '\t', '  \n'), (host, pad) => {
        expect(normalizeDomain(pad + host + pad)).toEqual({ ok: true, domain: host.toLowerCase() });
      }),
      { numRuns: 1000 },
    );
  });

  it('always accepts a list of generated valid host names, de-duplicated in first-seen order', () => {
    fc.assert(
      fc.property(fc.array(validHostname, { minLength: 1, maxLength: 20 }), (hosts) => {
        const expected = [...new Set(hosts.map((h) => h.toLowerCase()))];
        expect(requireDomains(hosts, CHANGE)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('always refuses two valid domains joined with ";" (or ",")', () => {
    fc.assert(
      fc.property(validHostname, validHostname, fc.constantFrom(';', ',', '；', '; '), (a, b, sep) => {
        const joined = a + sep + b;
        expect(normalizeDomain(joined).ok).toBe(false);
        const error = thrownBy(() => requireDomains([joined], CHANGE));
        expect(error.problems).toHaveLength(1);
        expect(error.problems[0]!.domain).toBe(joined);
      }),
      { numRuns: 500 },
    );
  });
});
