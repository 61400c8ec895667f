import { builder } from './builder.js';
import { READ_ERRORS } from './errors.js';
import { jumpDomains } from './jump-domains.js';
import { serverDomains } from './server-domains.js';

/** The platform this service manages: a federation entity other subgraphs can extend and join on. */
interface Platform {
  readonly componentAppId: string;
}

export const ThirdPartyPlatform = builder.objectRef<Platform>('ThirdPartyPlatform').implement({
  description: 'A WeChat third-party platform, identified by its component appid.',
  fields: (t) => ({
    componentAppId: t.exposeID('componentAppId', { extensions: { reusable: true } }),
    serverDomains: t.field({
      type: serverDomains.State,
      description: "The platform's server domains (the same answer, and the same single WeChat call per request, as Query.serverDomains).",
      authScopes: { read: true },
      errors: { types: READ_ERRORS },
      extensions: serverDomains.readDependency,
      resolve: (_platform, _args, ctx) => ctx.domains.server.read(),
    }),
    jumpDomains: t.field({
      type: jumpDomains.State,
      description: "The platform's business domains (the same answer, and the same single WeChat call per request, as Query.jumpDomains).",
      authScopes: { read: true },
      errors: { types: READ_ERRORS },
      extensions: jumpDomains.readDependency,
      resolve: (_platform, _args, ctx) => ctx.domains.jump.read(),
    }),
  }),
});

builder.asEntity(ThirdPartyPlatform, {
  key: builder.selection<{ componentAppId: string }>('componentAppId'),
  // Only the platform this service is configured for resolves; any other id (or none configured) is null.
  resolveReference: ({ componentAppId }, ctx) =>
    ctx.componentAppId !== undefined && componentAppId === ctx.componentAppId ? { componentAppId } : null,
});

builder.queryField('thirdPartyPlatform', (t) =>
  t.field({
    type: ThirdPartyPlatform,
    nullable: true,
    description: 'The platform this service manages; null when no WECHAT_COMPONENT_APPID is configured.',
    authScopes: { read: true },
    extensions: { reusable: true },
    resolve: (_root, _args, ctx) => (ctx.componentAppId === undefined ? null : { componentAppId: ctx.componentAppId }),
  }),
);
