import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { createYoga } from 'graphql-yoga';

/**
 * A test-only second subgraph, as a team's own "platform directory" would be: it owns fields of its own
 * on ThirdPartyPlatform and lists platforms, so a gateway must join it with ours through `_entities`.
 */
export const DIRECTORY_SDL = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])

  type ThirdPartyPlatform @key(fields: "componentAppId") {
    componentAppId: ID!
    displayName: String!
    ownerTeam: String!
  }

  type Query {
    platforms: [ThirdPartyPlatform!]!
  }
`;

export function createDirectorySubgraph(platforms: { componentAppId: string; displayName: string; ownerTeam: string }[]) {
  const byId = new Map(platforms.map((p) => [p.componentAppId, p]));
  const schema = buildSubgraphSchema({
    typeDefs: parse(DIRECTORY_SDL),
    resolvers: {
      Query: { platforms: () => platforms },
      ThirdPartyPlatform: {
        __resolveReference: (ref: { componentAppId: string }) => byId.get(ref.componentAppId) ?? null,
      },
    },
  });
  return createYoga({ schema, graphqlEndpoint: '/graphql', logging: false });
}
