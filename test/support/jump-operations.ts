import { graphql } from '../gql/index.js';

// The business (jump) domains' operations, typed by GraphQL Code Generator (`npm run codegen`).

export const JumpEntryFields = graphql(`
  fragment JumpEntryFields on JumpDomainChange {
    id at caller action domains publishTogether effect outcome errcode testing published
  }
`);

export const JumpDomainsQuery = graphql(`
  query JumpDomains {
    jumpDomains {
      __typename
      ... on JumpDomains { testing published unverified unicode: testing(form: UNICODE) change { id } }
      ... on Error { message }
      ... on WechatError { errcode errmsg }
      ... on UpstreamUnavailableError { mayHaveApplied }
    }
  }
`);

export const AddJumpMutation = graphql(`
  mutation AddJump($domains: [String!]!, $publishTogether: Boolean = false) {
    addJumpDomains(input: { domains: $domains, publishTogether: $publishTogether }) {
      __typename
      ... on JumpDomains { testing published unverified change { ...JumpEntryFields } }
      ... on Error { message }
      ... on WechatError { errcode errmsg }
      ... on DomainValidationError { problems { domain reason } }
      ... on UpstreamUnavailableError { mayHaveApplied }
    }
  }
`);

export const RemoveJumpMutation = graphql(`
  mutation RemoveJump($domains: [String!]!, $publishTogether: Boolean = false) {
    removeJumpDomains(input: { domains: $domains, publishTogether: $publishTogether }) {
      __typename
      ... on JumpDomains { testing published unverified change { ...JumpEntryFields } }
      ... on Error { message }
      ... on WechatError { errcode errmsg }
      ... on DomainValidationError { problems { domain reason } }
    }
  }
`);

export const SetJumpMutation = graphql(`
  mutation SetJump($domains: [String!]!, $publishTogether: Boolean = false) {
    setJumpDomains(input: { domains: $domains, publishTogether: $publishTogether }) {
      __typename
      ... on JumpDomains { testing published unverified change { ...JumpEntryFields } }
      ... on Error { message }
      ... on WechatError { errcode errmsg }
      ... on DomainValidationError { problems { domain reason } }
    }
  }
`);

export const JumpChangesQuery = graphql(`
  query JumpChanges($first: Int, $after: String) {
    jumpDomainChanges(first: $first, after: $after) {
      edges { cursor node { ...JumpEntryFields } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const JumpQuotaQuery = graphql(`
  query JumpQuota {
    jumpDomainsQuota {
      monthlyLimit changesThisMonth remainingThisMonth monthResetsAt
      daily { __typename ... on DailyCallQuota { limit used remaining } ... on Error { message } }
    }
  }
`);

export const JumpPreviewQuery = graphql(`
  query JumpPreview($input: JumpDomainsChangeInput!) {
    jumpDomainsChangePreview(input: $input) {
      __typename
      ... on JumpDomainsChangePreview { added removed testing published noOp remainingThisMonth }
      ... on DomainValidationError { problems { domain reason } }
      ... on Error { message }
    }
  }
`);

export const ConfirmFileQuery = graphql(`
  query ConfirmFile {
    jumpDomainConfirmFile {
      __typename
      ... on DomainConfirmFile { fileName fileContent }
      ... on Error { message }
      ... on WechatError { errcode }
    }
  }
`);

export const PlatformListsQuery = graphql(`
  query PlatformLists {
    thirdPartyPlatform {
      componentAppId
      serverDomains { __typename ... on ServerDomains { testing } }
      jumpDomains { __typename ... on JumpDomains { testing } }
    }
  }
`);
