import type { z } from 'zod';
import type { ChangeEntry } from '../../src/domains/change-entry.js';
import { SERVER_DOMAINS } from '../../src/domains/platform-lists.js';
import { recordSchema } from '../../src/stores/file/change-journal.js';

/** How the service opens the server domains' journal file (FileChangeJournal.open's options). */
export function serverJournalFile(now?: () => number) {
  const schema = recordSchema.extend(SERVER_DOMAINS.detailFields) as unknown as z.ZodType<ChangeEntry>;
  return { file: SERVER_DOMAINS.stores.journalFile, schema, ...(now ? { now } : {}) };
}
