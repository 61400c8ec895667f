// punycode.js for the same reason as normalize.ts: one decoder whatever Node's URL parser does.
import punycode from 'punycode/punycode.js';

/** How a domain is shown: as WeChat stores it (ASCII, punycode labels) or as people write it. */
export type DomainForm = 'ASCII' | 'UNICODE';

/** `xn--fsqu00a.xn--fiqs8s` → `例子.中国`; a label that does not decode is kept as it is. */
export function toUnicodeDomain(domain: string): string {
  return domain
    .split('.')
    .map((label) => {
      if (!label.toLowerCase().startsWith('xn--')) return label;
      try {
        return punycode.decode(label.slice(4)) || label;
      } catch {
        return label;
      }
    })
    .join('.');
}

/** `domains` in `form`; ASCII returns the very same list. */
export function inForm(domains: readonly string[], form: DomainForm): readonly string[] {
  return form === 'ASCII' ? domains : domains.map(toUnicodeDomain);
}
