import type {
  MiniProgramServerDomainsState,
  MiniProgramWebviewDomainsState,
  ServerDomainKinds,
} from '../../src/domains/mini-program-lists.js';

/** Six kinds, empty unless given. */
export const kinds = (given: Partial<ServerDomainKinds> = {}): ServerDomainKinds => ({
  request: [],
  ws: [],
  upload: [],
  download: [],
  udp: [],
  tcp: [],
  ...given,
});

/** A Mini Program's server domains where what the platform set is all that is in effect. */
export const serverState = (platform: Partial<ServerDomainKinds>): MiniProgramServerDomainsState => ({
  effective: kinds(platform),
  platform: kinds(platform),
  direct: kinds(),
  console: kinds(),
});

/** Its webview domains, likewise. */
export const webviewState = (platform: readonly string[]): MiniProgramWebviewDomainsState => ({
  effective: platform,
  platform,
  direct: [],
  console: [],
});
