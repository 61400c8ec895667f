import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import type { Context } from '../context.js';

/** The one SchemaBuilder; each schema area adds its types in its own file under src/schema/. */
export const builder = new SchemaBuilder<{ Context: Context; DefaultFieldNullability: false }>({
  plugins: [ErrorsPlugin],
  defaultFieldNullability: false,
  errors: {
    // Success types go into the result unions as they are (`ServerDomains`), not wrapped.
    directResult: true,
  },
});
