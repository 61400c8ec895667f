import type { CodegenConfig } from '@graphql-codegen/cli';

/** Typed documents (TypedDocumentNode) from the committed schema.graphql; `npm run check` fails when stale. */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  emitLegacyCommonJSImports: false,
  ignoreNoDocuments: false,
  generates: {
    // For front ends: the documented operations, exported as `wxa-server-domains/client`.
    'src/client/generated/': {
      documents: ['src/client/operations.graphql'],
      preset: 'client',
      presetConfig: { fragmentMasking: false, gqlTagName: 'graphql' },
      config: { useTypeImports: true, enumsAsTypes: true },
    },
    // For the tests' own operations.
    'test/gql/': {
      documents: ['test/**/*.ts', '!test/gql/**'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true },
    },
  },
};

export default config;
