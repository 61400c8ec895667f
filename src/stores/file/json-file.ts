import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Small JSON files in DATA_DIR, readable by the service's user only (0600), replaced atomically: a temp file
 * beside the target, fsync'd, then renamed over it (a crash leaves the old file or the new one, never half
 * of one), then the directory fsync'd so the rename itself survives a power cut.
 */
export async function writeJsonFile(path: string, value: unknown): Promise<void> {
  const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const file = await open(temp, 'wx', 0o600);
  try {
    await file.writeFile(`${JSON.stringify(value)}\n`, 'utf8');
    await file.sync();
    await file.close();
    await rename(temp, path);
  } catch (error) {
    await file.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dirname(path));
}

/** The parsed file; undefined when there is none. Throws on other read errors and on text that is not JSON. */
export async function readJsonFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return JSON.parse(text) as unknown;
}

export async function removeFile(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await syncDirectory(dirname(path));
}

async function syncDirectory(dir: string): Promise<void> {
  // Best effort: some filesystems refuse to open or fsync a directory.
  const handle = await open(dir, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}

/** One file per kind of state and platform; the appid is encoded so no value can leave the directory. */
export const stateFile = (dir: string, kind: string, componentAppId: string): string =>
  join(dir, `${kind}.${encodeURIComponent(componentAppId).replace(/\./g, '%2E')}.json`);

/** DATA_DIR cannot be used: main names it and stops. */
export class DataDirError extends Error {
  override name = 'DataDirError';
}

/** Creates DATA_DIR (0700) if needed and proves the service can write, replace and remove a file there. */
export async function prepareDataDir(dir: string): Promise<void> {
  const probe = join(dir, `.write-probe-${process.pid}`);
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await writeJsonFile(probe, { probe: true });
    await removeFile(probe);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DataDirError(`cannot write to ${dir}${code ? ` (${code})` : ''}`);
  }
}
