import type { RequestServerDomains, ServerDomainsService } from './domains/service.js';

/** Per-request context: what the resolvers may use. */
export interface Context {
  readonly serverDomains: RequestServerDomains;
}

export const createContextFactory = (service: ServerDomainsService) => (): Context => ({
  serverDomains: service.forRequest(),
});
