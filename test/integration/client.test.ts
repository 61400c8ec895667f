import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
// The package's own export, as a front end imports it (types from dist/client/index.d.ts).
import {
  AddDomainsDocument,
  type AddDomainsMutation,
  ChangeMiniProgramServerDomainsDocument,
  type ChangeMiniProgramServerDomainsMutation,
  ChangeMiniProgramWebviewDomainsDocument,
  MiniProgramDocument,
  MiniProgramDomainsDocument,
  MiniProgramsDocument,
  RemoveDomainsDocument,
  ServerDomainChangesDocument,
  ServerDomainsChangeImpactDocument,
  ServerDomainsChangePreviewDocument,
  type ServerDomainsChangePreviewQuery,
  ServerDomainsDocument,
  ServerDomainsQuotaDocument,
  type ServerDomainsQuotaQuery,
  SetDomainsDocument,
  SyncMiniProgramsDocument,
  type SyncMiniProgramsMutation,
} from 'wxa-server-domains/client';
import { type Stack, startStack } from '../support/stack.js';

let stack: Stack;
afterEach(() => stack?.close());

/** What a front end's GraphQL client does with a TypedDocumentNode: the result type follows the document. */
async function run<R, V>(document: TypedDocumentNode<R, V>, variables: V): Promise<R> {
  const { text } = await stack.post({ query: print(document), variables });
  const body = JSON.parse(text) as { data: R; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data;
}

/** Exhaustive over the union: adding a member without handling it is a type error here. */
function describeResult(result: AddDomainsMutation['addDomains']): string {
  switch (result.__typename) {
    case 'ServerDomains':
      return `ok: ${result.testing.join(',')}`;
    case 'DomainValidationError':
      return `invalid: ${result.problems.map((p) => p.domain).join(',')}`;
    case 'InvalidDomainError':
      return `refused: ${result.reasons.length}`;
    case 'UpstreamUnavailableError':
      return `unavailable: ${result.mayHaveApplied}`;
    case 'AccessTokenError':
    case 'DomainCountLimitError':
    case 'InvalidActionError':
    case 'MonthlyQuotaExceededError':
    case 'PlatformNotReleasedError':
    case 'SystemBusyError':
    case 'UnknownWechatError':
      return `wechat ${result.errcode}: ${result.message}`;
    default: {
      const unhandled: never = result;
      return unhandled;
    }
  }
}

/** The preview's union, exhaustive too. */
function describePreview(result: ServerDomainsChangePreviewQuery['serverDomainsChangePreview']): string {
  switch (result.__typename) {
    case 'ServerDomainsChangePreview':
      return `${result.noOp ? 'no-op' : `+${result.added.join(',')} -${result.removed.join(',')}`}, ${result.remainingThisMonth} left`;
    case 'DomainValidationError':
      return `invalid: ${result.problems.map((p) => p.domain).join(',')}`;
    case 'UpstreamUnavailableError':
      return `unavailable: ${result.mayHaveApplied}`;
    case 'AccessTokenError':
    case 'SystemBusyError':
    case 'UnknownWechatError':
      return `wechat ${result.errcode}: ${result.message}`;
    default: {
      const unhandled: never = result;
      return unhandled;
    }
  }
}

/** WeChat's daily call counts, or why they are missing: exhaustive over DailyCallQuotaResult. */
function describeDaily(daily: ServerDomainsQuotaQuery['serverDomainsQuota']['daily']): string {
  switch (daily.__typename) {
    case 'DailyCallQuota':
      return `${daily.used}/${daily.limit}`;
    case 'UpstreamUnavailableError':
      return 'unavailable';
    case 'AccessTokenError':
    case 'SystemBusyError':
    case 'UnknownWechatError':
      return `wechat ${daily.errcode}`;
    default: {
      const unhandled: never = daily;
      return unhandled;
    }
  }
}

/** The sync's union, exhaustive too. */
function describeSync(result: SyncMiniProgramsMutation['syncMiniPrograms']): string {
  switch (result.__typename) {
    case 'MiniProgramSync':
      return `${result.total} authorized, ${result.added} new, ${result.revoked} revoked`;
    case 'UpstreamUnavailableError':
      return `unavailable: ${result.message}`;
    case 'AccessTokenError':
    case 'SystemBusyError':
    case 'UnknownWechatError':
      return `wechat ${result.errcode}: ${result.message}`;
    default: {
      const unhandled: never = result;
      return unhandled;
    }
  }
}

/** A Mini Program's server-domain change: every member of its union, exhaustively. */
function describeMiniProgramChange(result: ChangeMiniProgramServerDomainsMutation['changeMiniProgramServerDomains']): string {
  switch (result.__typename) {
    case 'MiniProgramServerDomains':
      return `${result.change?.effect}: ${result.platform.ws.join(',')}`;
    case 'DomainValidationError':
      return `invalid: ${result.problems.map((p) => `${p.domain} ${p.reason}`).join('; ')}`;
    case 'MiniProgramNotAuthorizedError':
      return `not authorized: ${result.appId}`;
    case 'UpstreamUnavailableError':
      return `unavailable: ${result.message}`;
    case 'DomainNotOnPlatformError':
    case 'DomainCountLimitError':
    case 'MonthlyQuotaExceededError':
    case 'AccessTokenError':
    case 'SystemBusyError':
    case 'UnknownWechatError':
      return `wechat ${result.errcode}: ${result.message}`;
    default: {
      const unhandled: never = result;
      return unhandled;
    }
  }
}

describe('wxa-server-domains/client', () => {
  it("runs the Mini Programs' domain operations, typed down to each union member", async () => {
    stack = await startStack();
    await run(SyncMiniProgramsDocument, {});
    const appId = 'wxsimminiprogram0001';
    const read = await run(MiniProgramDomainsDocument, { appId });
    expect(
      read.miniProgram?.serverDomains.__typename === 'MiniProgramServerDomains' && read.miniProgram.serverDomains.platform.request,
    ).toEqual(['https://api.example.com']);
    const changed = await run(ChangeMiniProgramServerDomainsDocument, { input: { appId, action: 'ADD', ws: ['wss://api.example.com'] } });
    expect(describeMiniProgramChange(changed.changeMiniProgramServerDomains)).toBe('APPLIED: wss://api.example.com');
    const refused = await run(ChangeMiniProgramServerDomainsDocument, { input: { appId, action: 'ADD', ws: ['wss://other.example.net'] } });
    expect(describeMiniProgramChange(refused.changeMiniProgramServerDomains)).toBe(
      "invalid: wss://other.example.net ws: is not among the platform's server domains",
    );
    const webview = await run(ChangeMiniProgramWebviewDomainsDocument, { input: { appId, action: 'SET', domains: [] } });
    expect(webview.changeMiniProgramWebviewDomains.__typename).toBe('MiniProgramWebviewDomains');
    const impact = await run(ServerDomainsChangeImpactDocument, { action: 'REMOVE', domains: ['api.example.com'], publishTogether: true });
    const preview = impact.serverDomainsChangePreview;
    expect(preview.__typename === 'ServerDomainsChangePreview' && preview.affectedMiniPrograms?.map((a) => a.miniProgram.appId)).toEqual([
      'wxsimminiprogram0001',
      'wxsimminiprogram0002',
      'wxsimminiprogram0003',
      'wxsimminiprogram0004',
      'wxsimminiprogram0005',
    ]);
  });

  it('runs the Mini Program operations, typed down to each union member', async () => {
    stack = await startStack();
    expect((await run(MiniProgramsDocument, {})).miniProgramSync).toBeNull();
    expect(describeSync((await run(SyncMiniProgramsDocument, {})).syncMiniPrograms)).toBe('5 authorized, 5 new, 0 revoked');
    const page = await run(MiniProgramsDocument, { first: 2 });
    expect(page.miniPrograms.edges.map((e) => e.node.appId)).toEqual(['wxsimminiprogram0001', 'wxsimminiprogram0002']);
    expect(page.miniProgramSync?.total).toBe(5);
    const one = await run(MiniProgramDocument, { appId: 'wxsimminiprogram0003' });
    expect(one.miniProgram).toMatchObject({ status: 'AUTHORIZED', name: 'Simulated Mini Program 3', revokedAt: null });
  });

  it('runs every documented operation against the service, typed down to each union member', async () => {
    stack = await startStack({ simulator: { platform: { testing: ['a.example.com'] } } });
    const read = await run(ServerDomainsDocument, {});
    expect(read.serverDomains.__typename === 'ServerDomains' && read.serverDomains.testing).toEqual(['a.example.com']);

    const preview = await run(ServerDomainsChangePreviewDocument, { action: 'ADD', domains: ['b.example.com'] });
    expect(describePreview(preview.serverDomainsChangePreview)).toBe('+b.example.com -, 49 left');

    const added = await run(AddDomainsDocument, { domains: ['b.example.com'] });
    expect(describeResult(added.addDomains)).toBe('ok: a.example.com,b.example.com');
    expect(added.addDomains.__typename === 'ServerDomains' && added.addDomains.change).toMatchObject({
      action: 'ADD',
      effect: 'APPLIED',
      domains: ['b.example.com'],
    });

    const quotaNow = await run(ServerDomainsQuotaDocument, {});
    expect(quotaNow.serverDomainsQuota).toMatchObject({ monthlyLimit: 50, changesThisMonth: 1, remainingThisMonth: 49 });
    expect(describeDaily(quotaNow.serverDomainsQuota.daily)).toMatch(/^\d+\/1000$/);

    // The journal's one entry is the change the mutation answered with; its cursor names it, and leads nowhere further.
    const changeId = added.addDomains.__typename === 'ServerDomains' ? added.addDomains.change?.id : undefined;
    expect(changeId).toMatch(/^\d+-\d+$/);
    const journal = await run(ServerDomainChangesDocument, { first: 1 });
    expect(journal.serverDomainChanges.edges.map((e) => [e.node.id, e.node.effect])).toEqual([[changeId, 'APPLIED']]);
    expect(journal.serverDomainChanges.pageInfo).toEqual({ hasNextPage: false, endCursor: changeId });
    const further = await run(ServerDomainChangesDocument, { first: 1, after: changeId });
    expect(further.serverDomainChanges.edges).toEqual([]);
    expect(further.serverDomainChanges.pageInfo.hasNextPage).toBe(false);

    const invalid = await run(AddDomainsDocument, { domains: ['https://x.example.com'] });
    expect(describeResult(invalid.addDomains)).toBe('invalid: https://x.example.com');

    const removed = await run(RemoveDomainsDocument, { domains: ['a.example.com'] });
    expect(removed.removeDomains.__typename === 'ServerDomains' && removed.removeDomains.testing).toEqual(['b.example.com']);

    const set = await run(SetDomainsDocument, { domains: [], publishTogether: true });
    expect(set.setDomains).toMatchObject({ __typename: 'ServerDomains', testing: [], published: [] });

    // Last: WeChat's 45104 ends the month's changes (this service then refuses them itself).
    stack.sim.injectFault({ action: 'add', errcode: 45104, errmsg: 'quota' });
    const quota = await run(AddDomainsDocument, { domains: ['c.example.com'] });
    expect(describeResult(quota.addDomains)).toMatch(/^wechat 45104: /);
  });
});
