import type { Simulator } from '../../src/wechat/simulator/server.js';

/** The settings of a service process in live component mode against `sim`: where it is, and its credentials. */
export const componentEnv = (sim: Simulator): Record<string, string> => ({
  WECHAT_API_BASE_URL: sim.url,
  WECHAT_COMPONENT_APPID: sim.credentials.componentAppId,
  WECHAT_COMPONENT_APPSECRET: sim.credentials.componentAppSecret,
  // The ticket the simulator issued at start, as the seed; pushes (when a test asks for them) bring newer ones.
  WECHAT_COMPONENT_VERIFY_TICKET: sim.credentials.componentVerifyTicket,
});
