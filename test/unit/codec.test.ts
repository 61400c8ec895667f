import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AccessTokenError,
  DomainCountLimitError,
  InvalidActionError,
  InvalidDomainError,
  MonthlyQuotaExceededError,
  PlatformNotReleasedError,
  SystemBusyError,
  UnknownWechatError,
  WechatError,
} from '../../src/domains/errors.js';
import {
  decodeModifyResponse,
  decodeTokenResponse,
  encodeModifyRequest,
  NotWechatJsonError,
  splitDomains,
} from '../../src/wechat/codec.js';
import type { DomainAction } from '../../src/wechat/errors.js';

describe('encodeModifyRequest', () => {
  it('sends only the action for get', () => {
    expect(encodeModifyRequest('get')).toStrictEqual({ action: 'get' });
    expect(encodeModifyRequest('get', ['a.com', 'b.com'], true)).toStrictEqual({ action: 'get' });
  });

  it.each(['add', 'delete', 'set'] as const)('joins the domains with ";" for %s', (action) => {
    expect(encodeModifyRequest(action, ['www.qq.com', 'wx.qq.com'])).toStrictEqual({
      action,
      wxa_server_domain: 'www.qq.com;wx.qq.com',
      is_modify_published_together: false,
    });
  });

  it('carries is_modify_published_together: true when asked', () => {
    expect(encodeModifyRequest('add', ['www.qq.com'], true)).toStrictEqual({
      action: 'add',
      wxa_server_domain: 'www.qq.com',
      is_modify_published_together: true,
    });
  });

  it('sends is_modify_published_together: false explicitly by default', () => {
    const body = encodeModifyRequest('delete', ['a.com']);
    expect(body).toHaveProperty('is_modify_published_together', false);
  });

  it('sends an empty string for set with no domains', () => {
    expect(encodeModifyRequest('set', [], false)).toStrictEqual({
      action: 'set',
      wxa_server_domain: '',
      is_modify_published_together: false,
    });
  });

  it('keeps the order of the domains', () => {
    expect(encodeModifyRequest('set', ['c.com', 'a.com', 'b.com']).wxa_server_domain).toBe('c.com;a.com;b.com');
  });

  it.each(['add', 'delete', 'set'] as const)('throws for %s if a domain contains ";"', (action) => {
    expect(() => encodeModifyRequest(action, ['a.com', 'b.com;c.com'])).toThrow(/";"/);
  });
});

describe('splitDomains', () => {
  it('splits on ";"', () => {
    expect(splitDomains('www.qq.com;wx.qq.com')).toEqual(['www.qq.com', 'wx.qq.com']);
  });

  it('gives [] for an empty string', () => {
    expect(splitDomains('')).toEqual([]);
  });

  it('drops empty pieces and trims each piece', () => {
    expect(splitDomains(';a.com;;b.com;')).toEqual(['a.com', 'b.com']);
    expect(splitDomains(' a.com ; b.com ')).toEqual(['a.com', 'b.com']);
    expect(splitDomains(' ; ')).toEqual([]);
  });

  it('keeps a single domain', () => {
    expect(splitDomains('qq.com')).toEqual(['qq.com']);
  });
});

