import { describe, expect, it } from 'vitest';
import {
  AccessTokenError,
  AppError,
  DomainCountLimitError,
  InvalidActionError,
  InvalidDomainError,
  MonthlyQuotaExceededError,
  PlatformNotReleasedError,
  SystemBusyError,
  UnknownWechatError,
  UpstreamUnavailableError,
  WechatError,
} from '../../src/domains/errors.js';
import { type DomainAction, parseInvalidDomainReasons, TOKEN_ERRCODES, wechatErrorFor } from '../../src/wechat/errors.js';

const CHANGE_ACTIONS: readonly DomainAction[] = ['add', 'delete', 'set'];
const ERRMSG = 'raw errmsg from WeChat rid: 64f0a1b2-0c1d2e3f';

/** A sentence a front end can show: starts with a capital letter, ends with a full stop. */
const SENTENCE = /^[A-Z].*\.$/s;

describe('wechatErrorFor: change actions', () => {
  const cases = [
    [-1, SystemBusyError, 'SystemBusyError'],
    [61028, PlatformNotReleasedError, 'PlatformNotReleasedError'],
    [65316, DomainCountLimitError, 'DomainCountLimitError'],
    [45104, MonthlyQuotaExceededError, 'MonthlyQuotaExceededError'],
    [40052, InvalidActionError, 'InvalidActionError'],
    [9410016, InvalidDomainError, 'InvalidDomainError'],
    [40001, AccessTokenError, 'AccessTokenError'],
    [40014, AccessTokenError, 'AccessTokenError'],
    [42001, AccessTokenError, 'AccessTokenError'],
  ] as const;

  for (const action of CHANGE_ACTIONS) {
    it.each(cases)(`${action}: errcode %i → %o`, (errcode, type, name) => {
      const error = wechatErrorFor(action, errcode, ERRMSG);
      expect(error).toBeInstanceOf(type);
      expect(error).toBeInstanceOf(WechatError);
      expect(error).toBeInstanceOf(AppError);
      expect(error.name).toBe(name);
      expect(error.errcode).toBe(errcode);
      expect(error.errmsg).toBe(ERRMSG);
    });
  }

  it.each([0, 1, 40013, 48001, 61029, 9410015, 9410017])('errcode %i of a change is an UnknownWechatError', (errcode) => {
    const error = wechatErrorFor('add', errcode, 'something else');
    expect(error).toBeInstanceOf(UnknownWechatError);
    expect(error.name).toBe('UnknownWechatError');
    expect(error.errcode).toBe(errcode);
    expect(error.errmsg).toBe('something else');
    expect(error.message).toContain(String(errcode));
  });

  it('InvalidDomainError carries the parsed reasons', () => {
    const error = wechatErrorFor('set', 9410016, 'a.com is not icp filed;b.com is not verified rid: 1234-5678');
    expect(error).toBeInstanceOf(InvalidDomainError);
    expect((error as InvalidDomainError).reasons).toEqual(['a.com is not icp filed', 'b.com is not verified']);
  });
});

describe('wechatErrorFor: get', () => {
  it('errcode -1 of a get is a SystemBusyError', () => {
    const error = wechatErrorFor('get', -1, ERRMSG);
    expect(error).toBeInstanceOf(SystemBusyError);
    expect(error.errcode).toBe(-1);
  });

  it.each([40001, 40014, 42001])('errcode %i of a get is an AccessTokenError', (errcode) => {
    const error = wechatErrorFor('get', errcode, ERRMSG);
    expect(error).toBeInstanceOf(AccessTokenError);
    expect(error.errcode).toBe(errcode);
  });

  it.each([61028, 65316, 45104, 40052, 9410016, 12345])(
    'errcode %i of a get is an UnknownWechatError keeping errcode and errmsg',
    (errcode) => {
      const error = wechatErrorFor('get', errcode, ERRMSG);
      expect(error).toBeInstanceOf(UnknownWechatError);
      expect(error.constructor).toBe(UnknownWechatError);
      expect(error.errcode).toBe(errcode);
      expect(error.errmsg).toBe(ERRMSG);
    },
  );
});

