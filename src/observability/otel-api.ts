import { createRequire } from 'node:module';

/**
 * @opentelemetry/api as prom-client has already loaded it (its CommonJS build): importing the ES module
 * build instead would load a second copy, some 50 modules, at every start, for spans that are no-ops
 * without the SDK. The API keeps its state in one global, so both builds see the same registered SDK.
 */
export const otel = createRequire(import.meta.url)('@opentelemetry/api') as typeof import('@opentelemetry/api');
