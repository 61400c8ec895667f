import type { ChangeEntry } from '../domains/change-entry.js';
import { type DomainForm as DomainFormValue, inForm } from '../domains/domain-form.js';
import { MAX_DOMAINS, requireDomains } from '../domains/normalize.js';
import type { ServerDomainsState } from '../domains/state.js';
import { builder } from './builder.js';
import { CHANGE_ERRORS, READ_ERRORS } from './errors.js';

/** A read's state (shared, never changed), or a change's answer: a copy carrying its journal entry. */
export type ServerDomainsAnswer = ServerDomainsState & { readonly change?: ChangeEntry };

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

export const ServerDomains = builder.objectRef<ServerDomainsAnswer>('ServerDomains').implement({
  description: "The third-party platform's Mini Program server domains, as WeChat reports them.",
  fields: (t) => ({
    testing: t.stringList({
      description: 'The testing (beta) value.',
      args: formArg,
      resolve: (state, { form }) => inForm(state.testing, form ?? 'ASCII'),
    }),
    published: t.stringList({
      nullable: true,
      description: 'The published (whole-network release) value; null when the platform has never been published.',
      args: formArg,
      resolve: (state, { form }) => state.published && inForm(state.published, form ?? 'ASCII'),
    }),
    unverified: t.stringList({
      description: 'Domains that have not passed WeChat verification (invalid_wxa_server_domain).',
      args: formArg,
      resolve: (state, { form }) => inForm(state.unverified, form ?? 'ASCII'),
    }),
  }),
});

/** Descriptions the three change inputs share (each input is its own type, so each can grow on its own). */
const DOMAINS_DESCRIPTION =
  'Host names only (www.qq.com): no scheme, path or port. Trimmed, lower-cased, de-duplicated; IDNs become punycode.';
const PUBLISH_TOGETHER_DESCRIPTION =
  'false: change the testing value only. true: change testing and published (is_modify_published_together).';

builder.queryField('serverDomains', (t) =>
  t.field({
    type: ServerDomains,
    description: "The platform's server domains. Any number of selections in one operation make one WeChat call.",
    authScopes: { read: true },
    errors: { types: READ_ERRORS },
    resolve: (_root, _args, ctx) => ctx.serverDomains.read(),
  }),
);

const AddDomainsInput = builder.inputType('AddDomainsInput', {
  description: 'Input of addDomains.',
  fields: (t) => ({
    domains: t.stringList({ required: true, description: DOMAINS_DESCRIPTION }),
    publishTogether: t.boolean({ required: false, defaultValue: false, description: PUBLISH_TOGETHER_DESCRIPTION }),
  }),
});

builder.mutationField('addDomains', (t) =>
  t.field({
    type: ServerDomains,
    description:
      'Adds domains (1 to 1000). Spends one of the 50 changes a month, unless every domain is already there: then nothing is sent (change.effect NO_OP).',
    args: { input: t.arg({ type: AddDomainsInput, required: true }) },
    authScopes: { write: true },
    errors: { types: CHANGE_ERRORS },
    // Normalised and validated before anything reaches WeChat; a client may send an explicit null.
    resolve: (_root, { input }, ctx) =>
      ctx.serverDomains.change(
        'add',
        requireDomains(input.domains, { min: 1, max: MAX_DOMAINS }),
        input.publishTogether ?? false,
        ctx.caller.subject ?? null,
      ),
  }),
);

const RemoveDomainsInput = builder.inputType('RemoveDomainsInput', {
  description: 'Input of removeDomains.',
  fields: (t) => ({
    domains: t.stringList({ required: true, description: DOMAINS_DESCRIPTION }),
    publishTogether: t.boolean({ required: false, defaultValue: false, description: PUBLISH_TOGETHER_DESCRIPTION }),
  }),
});

builder.mutationField('removeDomains', (t) =>
  t.field({
    type: ServerDomains,
    description:
      'Removes domains (1 to 1000); removing one that is not there succeeds. Spends one of the 50 changes a month, unless none of them is there: then nothing is sent (change.effect NO_OP).',
    args: { input: t.arg({ type: RemoveDomainsInput, required: true }) },
    authScopes: { write: true },
    errors: { types: CHANGE_ERRORS },
    resolve: (_root, { input }, ctx) =>
      ctx.serverDomains.change(
        'delete',
        requireDomains(input.domains, { min: 1, max: MAX_DOMAINS }),
        input.publishTogether ?? false,
        ctx.caller.subject ?? null,
      ),
  }),
);

const SetDomainsInput = builder.inputType('SetDomainsInput', {
  description: 'Input of setDomains.',
  fields: (t) => ({
    domains: t.stringList({ required: true, description: DOMAINS_DESCRIPTION }),
    publishTogether: t.boolean({ required: false, defaultValue: false, description: PUBLISH_TOGETHER_DESCRIPTION }),
  }),
});

builder.mutationField('setDomains', (t) =>
  t.field({
    type: ServerDomains,
    description:
      'Replaces the list (0 to 1000 domains; none clears it). Spends one of the 50 changes a month, unless the list is already that set: then nothing is sent (change.effect NO_OP).',
    args: { input: t.arg({ type: SetDomainsInput, required: true }) },
    authScopes: { write: true },
    errors: { types: CHANGE_ERRORS },
    resolve: (_root, { input }, ctx) =>
      ctx.serverDomains.change(
        'set',
        requireDomains(input.domains, { min: 0, max: MAX_DOMAINS }),
        input.publishTogether ?? false,
        ctx.caller.subject ?? null,
      ),
  }),
);
