import { type ResolveCursorConnectionArgs, resolveCursorConnection } from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import type { ChangeEffect as ChangeEffectValue, ChangeEntry } from '../domains/change-entry.js';
import { inForm } from '../domains/domain-form.js';
import { UnknownCursorError } from '../stores/change-journal.js';
import type { ChangeAction } from '../wechat/client.js';
import { builder } from './builder.js';
import { formArg, ServerDomains } from './server-domains.js';

export const ServerDomainsAction = builder.enumType('ServerDomainsAction', {
  description: 'A change to the server domains: WeChat calls them add, delete and set.',
  values: {
    ADD: { value: 'add', description: 'addDomains' },
    REMOVE: { value: 'delete', description: 'removeDomains' },
    SET: { value: 'set', description: 'setDomains' },
  } as const satisfies Record<string, { value: ChangeAction; description: string }>,
});

const ChangeEffect = builder.enumType('ChangeEffect', {
  description: "What a change did to the month's quota of 50 changes.",
  values: {
    APPLIED: { value: 'APPLIED', description: "WeChat made the change: one of the month's 50 spent." },
    NO_OP: { value: 'NO_OP', description: 'Already in place: nothing sent, nothing spent.' },
    REFUSED: {
      value: 'REFUSED',
      description:
        "Not applied: refused by WeChat or by this service's quota guard, or failed before WeChat could apply it (a failed read, a token error, a refused connection, -1 after the retries).",
    },
    UNKNOWN: { value: 'UNKNOWN', description: 'May have been applied (mayHaveApplied): counted as spent.' },
  } as const satisfies Record<ChangeEffectValue, { value: ChangeEffectValue; description: string }>,
});

const ServerDomainChange = builder.objectRef<ChangeEntry>('ServerDomainChange').implement({
  description: 'One change made through this service, from its journal: who asked for what, and what came of it.',
  fields: (t) => ({
    id: t.exposeID('id', { description: "The entry's id; ids grow with time." }),
    at: t.exposeString('at', { description: 'When its outcome was known: ISO 8601, UTC.' }),
    caller: t.exposeString('caller', { nullable: true, description: "The token's sub; null when authentication is off." }),
    action: t.expose('action', { type: ServerDomainsAction }),
    domains: t.stringList({
      description: 'The domains as sent, normalised.',
      args: formArg,
      resolve: (entry, { form }) => inForm(entry.domains, form ?? 'ASCII'),
    }),
    publishTogether: t.exposeBoolean('publishTogether'),
    effect: t.expose('effect', { type: ChangeEffect }),
    outcome: t.exposeString('outcome', {
      description: 'The answer\'s __typename, e.g. "ServerDomains" or "MonthlyQuotaExceededError".',
    }),
    errcode: t.exposeInt('errcode', { nullable: true, description: "WeChat's errcode, where WeChat gave one." }),
    testing: t.stringList({
      nullable: true,
      description: 'The testing list after the change, when known.',
      args: formArg,
      resolve: (entry, { form }) => entry.testing && inForm(entry.testing, form ?? 'ASCII'),
    }),
    published: t.stringList({
      nullable: true,
      description: 'The published list after the change, when known (null too for a platform never published).',
      args: formArg,
      resolve: (entry, { form }) => entry.published && inForm(entry.published, form ?? 'ASCII'),
    }),
  }),
});

builder.objectField(ServerDomains, 'change', (t) =>
  t.field({
    type: ServerDomainChange,
    nullable: true,
    description: "On a mutation's answer: its journal entry (effect APPLIED, or NO_OP when nothing needed sending). Null on reads.",
    resolve: (state) => state.change ?? null,
  }),
);

const ServerDomainChangeConnection = builder.connectionObject(
  {
    type: ServerDomainChange,
    name: 'ServerDomainChangeConnection',
    description: 'Journal entries, newest first.',
    edgesNullable: { list: false, items: false },
    nodeNullable: false,
  },
  { name: 'ServerDomainChangeEdge' },
);

const MAX_PAGE = 100;

const badInput = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

builder.queryField('serverDomainChanges', (t) =>
  t.field({
    type: ServerDomainChangeConnection,
    description:
      'The change journal, newest first: every change that passed validation, whatever came of it. Kept at least 13 months. A cursor names an entry, so paging stays right while changes arrive.',
    authScopes: { read: true },
    args: {
      first: t.arg.int({ required: false, defaultValue: 20, description: `Entries per page: 1 to ${MAX_PAGE}.` }),
      after: t.arg.string({ required: false, description: 'The endCursor of the previous page.' }),
    },
    resolve: async (_root, args, ctx) => {
      const first = args.first ?? 20;
      if (first < 1 || first > MAX_PAGE) throw badInput(`first must be between 1 and ${MAX_PAGE} (${first} given).`);
      try {
        return await resolveCursorConnection(
          { args: { first, after: args.after ?? undefined }, toCursor: (entry: ChangeEntry) => entry.id, maxSize: MAX_PAGE },
          ({ after, limit }: ResolveCursorConnectionArgs) => ctx.serverDomains.changes(limit, after),
        );
      } catch (error) {
        if (error instanceof UnknownCursorError)
          throw badInput('after names no entry of the change journal (a cursor from another service, or older than 13 months).');
        throw error;
      }
    },
  }),
);