describe('decodeModifyResponse: success', () => {
  it('reads testing and published lists', () => {
    const decoded = decodeModifyResponse('get', {
      errcode: 0,
      errmsg: 'ok',
      published_wxa_server_domain: 'www.qq.com;wx.qq.com',
      testing_wxa_server_domain: 'www.qq.com;wx.qq.com;beta.qq.com',
    });
    expect(decoded).toEqual({
      ok: true,
      value: {
        testing: ['www.qq.com', 'wx.qq.com', 'beta.qq.com'],
        published: ['www.qq.com', 'wx.qq.com'],
        unverified: [],
      },
    });
  });

  it('gives published: null when WeChat omits the field (never published)', () => {
    const decoded = decodeModifyResponse('add', { errcode: 0, errmsg: 'ok', testing_wxa_server_domain: 'a.com' });
    expect(decoded).toEqual({ ok: true, value: { testing: ['a.com'], published: null, unverified: [] } });
  });

  it('gives published: null when the field is null', () => {
    const decoded = decodeModifyResponse('get', { errcode: 0, errmsg: 'ok', published_wxa_server_domain: null });
    expect(decoded.ok && decoded.value.published).toBeNull();
  });

  it('gives [] (not null) for empty strings', () => {
    const decoded = decodeModifyResponse('set', {
      errcode: 0,
      errmsg: 'ok',
      published_wxa_server_domain: '',
      testing_wxa_server_domain: '',
      invalid_wxa_server_domain: '',
    });
    expect(decoded).toEqual({ ok: true, value: { testing: [], published: [], unverified: [] } });
  });

  it('gives testing: [] when the testing field is absent', () => {
    expect(decodeModifyResponse('get', { errcode: 0, errmsg: 'ok' })).toEqual({
      ok: true,
      value: { testing: [], published: null, unverified: [] },
    });
  });

  it('reads invalid_wxa_server_domain as unverified', () => {
    const decoded = decodeModifyResponse('add', {
      errcode: 0,
      errmsg: 'ok',
      testing_wxa_server_domain: 'a.com;b.com',
      invalid_wxa_server_domain: 'b.com;c.com',
    });
    expect(decoded).toEqual({ ok: true, value: { testing: ['a.com', 'b.com'], published: null, unverified: ['b.com', 'c.com'] } });
  });

  it('counts a missing errcode as success', () => {
    const decoded = decodeModifyResponse('get', { testing_wxa_server_domain: 'a.com' });
    expect(decoded).toEqual({ ok: true, value: { testing: ['a.com'], published: null, unverified: [] } });
  });
});

describe('decodeModifyResponse: errors', () => {
  it.each([
    [-1, SystemBusyError],
    [61028, PlatformNotReleasedError],
    [65316, DomainCountLimitError],
    [45104, MonthlyQuotaExceededError],
    [40052, InvalidActionError],
    [9410016, InvalidDomainError],
    [40001, AccessTokenError],
    [40014, AccessTokenError],
    [42001, AccessTokenError],
    [12345, UnknownWechatError],
  ] as const)('turns errcode %i of a change into %o', (errcode, type) => {
    const decoded = decodeModifyResponse('add', { errcode, errmsg: `message ${errcode}` });
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.error).toBeInstanceOf(type);
    expect(decoded.error).toBeInstanceOf(WechatError);
    expect(decoded.error.errcode).toBe(errcode);
    expect(decoded.error.errmsg).toBe(`message ${errcode}`);
  });

  it.each([
    [61028, UnknownWechatError],
    [45104, UnknownWechatError],
    [-1, SystemBusyError],
    [42001, AccessTokenError],
  ] as const)('turns errcode %i of a get into %o', (errcode, type) => {
    const decoded = decodeModifyResponse('get', { errcode, errmsg: 'x' });
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.error).toBeInstanceOf(type);
    expect(decoded.error.errcode).toBe(errcode);
  });

  it('ignores domain fields on an error', () => {
    const decoded = decodeModifyResponse('add', { errcode: 65316, errmsg: 'limit', testing_wxa_server_domain: 'a.com' });
    expect(decoded.ok).toBe(false);
  });

  it('treats a missing errmsg as empty', () => {
    const decoded = decodeModifyResponse('add', { errcode: -1 });
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.error.errmsg).toBe('');
  });
});

