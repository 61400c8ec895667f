import DataLoader from 'dataloader';
import type { ServerDomainsState } from '../wechat/codec.js';
import type { ChangeAction, UpstreamObserver, WechatClient } from '../wechat/client.js';
import type { WriteLock } from './write-lock.js';

/** The loader's one key: this service manages one platform's server domains. */
const PLATFORM = 'platform';

/**
 * What resolvers call. Shared by every request; `forRequest` gives each request its own DataLoader, so
 * any number of reads in one operation make one upstream `get`.
 */
export class ServerDomainsService {
  constructor(
    readonly client: WechatClient,
    readonly writeLock: WriteLock,
  ) {}

  /** `observe` hears of each upstream call the request makes (for its log line). */
  forRequest(observe?: UpstreamObserver): RequestServerDomains {
    return new RequestServerDomains(this, observe);
  }

  /** One change at a time per platform: concurrent mutations queue instead of interleaving. */
  change(action: ChangeAction, domains: readonly string[], publishTogether: boolean, observe?: UpstreamObserver): Promise<ServerDomainsState> {
    return this.writeLock.run(PLATFORM, () => this.client.changeServerDomains(action, domains, publishTogether, observe));
  }
}

export class RequestServerDomains {
  readonly #service: ServerDomainsService;
  readonly #observe: UpstreamObserver | undefined;
  readonly #loader: DataLoader<string, ServerDomainsState>;

  constructor(service: ServerDomainsService, observe: UpstreamObserver | undefined) {
    this.#service = service;
    this.#observe = observe;
    this.#loader = new DataLoader(async (keys) => {
      const state = await service.client.getServerDomains(observe);
      return keys.map(() => state);
    });
  }

  read(): Promise<ServerDomainsState> {
    return this.#loader.load(PLATFORM);
  }

  /** Applies a change; its returned state replaces what this request had read, so later reads see it. */
  async change(action: ChangeAction, domains: readonly string[], publishTogether: boolean): Promise<ServerDomainsState> {
    const state = await this.#service.change(action, domains, publishTogether, this.#observe);
    this.#loader.clear(PLATFORM).prime(PLATFORM, state);
    return state;
  }
}
