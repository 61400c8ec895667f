import { createCipheriv } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aesKeyOf, DecryptError, decryptMessage } from '../../src/events/crypto.js';
import { messageSignature, signaturesEqual } from '../../src/events/signature.js';
import { encryptPush, newEncodingAesKey, signPush } from '../../src/wechat/simulator/push.js';

/**
 * Published vectors.
 *
 * wechatpy/wechatpy, tests/test_crypto.py (`test_decrypt_message` and `test_encrypt_message`, WeCom's
 * variant of the same WXBizMsgCrypt scheme, with the corp id in the appid's place): token, EncodingAESKey,
 * appid, timestamp, nonce, msg_signature, ciphertext, and the plaintext (for `test_encrypt_message`, with
 * its 16 "random" bytes `1234567890123456`).
 */
const WECHATPY = {
  token: '123456',
  encodingAesKey: 'kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR',
  appId: 'wx49f0ab532d5d035a',
  timestamp: '1411525903',
  nonce: '461056294',
  decrypt: {
    msgSignature: '74d92dfeb87ba7c714f89d98870ae5eb62dff26d',
    encrypt:
      'RgqEoJj5A4EMYlLvWO1F86ioRjZfaex/gePD0gOXTxpsq5Yj4GNglrBb8I2BAJVODGajiFnXBu7mCPatfjsu6IHCrsTyeDXzF6Bv283dGymzxh6ydJRvZsryDyZbLTE7rhnus50qGPMfp2wASFlzEgMW9z1ef/RD8XzaFYgm7iTdaXpXaG4+BiYyolBug/gYNx410cvkKR2/nPwBiT+P4hIiOAQqGp/TywZBtDh1yCF2KOd0gpiMZ5jSw3e29mTvmUHzkVQiMS6td7vXUaWOMZnYZlF3So2SjHnwh4jYFxdgpkHHqIrH/54SNdshoQgWYEvccTKe7FS709/5t6NMxuGhcUGAPOQipvWTT4dShyqio7mlsl5noTrb++x6En749zCpQVhDpbV6GDnTbcX2e8K9QaNWHp91eBdCRxthuL0=',
  },
  encrypt: {
    random: '1234567890123456',
    plaintext:
      '<xml>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[test]]></Content>\n<FromUserName><![CDATA[wx49f0ab532d5d035a]]></FromUserName>\n<ToUserName><![CDATA[messense]]></ToUserName>\n<AgentID>1</AgentID>\n<CreateTime>1411525903</CreateTime>\n</xml>',
    msgSignature: '407518b7649e86ef23978113f92d27afa9296533',
    encrypt:
      '9s4gMv99m88kKTh/H8IdkOiMg6bisoy3ypwy9H4hvSPe9nsGaqyw5hhSjdYbcrKk+j3nba4HMOTzHrluLBYqxgNcBqGsL8GqxlhZgURnAtObvesEl5nZ+uBE8bviY0LWke8Zy9V/QYKxNV2FqllNXcfmstttyIkMKCCmVbCFM2JTF5wY0nFhHZSjPUL2Q1qvSUCUld+/WIXrx0oyKQmpB6o8NRrrNrsDf03oxI1p9FxUgMnwKKZeOA/uu+2IEvEBtb7muXsVbwbgX05UPPJvFurDXafG0RQyPR+mf1nDnAtQmmNOuiR5MIkdQ39xn1vWwi1O5oazPoQJz0nTYjxxEE8kv3kFxtAGVRe3ypD3WeK2XeFYFMNMpatF9XiKzHo3',
  },
};

/**
 * WeChat's own sample (WXBizMsgCryptTest of its message-encryption sample code), as carried by WxJava:
 * binarywang/WxJava, weixin-java-common/src/test/java/me/chanjar/weixin/common/util/crypto/WxCryptUtilTest.java
 * (`testAesEncrypt`; read from the copy in xz-wtx/WxJava). It has no msg_signature for this ciphertext.
 */
const WEIXIN_SAMPLE = {
  encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  appId: 'wxb11529c136998cb6',
  random: 'aaaabbbbccccdddd',
  plaintext: '我是中文abcd123',
  encrypt: 'jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==',
};

