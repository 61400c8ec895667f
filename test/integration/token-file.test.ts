import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tokenId } from '../../src/wechat/simulator/server.js';
import { ServerDomainsQuery } from '../support/operations.js';
import { runService } from '../support/process.js';
import { type Stack, type StackOptions, startStack } from '../support/stack.js';

let stack: Stack | undefined;
let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wxa-token-file-'));
  file = join(dir, 'component_access_token');
});
afterEach(async () => {
  // Whatever the test did, no token the file held shows up in a log line.
  for (const line of stack?.logLines ?? [])
    for (const token of [TOKEN_A, TOKEN_B, 'a-token-wechat-no-longer-takes']) expect(line).not.toContain(token);
  await stack?.close();
  stack = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const TOKEN_A = 'central-token-AAAAAAAAAAAAAAAA';
const TOKEN_B = 'central-token-BBBBBBBBBBBBBBBB';

async function start(options: StackOptions = {}): Promise<Stack> {
  stack = await startStack({
    simulator: { staticTokens: [TOKEN_A, TOKEN_B] },
    credentials: { mode: 'file', tokenFile: file, componentAppId: undefined },
    ...options,
  });
  return stack;
}

const read = async () => (await stack!.gql(ServerDomainsQuery)).data?.serverDomains;
const logs = () => stack!.logLines.map((l) => JSON.parse(l) as Record<string, any>);
const TAKEN = 'component token taken from the token file';
/** Bound of a wait for a log line: generous, it only fails a test that would hang. */
const LOGGED = { timeout: 10_000, interval: 10 };
/** A read, answered, and the tokens its calls to WeChat carried (fingerprints, as the simulator saw them). */
async function readTokens(): Promise<(string | undefined)[]> {
  const before = stack!.sim.calls.length;
  expect((await read())?.__typename).toBe('ServerDomains');
  return stack!.sim.calls.slice(before).map((c) => c.tokenId);
}

/** Replaces the file the way secret managers do: a new file renamed over the old one. */
function replaceFile(text: string): void {
  const temp = `${file}.new`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}

describe('WECHAT_COMPONENT_ACCESS_TOKEN_FILE', () => {
  it('a rotated token is in use within a second (the README’s promise), without a file read per request', async () => {
    writeFileSync(file, `${TOKEN_A}\n`);
    await start();
    expect((await read())?.__typename).toBe('ServerDomains');
    // The token service rotates: A is refused from now on, B is in the file.
    stack!.sim.revokeToken(TOKEN_A);
    replaceFile(TOKEN_B);
    const rotatedAt = performance.now();
    await vi.waitFor(() => expect(logs().some((l) => l.msg === TAKEN)).toBe(true), LOGGED);
    // The README: "re-read when it changes (in use within a second)".
    expect(performance.now() - rotatedAt).toBeLessThan(1000);
    // B is in use: one call, carrying B, no refusal and retry.
    expect(await readTokens()).toEqual([tokenId(TOKEN_B)]);
  });

  it('requests do not read the file: between checks, the token in memory is used', async () => {
    writeFileSync(file, TOKEN_A);
    await start({ tokenFilePollMs: 3_600_000 });
    // B in the file but refused by WeChat: a service reading the file per request would fail now.
    stack!.sim.revokeToken(TOKEN_B);
    writeFileSync(file, TOKEN_B);
    for (let i = 0; i < 3; i++) expect((await read())?.__typename).toBe('ServerDomains');
    expect(stack!.sim.count('modify')).toBe(3);
  });

  it('after WeChat refuses the token, the file is re-read and the call retried once with the new token', async () => {
    writeFileSync(file, 'a-token-wechat-no-longer-takes');
    // Polling effectively off: only the refusal can make the service look at the file again.
    await start({ tokenFilePollMs: 3_600_000 });
    const refused = await read();
    expect(refused).toMatchObject({ __typename: 'AccessTokenError', errcode: 40001 });
    expect(stack!.sim.count('modify')).toBe(1);

    writeFileSync(file, TOKEN_A);
    expect((await read())?.__typename).toBe('ServerDomains');
    expect(stack!.sim.count('modify')).toBe(3);
    expect(stack!.sim.count('token')).toBe(0);
  });

  it('refused and the file still holds the same token: AccessTokenError after one call, no retry', async () => {
    writeFileSync(file, 'a-token-wechat-no-longer-takes');
    await start({ tokenFilePollMs: 3_600_000 });
    expect(await read()).toMatchObject({ __typename: 'AccessTokenError', errcode: 40001 });
    expect(await read()).toMatchObject({ __typename: 'AccessTokenError', errcode: 40001 });
    expect(stack!.sim.count('modify')).toBe(2);
  });

  it('a file that disappears later: the last token stays in use, with one warning', async () => {
    writeFileSync(file, TOKEN_A);
    await start({ tokenFilePollMs: 50 });
    rmSync(file);
    await vi.waitFor(() => expect(logs().some((l) => l.level === 40 && l.problem === 'missing')).toBe(true), LOGGED);
    // Still A, from memory.
    expect(await readTokens()).toEqual([tokenId(TOKEN_A)]);
    // Back again, with another token: taken, and the next call carries it.
    writeFileSync(file, TOKEN_B);
    await vi.waitFor(() => expect(logs().some((l) => l.msg === TAKEN)).toBe(true), LOGGED);
    expect(logs().some((l) => l.msg === 'the token file is back')).toBe(true);
    expect(await readTokens()).toEqual([tokenId(TOKEN_B)]);
    // One warning for the whole time it was missing, however many checks found it so.
    const warnings = logs().filter((l) => l.level === 40 && l.msg.includes('token file'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ problem: 'missing', tokenFile: file });
  });

  it('an empty file later: kept token, a warning', async () => {
    writeFileSync(file, TOKEN_A);
    await start({ tokenFilePollMs: 50 });
    writeFileSync(file, '  \n');
    await vi.waitFor(() => expect(logs().some((l) => l.problem === 'empty')).toBe(true), LOGGED);
    expect(await readTokens()).toEqual([tokenId(TOKEN_A)]);
  });

  it('the token never shows up in a response or a log line', async () => {
    writeFileSync(file, 'a-token-wechat-no-longer-takes');
    await start({ tokenFilePollMs: 50 });
    await read();
    writeFileSync(file, TOKEN_A);
    await read();
    rmSync(file);
    await vi.waitFor(() => expect(logs().some((l) => l.problem === 'missing')).toBe(true), LOGGED);
    const response = await stack!.post({ query: '{ serverDomains { __typename ... on WechatError { errcode errmsg message } } }' });
    for (const text of [response.text, ...stack!.logLines]) {
      for (const token of [TOKEN_A, 'a-token-wechat-no-longer-takes']) expect(text).not.toContain(token);
    }
  });
});

describe('WECHAT_COMPONENT_ACCESS_TOKEN_FILE at start (the built service)', () => {
  const env = (path: string) => ({
    PORT: '0',
    WECHAT_COMPONENT_ACCESS_TOKEN_FILE: path,
    AUTH_DISABLED: 'true',
    DATA_DIR: join(dir, 'data'),
  });

  it.each([
    ['missing', () => join(dir, 'nope'), /WECHAT_COMPONENT_ACCESS_TOKEN_FILE: cannot read .*nope \(ENOENT\)/],
    [
      'empty',
      () => {
        writeFileSync(file, '\n');
        return file;
      },
      /WECHAT_COMPONENT_ACCESS_TOKEN_FILE: .* is empty/,
    ],
  ])('a %s file stops start-up with one line naming the variable', async (_what, path, message) => {
    const { code, stdout, stderr } = await runService(env(path()));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
