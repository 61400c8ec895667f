import type { ObjectRef } from '@pothos/core';
import { type ResolveCursorConnectionArgs, resolveCursorConnection } from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import type { Context } from '../context.js';
import type { ChangeAction } from '../domains/change-entry.js';
import { inForm } from '../domains/domain-form.js';
import {
  DomainCountLimitError,
  DomainNotOnPlatformError,
  DomainValidationError,
  MiniProgramNotAuthorizedError,
  MonthlyQuotaExceededError,
  UnknownCursorError,
} from '../domains/errors.js';
import { ceilingHosts } from '../domains/mini-program-ceiling.js';
import { entriesInForm } from '../domains/mini-program-entries.js';
import { affectedMiniPrograms } from '../domains/mini-program-impact.js';
import {
  type MiniProgramChangeEntry,
  type MiniProgramDomainList as MiniProgramDomainListValue,
  type MiniProgramServerDomainsState,
  type MiniProgramWebviewDomainsState,
  SERVER_KINDS,
  type ServerDomainKinds as ServerDomainKindsValue,
  serverEntriesLeaving,
  validateServerChange,
  validateWebviewChange,
  webviewEntriesLeaving,
} from '../domains/mini-program-lists.js';
import type { RequestMiniProgramDomains } from '../domains/mini-program-request.js';
import { chinaTimeIso } from '../domains/month.js';
import type { ChangePreview } from '../domains/preview.js';
import { builder } from './builder.js';
import { ChangeEffect, formArg } from './domain-types.js';
import { READ_ERRORS } from './errors.js';
import { jumpDomains } from './jump-domains.js';
import { MiniProgram } from './mini-programs.js';
import { serverDomains } from './server-domains.js';

/**
 * Each authorized Mini Program's server and webview (business) domains, on the MiniProgram entity (issue 17):
 * the four views of each list, the two mutations, the journal and the quota of one Mini Program, and the
 * Mini Programs a platform change would hurt. Scopes: mini-programs:read and mini-programs:write.
 */

/** The builder's schema types (as every ref of this builder carries them). */
type Types = typeof serverDomains.Preview extends ObjectRef<infer T, infer _S, infer _P> ? T : never;

type ServerAnswer = MiniProgramServerDomainsState & { readonly change?: MiniProgramChangeEntry };
type WebviewAnswer = MiniProgramWebviewDomainsState & { readonly change?: MiniProgramChangeEntry };

const MAX_PAGE = 100;
const badInput = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

/** The request's Mini Programs, or the error a service without a registry answers. */
function miniProgramsOf(ctx: Context): RequestMiniProgramDomains<{ readonly appId: string }> {
  if (!ctx.miniProgramDomains) throw new GraphQLError('This service keeps no registry of Mini Programs.');
  return ctx.miniProgramDomains;
}

const ServerDomainKinds = builder.objectRef<ServerDomainKindsValue>('ServerDomainKinds').implement({
  description: 'Every entry with its scheme, as WeChat stores it.',
  fields: (t) => {
    const kind = (name: (typeof SERVER_KINDS)[number], description: string) =>
      t.stringList({ description, args: formArg, resolve: (kinds, { form }) => entriesInForm(kinds[name], form ?? 'ASCII') });
    return {
      request: kind('request', 'https://host[:port]'),
      ws: kind('ws', 'wss://host[:port]'),
      upload: kind('upload', 'https://host[:port]'),
      download: kind('download', 'https://host[:port]'),
      udp: kind('udp', 'udp://host[:port]'),
      tcp: kind('tcp', 'tcp://host[:port]'),
    };
  },
});

const MiniProgramDomainList = builder.enumType('MiniProgramDomainList', {
  description: "A Mini Program's two lists.",
  values: {
    SERVER: { value: 'SERVER', description: 'Its server domains (request, ws, upload, download, udp, tcp).' },
    WEBVIEW: { value: 'WEBVIEW', description: 'Its webview (business) domains.' },
  } as const satisfies Record<MiniProgramDomainListValue, unknown>,
});

