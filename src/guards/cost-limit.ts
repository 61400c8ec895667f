import {
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  type SelectionNode,
  type ValueNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * The query cost limit, with graphql-armor's cost model (each object 2, each scalar 1, each level down ×1.5,
 * a field's whole cost × its `first`/`last`), computed when the operation runs, with its variables: armor's
 * own rule runs at validation, which never sees variables (and is cached per document), so there a `first`
 * given as a variable cost 1 and escaped the limit. Here `first: $n` costs exactly what the literal does.
 */
export interface CostLimitOptions {
  readonly maxCost: number;
}

const OBJECT_COST = 2;
const SCALAR_COST = 1;
const DEPTH_FACTOR = 1.5;

export function operationCost(
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Readonly<Record<string, unknown>>,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operation: OperationDefinitionNode | undefined;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    if (definition.kind === Kind.OPERATION_DEFINITION && (!operationName || definition.name?.value === operationName))
      operation ??= definition;
  }
  if (!operation) return 0;
  const defaults = new Map<string, ValueNode>();
  for (const variable of operation.variableDefinitions ?? []) {
    if (variable.defaultValue) defaults.set(variable.variable.name.value, variable.defaultValue);
  }
  const pageSize = (value: ValueNode): number => {
    if (value.kind === Kind.INT) return Number.parseInt(value.value, 10);
    if (value.kind !== Kind.VARIABLE) return 1;
    const given = variables[value.name.value];
    if (typeof given === 'number' && Number.isInteger(given)) return given;
    const fallback = defaults.get(value.name.value);
    return fallback ? pageSize(fallback) : 1;
  };
  // A fragment spread more than once costs what it cost the first time; a cycle (refused by validation) costs nothing more.
  const fragmentCosts = new Map<string, number>();
  const cost = (node: SelectionNode): number => {
    if (node.kind === Kind.FRAGMENT_SPREAD) {
      const name = node.name.value;
      const known = fragmentCosts.get(name);
      if (known !== undefined) return SCALAR_COST + DEPTH_FACTOR * known;
      fragmentCosts.set(name, 0);
      const fragment = fragments.get(name);
      const total = fragment ? OBJECT_COST + DEPTH_FACTOR * sum(fragment.selectionSet.selections) : 0;
      fragmentCosts.set(name, total);
      return SCALAR_COST + DEPTH_FACTOR * total;
    }
    if (node.kind === Kind.FIELD && node.name.value === '__schema') return 0;
    if (!node.selectionSet) return SCALAR_COST;
    let multiplier = 1;
    if (node.kind === Kind.FIELD) {
      const page = node.arguments?.find((a) => a.name.value === 'first' || a.name.value === 'last');
      if (page) multiplier = Math.max(1, pageSize(page.value));
    }
    return (OBJECT_COST + DEPTH_FACTOR * sum(node.selectionSet.selections)) * multiplier;
  };
  const sum = (selections: readonly SelectionNode[]): number => selections.reduce((total, s) => total + cost(s), 0);
  return sum(operation.selectionSet.selections);
}

export function useCostLimit({ maxCost }: CostLimitOptions): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const cost = operationCost(args.document, args.operationName, (args.variableValues ?? {}) as Record<string, unknown>);
      if (cost <= maxCost) return;
      setResultAndStopExecution({
        errors: [
          new GraphQLError(`Query Cost limit of ${maxCost} exceeded, found ${cost}. Ask for smaller pages (first) or fewer fields.`, {
            extensions: { code: 'QUERY_TOO_COSTLY' },
          }),
        ],
      });
    },
  };
}
