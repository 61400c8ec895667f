import DataLoader from 'dataloader';
import type { ServerDomainsState } from '../wechat/codec.js';
import type { ChangeAction, WechatClient } from '../wechat/client.js';

/** The loader's one key: this service manages one platform's server domains. */
const PLATFORM = 'platform';

/**
 * What resolvers call. Shared by every request; `forRequest` gives each request its own DataLoader, so
 * any number of reads in one operation make one upstream `get`.
 */
export class ServerDomainsService {
  constructor(readonly client: WechatClient) {}

  forRequest(): RequestServerDomains {
    return new RequestServerDomains(this.client);
  }
}

export class RequestServerDomains {
  readonly #client: WechatClient;
  readonly #loader: DataLoader<string, ServerDomainsState>;

  constructor(client: WechatClient) {
    this.#client = client;
    this.#loader = new DataLoader(async (keys) => {
      const state = await this.#client.getServerDomains();
      return keys.map(() => state);
    });
  }

  read(): Promise<ServerDomainsState> {
    return this.#loader.load(PLATFORM);
  }

  /** Applies a change; its returned state replaces what this request had read, so later reads see it. */
  async change(action: ChangeAction, domains: readonly string[], publishTogether: boolean): Promise<ServerDomainsState> {
    const state = await this.#client.changeServerDomains(action, domains, publishTogether);
    this.#loader.clear(PLATFORM).prime(PLATFORM, state);
    return state;
  }
}
