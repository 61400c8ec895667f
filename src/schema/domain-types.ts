import type { ChangeEffect as ChangeEffectValue } from '../domains/change-entry.js';
import type { DomainForm as DomainFormValue } from '../domains/domain-form.js';
import type { DailyCallQuota as DailyCallQuotaValue } from '../domains/upstream.js';
import { reusable } from '../fast-path/reusable.js';
import { builder } from './builder.js';

/** The types every list shares. */

export const DomainForm = builder.enumType('DomainForm', {
  description: 'How domains are written in an answer.',
  values: {
    ASCII: { value: 'ASCII', description: 'As WeChat stores them: internationalised labels in punycode (xn--fsqu00a.xn--fiqs8s).' },
    UNICODE: { value: 'UNICODE', description: 'As people write them: punycode labels turned back into Unicode (例子.中国).' },
  } as const satisfies Record<DomainFormValue, unknown>,
});

/** The `form` argument of every list of domains; ASCII (the default) answers exactly as WeChat's lists are. */
export const formArg = builder.args((t) => ({
  form: t.field({ type: DomainForm, required: false, defaultValue: 'ASCII', description: 'ASCII (punycode, the default) or UNICODE.' }),
}));

export const ChangeEffect = builder.enumType('ChangeEffect', {
  description: "What a change did to the month's quota of changes.",
  values: {
    APPLIED: { value: 'APPLIED', description: "WeChat made the change: one of the month's changes spent." },
    NO_OP: { value: 'NO_OP', description: 'Already in place: nothing sent, nothing spent.' },
    REFUSED: {
      value: 'REFUSED',
      description:
        "Not applied: refused by WeChat or by this service's quota guard, or failed before WeChat could apply it (a failed read, a token error, a refused connection, -1 after the retries).",
    },
    UNKNOWN: { value: 'UNKNOWN', description: 'May have been applied (mayHaveApplied): counted as spent.' },
  } as const satisfies Record<ChangeEffectValue, { value: ChangeEffectValue; description: string }>,
});

export const DailyCallQuota = builder.objectRef<DailyCallQuotaValue>('DailyCallQuota').implement({
  description: "WeChat's daily call counts of a list's API (openapi/quota/get): calls, not changes.",
  extensions: reusable(true),
  fields: (t) => ({
    limit: t.exposeInt('limit', { description: 'Calls allowed per day.' }),
    used: t.exposeInt('used', { description: 'Calls made today.' }),
    remaining: t.exposeInt('remaining', { description: 'Calls left today.' }),
  }),
});
