import { graphql } from '../gql/index.js';

// The operations the tests send, typed by GraphQL Code Generator (`npm run codegen`).

export const ServerDomainsQuery = graphql(`
  query ServerDomains {
    serverDomains {
      __typename
      ... on ServerDomains { testing published unverified }
      ... on Error { message }
      ... on WechatError { errcode errmsg }
      ... on UpstreamUnavailableError { mayHaveApplied }
    }
  }
`);

export const ThreeReadsQuery = graphql(`
  query ThreeReads {
    a: serverDomains { __typename ... on ServerDomains { testing } }
    b: serverDomains { __typename ... on ServerDomains { published } }
    c: serverDomains { __typename ... on ServerDomains { unverified } }
  }
`);

// Every member of a change's result union: the success fields, and each error's own fields.
export const ChangeResultFields = graphql(`
  fragment ChangeResultFields on ServerDomains {
    testing
    published
    unverified
  }
  fragment ChangeErrorFields on Error {
    message
    ... on WechatError { errcode errmsg }
    ... on InvalidDomainError { reasons }
    ... on DomainValidationError { problems { domain reason } }
    ... on UpstreamUnavailableError { mayHaveApplied }
  }
`);

export const AddDomainsMutation = graphql(`
  mutation AddDomains($input: AddDomainsInput!) {
    addDomains(input: $input) { __typename ...ChangeResultFields ...ChangeErrorFields }
  }
`);

export const RemoveDomainsMutation = graphql(`
  mutation RemoveDomains($input: RemoveDomainsInput!) {
    removeDomains(input: $input) { __typename ...ChangeResultFields ...ChangeErrorFields }
  }
`);

export const SetDomainsMutation = graphql(`
  mutation SetDomains($input: SetDomainsInput!) {
    setDomains(input: $input) { __typename ...ChangeResultFields ...ChangeErrorFields }
  }
`);

/** The `message` of an error member; undefined for the success member. */
export const messageOf = (result: { __typename: string } | undefined): string | undefined =>
  result && 'message' in result && typeof result.message === 'string' ? result.message : undefined;
