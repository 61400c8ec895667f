import { JUMP_DOMAINS, MAX_JUMP_DOMAINS } from '../domains/platform-lists.js';
import { reusable } from '../fast-path/reusable.js';
import { builder } from './builder.js';
import { READ_ERRORS } from './errors.js';
import { definePlatformList } from './platform-list.js';

/** The platform's business (jump) domains (modify_wxa_jump_domain): the same list types as the server domains'. */
export const jumpDomains = definePlatformList({
  list: JUMP_DOMAINS,
  of: (domains) => domains.jump,
  types: {
    state: 'JumpDomains',
    action: 'JumpDomainsAction',
    change: 'JumpDomainChange',
    connection: 'JumpDomainChangeConnection',
    edge: 'JumpDomainChangeEdge',
    quota: 'JumpDomainsQuota',
    changeInput: 'JumpDomainsChangeInput',
    preview: 'JumpDomainsChangePreview',
    previewResult: 'JumpDomainsChangePreviewResult',
    addInput: 'AddJumpDomainsInput',
    removeInput: 'RemoveJumpDomainsInput',
    setInput: 'SetJumpDomainsInput',
  },
  fields: {
    read: 'jumpDomains',
    changes: 'jumpDomainChanges',
    quota: 'jumpDomainsQuota',
    preview: 'jumpDomainsChangePreview',
    add: 'addJumpDomains',
    remove: 'removeJumpDomains',
    set: 'setJumpDomains',
  },
  descriptions: {
    state:
      "The third-party platform's business (jump) domains, as WeChat reports them: the web pages its Mini Programs may open in a web-view. Each must serve the platform's confirmation file at its root (jumpDomainConfirmFile).",
    testing: 'The testing (beta) value (testing_wxa_jump_h5_domain).',
    published: 'The published value (published_wxa_jump_h5_domain); null when the platform has never been published.',
    unverified: 'Domains that have not passed WeChat verification (invalid_wxa_jump_h5_domain).',
    read: "The platform's business domains. Any number of selections in one operation make one WeChat call.",
    add: `Adds domains (1 to ${MAX_JUMP_DOMAINS}); each must serve the confirmation file at its root first. Journaled (and counted against JUMP_DOMAINS_MONTHLY_LIMIT when set), unless every domain is already there: then nothing is sent (change.effect NO_OP).`,
    remove: `Removes domains (1 to ${MAX_JUMP_DOMAINS}); removing one that is not there succeeds. Journaled, unless none of them is there: then nothing is sent (change.effect NO_OP).`,
    set: `Replaces the list (0 to ${MAX_JUMP_DOMAINS} domains; none clears it). Journaled, unless the list is already that set: then nothing is sent (change.effect NO_OP).`,
    domains: 'Host names only (www.qq.com): no scheme, path or port. Trimmed, lower-cased, de-duplicated; IDNs become punycode.',
    quota:
      "The month's business-domain changes made through this service (calendar months, China Standard Time). WeChat documents no monthly limit for this list: " +
      'JUMP_DOMAINS_MONTHLY_LIMIT sets a local one. The count is a lower bound of what was changed (the console and other tools are not seen).',
    quotaField:
      "How many business-domain changes this service has seen this month, what is left of the local limit if one is set, and WeChat's daily call counts.",
    monthlyLimit: 'JUMP_DOMAINS_MONTHLY_LIMIT; null when unset (WeChat documents no monthly limit for this list).',
    daily:
      "WeChat's own daily call counts for modify_wxa_jump_domain (openapi/quota/get), asked at most once a minute. Its failures are members of this union and never fail the quota.",
  },
});

const DomainConfirmFile = builder.objectRef<{ fileName: string; fileContent: string }>('DomainConfirmFile').implement({
  description:
    "The file WeChat fetches from a business domain's root before it takes the domain: serve fileContent at https://<domain>/<fileName>.",
  extensions: reusable(true),
  fields: (t) => ({
    fileName: t.exposeString('fileName'),
    fileContent: t.exposeString('fileContent'),
  }),
});

builder.queryField('jumpDomainConfirmFile', (t) =>
  t.field({
    type: DomainConfirmFile,
    description:
      "The platform's confirmation file for business domains (get_domain_confirmfile). Read like a list: one WeChat call in flight, kept for SERVER_DOMAINS_CACHE_TTL_MS.",
    authScopes: { read: true },
    errors: { types: READ_ERRORS, union: { name: 'JumpDomainConfirmFileResult' } },
    extensions: reusable({ list: 'jump-domain-confirm-file' }),
    resolve: (_root, _args, ctx) => ctx.domains.confirmFile.read(),
  }),
);