describe('published vectors', () => {
  it('wechatpy test_decrypt_message: the signature matches and the message decrypts, with its appid', () => {
    const { token, timestamp, nonce, appId, encodingAesKey, decrypt } = WECHATPY;
    expect(messageSignature(token, timestamp, nonce, decrypt.encrypt)).toBe(decrypt.msgSignature);
    const { message, appId: tail } = decryptMessage(decrypt.encrypt, aesKeyOf(encodingAesKey));
    expect(tail).toBe(appId);
    expect(message).toContain('<Content><![CDATA[test]]></Content>');
    expect(message).toContain('<FromUserName><![CDATA[messense]]></FromUserName>');
  });

  it('wechatpy test_encrypt_message: the signature matches and the ciphertext decrypts to the exact plaintext', () => {
    const { token, timestamp, nonce, appId, encodingAesKey, encrypt } = WECHATPY;
    expect(messageSignature(token, timestamp, nonce, encrypt.encrypt)).toBe(encrypt.msgSignature);
    expect(decryptMessage(encrypt.encrypt, aesKeyOf(encodingAesKey))).toEqual({ message: encrypt.plaintext, appId });
  });

  it("WeChat's sample (via WxJava): decrypts to the exact plaintext, UTF-8 included", () => {
    const { encodingAesKey, appId, plaintext, encrypt } = WEIXIN_SAMPLE;
    expect(decryptMessage(encrypt, aesKeyOf(encodingAesKey))).toEqual({ message: plaintext, appId });
  });

  it('the simulator’s own encryption reproduces both published ciphertexts from the same random bytes', () => {
    const w = WECHATPY;
    expect(encryptPush(w.encrypt.plaintext, w.appId, w.encodingAesKey, Buffer.from(w.encrypt.random))).toBe(w.encrypt.encrypt);
    expect(signPush(w.token, w.timestamp, w.nonce, w.encrypt.encrypt)).toBe(w.encrypt.msgSignature);
    const s = WEIXIN_SAMPLE;
    expect(encryptPush(s.plaintext, s.appId, s.encodingAesKey, Buffer.from(s.random))).toBe(s.encrypt);
  });
});

describe('round trips through the simulator’s independent encryption', () => {
  it('any message and appid, any key', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.stringMatching(/^wx[0-9a-f]{16}$/), (message, appId) => {
        const encodingAesKey = newEncodingAesKey();
        expect(decryptMessage(encryptPush(message, appId, encodingAesKey), aesKeyOf(encodingAesKey))).toEqual({ message, appId });
      }),
      { numRuns: 200 },
    );
  });

  it('the signature: both sides agree, and a change to any part changes it', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.stringMatching(/^\d{10}$/),
        fc.stringMatching(/^\d{1,10}$/),
        fc.base64String({ minLength: 4 }),
        (t, ts, n, e) => {
          const signature = messageSignature(t, ts, n, e);
          expect(signPush(t, ts, n, e)).toBe(signature);
          expect(messageSignature(`${t}x`, ts, n, e)).not.toBe(signature);
          expect(messageSignature(t, ts, n, `${e}A`)).not.toBe(signature);
        },
      ),
    );
  });

  it('signaturesEqual: equal only for equal text', () => {
    expect(signaturesEqual('abc', 'abc')).toBe(true);
    expect(signaturesEqual('abc', 'abd')).toBe(false);
    expect(signaturesEqual('abc', 'abcd')).toBe(false);
    expect(signaturesEqual('abc', '')).toBe(false);
  });
});

/** AES-256-CBC over `plain` exactly as given (no padding added): to build malformed plaintexts. */
function rawEncrypt(plain: Buffer, encodingAesKey: string): string {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
}

/** random(16) || len || msg || appid, then `pad` bytes of value `padValue`. */
function plaintext(message: string, appId: string, length: number, pad: number, padValue = pad): Buffer {
  const head = Buffer.alloc(20);
  head.writeUInt32BE(length, 16);
  return Buffer.concat([head, Buffer.from(message), Buffer.from(appId), Buffer.alloc(pad, padValue)]);
}

describe('decryptMessage refuses what WeChat does not make (DecryptError, nothing returned)', () => {
  const encodingAesKey = WEIXIN_SAMPLE.encodingAesKey;
  const key = aesKeyOf(encodingAesKey);
  // 20 + 6 + 6 = 32 bytes before padding: a whole block of pad follows.
  const ok = plaintext('<xml/>', 'wxappa', 6, 32);

  it('the well-formed control decrypts', () => {
    expect(decryptMessage(rawEncrypt(ok, encodingAesKey), key)).toEqual({ message: '<xml/>', appId: 'wxappa' });
  });

  it.each([
    ['not base64', '!!!!'],
    ['base64 with a bad length', 'abc'],
    ['base64 of one block only (16 bytes)', Buffer.alloc(16).toString('base64')],
    ['empty', ''],
    ['pad byte 0', rawEncrypt(plaintext('<xml/>', 'wxappa', 6, 32, 0), encodingAesKey)],
    ['pad byte 33', rawEncrypt(plaintext('<xml/>', 'wxappa', 6, 32, 33), encodingAesKey)],
    ['pad bytes that disagree', rawEncrypt(Buffer.concat([ok.subarray(0, 63), Buffer.from([31])]), encodingAesKey)],
    ['a length beyond the plaintext', rawEncrypt(plaintext('<xml/>', 'wxappa', 1000, 32), encodingAesKey)],
    ['a plaintext shorter than random + length', rawEncrypt(Buffer.alloc(32, 20), encodingAesKey)],
    [
      'a message that is not UTF-8',
      rawEncrypt(Buffer.concat([plaintext('', '', 2, 0).subarray(0, 20), Buffer.from([0xff, 0xfe]), Buffer.alloc(10, 10)]), encodingAesKey),
    ],
  ])('%s', (_what, encrypt) => {
    expect(() => decryptMessage(encrypt, key)).toThrow(DecryptError);
  });
});
