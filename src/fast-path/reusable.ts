import {
  type DocumentNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  getOperationAST,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { recordOf } from '../observability/request-log.js';

/**
 * How a field says its answer may be kept and served again (Pothos `extensions: { reusable: … }`):
 * - on a field: `{ list: 'server-domains' }`, it reads that list (and nothing else that changes); `true`, it
 *   depends on its parent alone;
 * - on a type: `true`, every field of it depends on its parent alone (ServerDomains, the error types).
 * Anything not declared is never kept: a new field is safe by default.
 */
export type Reusable = true | { readonly list: string };

export const reusable = (declared: Reusable) => ({ reusable: declared });

/** The lists an operation's answer depends on; null when some field it selects is not declared reusable. */
export type Dependencies = ReadonlySet<string> | null;

const byDocument = new WeakMap<DocumentNode, Map<string, Dependencies>>();

/**
 * Whether the answer of `operationName` in `document` may be kept, and on which lists' states it depends.
 * Walked once per document (yoga's parse cache hands out the same document for a repeated query).
 */
export function dependenciesOf(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined): Dependencies {
  let perOperation = byDocument.get(document);
  if (!perOperation) {
    perOperation = new Map();
    byDocument.set(document, perOperation);
  }
  const name = operationName ?? '';
  if (perOperation.has(name)) return perOperation.get(name)!;
  const found = walk(schema, document, operationName);
  perOperation.set(name, found);
  return found;
}

function walk(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined): Dependencies {
  const operation = getOperationAST(document, operationName);
  if (operation?.operation !== 'query') return null;
  const lists = new Set<string>();
  let ok = true;
  // Only the operation and the fragments it spreads: another operation's fields do not count.
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const typeInfo = new TypeInfo(schema);
  const visited = new Set<string>();
  const visitor = visitWithTypeInfo(typeInfo, {
    Field(node) {
      if (!ok) return false;
      if (node.name.value.startsWith('__')) return undefined; // __typename, introspection: the schema never changes
      const declared = declaredOf(typeInfo.getFieldDef(), typeInfo.getParentType());
      if (declared === undefined) {
        ok = false;
        return false;
      }
      if (declared !== true) lists.add(declared.list);
      return undefined;
    },
    FragmentSpread(node) {
      const name = node.name.value;
      const fragment = fragments.get(name);
      if (fragment && !visited.has(name)) {
        visited.add(name);
        visit(fragment, visitor);
      }
    },
  });
  visit(operation, visitor);
  return ok ? lists : null;
}

function declaredOf(
  field: GraphQLField<unknown, unknown> | null | undefined,
  parent: GraphQLNamedType | null | undefined,
): Reusable | undefined {
  const onField = field?.extensions?.reusable as Reusable | undefined;
  if (onField !== undefined) return onField;
  // The introspection types' fields: the schema never changes while the service runs.
  if (parent?.name.startsWith('__')) return true;
  return parent?.extensions?.reusable === true ? true : undefined;
}

/** Yoga's side: each query's record learns which lists its answer depends on (or that it may not be kept). */
export function useReusableAnswers(): Plugin {
  return {
    onExecute({ args }) {
      const record = recordOf((args.contextValue as { request?: Request }).request);
      if (record) record.dependencies = dependenciesOf(args.schema, args.document, args.operationName);
    },
  };
}
