/**
 * `wxa-server-domains/client`: typed documents for front ends, generated from operations.graphql.
 *
 *   import { AddDomainsDocument } from 'wxa-server-domains/client';
 *   const { data } = await client.mutate(AddDomainsDocument, { domains: ['api.example.com'] });
 *   switch (data.addDomains.__typename) { case 'ServerDomains': …; case 'DomainValidationError': … }
 */
export * from './generated/graphql.js';