/** Every type and field of the Mini Programs' lists, on `MiniProgram`; the action is ServerDomainsAction (ADD, REMOVE, SET). */
function defineMiniProgramDomains<M extends { readonly appId: string }>(MiniProgram: ObjectRef<Types, M>) {
  const { Action } = serverDomains;
  const previews = { server: serverDomains.Preview, jump: jumpDomains.Preview };
  const Change = builder.objectRef<MiniProgramChangeEntry>('MiniProgramDomainChange').implement({
    description: "One change of a Mini Program's lists made through this service, from its journal.",
    fields: (t) => ({
      id: t.exposeID('id', { description: "The entry's id; ids grow with time." }),
      at: t.exposeString('at', { description: 'When its outcome was known: ISO 8601, UTC.' }),
      caller: t.exposeString('caller', { nullable: true, description: "The token's sub; null when authentication is off." }),
      appId: t.exposeID('appId'),
      list: t.expose('list', { type: MiniProgramDomainList }),
      action: t.expose('action', { type: Action }),
      server: t.field({
        type: ServerDomainKinds,
        nullable: true,
        description: "SERVER: the input's entries, normalised, by kind (kinds the input left out: empty, for SET too).",
        resolve: (entry) => entry.server,
      }),
      webview: t.stringList({
        nullable: true,
        description: "WEBVIEW: the input's entries, normalised.",
        args: formArg,
        resolve: (entry, { form }) => entry.webview && entriesInForm(entry.webview, form ?? 'ASCII'),
      }),
      effect: t.expose('effect', { type: ChangeEffect }),
      outcome: t.exposeString('outcome', {
        description: 'The answer\'s __typename, e.g. "MiniProgramServerDomains" or "DomainNotOnPlatformError".',
      }),
      errcode: t.exposeInt('errcode', { nullable: true, description: "WeChat's errcode, where WeChat gave one." }),
    }),
  });

  const ServerDomains = builder.objectRef<ServerAnswer>('MiniProgramServerDomains').implement({
    description: "A Mini Program's server domains (get_effective_domain).",
    fields: (t) => ({
      effective: t.field({
        type: ServerDomainKinds,
        description: 'effective_domain: what the Mini Program can use now.',
        resolve: (s) => s.effective,
      }),
      platform: t.field({
        type: ServerDomainKinds,
        description: 'third_domain: what this platform set (modify_domain); the part changes touch.',
        resolve: (s) => s.platform,
      }),
      direct: t.field({ type: ServerDomainKinds, description: 'direct_domain.', resolve: (s) => s.direct }),
      console: t.field({
        type: ServerDomainKinds,
        description: "mp_domain: set in the Mini Program's own console.",
        resolve: (s) => s.console,
      }),
      change: t.field({
        type: Change,
        nullable: true,
        description: "On a mutation's answer; null on reads.",
        resolve: (s) => s.change ?? null,
      }),
    }),
  });

  const WebviewDomains = builder.objectRef<WebviewAnswer>('MiniProgramWebviewDomains').implement({
    description: "A Mini Program's webview (business) domains (get_effective_webviewdomain): https://host, as WeChat stores them.",
    fields: (t) => {
      const view = (name: 'effective' | 'platform' | 'direct' | 'console', description: string) =>
        t.stringList({ description, args: formArg, resolve: (s, { form }) => entriesInForm(s[name], form ?? 'ASCII') });
      return {
        effective: view('effective', 'effective_webviewdomain: what the Mini Program can open now.'),
        platform: view('platform', 'third_webviewdomain: what this platform set (setwebviewdomain); the part changes touch.'),
        direct: view('direct', 'direct_webviewdomain.'),
        console: view('console', "mp_webviewdomain: set in the Mini Program's own console."),
        change: t.field({
          type: Change,
          nullable: true,
          description: "On a mutation's answer; null on reads.",
          resolve: (s) => s.change ?? null,
        }),
      };
    },
  });

  const Quota = builder
    .objectRef<{ limit: number | null; changes: number; remaining: number | null; month: { end: number } }>('MiniProgramDomainsQuota')
    .implement({
      description:
        "The month's server-domain changes of one Mini Program (WeChat allows 50 per Mini Program and calendar month, China Standard Time), as this service counts them. Webview changes are not counted.",
      fields: (t) => ({
        monthlyLimit: t.int({ description: 'MINI_PROGRAM_DOMAINS_MONTHLY_LIMIT (default 50).', resolve: (q) => q.limit ?? 0 }),
        changesThisMonth: t.exposeInt('changes', {
          description: 'APPLIED and UNKNOWN server-domain changes this month made through this service.',
        }),
        remainingThisMonth: t.int({
          description: 'monthlyLimit − changesThisMonth, at least 0; 0 for the rest of a month in which WeChat answered 45104.',
          resolve: (q) => q.remaining ?? 0,
        }),
        monthResetsAt: t.string({
          description: 'When the next month starts, China Standard Time.',
          resolve: (q) => chinaTimeIso(q.month.end),
        }),
      }),
    });

  const Connection = builder.connectionObject(
    {
      type: Change,
      name: 'MiniProgramDomainChangeConnection',
      description: 'Journal entries, newest first.',
      edgesNullable: { list: false, items: false },
      nodeNullable: false,
    },
    { name: 'MiniProgramDomainChangeEdge' },
  );

  const readErrors = [...READ_ERRORS, MiniProgramNotAuthorizedError];

  builder.objectFields(MiniProgram, (t) => ({
    serverDomains: t.field({
      type: ServerDomains,
      description: "The Mini Program's server domains; one WeChat call per Mini Program at most (the read TTL's cached answers serve).",
      authScopes: { miniProgramsRead: true },
      errors: { types: readErrors, union: { name: 'MiniProgramServerDomainsResult' } },
      resolve: async (mp, _args, ctx) => (await miniProgramsOf(ctx).server(mp.appId)).read(),
    }),
    webviewDomains: t.field({
      type: WebviewDomains,
      description: "The Mini Program's webview (business) domains.",
      authScopes: { miniProgramsRead: true },
      errors: { types: readErrors, union: { name: 'MiniProgramWebviewDomainsResult' } },
      resolve: async (mp, _args, ctx) => (await miniProgramsOf(ctx).webview(mp.appId)).read(),
    }),
    domainChanges: t.field({
      type: Connection,
      description: "The journal of this Mini Program's changes (both lists, or one), newest first.",
      authScopes: { miniProgramsRead: true },
      args: {
        first: t.arg.int({ required: false, defaultValue: 20, description: `Entries per page: 1 to ${MAX_PAGE}.` }),
        after: t.arg.string({ required: false, description: 'The endCursor of the previous page.' }),
        list: t.arg({ type: MiniProgramDomainList, required: false, description: 'Only the changes of this list.' }),
      },
      resolve: async (mp, args, ctx) => {
        const first = args.first ?? 20;
        if (first < 1 || first > MAX_PAGE) throw badInput(`first must be between 1 and ${MAX_PAGE} (${first} given).`);
        try {
          return await resolveCursorConnection(
            { args: { first, after: args.after ?? undefined }, toCursor: (entry: MiniProgramChangeEntry) => entry.id, maxSize: MAX_PAGE },
            ({ after, limit }: ResolveCursorConnectionArgs) => miniProgramsOf(ctx).changes(mp.appId, limit, after, args.list ?? undefined),
          );
        } catch (error) {
          if (error instanceof UnknownCursorError) throw badInput("after names no entry of this Mini Program's journal.");
          throw error;
        }
      },
    }),
    domainsQuota: t.field({
      type: Quota,
      description: "How many of the month's server-domain changes of this Mini Program this service has seen spent.",
      authScopes: { miniProgramsRead: true },
      resolve: (mp, _args, ctx) => miniProgramsOf(ctx).monthlyQuota(mp.appId),
    }),
  }));

  const changeErrors = [
    DomainValidationError,
    MiniProgramNotAuthorizedError,
    DomainNotOnPlatformError,
    DomainCountLimitError,
    MonthlyQuotaExceededError,
    ...READ_ERRORS,
  ];

  const kindsInput = (t: { stringList: (options: { required: false; description: string }) => unknown }) =>
    Object.fromEntries(
      SERVER_KINDS.map((kind) => [
        kind,
        t.stringList({ required: false, description: `${kind}: left out, kept as it is (SET too); [] clears it on SET.` }),
      ]),
    );

  const ServerInput = builder.inputType('MiniProgramServerDomainsChangeInput', {
    description:
      "A change of a Mini Program's server domains. Each entry with its kind's scheme; hosts must be among the platform's server domains (ADD, SET).",
    fields: (t) => ({
      appId: t.id({ required: true }),
      action: t.field({ type: Action, required: true }),
      ...(kindsInput(t as never) as Record<(typeof SERVER_KINDS)[number], ReturnType<typeof t.stringList>>),
    }),
  });

  const WebviewInput = builder.inputType('MiniProgramWebviewDomainsChangeInput', {
    description:
      "A change of a Mini Program's webview domains: https://host entries, each host a platform business domain or a subdomain of one (ADD, SET).",
    fields: (t) => ({
      appId: t.id({ required: true }),
      action: t.field({ type: Action, required: true }),
      domains: t.stringList({ required: true }),
    }),
  });

  builder.mutationField('changeMiniProgramServerDomains', (t) =>
    t.field({
      type: ServerDomains,
      description:
        "Changes a Mini Program's server domains (modify_domain). Validated before anything is sent; a no-op sends nothing (change.effect NO_OP). Spends one of the Mini Program's 50 changes a month.",
      args: { input: t.arg({ type: ServerInput, required: true }) },
      authScopes: { miniProgramsWrite: true },
      errors: { types: changeErrors, union: { name: 'ChangeMiniProgramServerDomainsResult' } },
      resolve: async (_root, { input }, ctx) => {
        const appId = String(input.appId);
        const list = await miniProgramsOf(ctx).server(appId);
        const [platform, current] = await Promise.all([ctx.domains.server.read(), list.read()]);
        const raw = input as unknown as Record<string, readonly string[] | null | undefined> & { action: ChangeAction };
        const change = validateServerChange(
          { action: raw.action, ...Object.fromEntries(SERVER_KINDS.map((kind) => [kind, raw[kind]])) },
          { ceiling: ceilingHosts(platform), current: current.platform },
        );
        return list.change(change, ctx.caller.subject ?? null);
      },
    }),
  );

  builder.mutationField('changeMiniProgramWebviewDomains', (t) =>
    t.field({
      type: WebviewDomains,
      description:
        "Changes a Mini Program's webview domains (setwebviewdomain, always with an explicit action). Validated before anything is sent; a no-op sends nothing. Not counted against the server domains' month.",
      args: { input: t.arg({ type: WebviewInput, required: true }) },
      authScopes: { miniProgramsWrite: true },
      errors: { types: changeErrors, union: { name: 'ChangeMiniProgramWebviewDomainsResult' } },
      resolve: async (_root, { input }, ctx) => {
        const appId = String(input.appId);
        const list = await miniProgramsOf(ctx).webview(appId);
        const [business, current] = await Promise.all([ctx.domains.jump.read(), list.read()]);
        const change = validateWebviewChange(
          { action: input.action as ChangeAction, domains: input.domains },
          { ceiling: ceilingHosts(business), current: current.platform },
        );
        return list.change(change, ctx.caller.subject ?? null);
      },
    }),
  );

  const Affected = builder.objectRef<{ miniProgram: M; domains: readonly string[] }>('AffectedMiniProgram').implement({
    description: 'A Mini Program a platform change would hurt.',
    fields: (t) => ({
      miniProgram: t.field({ type: MiniProgram, resolve: (a) => a.miniProgram as never }),
      domains: t.stringList({
        description:
          'Its entries (its platform view) that would leave the ceiling: their host within the platform list now, within neither after.',
        args: formArg,
        resolve: (a, { form }) => entriesInForm(a.domains, form ?? 'ASCII'),
      }),
    }),
  });

  const affectedField = (preview: ObjectRef<Types, ChangePreview>, which: 'server' | 'jump') =>
    builder.objectField(preview, 'affectedMiniPrograms', (t) =>
      t.field({
        type: [Affected],
        nullable: true,
        description:
          "Each authorized Mini Program whose entries the change would take out of the platform's lists (by appId ascending); empty when nothing is hurt. Needs mini-programs:read as well.",
        authScopes: { miniProgramsRead: true },
        resolve: async (plan, _args, ctx) => {
          const mini = miniProgramsOf(ctx);
          const [before, all] = await Promise.all([
            which === 'server' ? ctx.domains.server.read() : ctx.domains.jump.read(),
            mini.allAuthorized(),
          ]);
          const byAppId = new Map(all.map((mp) => [mp.appId, mp as unknown as M]));
          const affected =
            which === 'server'
              ? await affectedMiniPrograms(
                  [...byAppId.keys()],
                  async (appId) => (await mini.server(appId)).read(),
                  serverEntriesLeaving,
                  before,
                  plan,
                )
              : await affectedMiniPrograms(
                  [...byAppId.keys()],
                  async (appId) => (await mini.webview(appId)).read(),
                  webviewEntriesLeaving,
                  before,
                  plan,
                );
          return affected.map(({ appId, domains }) => ({ miniProgram: byAppId.get(appId)!, domains }));
        },
      }),
    );
  affectedField(previews.server, 'server');
  affectedField(previews.jump, 'jump');

  return { ServerDomains, WebviewDomains, Change, inForm };
}

defineMiniProgramDomains(MiniProgram);
