import type { PlatformChangeDetail } from './change-entry.js';
import type { ChangeFlow } from './change-flow.js';
import type { DomainConfirmFile, PlatformDomainsChange } from './platform-lists.js';
import type { ReadPath } from './read-path.js';
import { RequestList, type RequestObserver, RequestRead } from './request.js';
import type { PlatformDomainsState } from './state.js';

/** The change flow of a platform list. */
export type PlatformFlow = ChangeFlow<PlatformDomainsState, PlatformDomainsChange, PlatformChangeDetail>;
/** A platform list as a request sees it. */
export type RequestPlatformList = RequestList<PlatformDomainsState, PlatformDomainsChange, PlatformChangeDetail>;

/** The platform's lists: its server domains, its business (jump) domains and their confirmation file. */
export class PlatformDomains {
  readonly server: PlatformFlow;
  readonly jump: PlatformFlow;
  readonly confirmFile: ReadPath<DomainConfirmFile>;

  constructor(lists: { server: PlatformFlow; jump: PlatformFlow; confirmFile: ReadPath<DomainConfirmFile> }) {
    this.server = lists.server;
    this.jump = lists.jump;
    this.confirmFile = lists.confirmFile;
  }

  /** Every read path, for whatever keeps answers computed from their states. */
  readPaths(): readonly ReadPath<unknown>[] {
    return [this.server.reads, this.jump.reads, this.confirmFile] as readonly ReadPath<unknown>[];
  }

  /** `observe` hears of each read and upstream call the request makes (for its log line and kept answers). */
  forRequest(observe?: RequestObserver): RequestDomains {
    return new RequestDomains(this, observe);
  }
}

/** The platform's lists as one request sees them; each made on first use (most requests touch one). */
export class RequestDomains {
  readonly #domains: PlatformDomains;
  readonly #observe: RequestObserver | undefined;
  #server: RequestPlatformList | undefined;
  #jump: RequestPlatformList | undefined;
  #confirmFile: RequestRead<DomainConfirmFile> | undefined;

  constructor(domains: PlatformDomains, observe: RequestObserver | undefined) {
    this.#domains = domains;
    this.#observe = observe;
  }

  get server(): RequestPlatformList {
    this.#server ??= new RequestList(this.#domains.server, this.#observe);
    return this.#server;
  }

  get jump(): RequestPlatformList {
    this.#jump ??= new RequestList(this.#domains.jump, this.#observe);
    return this.#jump;
  }

  get confirmFile(): RequestRead<DomainConfirmFile> {
    this.#confirmFile ??= new RequestRead(this.#domains.confirmFile, this.#observe);
    return this.#confirmFile;
  }
}
