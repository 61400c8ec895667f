import { SERVER_DOMAINS } from '../domains/platform-lists.js';
import { definePlatformList } from './platform-list.js';

/** The platform's Mini Program server domains (modify_wxa_server_domain): the first list. */
export const serverDomains = definePlatformList({
  list: SERVER_DOMAINS,
  of: (domains) => domains.server,
  types: {
    state: 'ServerDomains',
    action: 'ServerDomainsAction',
    change: 'ServerDomainChange',
    connection: 'ServerDomainChangeConnection',
    edge: 'ServerDomainChangeEdge',
    quota: 'ServerDomainsQuota',
    changeInput: 'ServerDomainsChangeInput',
    preview: 'ServerDomainsChangePreview',
    previewResult: 'ServerDomainsChangePreviewResult',
    addInput: 'AddDomainsInput',
    removeInput: 'RemoveDomainsInput',
    setInput: 'SetDomainsInput',
  },
  fields: {
    read: 'serverDomains',
    changes: 'serverDomainChanges',
    quota: 'serverDomainsQuota',
    preview: 'serverDomainsChangePreview',
    add: 'addDomains',
    remove: 'removeDomains',
    set: 'setDomains',
  },
  descriptions: {
    state: "The third-party platform's Mini Program server domains, as WeChat reports them.",
    testing: 'The testing (beta) value.',
    published: 'The published (whole-network release) value; null when the platform has never been published.',
    unverified: 'Domains that have not passed WeChat verification (invalid_wxa_server_domain).',
    read: "The platform's server domains. Any number of selections in one operation make one WeChat call.",
    add: 'Adds domains (1 to 1000). Spends one of the 50 changes a month, unless every domain is already there: then nothing is sent (change.effect NO_OP).',
    remove:
      'Removes domains (1 to 1000); removing one that is not there succeeds. Spends one of the 50 changes a month, unless none of them is there: then nothing is sent (change.effect NO_OP).',
    set: 'Replaces the list (0 to 1000 domains; none clears it). Spends one of the 50 changes a month, unless the list is already that set: then nothing is sent (change.effect NO_OP).',
    domains: 'Host names only (www.qq.com): no scheme, path or port. Trimmed, lower-cased, de-duplicated; IDNs become punycode.',
    quota:
      "The month's server-domain changes (WeChat allows 50 per calendar month, China Standard Time). No WeChat API reports them: " +
      "this service counts the changes made through it, so its count is a lower bound of WeChat's (changes made in WeChat's console or by other tools are not seen).",
    quotaField: "How many of the month's 50 changes this service has seen spent, and WeChat's daily call counts.",
    monthlyLimit: "Changes allowed per month (WeChat's quota: 50; SERVER_DOMAINS_MONTHLY_LIMIT).",
    daily:
      "WeChat's own daily call counts for modify_wxa_server_domain (openapi/quota/get), asked at most once a minute. Its failures are members of this union and never fail the quota.",
  },
});
