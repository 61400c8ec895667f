import { describe, expect, it } from 'vitest';
import { toUnicodeDomain } from '../../src/domains/domain-form.js';
import { chinaMonth, chinaTimeIso } from '../../src/domains/month.js';
import { planChange } from '../../src/domains/plan.js';
import { monthlyQuotaOf } from '../../src/domains/quota.js';
import { decodeQuotaResponse } from '../../src/wechat/codec.js';

const state = { testing: ['a.com', 'b.com'], published: ['a.com'], unverified: [] };

describe('planChange', () => {
  it.each([
    ['add', ['b.com', 'a.com'], false, true],
    ['add', ['c.com'], false, false],
    ['add', ['b.com'], true, false], // published lacks b.com
    ['add', ['a.com'], true, true],
    ['delete', ['x.com'], false, true],
    ['delete', ['x.com'], true, true],
    ['delete', ['a.com'], false, false],
    ['set', ['b.com', 'a.com'], false, true],
    ['set', ['a.com', 'b.com'], true, false], // published would change
    ['set', ['a.com'], false, false],
  ] as const)('%s %j (publishTogether %s) → noOp %s', (action, domains, together, noOp) => {
    expect(planChange(state, action, domains, together).noOp).toBe(noOp);
  });

  it('computes the lists as WeChat does', () => {
    expect(planChange(state, 'add', ['c.com', 'a.com'], true)).toEqual({
      added: ['c.com'],
      removed: [],
      testing: ['a.com', 'b.com', 'c.com'],
      published: ['a.com', 'c.com'],
      noOp: false,
    });
    expect(planChange(state, 'set', ['c.com'], false)).toMatchObject({
      added: ['c.com'],
      removed: ['a.com', 'b.com'],
      published: ['a.com'],
    });
  });

  it('never published: published stays null and publishTogether is never a no-op', () => {
    const unpublished = { ...state, published: null };
    expect(planChange(unpublished, 'add', ['a.com'], true)).toMatchObject({ published: null, noOp: false });
    expect(planChange(unpublished, 'add', ['a.com'], false)).toMatchObject({ published: null, noOp: true });
  });
});

describe('China months', () => {
  it('start at 00:00 +08:00', () => {
    expect(chinaMonth(Date.parse('2026-11-30T15:59:59.999Z'))).toEqual({
      start: Date.parse('2026-10-31T16:00:00Z'),
      end: Date.parse('2026-11-30T16:00:00Z'),
    });
    expect(chinaMonth(Date.parse('2026-11-30T16:00:00Z')).start).toBe(Date.parse('2026-11-30T16:00:00Z'));
    expect(chinaMonth(Date.parse('2026-12-31T16:00:00Z')).start).toBe(Date.parse('2026-12-31T16:00:00Z')); // January 2027
    expect(chinaMonth(Date.parse('2026-01-15T00:00:00Z'), 13).start).toBe(Date.parse('2024-11-30T16:00:00Z'));
    expect(chinaTimeIso(Date.parse('2026-11-30T16:00:00Z'))).toBe('2026-12-01T00:00:00+08:00');
  });

  it('a month’s quota counts APPLIED and UNKNOWN; WeChat’s 45104 zeroes it; the local guard’s refusal does not', () => {
    const month = chinaMonth(0);
    const e = (effect: 'APPLIED' | 'NO_OP' | 'REFUSED' | 'UNKNOWN', errcode: number | null = null) =>
      ({ effect, errcode }) as Parameters<typeof monthlyQuotaOf>[0][number];
    expect(monthlyQuotaOf([e('APPLIED'), e('UNKNOWN'), e('NO_OP'), e('REFUSED', 65316)], 50, month)).toMatchObject({
      changes: 2,
      remaining: 48,
    });
    expect(monthlyQuotaOf([e('APPLIED'), e('REFUSED', 45104)], 50, month)).toMatchObject({
      changes: 1,
      remaining: 0,
      exhaustedAtWechat: true,
    });
    expect(monthlyQuotaOf([e('REFUSED', null)], 1, month)).toMatchObject({ remaining: 1 });
  });
});

describe('toUnicodeDomain', () => {
  it('turns punycode labels into Unicode and leaves others (and undecodable ones) as they are', () => {
    expect(toUnicodeDomain('xn--fsqu00a.xn--fiqs8s')).toBe('例子.中国');
    expect(toUnicodeDomain('api.xn--fiqs8s')).toBe('api.中国');
    expect(toUnicodeDomain('www.qq.com')).toBe('www.qq.com');
    expect(toUnicodeDomain('xn--.example.com')).toBe('xn--.example.com');
  });
});

describe('decodeQuotaResponse (openapi/quota/get)', () => {
  it('reads the daily counts, or the errcode as a read’s typed error', () => {
    const ok = { errcode: 0, errmsg: 'ok', quota: { daily_limit: 2000, used: 3, remain: 1997 }, rate_limit: {} };
    expect(decodeQuotaResponse(ok)).toEqual({ ok: true, value: { limit: 2000, used: 3, remaining: 1997 } });
    const busy = decodeQuotaResponse({ errcode: -1, errmsg: 'system error' });
    expect(busy.ok === false && busy.error.name).toBe('SystemBusyError');
    const unknown = decodeQuotaResponse({ errcode: 76003, errmsg: 'cgi_path not found' });
    expect(unknown.ok === false && [unknown.error.name, unknown.error.errcode]).toEqual(['UnknownWechatError', 76003]);
    const token = decodeQuotaResponse({ errcode: 42001, errmsg: 'expired' });
    expect(token.ok === false && token.error.name).toBe('AccessTokenError');
    expect(() => decodeQuotaResponse({ errcode: 0, errmsg: 'ok' })).toThrow(/quota/);
    expect(() => decodeQuotaResponse({ errcode: 0, quota: { daily_limit: '1', used: 0, remain: 0 } })).toThrow(/daily_limit/);
  });
});
