import { type ResolveCursorConnectionArgs, resolveCursorConnection } from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import type { ChangeAction, ChangeEntry } from '../domains/change-entry.js';
import { inForm } from '../domains/domain-form.js';
import { DomainValidationError, UnknownCursorError } from '../domains/errors.js';
import { chinaTimeIso } from '../domains/month.js';
import { requireDomains } from '../domains/normalize.js';
import type { RequestDomains, RequestPlatformList } from '../domains/platform.js';
import type { PlatformListDescription } from '../domains/platform-lists.js';
import { type ChangePreview, previewChange } from '../domains/preview.js';
import type { MonthlyQuota } from '../domains/quota.js';
import type { PlatformDomainsState } from '../domains/state.js';
import { reusable } from '../fast-path/reusable.js';
import { builder } from './builder.js';
import { ChangeEffect, DailyCallQuota, DomainForm, formArg } from './domain-types.js';
import { CHANGE_ERRORS, READ_ERRORS } from './errors.js';

/** A read's state (shared, never changed), or a change's answer: a copy carrying its journal entry. */
export type PlatformListAnswer = PlatformDomainsState & { readonly change?: ChangeEntry };

/**
 * The names and words of one platform list's part of the schema. Every name is written out where the list
 * is defined (schema/server-domains.ts, schema/jump-domains.ts), so a grep for a type or field finds it.
 */
export interface PlatformListSchema {
  readonly list: PlatformListDescription;
  /** This list as a request sees it. */
  readonly of: (domains: RequestDomains) => RequestPlatformList;
  readonly types: {
    /** The list's state: `ServerDomains`. */
    readonly state: string;
    readonly action: string;
    readonly change: string;
    readonly connection: string;
    readonly edge: string;
    readonly quota: string;
    readonly changeInput: string;
    readonly preview: string;
    readonly previewResult: string;
    readonly addInput: string;
    readonly removeInput: string;
    readonly setInput: string;
  };
  readonly fields: {
    readonly read: string;
    readonly changes: string;
    readonly quota: string;
    readonly preview: string;
    readonly add: string;
    readonly remove: string;
    readonly set: string;
  };
  readonly descriptions: {
    readonly state: string;
    readonly testing: string;
    readonly published: string;
    readonly unverified: string;
    readonly read: string;
    readonly add: string;
    readonly remove: string;
    readonly set: string;
    readonly domains: string;
    readonly quota: string;
    readonly quotaField: string;
    readonly monthlyLimit: string;
    readonly daily: string;
  };
}

/** Descriptions every list's inputs share. */
const PUBLISH_TOGETHER_DESCRIPTION =
  'false: change the testing value only. true: change testing and published (is_modify_published_together).';
const MAX_PAGE = 100;

const badInput = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

/**
 * One platform list's types, queries and mutations, from its description and names: the same code for
 * every list, so each has exactly what the others have. Returns the list's state type (for
 * ThirdPartyPlatform) and its preview type (for fields other modules add).
 */
