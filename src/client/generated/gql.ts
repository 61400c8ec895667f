/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "fragment ServerDomainsFields on ServerDomains {\n  testing\n  published\n  unverified\n}\n\nfragment ErrorFields on Error {\n  message\n  ... on WechatError {\n    errcode\n    errmsg\n  }\n  ... on InvalidDomainError {\n    reasons\n  }\n  ... on DomainValidationError {\n    problems {\n      domain\n      reason\n    }\n  }\n  ... on UpstreamUnavailableError {\n    mayHaveApplied\n  }\n}\n\n\"Reads the testing, published and unverified server domains.\"\nquery ServerDomains {\n  serverDomains {\n    __typename\n    ...ServerDomainsFields\n    ...ErrorFields\n  }\n}\n\n\"Adds domains (1 to 1000); spends one of the 50 changes a month.\"\nmutation AddDomains($domains: [String!]!, $publishTogether: Boolean = false) {\n  addDomains(input: {domains: $domains, publishTogether: $publishTogether}) {\n    __typename\n    ...ServerDomainsFields\n    ...ErrorFields\n  }\n}\n\n\"Removes domains (1 to 1000); spends one of the 50 changes a month.\"\nmutation RemoveDomains($domains: [String!]!, $publishTogether: Boolean = false) {\n  removeDomains(input: {domains: $domains, publishTogether: $publishTogether}) {\n    __typename\n    ...ServerDomainsFields\n    ...ErrorFields\n  }\n}\n\n\"Replaces the list (0 to 1000 domains); spends one of the 50 changes a month.\"\nmutation SetDomains($domains: [String!]!, $publishTogether: Boolean = false) {\n  setDomains(input: {domains: $domains, publishTogether: $publishTogether}) {\n    __typename\n    ...ServerDomainsFields\n    ...ErrorFields\n  }\n}": typeof types.ServerDomainsFieldsFragmentDoc,
};
const documents: Documents = {
    "fragment ServerDomainsFields on ServerDomains {\n  testing\n  published\n  unverified\n}\n\nfragment ErrorFields on Error {\n  message\n  ... on WechatError {\n    errcode\n    errmsg\n  }\n  ... on InvalidDomainError {\n    reasons\n  }\n  ... on DomainValidationError {\n    problems {\n      domain\n      reason\n    }\n  }\n  ... on UpstreamUnavailableError {\n    mayHaveApplied\n  }\n}\n\n\"Reads the testing, published and unverified server domains.\"\nquery ServerDomains {\n  serverDomains {\n    __typename\n    ...ServerDomainsFields\n    ...ErrorFields\n  }\n}\n\n\"Adds domains (1 to 1000); spends one of the 50 changes a month.\"\nmutation AddDomains($domains: [String!]!, $publishTogether: Boolean = false) {\n  addDomains(input: {domains: $domains, publishTogether: $publishTogether}) {\n    __typename\n    ...ServerDomainsFields\n    ...ErrorFields\n  }\n}\n\n\"Removes domains (1 to 1000); spends one of the 50 changes a month.\"\nmutation RemoveDomains($domains: [String!]!, $publishTogether: Boolean = false) {\n  removeDomains(input: {domains: $domains, publishTogether: $publishTogether}) {\n    __typename\n    ...ServerDomainsFields\n    ...ErrorFields\n  }\n}\n\n\"Replaces the list (0 to 1000 domains); spends one of the 50 changes a month.\"\nmutation SetDomains($domains: [String!]!, $publishTogether: Boolean = false) {\n  setDomains(input: {domains: $domains, publishTogether: $publishTogether}) {\n    __typename\n    ...ServerDomainsFields\n    ...ErrorFields\n  }\n}": types.ServerDomainsFieldsFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ServerDomainsFields on ServerDomains {\n  testing\n  published\n  unverified\n}\n\nfragment ErrorFields on Error {\n  message\n  ... on WechatError {\n    errcode\n    errmsg\n  }\n  ... on InvalidDomainError {\n    reasons\n  }\n  ... on DomainValidationError {\n    problems {\n      domain\n      reason\n    }\n  }\n  ... on UpstreamUnavailableError {\n    mayHaveApplied\n  }\n}\n\n\"Reads the testing, published and unverified server domains.\"\nquery ServerDomains {\n  serverDomains {\n    __typename\n    ...ServerDomainsFields\n    ...ErrorFields\n  }\n}\n\n\"Adds domains (1 to 1000); spends one of the 50 changes a month.\"\nmutation AddDomains($domains: [String!]!, $publishTogether: Boolean = false) {\n  addDomains(input: {domains: $domains, publishTogether: $publishTogether}) {\n    __typename\n    ...ServerDomainsFields\n    ...ErrorFields\n  }\n}\n\n\"Removes domains (1 to 1000); spends one of the 50 changes a month.\"\nmutation RemoveDomains($domains: [String!]!, $publishTogether: Boolean = false) {\n  removeDomains(input: {domains: $domains, publishTogether: $publishTogether}) {\n    __typename\n    ...ServerDomainsFields\n    ...ErrorFields\n  }\n}\n\n\"Replaces the list (0 to 1000 domains); spends one of the 50 changes a month.\"\nmutation SetDomains($domains: [String!]!, $publishTogether: Boolean = false) {\n  setDomains(input: {domains: $domains, publishTogether: $publishTogether}) {\n    __typename\n    ...ServerDomainsFields\n    ...ErrorFields\n  }\n}"): (typeof documents)["fragment ServerDomainsFields on ServerDomains {\n  testing\n  published\n  unverified\n}\n\nfragment ErrorFields on Error {\n  message\n  ... on WechatError {\n    errcode\n    errmsg\n  }\n  ... on InvalidDomainError {\n    reasons\n  }\n  ... on DomainValidationError {\n    problems {\n      domain\n      reason\n    }\n  }\n  ... on UpstreamUnavailableError {\n    mayHaveApplied\n  }\n}\n\n\"Reads the testing, published and unverified server domains.\"\nquery ServerDomains {\n  serverDomains {\n    __typename\n    ...ServerDomainsFields\n    ...ErrorFields\n  }\n}\n\n\"Adds domains (1 to 1000); spends one of the 50 changes a month.\"\nmutation AddDomains($domains: [String!]!, $publishTogether: Boolean = false) {\n  addDomains(input: {domains: $domains, publishTogether: $publishTogether}) {\n    __typename\n    ...ServerDomainsFields\n    ...ErrorFields\n  }\n}\n\n\"Removes domains (1 to 1000); spends one of the 50 changes a month.\"\nmutation RemoveDomains($domains: [String!]!, $publishTogether: Boolean = false) {\n  removeDomains(input: {domains: $domains, publishTogether: $publishTogether}) {\n    __typename\n    ...ServerDomainsFields\n    ...ErrorFields\n  }\n}\n\n\"Replaces the list (0 to 1000 domains); spends one of the 50 changes a month.\"\nmutation SetDomains($domains: [String!]!, $publishTogether: Boolean = false) {\n  setDomains(input: {domains: $domains, publishTogether: $publishTogether}) {\n    __typename\n    ...ServerDomainsFields\n    ...ErrorFields\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;