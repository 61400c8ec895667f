import { GraphQLError, Kind, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';

/**
 * Refuses, before execution, a mutation operation with more than `max` modifying root fields (aliases
 * and fragments included). Each change spends one of the platform's 50 a month: one operation should
 * never spend several by accident. `setDomains` covers add-and-remove in one change.
 */
export function maxChangesRule(max: number): ValidationRule {
  return (context: ValidationContext) => ({
    OperationDefinition(operation) {
      if (operation.operation !== 'mutation') return;
      const count = countRootFields(operation.selectionSet, context, new Set());
      if (count > max) {
        context.reportError(
          new GraphQLError(
            `This operation makes ${count} changes; at most ${max} ${max === 1 ? 'is' : 'are'} allowed per operation, ` +
              'because each one spends the monthly quota of 50. Send each change as its own operation (setDomains replaces the list in one change).',
            { nodes: [operation], extensions: { code: 'TOO_MANY_CHANGES' } },
          ),
        );
      }
    },
  });
}

function countRootFields(selectionSet: SelectionSetNode, context: ValidationContext, seen: Set<string>): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (!selection.name.value.startsWith('__')) count += 1;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      count += countRootFields(selection.selectionSet, context, seen);
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = context.getFragment(selection.name.value);
      if (fragment) count += countRootFields(fragment.selectionSet, context, seen);
    }
  }
  return count;
}
