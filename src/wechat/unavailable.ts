import { UpstreamUnavailableError } from '../domains/errors.js';
import { NotWechatJsonError } from './codec.js';
import { TransportError } from './http.js';

/**
 * A transport fault or an answer that is not WeChat JSON, as the UpstreamUnavailableError callers get back;
 * any other error as it is. `couldApply`: the call could change something at WeChat (token calls and reads
 * cannot); then only a request that certainly never left is reported as not applied.
 */
export function asUnavailable(error: unknown, couldApply: boolean): unknown {
  if (error instanceof TransportError) return new UpstreamUnavailableError(error.detail, couldApply && error.sent);
  if (error instanceof NotWechatJsonError) return new UpstreamUnavailableError('the answer is not WeChat JSON', couldApply);
  return error;
}
