import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { Credentials } from './config.js';
import { type Context, createContextFactory } from './context.js';
import { ServerDomainsService } from './domains/service.js';
import { yogaLogger } from './logger.js';
import { schema } from './schema/index.js';
import { WechatClient } from './wechat/client.js';
import { JsonHttp } from './wechat/http.js';
import { ComponentTokenProvider, StaticTokenProvider, type TokenProvider } from './wechat/token.js';
import { MemoryTokenStore, type TokenStore } from './wechat/token-store.js';
import { DEFAULT_QUERY } from './graphiql.js';

export type LiveCredentials = Exclude<Credentials, { mode: 'simulator' }>;

export interface ServiceOptions {
  readonly wechat: { readonly baseUrl: string; readonly timeoutMs: number; readonly credentials: LiveCredentials };
  readonly logger: Logger;
  /** Where the component token lives; in memory unless a shared store is given. */
  readonly tokenStore?: TokenStore;
}

export interface Service {
  /** A fetch-style handler and a Node request listener: `yoga.fetch(...)` in-process, `http.createServer(yoga)` on a port. */
  readonly yoga: YogaServerInstance<object, Context>;
  /** What the resolvers call (tests and scripts may call it too). */
  readonly domains: ServerDomainsService;
  /** Closes the upstream pool. */
  close(): Promise<void>;
}

function tokenProvider(options: ServiceOptions, http: JsonHttp): TokenProvider {
  const { credentials } = options.wechat;
  if (credentials.mode === 'static') return new StaticTokenProvider(credentials.accessToken);
  return new ComponentTokenProvider({
    ...credentials,
    http,
    store: options.tokenStore ?? new MemoryTokenStore(),
    logger: options.logger,
  });
}

/** The GraphQL service: yoga, its plugins, and the one WeChat client behind it. Does not listen. */
export function createService(options: ServiceOptions): Service {
  const { baseUrl, timeoutMs } = options.wechat;
  const http = new JsonHttp(baseUrl, { timeoutMs });
  const client = new WechatClient({ http, tokens: tokenProvider(options, http), logger: options.logger, baseUrl });
  const service = new ServerDomainsService(client);

  const yoga = createYoga({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    context: createContextFactory(service),
    logging: yogaLogger(options.logger),
    // The stock GraphiQL page loads from a CDN; this one is inlined, so it works offline.
    renderGraphiQL,
    graphiql: { title: 'wxa-server-domains', defaultQuery: DEFAULT_QUERY },
  });

  return { yoga, domains: service, close: () => client.close() };
}
