import { type CountBounds, MAX_DOMAINS, requireDomains } from '../domains/normalize.js';
import type { ChangeAction } from '../wechat/client.js';
import type { ServerDomainsState } from '../wechat/codec.js';
import { builder } from './builder.js';
import { CHANGE_ERRORS, READ_ERRORS } from './errors.js';

export const ServerDomains = builder.objectRef<ServerDomainsState>('ServerDomains').implement({
  description: "The third-party platform's Mini Program server domains, as WeChat reports them.",
  fields: (t) => ({
    testing: t.exposeStringList('testing', { description: 'The testing (beta) value.' }),
    published: t.exposeStringList('published', {
      nullable: true,
      description: 'The published (whole-network release) value; null when the platform has never been published.',
    }),
    unverified: t.exposeStringList('unverified', {
      description: 'Domains that have not passed WeChat verification (invalid_wxa_server_domain).',
    }),
  }),
});

function domainsInput(name: string, description: string) {
  return builder.inputType(name, {
    description,
    fields: (t) => ({
      domains: t.stringList({
        required: true,
        description: 'Host names only (www.qq.com): no scheme, path or port. Trimmed, lower-cased, de-duplicated; IDNs become punycode.',
      }),
      publishTogether: t.boolean({
        required: false,
        defaultValue: false,
        description: 'false: change the testing value only. true: change testing and published (is_modify_published_together).',
      }),
    }),
  });
}

const changes: ReadonlyArray<{ field: string; input: string; action: ChangeAction; bounds: CountBounds; description: string }> = [
  {
    field: 'addDomains',
    input: 'AddDomainsInput',
    action: 'add',
    bounds: { min: 1, max: MAX_DOMAINS },
    description: 'Adds domains (1 to 1000). Spends one of the 50 changes a month.',
  },
  {
    field: 'removeDomains',
    input: 'RemoveDomainsInput',
    action: 'delete',
    bounds: { min: 1, max: MAX_DOMAINS },
    description: 'Removes domains (1 to 1000); removing one that is not there succeeds. Spends one of the 50 changes a month.',
  },
  {
    field: 'setDomains',
    input: 'SetDomainsInput',
    action: 'set',
    bounds: { min: 0, max: MAX_DOMAINS },
    description: 'Replaces the list (0 to 1000 domains; none clears it). Spends one of the 50 changes a month.',
  },
];

builder.queryType({
  fields: (t) => ({
    serverDomains: t.field({
      type: ServerDomains,
      description: "The platform's server domains. Any number of selections in one operation make one WeChat call.",
      authScopes: { read: true },
      errors: { types: READ_ERRORS },
      resolve: (_root, _args, ctx) => ctx.serverDomains.read(),
    }),
  }),
});

builder.mutationType({
  fields: (t) =>
    Object.fromEntries(
      changes.map(({ field, input, action, bounds, description }) => [
        field,
        t.field({
          type: ServerDomains,
          description,
          args: { input: t.arg({ type: domainsInput(input, `Input of ${field}.`), required: true }) },
          authScopes: { write: true },
          errors: { types: CHANGE_ERRORS },
          resolve: (_root, { input: { domains, publishTogether } }, ctx) =>
            // Normalised and validated before anything reaches WeChat; a client may send an explicit null.
            ctx.serverDomains.change(action, requireDomains(domains, bounds), publishTogether ?? false),
        }),
      ]),
    ),
});
