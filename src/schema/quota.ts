import { chinaTimeIso } from '../domains/month.js';
import type { MonthlyQuota } from '../domains/quota.js';
import type { DailyCallQuota as DailyCallQuotaValue } from '../wechat/codec.js';
import { builder } from './builder.js';
import { READ_ERRORS } from './errors.js';

const DailyCallQuota = builder.objectRef<DailyCallQuotaValue>('DailyCallQuota').implement({
  description: "WeChat's daily call counts of modify_wxa_server_domain (openapi/quota/get): calls, not changes.",
  fields: (t) => ({
    limit: t.exposeInt('limit', { description: 'Calls allowed per day.' }),
    used: t.exposeInt('used', { description: 'Calls made today.' }),
    remaining: t.exposeInt('remaining', { description: 'Calls left today.' }),
  }),
});

const ServerDomainsQuota = builder.objectRef<MonthlyQuota>('ServerDomainsQuota').implement({
  description:
    "The month's server-domain changes (WeChat allows 50 per calendar month, China Standard Time). No WeChat API reports them: " +
    "this service counts the changes made through it, so its count is a lower bound of WeChat's (changes made in WeChat's console or by other tools are not seen).",
  fields: (t) => ({
    monthlyLimit: t.exposeInt('limit', { description: "Changes allowed per month (WeChat's quota: 50)." }),
    changesThisMonth: t.exposeInt('changes', {
      description:
        "Changes this month (China Standard Time, UTC+8) made through this service: APPLIED and UNKNOWN journal entries. A lower bound of WeChat's count.",
    }),
    remainingThisMonth: t.exposeInt('remaining', {
      description:
        'monthlyLimit − changesThisMonth, at least 0; 0 for the rest of a month in which WeChat answered 45104. At 0, changes that are not no-ops are refused without calling WeChat.',
    }),
    monthResetsAt: t.string({
      description: 'When the next month starts in China Standard Time, ISO 8601 (e.g. 2026-12-01T00:00:00+08:00).',
      resolve: (quota) => chinaTimeIso(quota.month.end),
    }),
    daily: t.field({
      type: DailyCallQuota,
      description:
        "WeChat's own daily call counts for modify_wxa_server_domain (openapi/quota/get), asked at most once a minute. Its failures are members of this union and never fail the quota.",
      errors: { types: READ_ERRORS, union: { name: 'DailyCallQuotaResult' } },
      resolve: (_quota, _args, ctx) => ctx.serverDomains.dailyCallQuota(),
    }),
  }),
});

builder.queryField('serverDomainsQuota', (t) =>
  t.field({
    type: ServerDomainsQuota,
    description: "How many of the month's 50 changes this service has seen spent, and WeChat's daily call counts.",
    authScopes: { read: true },
    resolve: (_root, _args, ctx) => ctx.serverDomains.monthlyQuota(),
  }),
);
