import { describe, expect, it } from 'vitest';
import { encryptedPartOf } from '../../src/events/envelope.js';
import { readComponentEvent } from '../../src/events/message.js';
import { XmlError } from '../../src/events/xml.js';
import { authorizationMessage, ticketMessage } from '../../src/wechat/simulator/push.js';

describe('the pushed body: <xml> with an Encrypt element', () => {
  it('takes the Encrypt text exactly (CDATA or not, WeChat’s layout with new lines)', () => {
    expect(encryptedPartOf('<xml>\n  <AppId><![CDATA[wx1]]></AppId>\n  <Encrypt><![CDATA[ab+/cd==]]></Encrypt>\n</xml>')).toBe('ab+/cd==');
    expect(encryptedPartOf('<?xml version="1.0" encoding="utf-8"?><xml><ToUserName>x</ToUserName><Encrypt>abcd</Encrypt></xml>')).toBe(
      'abcd',
    );
  });

  it.each([
    ['JSON', '{"Encrypt":"abcd"}'],
    ['empty', ''],
    ['no Encrypt', '<xml><AppId>wx1</AppId></xml>'],
    ['an empty Encrypt', '<xml><Encrypt><![CDATA[]]></Encrypt></xml>'],
    ['two Encrypt elements', '<xml><Encrypt>a</Encrypt><Encrypt>b</Encrypt></xml>'],
    ['an Encrypt with children', '<xml><Encrypt><a>b</a></Encrypt></xml>'],
    ['another root', '<message><Encrypt>abcd</Encrypt></message>'],
    ['two roots', '<xml><Encrypt>abcd</Encrypt></xml><xml/>'],
    ['unclosed', '<xml><Encrypt>abcd</Encrypt>'],
    ['a DOCTYPE', '<!DOCTYPE xml [<!ELEMENT xml ANY>]><xml><Encrypt>abcd</Encrypt></xml>'],
    ['an ENTITY', '<!DOCTYPE xml [<!ENTITY e "abcd">]><xml><Encrypt>&e;</Encrypt></xml>'],
    ['a lower-case doctype', '<!doctype xml><xml><Encrypt>abcd</Encrypt></xml>'],
    ['billion laughs', `<!DOCTYPE lolz [<!ENTITY lol "lol">${'<!ENTITY lol2 "&lol;&lol;&lol;">'}]><xml><Encrypt>&lol2;</Encrypt></xml>`],
  ])('refuses %s', (_what, body) => {
    expect(() => encryptedPartOf(body)).toThrow(XmlError);
  });

  it('never expands entities: a predefined one stays as written', () => {
    expect(encryptedPartOf('<xml><Encrypt>a&amp;b</Encrypt></xml>')).toBe('a&amp;b');
  });
});

describe('the decrypted message', () => {
  it('component_verify_ticket: the ticket and its CreateTime', () => {
    expect(readComponentEvent(ticketMessage('wxcomponent', 'ticket@@@abc', 1_700_000_000))).toEqual({
      infoType: 'component_verify_ticket',
      appId: 'wxcomponent',
      ticket: 'ticket@@@abc',
      createTime: 1_700_000_000,
    });
  });

  it('keeps values as strings: a ticket of digits is not a number, CreateTime is read in base 10', () => {
    const message =
      '<xml><InfoType>component_verify_ticket</InfoType><CreateTime>0100</CreateTime><ComponentVerifyTicket>00123</ComponentVerifyTicket></xml>';
    expect(readComponentEvent(message)).toMatchObject({ ticket: '00123', createTime: 100 });
  });

  it.each(['authorized', 'updateauthorized', 'unauthorized', 'notify_something_new'])(
    '%s: the InfoType and the authorizer appid',
    (infoType) => {
      expect(
        readComponentEvent(authorizationMessage('wxcomponent', infoType, 'wxauthorizer1', 1_700_000_000, 'queryauthcode@@@x')),
      ).toEqual({
        infoType,
        appId: 'wxcomponent',
        authorizerAppid: 'wxauthorizer1',
        authorizationCode: 'queryauthcode@@@x',
        createTime: 1_700_000_000,
        codeExpiresAt: 1_700_003_600,
      });
    },
  );

  it.each([
    ['not XML', 'ticket@@@abc'],
    ['no InfoType', '<xml><CreateTime>1</CreateTime><ComponentVerifyTicket>t</ComponentVerifyTicket></xml>'],
    [
      'a ticket without CreateTime',
      '<xml><InfoType>component_verify_ticket</InfoType><ComponentVerifyTicket>t</ComponentVerifyTicket></xml>',
    ],
    [
      'a CreateTime that is not a number',
      '<xml><InfoType>component_verify_ticket</InfoType><CreateTime>soon</CreateTime><ComponentVerifyTicket>t</ComponentVerifyTicket></xml>',
    ],
    [
      'a negative CreateTime',
      '<xml><InfoType>component_verify_ticket</InfoType><CreateTime>-5</CreateTime><ComponentVerifyTicket>t</ComponentVerifyTicket></xml>',
    ],
    ['no ticket', '<xml><InfoType>component_verify_ticket</InfoType><CreateTime>1</CreateTime></xml>'],
    [
      'an empty ticket',
      '<xml><InfoType>component_verify_ticket</InfoType><CreateTime>1</CreateTime><ComponentVerifyTicket></ComponentVerifyTicket></xml>',
    ],
    [
      'two tickets',
      '<xml><InfoType>component_verify_ticket</InfoType><CreateTime>1</CreateTime><ComponentVerifyTicket>a</ComponentVerifyTicket><ComponentVerifyTicket>b</ComponentVerifyTicket></xml>',
    ],
    [
      'a DOCTYPE',
      '<!DOCTYPE xml><xml><InfoType>component_verify_ticket</InfoType><CreateTime>1</CreateTime><ComponentVerifyTicket>a</ComponentVerifyTicket></xml>',
    ],
    [
      'an ENTITY',
      '<!DOCTYPE xml [<!ENTITY t "x">]><xml><InfoType>component_verify_ticket</InfoType><CreateTime>1</CreateTime><ComponentVerifyTicket>&t;</ComponentVerifyTicket></xml>',
    ],
  ])('refuses %s', (_what, message) => {
    expect(() => readComponentEvent(message)).toThrow(XmlError);
  });
});
