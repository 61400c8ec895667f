import type { Simulator } from '../../src/wechat/simulator/server.js';

/** What the simulator gave or holds that must never appear in a response or a log line: secret, event keys, tickets, tokens. */
export function simulatorSecrets(sim: Simulator): string[] {
  return [
    sim.credentials.componentAppSecret,
    sim.events.token,
    sim.events.encodingAesKey,
    ...sim.issuedTickets.map((t) => t.ticket),
    ...sim.issuedTokens,
    // Authorizer access and refresh tokens, and the authorization codes of pushes.
    ...sim.authorizers.issuedSecrets,
  ];
}
