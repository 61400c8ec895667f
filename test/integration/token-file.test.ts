import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

/** Replaces the file the way secret managers do: a new file renamed over the old one. */
function replaceFile(text: string): void {
  const temp = `${file}.new`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}

describe('WECHAT_COMPONENT_ACCESS_TOKEN_FILE', () => {
  it('a rotated token is in use within 2 seconds, without a file read per request', async () => {
    writeFileSync(file, `${TOKEN_A}\n`);
    await start();
    expect((await read())?.__typename).toBe('ServerDomains');
    // The token service rotates: A is refused from now on, B is in the file.
    stack!.sim.revokeToken(TOKEN_A);
    replaceFile(TOKEN_B);
    const rotatedAt = Date.now();
    while (!logs().some((l) => l.msg === 'component token taken from the token file') && Date.now() - rotatedAt < 2000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(Date.now() - rotatedAt).toBeLessThan(2000);
    // B is in use: one call, no refusal and retry.
    const before = stack!.sim.count('modify');
    expect((await read())?.__typename).toBe('ServerDomains');
    expect(stack!.sim.count('modify')).toBe(before + 1);
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
    const deadline = Date.now() + 5000;
    while (!logs().some((l) => l.level === 40 && l.problem === 'missing') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    const warnings = logs().filter((l) => l.level === 40 && l.msg.includes('token file'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ problem: 'missing', tokenFile: file });
    expect((await read())?.__typename).toBe('ServerDomains');
    // Back again, with another token: taken.
    writeFileSync(file, TOKEN_B);
    const back = Date.now() + 5000;
    while (!logs().some((l) => l.msg === 'component token taken from the token file') && Date.now() < back) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(logs().some((l) => l.msg === 'the token file is back')).toBe(true);
  });

  it('an empty file later: kept token, a warning', async () => {
    writeFileSync(file, TOKEN_A);
    await start({ tokenFilePollMs: 50 });
    writeFileSync(file, '  \n');
    const deadline = Date.now() + 5000;
    while (!logs().some((l) => l.problem === 'empty') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(logs().some((l) => l.problem === 'empty')).toBe(true);
    expect((await read())?.__typename).toBe('ServerDomains');
  });

  it('the token never shows up in a response or a log line', async () => {
    writeFileSync(file, 'a-token-wechat-no-longer-takes');
    await start({ tokenFilePollMs: 50 });
    await read();
    writeFileSync(file, TOKEN_A);
    await read();
    rmSync(file);
    await new Promise((resolve) => setTimeout(resolve, 300));
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
