import type { ChangeFlow } from './change-flow.js';
import { MiniProgramNotAuthorizedError } from './errors.js';
import type { MiniProgramLists } from './mini-program-domains.js';
import type {
  MiniProgramChangeDetail,
  MiniProgramChangeEntry,
  MiniProgramDomainList,
  MiniProgramServerDomainsChange,
  MiniProgramServerDomainsState,
  MiniProgramWebviewDomainsChange,
  MiniProgramWebviewDomainsState,
} from './mini-program-lists.js';
import type { MonthlyQuota } from './quota.js';
import { RequestList, type RequestObserver } from './request.js';

/** Who may be acted for: the registry's answer (issue 17), as the core needs it. */
export interface MiniProgramDirectory<M extends { readonly appId: string }> {
  /** The Mini Program if it is authorized now (a Mini Program, AUTHORIZED); undefined otherwise. */
  authorized(appId: string): Promise<M | undefined>;
  /** Every Mini Program authorized now. */
  allAuthorized(): Promise<readonly M[]>;
}

export type RequestMiniProgramServerList = RequestList<
  MiniProgramServerDomainsState,
  MiniProgramServerDomainsChange,
  MiniProgramChangeDetail
>;
export type RequestMiniProgramWebviewList = RequestList<
  MiniProgramWebviewDomainsState,
  MiniProgramWebviewDomainsChange,
  MiniProgramChangeDetail
>;

/**
 * The Mini Programs' lists as one request sees them: each (appId, list) made on first use, its reads
 * shared within the request. Every access first asks the directory: an appId that is not an authorized
 * Mini Program answers MiniProgramNotAuthorizedError, and nothing is sent to WeChat.
 */
export class RequestMiniProgramDomains<M extends { readonly appId: string }> {
  readonly #lists: MiniProgramLists;
  readonly #directory: MiniProgramDirectory<M>;
  readonly #observe: RequestObserver | undefined;
  readonly #server = new Map<string, RequestMiniProgramServerList>();
  readonly #webview = new Map<string, RequestMiniProgramWebviewList>();
  readonly #authorized = new Map<string, Promise<M>>();

  constructor(lists: MiniProgramLists, directory: MiniProgramDirectory<M>, observe: RequestObserver | undefined) {
    this.#lists = lists;
    this.#directory = directory;
    this.#observe = observe;
  }

  /** The Mini Program, if authorized; MiniProgramNotAuthorizedError otherwise (asked once per request). */
  miniProgram(appId: string): Promise<M> {
    let found = this.#authorized.get(appId);
    if (!found) {
      found = this.#directory.authorized(appId).then((mp) => {
        if (!mp) throw new MiniProgramNotAuthorizedError(appId);
        return mp;
      });
      this.#authorized.set(appId, found);
    }
    return found;
  }

  /** Every Mini Program authorized now. */
  allAuthorized(): Promise<readonly M[]> {
    return this.#directory.allAuthorized();
  }

  async server(appId: string): Promise<RequestMiniProgramServerList> {
    await this.miniProgram(appId);
    return this.#of(this.#server, appId, () => this.#lists.server(appId));
  }

  async webview(appId: string): Promise<RequestMiniProgramWebviewList> {
    await this.miniProgram(appId);
    return this.#of(this.#webview, appId, () => this.#lists.webview(appId));
  }

  /** The month's server-domain changes of one Mini Program, from its journal (no WeChat call; readable once REVOKED too). */
  monthlyQuota(appId: string): Promise<MonthlyQuota> {
    return this.#lists.server(appId).monthlyQuota();
  }

  /** One Mini Program's journal (both lists, or one), newest first. Readable for a Mini Program no longer authorized too. */
  changes(appId: string, limit: number, after?: string, list?: MiniProgramDomainList): Promise<readonly MiniProgramChangeEntry[]> {
    return this.#lists.changes(appId, limit, after, list);
  }

  #of<S, C extends { readonly action: 'add' | 'delete' | 'set' }>(
    kept: Map<string, RequestList<S, C, MiniProgramChangeDetail>>,
    appId: string,
    flow: () => ChangeFlow<S, C, MiniProgramChangeDetail>,
  ): RequestList<S, C, MiniProgramChangeDetail> {
    let list = kept.get(appId);
    if (!list) {
      list = new RequestList(flow(), this.#observe);
      kept.set(appId, list);
    }
    return list;
  }
}
