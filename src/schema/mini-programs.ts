import { type ResolveCursorConnectionArgs, resolveCursorConnection } from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import type { Context } from '../context.js';
import type { MiniProgram as MiniProgramRecord, SyncSummary } from '../mini-programs/model.js';
import { UnknownMiniProgramCursorError } from '../mini-programs/registry.js';
import { builder } from './builder.js';
import { READ_ERRORS } from './errors.js';
import { ThirdPartyPlatform } from './platform.js';

const AuthorizationStatus = builder.enumType('AuthorizationStatus', {
  description: "Whether the Mini Program's authorization to the platform stands.",
  values: {
    AUTHORIZED: { value: 'AUTHORIZED', description: "On WeChat's authorizer list." },
    REVOKED: { value: 'REVOKED', description: 'Withdrawn: pushed as unauthorized, or absent from a complete listing.' },
  } as const,
});

export const MiniProgram = builder.objectRef<MiniProgramRecord>('MiniProgram').implement({
  description: 'A Mini Program authorized to the platform (now or before). Its tokens never leave the service.',
  fields: (t) => ({
    appId: t.exposeID('appId'),
    status: t.expose('status', { type: AuthorizationStatus }),
    name: t.string({
      nullable: true,
      description: 'nick_name from api_get_authorizer_info, when known.',
      resolve: (mp) => mp.name ?? null,
    }),
    authorizedAt: t.string({
      nullable: true,
      description: "ISO 8601 UTC: auth_time from the authorizer list, or the push's CreateTime.",
      resolve: (mp) => mp.authorizedAt ?? null,
    }),
    revokedAt: t.string({
      nullable: true,
      description: 'When this service learnt the authorization was gone (ISO 8601 UTC).',
      resolve: (mp) => mp.revokedAt ?? null,
    }),
  }),
});

builder.asEntity(MiniProgram, {
  key: builder.selection<{ appId: string }>('appId'),
  // Any status; an unknown appid and an Official Account are null.
  resolveReference: async ({ appId }, ctx) => (await registryOf(ctx)?.get(appId)) ?? null,
});

const MiniProgramSync = builder.objectRef<SyncSummary>('MiniProgramSync').implement({
  description: 'A complete sync of the registry with api_get_authorizer_list.',
  fields: (t) => ({
    at: t.exposeString('at', { description: 'When the complete listing ended (ISO 8601 UTC).' }),
    total: t.exposeInt('total', { description: 'Mini Programs AUTHORIZED after it (Official Accounts never count).' }),
    added: t.exposeInt('added', { description: 'Mini Programs new to the registry in this sync.' }),
    revoked: t.exposeInt('revoked', { description: 'Mini Programs this sync turned REVOKED.' }),
  }),
});

const MiniProgramConnection = builder.connectionObject(
  {
    type: MiniProgram,
    name: 'MiniProgramConnection',
    description: 'Mini Programs by appId ascending.',
    edgesNullable: { list: false, items: false },
    nodeNullable: false,
  },
  { name: 'MiniProgramEdge' },
);

/** WeChat's own page of the authorizer list. */
export const MAX_MINI_PROGRAM_PAGE = 500;
const DEFAULT_PAGE = 50;

/**
 * The registry, for a resolver that reads it. None of its fields declares itself reusable
 * (fast-path/reusable.ts), so no answer that reads it is ever kept: a kept one would outlive a sync or a push.
 */
function registryOf(ctx: Context) {
  return ctx.miniPrograms;
}

const badInput = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

interface PageArgs {
  readonly first?: number | null | undefined;
  readonly after?: string | null | undefined;
  readonly status?: 'AUTHORIZED' | 'REVOKED' | null | undefined;
}

async function miniProgramPage(args: PageArgs, ctx: Context) {
  const first = args.first ?? DEFAULT_PAGE;
  if (first < 1 || first > MAX_MINI_PROGRAM_PAGE) throw badInput(`first must be between 1 and ${MAX_MINI_PROGRAM_PAGE} (${first} given).`);
  const registry = registryOf(ctx);
  try {
    return await resolveCursorConnection(
      {
        args: { first, after: args.after ?? undefined },
        toCursor: (mp: MiniProgramRecord) => mp.appId,
        maxSize: MAX_MINI_PROGRAM_PAGE + 1,
      },
      ({ after, limit }: ResolveCursorConnectionArgs) => (registry ? registry.page(limit, after, args.status ?? undefined) : []),
    );
  } catch (error) {
    if (error instanceof UnknownMiniProgramCursorError) throw badInput('after names no Mini Program this service knows.');
    throw error;
  }
}

/** The page arguments of both lists of Mini Programs (Query.miniPrograms, ThirdPartyPlatform.miniPrograms). */
const pageArgs = builder.args((t) => ({
  first: t.int({
    required: false,
    defaultValue: DEFAULT_PAGE,
    description: `Mini Programs per page: 1 to ${MAX_MINI_PROGRAM_PAGE}.`,
  }),
  after: t.string({ required: false, description: 'The endCursor of the previous page.' }),
  status: t.field({ type: AuthorizationStatus, required: false, description: 'Only those with this status.' }),
}));

builder.queryField('miniPrograms', (t) =>
  t.field({
    type: MiniProgramConnection,
    description:
      'The Mini Programs authorized to the platform (and those no longer), by appId ascending. Official Accounts are never listed.',
    authScopes: { miniProgramsRead: true },
    args: pageArgs,
    resolve: (_root, args, ctx) => miniProgramPage(args, ctx),
  }),
);

builder.objectField(ThirdPartyPlatform, 'miniPrograms', (t) =>
  t.field({
    type: MiniProgramConnection,
    description: 'The Mini Programs authorized to this platform (as Query.miniPrograms).',
    authScopes: { miniProgramsRead: true },
    args: pageArgs,
    resolve: (_platform, args, ctx) => miniProgramPage(args, ctx),
  }),
);

builder.queryField('miniProgram', (t) =>
  t.field({
    type: MiniProgram,
    nullable: true,
    description: 'A Mini Program by appId (any status); null when this service has never seen it, and for an Official Account.',
    authScopes: { miniProgramsRead: true },
    args: { appId: t.arg.id({ required: true }) },
    resolve: async (_root, { appId }, ctx) => (await registryOf(ctx)?.get(String(appId))) ?? null,
  }),
);

builder.queryField('miniProgramSync', (t) =>
  t.field({
    type: MiniProgramSync,
    nullable: true,
    description: 'The last complete sync; null before the first.',
    authScopes: { miniProgramsRead: true },
    resolve: async (_root, _args, ctx) => (await registryOf(ctx)?.lastSync()) ?? null,
  }),
);

builder.mutationField('syncMiniPrograms', (t) =>
  t.field({
    type: MiniProgramSync,
    description:
      'Syncs the registry with api_get_authorizer_list now; during a sync (here or on another replica) waits for it and answers its result. A failure changes nothing.',
    authScopes: { miniProgramsWrite: true },
    errors: { types: READ_ERRORS, union: { name: 'SyncMiniProgramsResult' } },
    resolve: (_root, _args, ctx) => {
      if (!ctx.miniPrograms)
        throw new GraphQLError('No WECHAT_COMPONENT_APPID is configured: there is no platform to sync.', {
          extensions: { code: 'BAD_REQUEST' },
        });
      return ctx.miniPrograms.sync();
    },
  }),
);
