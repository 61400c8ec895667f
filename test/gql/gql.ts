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
    "\n  fragment JumpEntryFields on JumpDomainChange {\n    id at caller action domains publishTogether effect outcome errcode testing published\n  }\n": typeof types.JumpEntryFieldsFragmentDoc,
    "\n  query JumpDomains {\n    jumpDomains {\n      __typename\n      ... on JumpDomains { testing published unverified unicode: testing(form: UNICODE) change { id } }\n      ... on Error { message }\n      ... on WechatError { errcode errmsg }\n      ... on UpstreamUnavailableError { mayHaveApplied }\n    }\n  }\n": typeof types.JumpDomainsDocument,
    "\n  mutation AddJump($domains: [String!]!, $publishTogether: Boolean = false) {\n    addJumpDomains(input: { domains: $domains, publishTogether: $publishTogether }) {\n      __typename\n      ... on JumpDomains { testing published unverified change { ...JumpEntryFields } }\n      ... on Error { message }\n      ... on WechatError { errcode errmsg }\n      ... on DomainValidationError { problems { domain reason } }\n      ... on UpstreamUnavailableError { mayHaveApplied }\n    }\n  }\n": typeof types.AddJumpDocument,
    "\n  mutation RemoveJump($domains: [String!]!, $publishTogether: Boolean = false) {\n    removeJumpDomains(input: { domains: $domains, publishTogether: $publishTogether }) {\n      __typename\n      ... on JumpDomains { testing published unverified change { ...JumpEntryFields } }\n      ... on Error { message }\n      ... on WechatError { errcode errmsg }\n      ... on DomainValidationError { problems { domain reason } }\n    }\n  }\n": typeof types.RemoveJumpDocument,
    "\n  mutation SetJump($domains: [String!]!, $publishTogether: Boolean = false) {\n    setJumpDomains(input: { domains: $domains, publishTogether: $publishTogether }) {\n      __typename\n      ... on JumpDomains { testing published unverified change { ...JumpEntryFields } }\n      ... on Error { message }\n      ... on WechatError { errcode errmsg }\n      ... on DomainValidationError { problems { domain reason } }\n    }\n  }\n": typeof types.SetJumpDocument,
    "\n  query JumpChanges($first: Int, $after: String) {\n    jumpDomainChanges(first: $first, after: $after) {\n      edges { cursor node { ...JumpEntryFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.JumpChangesDocument,
    "\n  query JumpQuota {\n    jumpDomainsQuota {\n      monthlyLimit changesThisMonth remainingThisMonth monthResetsAt\n      daily { __typename ... on DailyCallQuota { limit used remaining } ... on Error { message } }\n    }\n  }\n": typeof types.JumpQuotaDocument,
    "\n  query JumpPreview($input: JumpDomainsChangeInput!) {\n    jumpDomainsChangePreview(input: $input) {\n      __typename\n      ... on JumpDomainsChangePreview { added removed testing published noOp remainingThisMonth }\n      ... on DomainValidationError { problems { domain reason } }\n      ... on Error { message }\n    }\n  }\n": typeof types.JumpPreviewDocument,
    "\n  query ConfirmFile {\n    jumpDomainConfirmFile {\n      __typename\n      ... on DomainConfirmFile { fileName fileContent }\n      ... on Error { message }\n      ... on WechatError { errcode }\n    }\n  }\n": typeof types.ConfirmFileDocument,
    "\n  query PlatformLists {\n    thirdPartyPlatform {\n      componentAppId\n      serverDomains { __typename ... on ServerDomains { testing } }\n      jumpDomains { __typename ... on JumpDomains { testing } }\n    }\n  }\n": typeof types.PlatformListsDocument,
    "\n  query ServerDomains {\n    serverDomains {\n      __typename\n      ... on ServerDomains { testing published unverified }\n      ... on Error { message }\n      ... on WechatError { errcode errmsg }\n      ... on UpstreamUnavailableError { mayHaveApplied }\n    }\n  }\n": typeof types.ServerDomainsDocument,
    "\n  query ThreeReads {\n    a: serverDomains { __typename ... on ServerDomains { testing } }\n    b: serverDomains { __typename ... on ServerDomains { published } }\n    c: serverDomains { __typename ... on ServerDomains { unverified } }\n  }\n": typeof types.ThreeReadsDocument,
    "\n  fragment ChangeResultFields on ServerDomains {\n    testing\n    published\n    unverified\n  }\n  fragment ChangeErrorFields on Error {\n    message\n    ... on WechatError { errcode errmsg }\n    ... on InvalidDomainError { reasons }\n    ... on DomainValidationError { problems { domain reason } }\n    ... on UpstreamUnavailableError { mayHaveApplied }\n  }\n": typeof types.ChangeResultFieldsFragmentDoc,
    "\n  mutation AddDomains($input: AddDomainsInput!) {\n    addDomains(input: $input) { __typename ...ChangeResultFields ...ChangeErrorFields }\n  }\n": typeof types.AddDomainsDocument,
    "\n  mutation RemoveDomains($input: RemoveDomainsInput!) {\n    removeDomains(input: $input) { __typename ...ChangeResultFields ...ChangeErrorFields }\n  }\n": typeof types.RemoveDomainsDocument,
    "\n  mutation SetDomains($input: SetDomainsInput!) {\n    setDomains(input: $input) { __typename ...ChangeResultFields ...ChangeErrorFields }\n  }\n": typeof types.SetDomainsDocument,
    "\n  fragment ChangeEntryFields on ServerDomainChange {\n    id at caller action domains publishTogether effect outcome errcode testing published\n  }\n": typeof types.ChangeEntryFieldsFragmentDoc,
    "\n  mutation Change($add: [String!]!, $publishTogether: Boolean = false) {\n    addDomains(input: { domains: $add, publishTogether: $publishTogether }) {\n      __typename\n      ... on ServerDomains { testing published change { ...ChangeEntryFields } }\n      ... on Error { message }\n      ... on WechatError { errcode errmsg }\n      ... on UpstreamUnavailableError { mayHaveApplied }\n    }\n  }\n": typeof types.ChangeDocument,
    "\n  mutation Remove($domains: [String!]!, $publishTogether: Boolean = false) {\n    removeDomains(input: { domains: $domains, publishTogether: $publishTogether }) {\n      __typename\n      ... on ServerDomains { testing published change { ...ChangeEntryFields } }\n      ... on Error { message }\n      ... on WechatError { errcode errmsg }\n    }\n  }\n": typeof types.RemoveDocument,
    "\n  mutation Set($domains: [String!]!, $publishTogether: Boolean = false) {\n    setDomains(input: { domains: $domains, publishTogether: $publishTogether }) {\n      __typename\n      ... on ServerDomains { testing published change { ...ChangeEntryFields } }\n      ... on Error { message }\n      ... on WechatError { errcode errmsg }\n    }\n  }\n": typeof types.SetDocument,
    "\n  query Quota {\n    serverDomainsQuota { monthlyLimit changesThisMonth remainingThisMonth monthResetsAt }\n  }\n": typeof types.QuotaDocument,
    "\n  query Daily {\n    serverDomainsQuota {\n      remainingThisMonth\n      daily {\n        __typename\n        ... on DailyCallQuota { limit used remaining }\n        ... on Error { message }\n        ... on WechatError { errcode errmsg }\n        ... on UpstreamUnavailableError { mayHaveApplied }\n      }\n    }\n  }\n": typeof types.DailyDocument,
    "\n  query Changes($first: Int, $after: String) {\n    serverDomainChanges(first: $first, after: $after) {\n      edges { cursor node { ...ChangeEntryFields } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n": typeof types.ChangesDocument,
    "\n  query Preview($input: ServerDomainsChangeInput!) {\n    serverDomainsChangePreview(input: $input) {\n      __typename\n      ... on ServerDomainsChangePreview { added removed testing published noOp remainingThisMonth }\n      ... on DomainValidationError { problems { domain reason } }\n      ... on Error { message }\n    }\n  }\n": typeof types.PreviewDocument,
    "\n  query Unicode {\n    serverDomains {\n      __typename\n      ... on ServerDomains {\n        testing\n        unicode: testing(form: UNICODE)\n        published(form: UNICODE)\n        unverified(form: UNICODE)\n        change { id }\n      }\n    }\n    serverDomainChanges(first: 1) { edges { node { domains(form: UNICODE) ascii: domains testing(form: UNICODE) } } }\n  }\n": typeof types.UnicodeDocument,
};
const documents: Documents = {
    "\n  fragment JumpEntryFields on JumpDomainChange {\n    id at caller action domains publishTogether effect outcome errcode testing published\n  }\n": types.JumpEntryFieldsFragmentDoc,
    "\n  query JumpDomains {\n    jumpDomains {\n      __typename\n      ... on JumpDomains { testing published unverified unicode: testing(form: UNICODE) change { id } }\n      ... on Error { message }\n      ... on WechatError { errcode errmsg }\n      ... on UpstreamUnavailableError { mayHaveApplied }\n    }\n  }\n": types.JumpDomainsDocument,
    "\n  mutation AddJump($domains: [String!]!, $publishTogether: Boolean = false) {\n    addJumpDomains(input: { domains: $domains, publishTogether: $publishTogether }) {\n      __typename\n      ... on JumpDomains { testing published unverified change { ...JumpEntryFields } }\n      ... on Error { message }\n      ... on WechatError { errcode errmsg }\n      ... on DomainValidationError { problems { domain reason } }\n      ... on UpstreamUnavailableError { mayHaveApplied }\n    }\n  }\n": types.AddJumpDocument,
    "\n  mutation RemoveJump($domains: [String!]!, $publishTogether: Boolean = false) {\n    removeJumpDomains(input: { domains: $domains, publishTogether: $publishTogether }) {\n      __typename\n      ... on JumpDomains { testing published unverified change { ...JumpEntryFields } }\n      ... on Error { message }\n      ... on WechatError { errcode errmsg }\n      ... on DomainValidationError { problems { domain reason } }\n    }\n  }\n": types.RemoveJumpDocument,
    "\n  mutation SetJump($domains: [String!]!, $publishTogether: Boolean = false) {\n    setJumpDomains(input: { domains: $domains, publishTogether: $publishTogether }) {\n      __typename\n      ... on JumpDomains { testing published unverified change { ...JumpEntryFields } }\n      ... on Error { message }\n      ... on WechatError { errcode errmsg }\n      ... on DomainValidationError { problems { domain reason } }\n    }\n  }\n": types.SetJumpDocument,
    "\n  query JumpChanges($first: Int, $after: String) {\n    jumpDomainChanges(first: $first, after: $after) {\n      edges { cursor node { ...JumpEntryFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.JumpChangesDocument,
    "\n  query JumpQuota {\n    jumpDomainsQuota {\n      monthlyLimit changesThisMonth remainingThisMonth monthResetsAt\n      daily { __typename ... on DailyCallQuota { limit used remaining } ... on Error { message } }\n    }\n  }\n": types.JumpQuotaDocument,
    "\n  query JumpPreview($input: JumpDomainsChangeInput!) {\n    jumpDomainsChangePreview(input: $input) {\n      __typename\n      ... on JumpDomainsChangePreview { added removed testing published noOp remainingThisMonth }\n      ... on DomainValidationError { problems { domain reason } }\n      ... on Error { message }\n    }\n  }\n": types.JumpPreviewDocument,
    "\n  query ConfirmFile {\n    jumpDomainConfirmFile {\n      __typename\n      ... on DomainConfirmFile { fileName fileContent }\n      ... on Error { message }\n      ... on WechatError { errcode }\n    }\n  }\n": types.ConfirmFileDocument,
    "\n  query PlatformLists {\n    thirdPartyPlatform {\n      componentAppId\n      serverDomains { __typename ... on ServerDomains { testing } }\n      jumpDomains { __typename ... on JumpDomains { testing } }\n    }\n  }\n": types.PlatformListsDocument,
    "\n  query ServerDomains {\n    serverDomains {\n      __typename\n      ... on ServerDomains { testing published unverified }\n      ... on Error { message }\n      ... on WechatError { errcode errmsg }\n      ... on UpstreamUnavailableError { mayHaveApplied }\n    }\n  }\n": types.ServerDomainsDocument,
    "\n  query ThreeReads {\n    a: serverDomains { __typename ... on ServerDomains { testing } }\n    b: serverDomains { __typename ... on ServerDomains { published } }\n    c: serverDomains { __typename ... on ServerDomains { unverified } }\n  }\n": types.ThreeReadsDocument,
    "\n  fragment ChangeResultFields on ServerDomains {\n    testing\n    published\n    unverified\n  }\n  fragment ChangeErrorFields on Error {\n    message\n    ... on WechatError { errcode errmsg }\n    ... on InvalidDomainError { reasons }\n    ... on DomainValidationError { problems { domain reason } }\n    ... on UpstreamUnavailableError { mayHaveApplied }\n  }\n": types.ChangeResultFieldsFragmentDoc,
    "\n  mutation AddDomains($input: AddDomainsInput!) {\n    addDomains(input: $input) { __typename ...ChangeResultFields ...ChangeErrorFields }\n  }\n": types.AddDomainsDocument,
    "\n  mutation RemoveDomains($input: RemoveDomainsInput!) {\n    removeDomains(input: $input) { __typename ...ChangeResultFields ...ChangeErrorFields }\n  }\n": types.RemoveDomainsDocument,
    "\n  mutation SetDomains($input: SetDomainsInput!) {\n    setDomains(input: $input) { __typename ...ChangeResultFields ...ChangeErrorFields }\n  }\n": types.SetDomainsDocument,
    "\n  fragment ChangeEntryFields on ServerDomainChange {\n    id at caller action domains publishTogether effect outcome errcode testing published\n  }\n": types.ChangeEntryFieldsFragmentDoc,
    "\n  mutation Change($add: [String!]!, $publishTogether: Boolean = false) {\n    addDomains(input: { domains: $add, publishTogether: $publishTogether }) {\n      __typename\n      ... on ServerDomains { testing published change { ...ChangeEntryFields } }\n      ... on Error { message }\n      ... on WechatError { errcode errmsg }\n      ... on UpstreamUnavailableError { mayHaveApplied }\n    }\n  }\n": types.ChangeDocument,
    "\n  mutation Remove($domains: [String!]!, $publishTogether: Boolean = false) {\n    removeDomains(input: { domains: $domains, publishTogether: $publishTogether }) {\n      __typename\n      ... on ServerDomains { testing published change { ...ChangeEntryFields } }\n      ... on Error { message }\n      ... on WechatError { errcode errmsg }\n    }\n  }\n": types.RemoveDocument,
    "\n  mutation Set($domains: [String!]!, $publishTogether: Boolean = false) {\n    setDomains(input: { domains: $domains, publishTogether: $publishTogether }) {\n      __typename\n      ... on ServerDomains { testing published change { ...ChangeEntryFields } }\n      ... on Error { message }\n      ... on WechatError { errcode errmsg }\n    }\n  }\n": types.SetDocument,
    "\n  query Quota {\n    serverDomainsQuota { monthlyLimit changesThisMonth remainingThisMonth monthResetsAt }\n  }\n": types.QuotaDocument,
    "\n  query Daily {\n    serverDomainsQuota {\n      remainingThisMonth\n      daily {\n        __typename\n        ... on DailyCallQuota { limit used remaining }\n        ... on Error { message }\n        ... on WechatError { errcode errmsg }\n        ... on UpstreamUnavailableError { mayHaveApplied }\n      }\n    }\n  }\n": types.DailyDocument,
    "\n  query Changes($first: Int, $after: String) {\n    serverDomainChanges(first: $first, after: $after) {\n      edges { cursor node { ...ChangeEntryFields } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n": types.ChangesDocument,
    "\n  query Preview($input: ServerDomainsChangeInput!) {\n    serverDomainsChangePreview(input: $input) {\n      __typename\n      ... on ServerDomainsChangePreview { added removed testing published noOp remainingThisMonth }\n      ... on DomainValidationError { problems { domain reason } }\n      ... on Error { message }\n    }\n  }\n": types.PreviewDocument,
    "\n  query Unicode {\n    serverDomains {\n      __typename\n      ... on ServerDomains {\n        testing\n        unicode: testing(form: UNICODE)\n        published(form: UNICODE)\n        unverified(form: UNICODE)\n        change { id }\n      }\n    }\n    serverDomainChanges(first: 1) { edges { node { domains(form: UNICODE) ascii: domains testing(form: UNICODE) } } }\n  }\n": types.UnicodeDocument,
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
export function graphql(source: "\n  fragment JumpEntryFields on JumpDomainChange {\n    id at caller action domains publishTogether effect outcome errcode testing published\n  }\n"): (typeof documents)["\n  fragment JumpEntryFields on JumpDomainChange {\n    id at caller action domains publishTogether effect outcome errcode testing published\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JumpDomains {\n    jumpDomains {\n      __typename\n      ... on JumpDomains { testing published unverified unicode: testing(form: UNICODE) change { id } }\n      ... on Error { message }\n      ... on WechatError { errcode errmsg }\n      ... on UpstreamUnavailableError { mayHaveApplied }\n    }\n  }\n"): (typeof documents)["\n  query JumpDomains {\n    jumpDomains {\n      __typename\n      ... on JumpDomains { testing published unverified unicode: testing(form: UNICODE) change { id } }\n      ... on Error { message }\n      ... on WechatError { errcode errmsg }\n      ... on UpstreamUnavailableError { mayHaveApplied }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddJump($domains: [String!]!, $publishTogether: Boolean = false) {\n    addJumpDomains(input: { domains: $domains, publishTogether: $publishTogether }) {\n      __typename\n      ... on JumpDomains { testing published unverified change { ...JumpEntryFields } }\n      ... on Error { message }\n      ... on WechatError { errcode errmsg }\n      ... on DomainValidationError { problems { domain reason } }\n      ... on UpstreamUnavailableError { mayHaveApplied }\n    }\n  }\n"): (typeof documents)["\n  mutation AddJump($domains: [String!]!, $publishTogether: Boolean = false) {\n    addJumpDomains(input: { domains: $domains, publishTogether: $publishTogether }) {\n      __typename\n      ... on JumpDomains { testing published unverified change { ...JumpEntryFields } }\n      ... on Error { message }\n      ... on WechatError { errcode errmsg }\n      ... on DomainValidationError { problems { domain reason } }\n      ... on UpstreamUnavailableError { mayHaveApplied }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveJump($domains: [String!]!, $publishTogether: Boolean = false) {\n    removeJumpDomains(input: { domains: $domains, publishTogether: $publishTogether }) {\n      __typename\n      ... on JumpDomains { testing published unverified change { ...JumpEntryFields } }\n      ... on Error { message }\n      ... on WechatError { errcode errmsg }\n      ... on DomainValidationError { problems { domain reason } }\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveJump($domains: [String!]!, $publishTogether: Boolean = false) {\n    removeJumpDomains(input: { domains: $domains, publishTogether: $publishTogether }) {\n      __typename\n      ... on JumpDomains { testing published unverified change { ...JumpEntryFields } }\n      ... on Error { message }\n      ... on WechatError { errcode errmsg }\n      ... on DomainValidationError { problems { domain reason } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetJump($domains: [String!]!, $publishTogether: Boolean = false) {\n    setJumpDomains(input: { domains: $domains, publishTogether: $publishTogether }) {\n      __typename\n      ... on JumpDomains { testing published unverified change { ...JumpEntryFields } }\n      ... on Error { message }\n      ... on WechatError { errcode errmsg }\n      ... on DomainValidationError { problems { domain reason } }\n    }\n  }\n"): (typeof documents)["\n  mutation SetJump($domains: [String!]!, $publishTogether: Boolean = false) {\n    setJumpDomains(input: { domains: $domains, publishTogether: $publishTogether }) {\n      __typename\n      ... on JumpDomains { testing published unverified change { ...JumpEntryFields } }\n      ... on Error { message }\n      ... on WechatError { errcode errmsg }\n      ... on DomainValidationError { problems { domain reason } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JumpChanges($first: Int, $after: String) {\n    jumpDomainChanges(first: $first, after: $after) {\n      edges { cursor node { ...JumpEntryFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query JumpChanges($first: Int, $after: String) {\n    jumpDomainChanges(first: $first, after: $after) {\n      edges { cursor node { ...JumpEntryFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JumpQuota {\n    jumpDomainsQuota {\n      monthlyLimit changesThisMonth remainingThisMonth monthResetsAt\n      daily { __typename ... on DailyCallQuota { limit used remaining } ... on Error { message } }\n    }\n  }\n"): (typeof documents)["\n  query JumpQuota {\n    jumpDomainsQuota {\n      monthlyLimit changesThisMonth remainingThisMonth monthResetsAt\n      daily { __typename ... on DailyCallQuota { limit used remaining } ... on Error { message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JumpPreview($input: JumpDomainsChangeInput!) {\n    jumpDomainsChangePreview(input: $input) {\n      __typename\n      ... on JumpDomainsChangePreview { added removed testing published noOp remainingThisMonth }\n      ... on DomainValidationError { problems { domain reason } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  query JumpPreview($input: JumpDomainsChangeInput!) {\n    jumpDomainsChangePreview(input: $input) {\n      __typename\n      ... on JumpDomainsChangePreview { added removed testing published noOp remainingThisMonth }\n      ... on DomainValidationError { problems { domain reason } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConfirmFile {\n    jumpDomainConfirmFile {\n      __typename\n      ... on DomainConfirmFile { fileName fileContent }\n      ... on Error { message }\n      ... on WechatError { errcode }\n    }\n  }\n"): (typeof documents)["\n  query ConfirmFile {\n    jumpDomainConfirmFile {\n      __typename\n      ... on DomainConfirmFile { fileName fileContent }\n      ... on Error { message }\n      ... on WechatError { errcode }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlatformLists {\n    thirdPartyPlatform {\n      componentAppId\n      serverDomains { __typename ... on ServerDomains { testing } }\n      jumpDomains { __typename ... on JumpDomains { testing } }\n    }\n  }\n"): (typeof documents)["\n  query PlatformLists {\n    thirdPartyPlatform {\n      componentAppId\n      serverDomains { __typename ... on ServerDomains { testing } }\n      jumpDomains { __typename ... on JumpDomains { testing } }\n    }\n  }\n"];
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
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ChangeEntryFields on ServerDomainChange {\n    id at caller action domains publishTogether effect outcome errcode testing published\n  }\n"): (typeof documents)["\n  fragment ChangeEntryFields on ServerDomainChange {\n    id at caller action domains publishTogether effect outcome errcode testing published\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Change($add: [String!]!, $publishTogether: Boolean = false) {\n    addDomains(input: { domains: $add, publishTogether: $publishTogether }) {\n      __typename\n      ... on ServerDomains { testing published change { ...ChangeEntryFields } }\n      ... on Error { message }\n      ... on WechatError { errcode errmsg }\n      ... on UpstreamUnavailableError { mayHaveApplied }\n    }\n  }\n"): (typeof documents)["\n  mutation Change($add: [String!]!, $publishTogether: Boolean = false) {\n    addDomains(input: { domains: $add, publishTogether: $publishTogether }) {\n      __typename\n      ... on ServerDomains { testing published change { ...ChangeEntryFields } }\n      ... on Error { message }\n      ... on WechatError { errcode errmsg }\n      ... on UpstreamUnavailableError { mayHaveApplied }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Remove($domains: [String!]!, $publishTogether: Boolean = false) {\n    removeDomains(input: { domains: $domains, publishTogether: $publishTogether }) {\n      __typename\n      ... on ServerDomains { testing published change { ...ChangeEntryFields } }\n      ... on Error { message }\n      ... on WechatError { errcode errmsg }\n    }\n  }\n"): (typeof documents)["\n  mutation Remove($domains: [String!]!, $publishTogether: Boolean = false) {\n    removeDomains(input: { domains: $domains, publishTogether: $publishTogether }) {\n      __typename\n      ... on ServerDomains { testing published change { ...ChangeEntryFields } }\n      ... on Error { message }\n      ... on WechatError { errcode errmsg }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Set($domains: [String!]!, $publishTogether: Boolean = false) {\n    setDomains(input: { domains: $domains, publishTogether: $publishTogether }) {\n      __typename\n      ... on ServerDomains { testing published change { ...ChangeEntryFields } }\n      ... on Error { message }\n      ... on WechatError { errcode errmsg }\n    }\n  }\n"): (typeof documents)["\n  mutation Set($domains: [String!]!, $publishTogether: Boolean = false) {\n    setDomains(input: { domains: $domains, publishTogether: $publishTogether }) {\n      __typename\n      ... on ServerDomains { testing published change { ...ChangeEntryFields } }\n      ... on Error { message }\n      ... on WechatError { errcode errmsg }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Quota {\n    serverDomainsQuota { monthlyLimit changesThisMonth remainingThisMonth monthResetsAt }\n  }\n"): (typeof documents)["\n  query Quota {\n    serverDomainsQuota { monthlyLimit changesThisMonth remainingThisMonth monthResetsAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Daily {\n    serverDomainsQuota {\n      remainingThisMonth\n      daily {\n        __typename\n        ... on DailyCallQuota { limit used remaining }\n        ... on Error { message }\n        ... on WechatError { errcode errmsg }\n        ... on UpstreamUnavailableError { mayHaveApplied }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Daily {\n    serverDomainsQuota {\n      remainingThisMonth\n      daily {\n        __typename\n        ... on DailyCallQuota { limit used remaining }\n        ... on Error { message }\n        ... on WechatError { errcode errmsg }\n        ... on UpstreamUnavailableError { mayHaveApplied }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Changes($first: Int, $after: String) {\n    serverDomainChanges(first: $first, after: $after) {\n      edges { cursor node { ...ChangeEntryFields } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n"): (typeof documents)["\n  query Changes($first: Int, $after: String) {\n    serverDomainChanges(first: $first, after: $after) {\n      edges { cursor node { ...ChangeEntryFields } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Preview($input: ServerDomainsChangeInput!) {\n    serverDomainsChangePreview(input: $input) {\n      __typename\n      ... on ServerDomainsChangePreview { added removed testing published noOp remainingThisMonth }\n      ... on DomainValidationError { problems { domain reason } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  query Preview($input: ServerDomainsChangeInput!) {\n    serverDomainsChangePreview(input: $input) {\n      __typename\n      ... on ServerDomainsChangePreview { added removed testing published noOp remainingThisMonth }\n      ... on DomainValidationError { problems { domain reason } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Unicode {\n    serverDomains {\n      __typename\n      ... on ServerDomains {\n        testing\n        unicode: testing(form: UNICODE)\n        published(form: UNICODE)\n        unverified(form: UNICODE)\n        change { id }\n      }\n    }\n    serverDomainChanges(first: 1) { edges { node { domains(form: UNICODE) ascii: domains testing(form: UNICODE) } } }\n  }\n"): (typeof documents)["\n  query Unicode {\n    serverDomains {\n      __typename\n      ... on ServerDomains {\n        testing\n        unicode: testing(form: UNICODE)\n        published(form: UNICODE)\n        unverified(form: UNICODE)\n        change { id }\n      }\n    }\n    serverDomainChanges(first: 1) { edges { node { domains(form: UNICODE) ascii: domains testing(form: UNICODE) } } }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;