export function definePlatformList(schema: PlatformListSchema) {
  const { list, of, types, fields, descriptions } = schema;
  const bounds = (action: ChangeAction) => ({ min: action === 'set' ? 0 : 1, max: list.maxDomains });
  const domainsOf = (raw: readonly string[], action: ChangeAction) => requireDomains(raw, bounds(action), list.words);
  const readDependency = reusable({ list: list.key });

  const State = builder.objectRef<PlatformListAnswer>(types.state).implement({
    description: descriptions.state,
    // Every field is computed from the state alone: answers that select only them may be kept.
    extensions: reusable(true),
    fields: (t) => ({
      testing: t.stringList({
        description: descriptions.testing,
        args: formArg,
        resolve: (state, { form }) => inForm(state.testing, form ?? 'ASCII'),
      }),
      published: t.stringList({
        nullable: true,
        description: descriptions.published,
        args: formArg,
        resolve: (state, { form }) => state.published && inForm(state.published, form ?? 'ASCII'),
      }),
      unverified: t.stringList({
        description: descriptions.unverified,
        args: formArg,
        resolve: (state, { form }) => inForm(state.unverified, form ?? 'ASCII'),
      }),
    }),
  });

  builder.queryField(fields.read, (t) =>
    t.field({
      type: State,
      description: descriptions.read,
      authScopes: { read: true },
      errors: { types: READ_ERRORS },
      extensions: readDependency,
      resolve: (_root, _args, ctx) => of(ctx.domains).read(),
    }),
  );

  const Action = builder.enumType(types.action, {
    description: `A change to the ${list.words.domains}: WeChat calls them add, delete and set.`,
    values: {
      ADD: { value: 'add', description: fields.add },
      REMOVE: { value: 'delete', description: fields.remove },
      SET: { value: 'set', description: fields.set },
    } as const satisfies Record<string, { value: ChangeAction; description: string }>,
  });

  const Change = builder.objectRef<ChangeEntry>(types.change).implement({
    description: 'One change made through this service, from its journal: who asked for what, and what came of it.',
    // Computed from the entry alone (on a mutation's answer, or a journal page that is never kept).
    extensions: reusable(true),
    fields: (t) => ({
      id: t.exposeID('id', { description: "The entry's id; ids grow with time." }),
      at: t.exposeString('at', { description: 'When its outcome was known: ISO 8601, UTC.' }),
      caller: t.exposeString('caller', { nullable: true, description: "The token's sub; null when authentication is off." }),
      action: t.expose('action', { type: Action }),
      domains: t.stringList({
        description: 'The domains as sent, normalised.',
        args: formArg,
        resolve: (entry, { form }) => inForm(entry.domains, form ?? 'ASCII'),
      }),
      publishTogether: t.exposeBoolean('publishTogether'),
      effect: t.expose('effect', { type: ChangeEffect }),
      outcome: t.exposeString('outcome', {
        description: `The answer's __typename, e.g. "${list.outcome}" or "MonthlyQuotaExceededError".`,
      }),
      errcode: t.exposeInt('errcode', { nullable: true, description: "WeChat's errcode, where WeChat gave one." }),
      testing: t.stringList({
        nullable: true,
        description: 'The testing list after the change, when known.',
        args: formArg,
        resolve: (entry, { form }) => entry.testing && inForm(entry.testing, form ?? 'ASCII'),
      }),
      published: t.stringList({
        nullable: true,
        description: 'The published list after the change, when known (null too for a platform never published).',
        args: formArg,
        resolve: (entry, { form }) => entry.published && inForm(entry.published, form ?? 'ASCII'),
      }),
    }),
  });

  builder.objectField(State, 'change', (t) =>
    t.field({
      type: Change,
      nullable: true,
      description: "On a mutation's answer: its journal entry (effect APPLIED, or NO_OP when nothing needed sending). Null on reads.",
      resolve: (state) => state.change ?? null,
    }),
  );

  const changeMutation = (name: string, inputName: string, action: ChangeAction, description: string) => {
    const Input = builder.inputType(inputName, {
      description: `Input of ${name}.`,
      fields: (t) => ({
        domains: t.stringList({ required: true, description: descriptions.domains }),
        publishTogether: t.boolean({ required: false, defaultValue: false, description: PUBLISH_TOGETHER_DESCRIPTION }),
      }),
    });
    builder.mutationField(name, (t) =>
      t.field({
        type: State,
        description,
        args: { input: t.arg({ type: Input, required: true }) },
        authScopes: { write: true },
        errors: { types: CHANGE_ERRORS },
        // Normalised and validated before anything reaches WeChat; a client may send an explicit null.
        resolve: (_root, { input }, ctx) =>
          of(ctx.domains).change(
            { action, domains: domainsOf(input.domains, action), publishTogether: input.publishTogether ?? false },
            ctx.caller.subject ?? null,
          ),
      }),
    );
  };
  changeMutation(fields.add, types.addInput, 'add', descriptions.add);
  changeMutation(fields.remove, types.removeInput, 'delete', descriptions.remove);
  changeMutation(fields.set, types.setInput, 'set', descriptions.set);

  const Connection = builder.connectionObject(
    {
      type: Change,
      name: types.connection,
      description: 'Journal entries, newest first.',
      edgesNullable: { list: false, items: false },
      nodeNullable: false,
    },
    { name: types.edge },
  );

  builder.queryField(fields.changes, (t) =>
    t.field({
      type: Connection,
      description: `The change journal of the ${list.words.domains}, newest first: every change that passed validation, whatever came of it. Kept at least 13 months. A cursor names an entry, so paging stays right while changes arrive.`,
      authScopes: { read: true },
      args: {
        first: t.arg.int({ required: false, defaultValue: 20, description: `Entries per page: 1 to ${MAX_PAGE}.` }),
        after: t.arg.string({ required: false, description: 'The endCursor of the previous page.' }),
      },
      resolve: async (_root, args, ctx) => {
        const first = args.first ?? 20;
        if (first < 1 || first > MAX_PAGE) throw badInput(`first must be between 1 and ${MAX_PAGE} (${first} given).`);
        try {
          return await resolveCursorConnection(
            { args: { first, after: args.after ?? undefined }, toCursor: (entry: ChangeEntry) => entry.id, maxSize: MAX_PAGE },
            ({ after, limit }: ResolveCursorConnectionArgs) => of(ctx.domains).changes(limit, after),
          );
        } catch (error) {
          if (error instanceof UnknownCursorError)
            throw badInput('after names no entry of the change journal (a cursor from another service, or older than 13 months).');
          throw error;
        }
      },
    }),
  );

  const limited = list.documentedMonthlyLimit !== null;
  const Quota = builder.objectRef<MonthlyQuota>(types.quota).implement({
    description: descriptions.quota,
    fields: (t) => ({
      monthlyLimit: t.int({
        nullable: !limited,
        description: descriptions.monthlyLimit,
        resolve: (quota) => quota.limit as number,
      }),
      changesThisMonth: t.exposeInt('changes', {
        description:
          "Changes this month (China Standard Time, UTC+8) made through this service: APPLIED and UNKNOWN journal entries. A lower bound of WeChat's count.",
      }),
      remainingThisMonth: t.int({
        nullable: !limited,
        description: limited
          ? 'monthlyLimit − changesThisMonth, at least 0; 0 for the rest of a month in which WeChat answered 45104. At 0, changes that are not no-ops are refused without calling WeChat.'
          : 'monthlyLimit − changesThisMonth, at least 0; null without a limit, except 0 for the rest of a month in which WeChat answered 45104. At 0, changes that are not no-ops are refused without calling WeChat.',
        resolve: (quota) => quota.remaining as number,
      }),
      monthResetsAt: t.string({
        description: 'When the next month starts in China Standard Time, ISO 8601 (e.g. 2026-12-01T00:00:00+08:00).',
        resolve: (quota) => chinaTimeIso(quota.month.end),
      }),
      daily: t.field({
        type: DailyCallQuota,
        description: descriptions.daily,
        // One union for every list's field: the errors plugin makes it once per result name.
        errors: { types: READ_ERRORS, union: { name: 'DailyCallQuotaResult' }, result: { name: 'DailyCallQuotaResult' } },
        resolve: (_quota, _args, ctx) => of(ctx.domains).dailyCallQuota(),
      }),
    }),
  });

  builder.queryField(fields.quota, (t) =>
    t.field({
      type: Quota,
      description: descriptions.quotaField,
      authScopes: { read: true },
      resolve: (_root, _args, ctx) => of(ctx.domains).monthlyQuota(),
    }),
  );

  const ChangeInput = builder.inputType(types.changeInput, {
    description: `A change, as ${fields.add}, ${fields.remove} or ${fields.set} would make it.`,
    fields: (t) => ({
      action: t.field({ type: Action, required: true }),
      domains: t.stringList({
        required: true,
        description: `Host names only, normalised as the mutations do: 1 to ${list.maxDomains} for ADD and REMOVE, 0 to ${list.maxDomains} for SET.`,
      }),
      publishTogether: t.boolean({ required: false, defaultValue: false, description: "As the mutations' publishTogether." }),
    }),
  });

  const Preview = builder.objectRef<ChangePreview>(types.preview).implement({
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
      remainingThisMonth: t.int({
        nullable: !limited,
        description: `The month's remaining changes after this one, as this service counts them (see ${types.quota}).`,
        resolve: (preview) => preview.remainingThisMonth as number,
      }),
    }),
  });

  builder.queryField(fields.preview, (t) =>
    t.field({
      type: Preview,
      description: `What a change would do, computed from the state ${fields.read} answers (a cached read is fine). Sends no change, spends nothing, journals nothing; invalid domains answer DomainValidationError as the mutations do.`,
      args: { input: t.arg({ type: ChangeInput, required: true }) },
      authScopes: { read: true },
      errors: { types: [DomainValidationError, ...READ_ERRORS], union: { name: types.previewResult } },
      resolve: (_root, { input }, ctx) =>
        previewChange(of(ctx.domains), {
          action: input.action,
          domains: domainsOf(input.domains, input.action),
          publishTogether: input.publishTogether ?? false,
        }),
    }),
  );

  return { State, Preview, Action, readDependency, DomainForm };
}
