import { graphql } from '../gql/index.js';

// The operations of the quota tests (issue 12), typed by GraphQL Code Generator (`npm run codegen`).

export const ChangeEntryFields = graphql(`
  fragment ChangeEntryFields on ServerDomainChange {
    id at caller action domains publishTogether effect outcome errcode testing published
  }
`);

/** Every change, with its journal entry on success and each error's own fields. */
export const ChangeMutation = graphql(`
  mutation Change($add: [String!]!, $publishTogether: Boolean = false) {
    addDomains(input: { domains: $add, publishTogether: $publishTogether }) {
      __typename
      ... on ServerDomains { testing published change { ...ChangeEntryFields } }
      ... on Error { message }
      ... on WechatError { errcode errmsg }
      ... on UpstreamUnavailableError { mayHaveApplied }
    }
  }
`);

export const RemoveMutation = graphql(`
  mutation Remove($domains: [String!]!, $publishTogether: Boolean = false) {
    removeDomains(input: { domains: $domains, publishTogether: $publishTogether }) {
      __typename
      ... on ServerDomains { testing published change { ...ChangeEntryFields } }
      ... on Error { message }
      ... on WechatError { errcode errmsg }
    }
  }
`);

export const SetMutation = graphql(`
  mutation Set($domains: [String!]!, $publishTogether: Boolean = false) {
    setDomains(input: { domains: $domains, publishTogether: $publishTogether }) {
      __typename
      ... on ServerDomains { testing published change { ...ChangeEntryFields } }
      ... on Error { message }
      ... on WechatError { errcode errmsg }
    }
  }
`);

export const QuotaQuery = graphql(`
  query Quota {
    serverDomainsQuota { monthlyLimit changesThisMonth remainingThisMonth monthResetsAt }
  }
`);

export const DailyQuery = graphql(`
  query Daily {
    serverDomainsQuota {
      remainingThisMonth
      daily {
        __typename
        ... on DailyCallQuota { limit used remaining }
        ... on Error { message }
        ... on WechatError { errcode errmsg }
        ... on UpstreamUnavailableError { mayHaveApplied }
      }
    }
  }
`);

export const ChangesQuery = graphql(`
  query Changes($first: Int, $after: String) {
    serverDomainChanges(first: $first, after: $after) {
      edges { cursor node { ...ChangeEntryFields } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`);

export const PreviewQuery = graphql(`
  query Preview($input: ServerDomainsChangeInput!) {
    serverDomainsChangePreview(input: $input) {
      __typename
      ... on ServerDomainsChangePreview { added removed testing published noOp remainingThisMonth }
      ... on DomainValidationError { problems { domain reason } }
      ... on Error { message }
    }
  }
`);

export const UnicodeQuery = graphql(`
  query Unicode {
    serverDomains {
      __typename
      ... on ServerDomains {
        testing
        unicode: testing(form: UNICODE)
        published(form: UNICODE)
        unverified(form: UNICODE)
        change { id }
      }
    }
    serverDomainChanges(first: 1) { edges { node { domains(form: UNICODE) ascii: domains testing(form: UNICODE) } } }
  }
`);
