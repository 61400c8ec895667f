import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeEntry } from '../../src/domains/change-entry.js';
import { UnknownCursorError } from '../../src/domains/errors.js';
import { MemoryChangeJournal } from '../../src/stores/change-journal.js';
import { CHANGE_JOURNAL_FILE, FileChangeJournal } from '../../src/stores/file/change-journal.js';
import { journalEntry } from '../support/journal-entries.js';
import { serverJournalFile } from '../support/journal-files.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'wxa-journal-unit-'));
  dirs.push(dir);
  return dir;
};

describe('MemoryChangeJournal', () => {
  it('gives increasing ids of the form <ms>-<seq>, even for one millisecond or a clock that went back', async () => {
    const journal = new MemoryChangeJournal<ChangeEntry>();
    const ids = [];
    for (const at of ['2026-05-01T00:00:00.000Z', '2026-05-01T00:00:00.000Z', '2026-04-30T23:59:59.000Z', '2026-05-01T00:00:01.000Z']) {
      ids.push((await journal.append(journalEntry(at))).id);
    }
    const start = Date.parse('2026-05-01T00:00:00.000Z');
    expect(ids).toEqual([`${start}-0`, `${start}-1`, `${start}-2`, `${start + 1000}-0`]);
  });

  it('pages newest first from a cursor, and refuses a cursor that names no entry', async () => {
    const journal = new MemoryChangeJournal<ChangeEntry>();
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await journal.append(journalEntry(new Date(Date.UTC(2026, 4, 1, 0, i)).toISOString()))).id);
    expect((await journal.page(2)).map((e) => e.id)).toEqual([ids[4], ids[3]]);
    expect((await journal.page(2, ids[3])).map((e) => e.id)).toEqual([ids[2], ids[1]]);
    expect((await journal.page(10, ids[1])).map((e) => e.id)).toEqual([ids[0]]);
    expect(await journal.page(10, ids[0])).toEqual([]);
    await expect(journal.page(2, '1-0')).rejects.toBeInstanceOf(UnknownCursorError);
  });

  it('gives a month’s entries by time, and drops entries once they are older than 13 months', async () => {
    const journal = new MemoryChangeJournal<ChangeEntry>();
    const old = await journal.append(journalEntry('2025-03-31T15:59:59.000Z')); // March 2025 in China
    const kept = await journal.append(journalEntry('2025-03-31T16:00:00.000Z')); // April 2025 in China
    expect(await journal.between(Date.parse('2025-03-31T16:00:00Z'), Date.parse('2025-04-30T16:00:00Z'))).toEqual([kept]);
    // May 2026 in China: April 2025 is 13 months back and stays; March 2025 goes.
    const latest = await journal.append(journalEntry('2026-05-10T00:00:00.000Z'));
    expect(journal.all()).toEqual([kept, latest]);
    await expect(journal.page(1, old.id)).rejects.toBeInstanceOf(UnknownCursorError);
    expect(await journal.page(5, latest.id)).toEqual([kept]);
  });
});

describe('FileChangeJournal', () => {
  it('creates DATA_DIR and the file (mode 0600), writes one JSON line per entry, and reads them back', async () => {
    const dir = join(tempDir(), 'nested', 'data');
    const { journal } = await FileChangeJournal.open(dir, serverJournalFile());
    const a = await journal.append(journalEntry('2026-05-01T00:00:00.000Z'));
    const b = await journal.append(journalEntry('2026-05-01T00:00:00.000Z', 'b.example.com'));
    await journal.close();
    const file = join(dir, CHANGE_JOURNAL_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toBe(`${JSON.stringify(a)}\n${JSON.stringify(b)}\n`);
    const reopened = await FileChangeJournal.open(
      dir,
      serverJournalFile(() => Date.parse('2026-05-02T00:00:00Z')),
    );
    expect(await reopened.journal.page(10)).toEqual([b, a]);
    expect(reopened).toMatchObject({ tornLine: false, skippedLines: 0, expiredEntries: 0 });
    await reopened.journal.close();
  });

  it('cuts off a torn last line; keeps an entry that only lost its newline; skips other lines that are not entries', async () => {
    const dir = tempDir();
    const file = join(dir, CHANGE_JOURNAL_FILE);
    const memory = new MemoryChangeJournal<ChangeEntry>();
    const a = await memory.append(journalEntry('2026-05-01T00:00:00.000Z'));
    const b = await memory.append(journalEntry('2026-05-01T00:00:01.000Z'));
    writeFileSync(file, `${JSON.stringify(a)}\nnot an entry\n${JSON.stringify(b)}\n{"id":"1777`);
    const torn = await FileChangeJournal.open(
      dir,
      serverJournalFile(() => Date.parse('2026-05-02T00:00:00Z')),
    );
    expect(torn).toMatchObject({ tornLine: true, skippedLines: 1 });
    const c = await torn.journal.append(journalEntry('2026-05-01T00:00:02.000Z'));
    await torn.journal.close();
    expect(readFileSync(file, 'utf8')).toBe(`${JSON.stringify(a)}\nnot an entry\n${JSON.stringify(b)}\n${JSON.stringify(c)}\n`);

    writeFileSync(file, `${JSON.stringify(a)}\n${JSON.stringify(b)}`); // the newline was lost, the entry was not
    const kept = await FileChangeJournal.open(
      dir,
      serverJournalFile(() => Date.parse('2026-05-02T00:00:00Z')),
    );
    expect(kept.tornLine).toBe(false);
    const d = await kept.journal.append(journalEntry('2026-05-01T00:00:03.000Z'));
    await kept.journal.close();
    expect(await (await FileChangeJournal.open(dir, serverJournalFile())).journal.page(10)).toEqual([d, b, a]);
  });

  it('rewrites the file without entries older than 13 months, keeping mode 0600', async () => {
    const dir = tempDir();
    const file = join(dir, CHANGE_JOURNAL_FILE);
    const memory = new MemoryChangeJournal<ChangeEntry>();
    const old = await memory.append(journalEntry('2024-01-01T00:00:00.000Z'));
    const recent = await memory.append(journalEntry('2026-01-01T00:00:00.000Z'));
    writeFileSync(file, `${JSON.stringify(old)}\n${JSON.stringify(recent)}\n`, { mode: 0o644 });
    const load = await FileChangeJournal.open(
      dir,
      serverJournalFile(() => Date.parse('2026-05-02T00:00:00Z')),
    );
    expect(load.expiredEntries).toBe(1);
    await load.journal.close();
    expect(readFileSync(file, 'utf8')).toBe(`${JSON.stringify(recent)}\n`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
