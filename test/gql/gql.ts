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
    "\n  query ServerDomains {\n    serverDomains {\n      __typename\n      ... on ServerDomains { testing published unverified }\n      ... on Error { message }\n      ... on WechatError { errcode errmsg }\n      ... on UpstreamUnavailableError { mayHaveApplied }\n    }\n  }\n": typeof types.ServerDomainsDocument,
    "\n  query ThreeReads {\n    a: serverDomains { __typename ... on ServerDomains { testing } }\n    b: serverDomains { __typename ... on ServerDomains { published } }\n    c: serverDomains { __typename ... on ServerDomains { unverified } }\n  }\n": typeof types.ThreeReadsDocument,
    "\n  fragment ChangeResultFields on ServerDomains {\n    testing\n    published\n    unverified\n  }\n  fragment ChangeErrorFields on Error {\n    message\n    ... on WechatError { errcode errmsg }\n    ... on InvalidDomainError { reasons }\n    ... on DomainValidationError { problems { domain reason } }\n    ... on UpstreamUnavailableError { mayHaveApplied }\n  }\n": typeof types.ChangeResultFieldsFragmentDoc,
    "\n  mutation AddDomains($input: AddDomainsInput!) {\n    addDomains(input: $input) { __typename ...ChangeResultFields ...ChangeErrorFields }\n  }\n": typeof types.AddDomainsDocument,
    "\n  mutation RemoveDomains($input: RemoveDomainsInput!) {\n    removeDomains(input: $input) { __typename ...ChangeResultFields ...ChangeErrorFields }\n  }\n": typeof types.RemoveDomainsDocument,
    "\n  mutation SetDomains($input: SetDomainsInput!) {\n    setDomains(input: $input) { __typename ...ChangeResultFields ...ChangeErrorFields }\n  }\n": typeof types.SetDomainsDocument,
};
const documents: Documents = {
    "\n  query ServerDomains {\n    serverDomains {\n      __typename\n      ... on ServerDomains { testing published unverified }\n      ... on Error { message }\n      ... on WechatError { errcode errmsg }\n      ... on UpstreamUnavailableError { mayHaveApplied }\n    }\n  }\n": types.ServerDomainsDocument,
    "\n  query ThreeReads {\n    a: serverDomains { __typename ... on ServerDomains { testing } }\n    b: serverDomains { __typename ... on ServerDomains { published } }\n    c: serverDomains { __typename ... on ServerDomains { unverified } }\n  }\n": types.ThreeReadsDocument,
    "\n  fragment ChangeResultFields on ServerDomains {\n    testing\n    published\n    unverified\n  }\n  fragment ChangeErrorFields on Error {\n    message\n    ... on WechatError { errcode errmsg }\n    ... on InvalidDomainError { reasons }\n    ... on DomainValidationError { problems { domain reason } }\n    ... on UpstreamUnavailableError { mayHaveApplied }\n  }\n": types.ChangeResultFieldsFragmentDoc,
    "\n  mutation AddDomains($input: AddDomainsInput!) {\n    addDomains(input: $input) { __typename ...ChangeResultFields ...ChangeErrorFields }\n  }\n": types.AddDomainsDocument,
    "\n  mutation RemoveDomains($input: RemoveDomainsInput!) {\n    removeDomains(input: $input) { __typename ...ChangeResultFields ...ChangeErrorFields }\n  }\n": types.RemoveDomainsDocument,
    "\n  mutation SetDomains($input: SetDomainsInput!) {\n    setDomains(input: $input) { __typename ...ChangeResultFields ...ChangeErrorFields }\n  }\n": types.SetDomainsDocument,
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
export function graphql(source: "\n  query ServerDomains {\n    serverDomains {\n      __typename\n      ... on ServerDomains { testing published unverified }\n      ... on Error { message }\n      ... on WechatError { errcode errmsg }\n      ... on UpstreamUnavailableError { mayHaveApplied }\n    }\n  }\n"): (typeof documents)["\n  query ServerDomains {\n    serverDomains {\n      __typename\n      ... on ServerDomains { testing published unverified }\n      ... on Error { message }\n      ... on WechatError { errcode errmsg }\n      ... on UpstreamUnavailableError { mayHaveApplied }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ThreeReads {\n    a: serverDomains { __typename ... on ServerDomains { testing } }\n    b: serverDomains { __typename ... on ServerDomains { published } }\n    c: serverDomains { __typename ... on ServerDomains { unverified } }\n  }\n"): (typeof documents)["\n  query ThreeReads {\n    a: serverDomains { __typename ... on ServerDomains { testing } }\n    b: serverDomains { __typename ... on ServerDomains { published } }\n    c: serverDomains { __typename ... on ServerDomains { unverified } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ChangeResultFields on ServerDomains {\n    testing\n    published\n    unverified\n  }\n  fragment ChangeErrorFields on Error {\n    message\n    ... on WechatError { errcode errmsg }\n    ... on InvalidDomainError { reasons }\n    ... on DomainValidationError { problems { domain reason } }\n    ... on UpstreamUnavailableError { mayHaveApplied }\n  }\n"): (typeof documents)["\n  fragment ChangeResultFields on ServerDomains {\n    testing\n    published\n    unverified\n  }\n  fragment ChangeErrorFields on Error {\n    message\n    ... on WechatError { errcode errmsg }\n    ... on InvalidDomainError { reasons }\n    ... on DomainValidationError { problems { domain reason } }\n    ... on UpstreamUnavailableError { mayHaveApplied }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddDomains($input: AddDomainsInput!) {\n    addDomains(input: $input) { __typename ...ChangeResultFields ...ChangeErrorFields }\n  }\n"): (typeof documents)["\n  mutation AddDomains($input: AddDomainsInput!) {\n    addDomains(input: $input) { __typename ...ChangeResultFields ...ChangeErrorFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveDomains($input: RemoveDomainsInput!) {\n    removeDomains(input: $input) { __typename ...ChangeResultFields ...ChangeErrorFields }\n  }\n"): (typeof documents)["\n  mutation RemoveDomains($input: RemoveDomainsInput!) {\n    removeDomains(input: $input) { __typename ...ChangeResultFields ...ChangeErrorFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetDomains($input: SetDomainsInput!) {\n    setDomains(input: $input) { __typename ...ChangeResultFields ...ChangeErrorFields }\n  }\n"): (typeof documents)["\n  mutation SetDomains($input: SetDomainsInput!) {\n    setDomains(input: $input) { __typename ...ChangeResultFields ...ChangeErrorFields }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;