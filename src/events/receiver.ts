import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { AUTHORIZATION_INFO_TYPES, type AuthorizationEvent, type AuthorizationOutcome } from '../mini-programs/authorization-events.js';
import { recordOf } from '../observability/request-log.js';
import type { TicketStore } from '../stores/ticket-store.js';
import { readLimitedText, TOO_LARGE } from './body.js';
import { aesKeyOf, DecryptError, decryptMessage } from './crypto.js';
import { encryptedPartOf } from './envelope.js';
import { type ComponentEvent, isTicketEvent, readComponentEvent } from './message.js';
import { messageSignature, signaturesEqual } from './signature.js';
import { XmlError } from './xml.js';

/** Where WeChat pushes the platform's events (the "authorization event receive URL" of the console). */
export const EVENTS_PATH = '/wechat/events';
/** A push is well under 2 KB; nothing legitimate comes near this. */
export const MAX_EVENT_BODY_BYTES = 64 * 1024;
/** How far a push's timestamp may be from this server's clock. */
const TIMESTAMP_WINDOW_SECONDS = 10 * 60;
const UNIX_SECONDS = /^\d{1,12}$/;

/** `bad_signature`: every 401; `bad_request`: every 400; `ignored`: a ticket not newer than the kept one. */
export type EventOutcome = 'ok' | 'ignored' | 'bad_signature' | 'bad_request' | 'too_large' | 'error';

export interface EventReceiverOptions {
  /** WECHAT_EVENT_TOKEN. */
  readonly token: string;
  /** WECHAT_EVENT_AES_KEY. */
  readonly encodingAesKey: string;
  /** The platform: the appid inside every push must be this one. */
  readonly componentAppId: string;
  readonly tickets: TicketStore;
  readonly logger: Logger;
  /** Epoch milliseconds (for the timestamp window). */
  readonly now?: () => number;
  /** Each push's InfoType (undefined before it could be decrypted) and outcome. */
  readonly onEvent?: (infoType: string | undefined, outcome: EventOutcome) => void;
  /** A newer ticket was kept. */
  readonly onTicket?: () => void;
  /**
   * authorized, updateauthorized, unauthorized (src/mini-programs/authorization-events.ts): resolves once the
   * result is stored, throws on a transient failure (the push is answered 500, so WeChat pushes again).
   */
  readonly onAuthorization?: (event: AuthorizationEvent) => Promise<AuthorizationOutcome>;
}

/** What one push came to: the answer's status, and what its log line and metrics say. */
interface Verdict {
  readonly status: number;
  readonly outcome: EventOutcome;
  readonly event?: ComponentEvent;
}

const refuse = (status: number, outcome: EventOutcome): Verdict => ({ status, outcome });

const ANSWERS: Readonly<Record<number, string>> = {
  200: 'success',
  400: 'bad request\n',
  401: 'signature, timestamp or appid refused\n',
  405: 'method not allowed\n',
  413: 'body too large\n',
  500: 'could not keep the event; WeChat will retry\n',
};

/** Bounded, for a log line (the InfoType comes from WeChat, but only after the signature and decryption). */
const short = (text: string | undefined) => (text === undefined ? undefined : text.slice(0, 64));

/**
 * `POST /wechat/events`: WeChat's pushes (component_verify_ticket every 10 minutes, authorisation events).
 * The signature is the authentication (no JWT, no GraphQL limits or CSRF rules: this answers in onRequest,
 * before those plugins). Checks, in order: a body that is not `<xml>` with `Encrypt` → 400; parameters,
 * signature, timestamp → 401; decryption → 400; the appid inside → 401. A newer ticket is kept; anything
 * else valid is acknowledged. The answer never waits on WeChat: WeChat gives up after 5 s and retries.
 */
