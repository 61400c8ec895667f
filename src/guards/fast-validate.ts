import {
  type ASTVisitor,
  assertValidSchema,
  BREAK,
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  specifiedRules,
  TypeInfo,
  ValidationContext,
  type ValidationRule,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { type ASTNode, QueryDocumentKeys } from 'graphql/language/ast.js';
import { validationAbortedError } from 'graphql/validation/validationAbortedError.js';
import type { Plugin } from 'graphql-yoga';

type EnterLeave = (this: unknown, ...args: unknown[]) => unknown;

const KINDS = new Set<string>(Object.values(Kind));
// As graphql-js: descriptions must not affect validation.
const KEYS_TO_VALIDATE = Object.fromEntries(
  Object.entries(QueryDocumentKeys).map(([kind, keys]) => [kind, (keys as readonly string[]).filter((key) => key !== 'description')]),
) as unknown as typeof QueryDocumentKeys;

/** Per kind, the visitors (by index) that have something to do on enter, and on leave. */
interface Plan {
  readonly count: number;
  readonly kinds: ReadonlyMap<string, { readonly enter: readonly number[]; readonly leave: readonly number[] }>;
}

/** A handler of `visitor` for `kind`, as graphql-js's getEnterLeaveForKind finds it. */
function handlerOf(visitor: ASTVisitor, kind: string, which: 'enter' | 'leave'): EnterLeave | undefined {
  const keyed = (visitor as Record<string, EnterLeave | { enter?: EnterLeave; leave?: EnterLeave } | undefined>)[kind];
  if (typeof keyed === 'object') return keyed[which];
  if (typeof keyed === 'function') return which === 'enter' ? keyed : undefined;
  return (visitor as { enter?: EnterLeave; leave?: EnterLeave })[which];
}

/** The plan of a list of visitors: which kinds each one handles (the same for every visitor of the same shape). */
function planOf(visitors: readonly ASTVisitor[]): Plan {
  const kinds = new Map<string, { enter: number[]; leave: number[] }>();
  visitors.forEach((visitor, i) => {
    for (const kind of KINDS) {
      const enter = handlerOf(visitor, kind, 'enter');
      const leave = handlerOf(visitor, kind, 'leave');
      if (!enter && !leave) continue;
      let lists = kinds.get(kind);
      if (!lists) {
        lists = { enter: [], leave: [] };
        kinds.set(kind, lists);
      }
      if (enter) lists.enter.push(i);
      if (leave) lists.leave.push(i);
    }
  });
  return { count: visitors.length, kinds };
}

/** A visitor's shape: its keys, and for each whether it is a function or which of enter and leave it has. */
function visitorShape(visitor: ASTVisitor): string {
  let shape = '';
  for (const [key, value] of Object.entries(visitor)) {
    shape += typeof value === 'function' ? `${key}(),` : `${key}{${value?.enter ? 'e' : ''}${value?.leave ? 'l' : ''}},`;
  }
  return shape;
}

/** The shape of a visitor list: what decides its plan (rule visitors are object literals of fixed keys). */
const shapeOf = (visitors: readonly ASTVisitor[]): string => visitors.map(visitorShape).join('|');

const plans = new Map<string, Plan>();
/** Distinct shapes remembered, at most: a rule that made new shapes every time would otherwise grow this. */
const MAX_PLANS = 64;

/**
 * graphql-js's `visitInParallel`, with the work of merging done once per shape of visitor list instead of on
 * every validation. graphql-js asks every visitor about every one of the ~40 node kinds and allocates an
 * `{ enter, leave }` pair per visitor and kind on every validation (about 1,200 with this service's 31
 * rules): the largest single cost of a request whose document is not cached. Here a plan (per kind, which
 * visitors act on enter and on leave) is kept per shape, and a visit only follows it. Same order, same skip
 * and break rules as graphql-js; a unit test compares both.
 */
export function visitInParallel(visitors: readonly ASTVisitor[]): ASTVisitor {
  const shape = shapeOf(visitors);
  let plan = plans.get(shape);
  if (!plan) {
    plan = planOf(visitors);
    if (plans.size >= MAX_PLANS) plans.clear();
    plans.set(shape, plan);
  }
  const count = plan.count;
  const skipping: unknown[] = new Array(count).fill(null);
  const merged: Record<string, { enter(...args: unknown[]): unknown; leave(...args: unknown[]): unknown }> = Object.create(null);
  for (const [kind, { enter: enters, leave: leaves }] of plan.kinds) {
    merged[kind] = {
      enter(...args) {
        const node = args[0];
        for (const i of enters) {
          if (skipping[i] === null) {
            const result = handlerOf(visitors[i]!, kind, 'enter')!.apply(visitors[i], args);
            if (result === false) skipping[i] = node;
            else if (result === BREAK) skipping[i] = BREAK;
            else if (result !== undefined) return result;
          }
        }
        return undefined;
      },
      leave(...args) {
        const node = args[0];
        // Every visitor that skips this node's subtree stops skipping here, whether or not it has a leave.
        for (let i = 0, next = 0; i < count; i++) {
          const acting = leaves[next] === i;
          if (acting) next += 1;
          if (skipping[i] === null) {
            if (!acting) continue;
            const result = handlerOf(visitors[i]!, kind, 'leave')!.apply(visitors[i], args);
            if (result === BREAK) skipping[i] = BREAK;
            else if (result !== undefined && result !== false) return result;
          } else if (skipping[i] === node) {
            skipping[i] = null;
          }
        }
        return undefined;
      },
    };
  }
  return merged as ASTVisitor;
}

/**
 * graphql-js 16's `validate`, line for line, with the `visitInParallel` above. Arguments in the order
 * envelop passes them to a validation function (typeInfo before options).
 */
export function validate(
  schema: GraphQLSchema,
  documentAST: DocumentNode,
  rules: readonly ValidationRule[] = specifiedRules,
  typeInfo: TypeInfo = new TypeInfo(schema),
  options?: { maxErrors?: number; hideSuggestions?: boolean },
): GraphQLError[] {
  const maxErrors = options?.maxErrors ?? 100;
  assertValidSchema(schema);
  const abort = Object.freeze({});
  const errors: GraphQLError[] = [];
  const context = new ValidationContext(
    schema,
    documentAST,
    typeInfo,
    (error) => {
      if (errors.length >= maxErrors) {
        errors.push(new GraphQLError('Too many validation errors, error limit reached. Validation aborted.'));
        throw abort;
      }
      errors.push(error);
    },
    options?.hideSuggestions ?? false,
  );
  const visitor = visitInParallel(rules.map((rule) => rule(context)));
  try {
    visit(documentAST as ASTNode, visitWithTypeInfo(typeInfo, visitor), KEYS_TO_VALIDATE);
  } catch (error) {
    if (error === validationAbortedError) errors.push(validationAbortedError);
    else if (error !== abort) throw error;
  }
  return errors;
}

/**
 * Has yoga validate with `validate` above (the same rules, the same errors). Kept because it pays: the cold
 * path (bench scenario 7 against 16, `npm run bench -- --fast-validate`, 2026-12-03, three runs) used 10–22%
 * less CPU per request with it than with graphql-js's `validate` (bench/README.md). It imports graphql-js
 * internals that graphql 17 removes: measure again then, and drop it if graphql 17's own validation is as fast.
 */
export function useFastValidation(): Plugin {
  return {
    onValidate({ setValidationFn }) {
      setValidationFn(validate as Parameters<typeof setValidationFn>[0]);
    },
  };
}
