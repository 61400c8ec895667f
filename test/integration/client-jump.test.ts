import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { afterEach, expect, it } from 'vitest';
// The package's own export, as a front end imports it (types from dist/client/index.d.ts).
import {
  AddJumpDomainsDocument,
  type AddJumpDomainsMutation,
  JumpDomainChangesDocument,
  JumpDomainConfirmFileDocument,
  JumpDomainsChangePreviewDocument,
  JumpDomainsDocument,
  JumpDomainsQuotaDocument,
  RemoveJumpDomainsDocument,
  SetJumpDomainsDocument,
} from 'wxa-server-domains/client';
import { type Stack, startStack } from '../support/stack.js';

let stack: Stack;
afterEach(() => stack?.close());

async function run<R, V>(document: TypedDocumentNode<R, V>, variables: V): Promise<R> {
  const { text } = await stack.post({ query: print(document), variables });
  const body = JSON.parse(text) as { data: R; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data;
}

/** Exhaustive over the union: the business domains' change answers with the server domains' error members. */
function describeResult(result: AddJumpDomainsMutation['addJumpDomains']): string {
  switch (result.__typename) {
    case 'JumpDomains':
      return `ok: ${result.testing.join(',')} (${result.change?.effect})`;
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

it("the published client's business-domain operations run against the service, typed down to each member", async () => {
  stack = await startStack({ simulator: { jumpDomains: { testing: ['a.example.com'], published: ['a.example.com'] } } });
  const read = await run(JumpDomainsDocument, {});
  expect(read.jumpDomains).toMatchObject({ __typename: 'JumpDomains', testing: ['a.example.com'] });
  const file = await run(JumpDomainConfirmFileDocument, {});
  expect(file.jumpDomainConfirmFile).toEqual({ __typename: 'DomainConfirmFile', ...stack.sim.confirmFile });
  const preview = await run(JumpDomainsChangePreviewDocument, { action: 'ADD', domains: ['b.example.com'] });
  expect(preview.jumpDomainsChangePreview).toMatchObject({ added: ['b.example.com'], remainingThisMonth: null });
  expect(describeResult((await run(AddJumpDomainsDocument, { domains: ['b.example.com'] })).addJumpDomains)).toBe(
    'ok: a.example.com,b.example.com (APPLIED)',
  );
  expect(describeResult((await run(AddJumpDomainsDocument, { domains: ['not a domain'] })).addJumpDomains)).toBe('invalid: not a domain');
  const removed = await run(RemoveJumpDomainsDocument, { domains: ['a.example.com'] });
  expect(removed.removeJumpDomains).toMatchObject({ __typename: 'JumpDomains', testing: ['b.example.com'] });
  const set = await run(SetJumpDomainsDocument, { domains: ['b.example.com'] });
  expect(set.setJumpDomains).toMatchObject({ __typename: 'JumpDomains', change: { effect: 'NO_OP' } });
  const journal = await run(JumpDomainChangesDocument, { first: 10 });
  expect(journal.jumpDomainChanges.edges.map((e) => [e.node.action, e.node.effect])).toEqual([
    ['SET', 'NO_OP'],
    ['REMOVE', 'APPLIED'],
    ['ADD', 'APPLIED'],
  ]);
  const quota = await run(JumpDomainsQuotaDocument, {});
  expect(quota.jumpDomainsQuota).toMatchObject({ monthlyLimit: null, changesThisMonth: 2, remainingThisMonth: null });
});
