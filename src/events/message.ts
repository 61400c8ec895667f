import { parseXml, textOf, XmlError } from './xml.js';

/** A decrypted push, reduced to what the service uses. */
export type ComponentEvent =
  | {
      readonly infoType: 'component_verify_ticket';
      readonly appId: string | undefined;
      readonly ticket: string;
      /** Unix seconds. */
      readonly createTime: number;
    }
  | {
      /** `authorized`, `updateauthorized`, `unauthorized`, or anything else WeChat adds. */
      readonly infoType: string;
      readonly appId: string | undefined;
      readonly authorizerAppid: string | undefined;
      /** authorized, updateauthorized: what api_query_auth takes. */
      readonly authorizationCode?: string | undefined;
      /** Unix seconds, when given and well-formed. */
      readonly createTime?: number | undefined;
      /** AuthorizationCodeExpiredTime, Unix seconds. */
      readonly codeExpiresAt?: number | undefined;
    };

export const TICKET_INFO_TYPE = 'component_verify_ticket';

/** WeChat's tickets are ~100 characters; anything far longer is not one. */
const MAX_TICKET_LENGTH = 2048;
const UNIX_SECONDS = /^\d{1,12}$/;

/** Reads the decrypted message XML; throws XmlError when it is not a push this service understands. */
export function readComponentEvent(message: string): ComponentEvent {
  const fields = parseXml(message);
  const infoType = textOf(fields, 'InfoType');
  if (!infoType) throw new XmlError('no <InfoType>');
  const appId = textOf(fields, 'AppId');
  if (infoType !== TICKET_INFO_TYPE) {
    const seconds = (name: string) => {
      const text = textOf(fields, name);
      return text && UNIX_SECONDS.test(text) ? Number(text) : undefined;
    };
    const code = textOf(fields, 'AuthorizationCode');
    return {
      infoType,
      appId,
      authorizerAppid: textOf(fields, 'AuthorizerAppid'),
      ...(code && code.length <= MAX_TICKET_LENGTH ? { authorizationCode: code } : {}),
      ...(seconds('CreateTime') !== undefined ? { createTime: seconds('CreateTime') } : {}),
      ...(seconds('AuthorizationCodeExpiredTime') !== undefined ? { codeExpiresAt: seconds('AuthorizationCodeExpiredTime') } : {}),
    };
  }
  const ticket = textOf(fields, 'ComponentVerifyTicket');
  const createTime = textOf(fields, 'CreateTime');
  if (!ticket || ticket.length > MAX_TICKET_LENGTH) throw new XmlError('no usable <ComponentVerifyTicket>');
  if (!createTime || !UNIX_SECONDS.test(createTime)) throw new XmlError('no usable <CreateTime>');
  return { infoType, appId, ticket, createTime: Number(createTime) };
}

export const isTicketEvent = (event: ComponentEvent): event is Extract<ComponentEvent, { ticket: string }> => 'ticket' in event;
