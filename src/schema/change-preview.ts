import { inForm } from '../domains/domain-form.js';
import { MAX_DOMAINS, requireDomains } from '../domains/normalize.js';
import type { ChangePreview } from '../domains/service.js';
import { DomainValidationError } from '../errors.js';
import { builder } from './builder.js';
import { ServerDomainsAction } from './change-journal.js';
import { READ_ERRORS } from './errors.js';
import { formArg } from './server-domains.js';

const ServerDomainsChangeInput = builder.inputType('ServerDomainsChangeInput', {
  description: 'A change, as addDomains, removeDomains or setDomains would make it.',
  fields: (t) => ({
    action: t.field({ type: ServerDomainsAction, required: true }),
    domains: t.stringList({
      required: true,
      description: 'Host names only, normalised as the mutations do: 1 to 1000 for ADD and REMOVE, 0 to 1000 for SET.',
    }),
    publishTogether: t.boolean({ required: false, defaultValue: false, description: "As the mutations' publishTogether." }),
  }),
});

const ServerDomainsChangePreview = builder.objectRef<ChangePreview>('ServerDomainsChangePreview').implement({
  description: 'What a change would do to the current state; computing it sends nothing, spends nothing and journals nothing.',
  fields: (t) => ({
    added: t.stringList({
      description: 'Testing domains the change would add.',
      args: formArg,
      resolve: (preview, { form }) => inForm(preview.added, form ?? 'ASCII'),
    }),
    removed: t.stringList({
      description: 'Testing domains it would remove.',
      args: formArg,
      resolve: (preview, { form }) => inForm(preview.removed, form ?? 'ASCII'),
    }),
    testing: t.stringList({
      description: 'The testing list afterwards.',
      args: formArg,
      resolve: (preview, { form }) => inForm(preview.testing, form ?? 'ASCII'),
    }),
    published: t.stringList({
      nullable: true,
      description: 'The published list afterwards (changes only with publishTogether); null when the platform was never published.',
      args: formArg,
      resolve: (preview, { form }) => preview.published && inForm(preview.published, form ?? 'ASCII'),
    }),
    noOp: t.exposeBoolean('noOp', {
      description:
        'Nothing would change: the mutation would send nothing and spend nothing. Never true for publishTogether on a platform never published (WeChat answers 61028).',
    }),
    remainingThisMonth: t.exposeInt('remainingThisMonth', {
      description: "The month's remaining changes after this one, as this service counts them (see ServerDomainsQuota).",
    }),
  }),
});

builder.queryField('serverDomainsChangePreview', (t) =>
  t.field({
    type: ServerDomainsChangePreview,
    description:
      'What a change would do, computed from the state serverDomains answers (a cached read is fine). Sends no change, spends nothing, journals nothing; invalid domains answer DomainValidationError as the mutations do.',
    args: { input: t.arg({ type: ServerDomainsChangeInput, required: true }) },
    authScopes: { read: true },
    errors: { types: [DomainValidationError, ...READ_ERRORS], union: { name: 'ServerDomainsChangePreviewResult' } },
    resolve: (_root, { input }, ctx) => {
      const bounds = { min: input.action === 'set' ? 0 : 1, max: MAX_DOMAINS };
      return ctx.serverDomains.preview(input.action, requireDomains(input.domains, bounds), input.publishTogether ?? false);
    },
  }),
);