describe('messages', () => {
  const all: Array<[string, WechatError]> = [
    ['SystemBusyError', new SystemBusyError(ERRMSG)],
    ['PlatformNotReleasedError', new PlatformNotReleasedError(ERRMSG)],
    ['DomainCountLimitError', new DomainCountLimitError(ERRMSG)],
    ['MonthlyQuotaExceededError', new MonthlyQuotaExceededError(ERRMSG)],
    ['InvalidActionError', new InvalidActionError(ERRMSG)],
    ['InvalidDomainError', new InvalidDomainError(ERRMSG, [ERRMSG])],
    ['AccessTokenError 40001', new AccessTokenError(40001, ERRMSG)],
    ['AccessTokenError 40014', new AccessTokenError(40014, ERRMSG)],
    ['AccessTokenError 42001', new AccessTokenError(42001, ERRMSG)],
    ['AccessTokenError 61004', new AccessTokenError(61004, ERRMSG)],
    ['AccessTokenError (unknown code)', new AccessTokenError(99999, ERRMSG)],
    ['UnknownWechatError', new UnknownWechatError(12345, ERRMSG)],
  ];

  it.each(all)('%s: the message is a sentence of its own, not the raw errmsg', (_name, error) => {
    expect(error.message).not.toBe(ERRMSG);
    expect(error.message).not.toContain(ERRMSG);
    expect(error.message).not.toContain('rid:');
    expect(error.message).toMatch(SENTENCE);
    expect(error.errmsg).toBe(ERRMSG);
  });

  it('gives each change error class its own message', () => {
    const messages = all.map(([, error]) => error.message);
    expect(new Set(messages).size).toBe(messages.length);
  });

  it('says what to do', () => {
    expect(new SystemBusyError('').message).toMatch(/try again/i);
    expect(new PlatformNotReleasedError('').message).toMatch(/testing domains only/);
    // WeChat's errors speak of WeChat, not of this API's inputs.
    expect(new PlatformNotReleasedError('').message).not.toMatch(/publishTogether/);
    expect(new DomainCountLimitError('').message).toMatch(/Remove some domains/);
    expect(new MonthlyQuotaExceededError('').message).toMatch(/50/);
    expect(new MonthlyQuotaExceededError('').message).toMatch(/next month/);
    expect(new InvalidActionError('').message).toMatch(/bug/);
    expect(new AccessTokenError(61005, '').message).toMatch(/component_verify_ticket has expired/);
    expect(new AccessTokenError(40125, '').message).toMatch(/app secret is invalid/);
  });

  it('AccessTokenError falls back to a generic message for an unlisted errcode', () => {
    const error = new AccessTokenError(77777, 'odd');
    expect(error.message).toBe("WeChat refused the platform's access token. Check the service's WeChat credentials, then try again.");
    expect(error.errcode).toBe(77777);
  });
});

describe('TOKEN_ERRCODES', () => {
  it('holds exactly 40001, 40014 and 42001', () => {
    expect([...TOKEN_ERRCODES].sort((a, b) => a - b)).toEqual([40001, 40014, 42001]);
  });
});

describe('parseInvalidDomainReasons', () => {
  it('splits on ";"', () => {
    expect(parseInvalidDomainReasons('a.com is not icp filed;b.com has no https')).toEqual([
      'a.com is not icp filed',
      'b.com has no https',
    ]);
  });

  it('splits on new lines (LF and CRLF)', () => {
    expect(parseInvalidDomainReasons('a.com bad\nb.com bad\r\nc.com bad')).toEqual(['a.com bad', 'b.com bad', 'c.com bad']);
  });

  it('splits on a mix of ";" and new lines, dropping empty pieces', () => {
    expect(parseInvalidDomainReasons('one; two\n\nthree;;')).toEqual(['one', 'two', 'three']);
  });

  it('keeps words that merely end in "rid:" (only a separate rid: trailer is dropped)', () => {
    expect(parseInvalidDomainReasons('hybrid: not allowed; grid: bad rid: 1a2b')).toEqual(['hybrid: not allowed', 'grid: bad']);
  });

  it('drops a " rid: xxx" trailer', () => {
    expect(parseInvalidDomainReasons('invalid domain a.com rid: 64f0a1b2-0c1d2e3f-12345678')).toEqual(['invalid domain a.com']);
  });

  it('drops a " hint: [xxx]" trailer', () => {
    expect(parseInvalidDomainReasons('invalid domain a.com hint: [Xy7Zab0123]')).toEqual(['invalid domain a.com']);
  });

  it('drops both trailers together, in either order', () => {
    expect(parseInvalidDomainReasons('a.com bad;b.com bad hint: [AbC] rid: 5f-1')).toEqual(['a.com bad', 'b.com bad']);
    expect(parseInvalidDomainReasons('a.com bad rid: 5f-1 hint: [AbC]')).toEqual(['a.com bad']);
  });

  it('keeps a single reason as one entry', () => {
    expect(parseInvalidDomainReasons('domain is not valid')).toEqual(['domain is not valid']);
  });

  it('falls back to [errmsg] when nothing is left', () => {
    expect(parseInvalidDomainReasons('')).toEqual(['']);
    expect(parseInvalidDomainReasons(' ; \n ')).toEqual([' ; \n ']);
    expect(parseInvalidDomainReasons(' rid: abc-123')).toEqual([' rid: abc-123']);
  });
});

describe('UpstreamUnavailableError', () => {
  it('when the change may have been applied, tells to read again before retrying', () => {
    const error = new UpstreamUnavailableError('HTTP 502', true);
    expect(error).toBeInstanceOf(AppError);
    expect(error).not.toBeInstanceOf(WechatError);
    expect(error.name).toBe('UpstreamUnavailableError');
    expect(error.mayHaveApplied).toBe(true);
    expect(error.detail).toBe('HTTP 502');
    expect(error.message).toContain('HTTP 502');
    expect(error.message).toMatch(/may have been applied/);
    expect(error.message).toMatch(/Read the server domains again before retrying/);
    expect(error.message).not.toMatch(/Nothing was changed/);
    expect(error.message).toMatch(SENTENCE);
  });

  it('when nothing left, says nothing was changed', () => {
    const error = new UpstreamUnavailableError('connection refused', false);
    expect(error.mayHaveApplied).toBe(false);
    expect(error.message).toContain('connection refused');
    expect(error.message).toMatch(/Nothing was changed/);
    expect(error.message).not.toMatch(/Read the server domains again/);
    expect(error.message).toMatch(SENTENCE);
  });

  it('gives different messages for the two cases', () => {
    expect(new UpstreamUnavailableError('x', true).message).not.toBe(new UpstreamUnavailableError('x', false).message);
  });
});