export function useEventReceiver(options: EventReceiverOptions): Plugin {
  const key = aesKeyOf(options.encodingAesKey);
  const now = options.now ?? Date.now;

  const receive = async (request: Request, query: URLSearchParams): Promise<Verdict> => {
    if (request.method !== 'POST') return refuse(405, 'bad_request');
    const body = await readLimitedText(request, MAX_EVENT_BODY_BYTES);
    if (body === TOO_LARGE) return refuse(413, 'too_large');
    let encrypt: string;
    try {
      if (body === undefined) throw new XmlError('not UTF-8');
      encrypt = encryptedPartOf(body);
    } catch (error) {
      if (error instanceof XmlError) return refuse(400, 'bad_request');
      throw error;
    }

    const timestamp = query.get('timestamp');
    const nonce = query.get('nonce');
    const signature = query.get('msg_signature');
    // `signature` (of the plain parameters) is not checked: msg_signature proves the same token and covers the ciphertext.
    if (!timestamp || !nonce || !signature || query.get('encrypt_type') !== 'aes' || !UNIX_SECONDS.test(timestamp)) {
      return refuse(401, 'bad_signature');
    }
    if (!signaturesEqual(messageSignature(options.token, timestamp, nonce, encrypt), signature)) return refuse(401, 'bad_signature');
    if (Math.abs(now() / 1000 - Number(timestamp)) > TIMESTAMP_WINDOW_SECONDS) return refuse(401, 'bad_signature');

    let decrypted: ReturnType<typeof decryptMessage>;
    try {
      decrypted = decryptMessage(encrypt, key);
    } catch (error) {
      if (error instanceof DecryptError) return refuse(400, 'bad_request');
      throw error;
    }
    if (decrypted.appId !== options.componentAppId) return refuse(401, 'bad_signature');

    let event: ComponentEvent;
    try {
      event = readComponentEvent(decrypted.message);
    } catch (error) {
      if (error instanceof XmlError) return refuse(400, 'bad_request');
      throw error;
    }
    if (event.appId !== undefined && event.appId !== options.componentAppId) return { status: 401, outcome: 'bad_signature', event };
    if (!isTicketEvent(event)) {
      if (!options.onAuthorization || !AUTHORIZATION_INFO_TYPES.has(event.infoType)) return { status: 200, outcome: 'ok', event };
      await options.onAuthorization({
        infoType: event.infoType,
        authorizerAppid: event.authorizerAppid,
        authorizationCode: event.authorizationCode,
        createTime: event.createTime,
        codeExpiresAt: event.codeExpiresAt,
      });
      // Acknowledged either way (stored, a replay, a refused code): what came of it is the registry's own log line.
      return { status: 200, outcome: 'ok', event };
    }

    const kept = await options.tickets.offer(options.componentAppId, { ticket: event.ticket, createTime: event.createTime });
    if (kept) options.onTicket?.();
    return { status: 200, outcome: kept ? 'ok' : 'ignored', event };
  };

  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== EVENTS_PATH) return;
      return receive(request, url.searchParams)
        .catch((error: unknown): Verdict => {
          // A store that cannot write: WeChat retries a push that was not answered `success`.
          const code = (error as { code?: unknown } | null)?.code;
          options.logger.error(
            { err: { type: error instanceof Error ? error.name : typeof error, code: typeof code === 'string' ? code : undefined } },
            'could not keep a pushed WeChat event',
          );
          return refuse(500, 'error');
        })
        .then(({ status, outcome, event }) => {
          const record = recordOf(request);
          if (record) {
            record.event = {
              outcome,
              infoType: short(event?.infoType),
              authorizerAppid: event && !isTicketEvent(event) ? short(event.authorizerAppid) : undefined,
            };
          }
          if (status !== 405) options.onEvent?.(event?.infoType, outcome);
          endResponse(
            new fetchAPI.Response(ANSWERS[status], {
              status,
              headers: {
                'content-type': 'text/plain; charset=utf-8',
                'cache-control': 'no-store',
                ...(status === 405 ? { allow: 'POST' } : {}),
              },
            }),
          );
        });
    },
  };
}
