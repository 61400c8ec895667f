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

/**
 * graphql-js's `visitInParallel`, built from what each visitor handles instead of asking every visitor about
 * every one of the ~40 node kinds. graphql-js's version allocates an `{ enter, leave }` pair per visitor and
 * kind on every validation (about 1,200 with this service's 31 rules): the largest single cost of a request
 * whose document is not cached (a sixth of its CPU in the cold benchmark). Same order, same skip and break
 * rules; the merged enter/leave are graphql-js's own.
 */
export function visitInParallel(visitors: readonly ASTVisitor[]): ASTVisitor {
  const count = visitors.length;
  const skipping: unknown[] = new Array(count).fill(null);
  const enters = new Map<string, (EnterLeave | undefined)[]>();
  const leaves = new Map<string, (EnterLeave | undefined)[]>();
  const slot = (lists: Map<string, (EnterLeave | undefined)[]>, kind: string) => {
    let list = lists.get(kind);
    if (!list) {
      list = new Array(count).fill(undefined);
      lists.set(kind, list);
    }
    return list;
  };
  visitors.forEach((visitor, i) => {
    const generic = visitor as { enter?: EnterLeave; leave?: EnterLeave };
    const keyed = visitor as Record<string, EnterLeave | { enter?: EnterLeave; leave?: EnterLeave } | undefined>;
    // A visitor with a generic enter or leave applies it to every kind it has no entry for (getEnterLeaveForKind).
    const kinds = generic.enter || generic.leave ? KINDS : Object.keys(visitor).filter((key) => KINDS.has(key));
    for (const kind of kinds) {
      const kindVisitor = keyed[kind];
      let enter: EnterLeave | undefined;
      let leave: EnterLeave | undefined;
      if (typeof kindVisitor === 'object') ({ enter, leave } = kindVisitor);
      else if (typeof kindVisitor === 'function') enter = kindVisitor;
      else ({ enter, leave } = generic);
      if (enter) slot(enters, kind)[i] = enter;
      if (leave) slot(leaves, kind)[i] = leave;
    }
  });
  const merged: Record<string, { enter(...args: unknown[]): unknown; leave(...args: unknown[]): unknown }> = Object.create(null);
  for (const kind of new Set([...enters.keys(), ...leaves.keys()])) {
    const enterList = enters.get(kind) ?? new Array(count).fill(undefined);
    const leaveList = leaves.get(kind) ?? new Array(count).fill(undefined);
    merged[kind] = {
      enter(...args) {
        const node = args[0];
        for (let i = 0; i < count; i++) {
          if (skipping[i] === null) {
            const result = enterList[i]?.apply(visitors[i], args);
            if (result === false) skipping[i] = node;
            else if (result === BREAK) skipping[i] = BREAK;
            else if (result !== undefined) return result;
          }
        }
        return undefined;
      },
      leave(...args) {
        const node = args[0];
        for (let i = 0; i < count; i++) {
          if (skipping[i] === null) {
            const result = leaveList[i]?.apply(visitors[i], args);
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

/** Has yoga validate with `validate` above (the same rules, the same errors). */
export function useFastValidation(): Plugin {
  return {
    onValidate({ setValidationFn }) {
      setValidationFn(validate as Parameters<typeof setValidationFn>[0]);
    },
  };
}
