/** What GraphiQL opens with: the read, with every error member it can return. */
export const DEFAULT_QUERY = `# The platform's Mini Program server domains.
# Changes: addDomains / removeDomains / setDomains (see the Docs pane).
query ServerDomains {
  serverDomains {
    __typename
    ... on ServerDomains {
      testing
      published
      unverified
    }
    ... on Error {
      message
    }
    ... on WechatError {
      errcode
      errmsg
    }
    ... on UpstreamUnavailableError {
      mayHaveApplied
    }
  }
}
`;