describe('decodeModifyResponse: not WeChat JSON', () => {
  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'ok'],
    ['a number', 0],
    ['a boolean', true],
    ['an array', [{ errcode: 0 }]],
  ])('throws NotWechatJsonError for %s', (_what, body) => {
    expect(() => decodeModifyResponse('get', body)).toThrow(NotWechatJsonError);
  });

  it.each([
    ['a string errcode', { errcode: '0', errmsg: 'ok' }],
    ['a fractional errcode', { errcode: 0.5, errmsg: 'ok' }],
    ['a null errcode', { errcode: null, errmsg: 'ok' }],
    ['a non-string errmsg', { errcode: 0, errmsg: 42 }],
    ['a non-string testing field', { errcode: 0, errmsg: 'ok', testing_wxa_server_domain: ['a.com'] }],
    ['a non-string published field', { errcode: 0, errmsg: 'ok', published_wxa_server_domain: 1 }],
    ['a non-string invalid field', { errcode: 0, errmsg: 'ok', invalid_wxa_server_domain: {} }],
  ])('throws NotWechatJsonError for %s', (_what, body) => {
    expect(() => decodeModifyResponse('get', body)).toThrow(NotWechatJsonError);
  });

  it('is a plain Error named NotWechatJsonError, not a WechatError', () => {
    let caught: unknown;
    try {
      decodeModifyResponse('get', []);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(NotWechatJsonError);
    expect(caught).toBeInstanceOf(Error);
    expect(caught).not.toBeInstanceOf(WechatError);
    expect((caught as Error).name).toBe('NotWechatJsonError');
  });
});

describe('decodeTokenResponse', () => {
  it('reads the token and its lifetime', () => {
    expect(decodeTokenResponse({ component_access_token: 'TOKEN-1', expires_in: 7200 })).toEqual({
      ok: true,
      value: { token: 'TOKEN-1', expiresInSeconds: 7200 },
    });
  });

  it('accepts errcode 0 alongside the token', () => {
    expect(decodeTokenResponse({ errcode: 0, errmsg: 'ok', component_access_token: 'T', expires_in: 60 })).toEqual({
      ok: true,
      value: { token: 'T', expiresInSeconds: 60 },
    });
  });

  it.each([61004, 61005, 61006, 61011, 40125, 41004, 45009, 47001, -1, 99999])('turns errcode %i into an AccessTokenError', (errcode) => {
    const decoded = decodeTokenResponse({ errcode, errmsg: 'refused' });
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.error).toBeInstanceOf(AccessTokenError);
    expect(decoded.error.errcode).toBe(errcode);
    expect(decoded.error.errmsg).toBe('refused');
  });

  it('explains a known token errcode (61005: ticket expired)', () => {
    const decoded = decodeTokenResponse({ errcode: 61005, errmsg: 'component verify ticket expired' });
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.error.message).toMatch(/component_verify_ticket has expired/);
  });

  it.each([
    ['a missing token', { expires_in: 7200 }],
    ['an empty token', { component_access_token: '', expires_in: 7200 }],
    ['a non-string token', { component_access_token: 123, expires_in: 7200 }],
    ['a missing expires_in', { component_access_token: 'T' }],
    ['a zero expires_in', { component_access_token: 'T', expires_in: 0 }],
    ['a string expires_in', { component_access_token: 'T', expires_in: '7200' }],
    ['not an object', 'T'],
    ['null', null],
    ['a string errcode', { errcode: '40001', errmsg: 'x' }],
  ])('throws NotWechatJsonError for %s', (_what, body) => {
    expect(() => decodeTokenResponse(body)).toThrow(NotWechatJsonError);
  });
});

describe('round trip', () => {
  const domainLike = fc.stringMatching(/^[a-z0-9-]{1,20}(\.[a-z0-9-]{1,20}){1,3}$/);
  const actions = fc.constantFrom<DomainAction>('add', 'delete', 'set');

  it('decoding the encoded wxa_server_domain as testing_wxa_server_domain gives back the same list', () => {
    fc.assert(
      fc.property(actions, fc.array(domainLike, { maxLength: 30 }), fc.boolean(), (action, domains, together) => {
        const body = encodeModifyRequest(action, domains, together);
        expect(body.is_modify_published_together).toBe(together);
        const decoded = decodeModifyResponse(action, {
          errcode: 0,
          errmsg: 'ok',
          testing_wxa_server_domain: body.wxa_server_domain,
        });
        expect(decoded).toEqual({ ok: true, value: { testing: domains, published: null, unverified: [] } });
      }),
      { numRuns: 500 },
    );
  });

  it('splitDomains undoes a ";" join of any non-empty, already trimmed pieces without ";"', () => {
    const piece = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !s.includes(';') && s.trim() === s && s !== '');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (pieces) => {
        expect(splitDomains(pieces.join(';'))).toEqual(pieces);
      }),
      { numRuns: 500 },
    );
  });
});
