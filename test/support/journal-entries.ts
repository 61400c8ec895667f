import type { NewChangeEntry } from '../../src/domains/change-entry.js';

/** A journal entry as the change flow writes one: an applied add of `domain` at `at`, for the journal stores' tests. */
export const journalEntry = (at: string, domain = 'a.example.com'): NewChangeEntry => ({
  at,
  caller: null,
  action: 'add',
  domains: [domain],
  publishTogether: false,
  effect: 'APPLIED',
  outcome: 'ServerDomains',
  errcode: null,
  testing: [domain],
  published: null,
});
