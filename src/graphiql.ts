import type { GraphiQLOptions } from 'graphql-yoga';

/**
 * The offline GraphiQL page (@graphql-yoga/render-graphiql inlines its ~9 MB of assets, so no CDN is
 * needed), loaded on the first browser visit rather than at start-up: a service that never serves the
 * page never holds it in memory, and starts faster.
 */
export async function renderGraphiQL(options: GraphiQLOptions): Promise<string> {
  const { renderGraphiQL: render } = await import('@graphql-yoga/render-graphiql');
  return render(options);
}

/** What GraphiQL opens with: the read, with every error member it can return. */
export const DEFAULT_QUERY = `# The platform's Mini Program server domains.
# Changes: addDomains / removeDomains / setDomains; the business domains: jumpDomains, addJumpDomains, … (see the Docs pane).
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
