import { afterEach, expect, it } from 'vitest';
import { type Fleet, startFleet } from '../support/fleet.js';
import { describeWithRedis } from '../support/redis.js';

// Two replicas (processes of the built service) on one real redis-server and one simulated WeChat: one
// Mini Program's changes are serialised across them, its journal and month are shared, and another Mini
// Program's change never waits for them.

let fleet: Fleet | undefined;
afterEach(async () => {
  await fleet?.close();
  fleet = undefined;
});

const MP1 = 'wxsimminiprogram0001';
const MP2 = 'wxsimminiprogram0002';
const CHANGE = `mutation($input: MiniProgramServerDomainsChangeInput!) { changeMiniProgramServerDomains(input: $input) {
  __typename ... on MiniProgramServerDomains { platform { ws udp } change { effect } } ... on Error { message }
} }`;
const QUOTA = `query($appId: ID!) { miniProgram(appId: $appId) { domainsQuota { changesThisMonth }
  domainChanges(first: 10) { edges { node { effect list } } } } }`;

describeWithRedis("two replicas and one Mini Program's changes", () => {
  it('serialise its changes through Redis (never two at WeChat at once), and share its journal and month', async () => {
    // Every /wxa call takes 150 ms: a change (fresh read, modify_domain, read after) holds the lock ~450 ms.
    fleet = await startFleet({ replicas: 2, simulator: { miniProgramDomains: { delayMs: 150 } } });
    await fleet.post(0, 'mutation { syncMiniPrograms { __typename } }');
    const sim = fleet.sim;
    sim.miniProgramDomains.resetMostAtOnce();
    const [a, b] = await Promise.all([
      fleet.post(0, CHANGE, { input: { appId: MP1, action: 'ADD', ws: ['wss://api.example.com'] } }),
      fleet.post(1, CHANGE, { input: { appId: MP1, action: 'ADD', udp: ['udp://api.example.com:9000'] } }),
    ]);
    expect([a.body.data.changeMiniProgramServerDomains.change.effect, b.body.data.changeMiniProgramServerDomains.change.effect]).toEqual([
      'APPLIED',
      'APPLIED',
    ]);
    expect(sim.miniProgramDomains.changesMostAtOnce).toBe(1);
    // Whichever went second saw the first one's entry in its fresh read: both are kept.
    expect(sim.miniProgramDomains.lists(MP1).platform).toMatchObject({
      wsrequestdomain: ['wss://api.example.com'],
      udpdomain: ['udp://api.example.com:9000'],
    });
    for (const replica of [0, 1]) {
      const { body } = await fleet.post(replica, QUOTA, { appId: MP1 });
      expect(body.data.miniProgram.domainsQuota.changesThisMonth).toBe(2);
      expect(body.data.miniProgram.domainChanges.edges).toHaveLength(2);
    }
  });

  it("another Mini Program's change does not wait for it", async () => {
    fleet = await startFleet({ replicas: 2, simulator: { miniProgramDomains: { delayMs: 150 } } });
    await fleet.post(0, 'mutation { syncMiniPrograms { __typename } }');
    const sim = fleet.sim;
    sim.miniProgramDomains.resetMostAtOnce();
    const results = await Promise.all([
      fleet.post(0, CHANGE, { input: { appId: MP1, action: 'ADD', ws: ['wss://api.example.com'] } }),
      fleet.post(1, CHANGE, { input: { appId: MP2, action: 'ADD', ws: ['wss://api.example.com'] } }),
    ]);
    expect(results.map((r) => r.body.data.changeMiniProgramServerDomains.change.effect)).toEqual(['APPLIED', 'APPLIED']);
    // Each Mini Program has its own lock: the two changes were at WeChat together.
    expect(sim.miniProgramDomains.changesMostAtOnce).toBe(2);
  });
});
