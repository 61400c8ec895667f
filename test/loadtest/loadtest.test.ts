import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cleanEnv, ROOT } from '../support/process.js';
import { describeWithRedis } from '../support/redis.js';

/** Runs `tsx scripts/loadtest.ts <args>` to completion (the built dist/ comes from the global setup). */
function runLoadtest(args: string[], timeoutMs: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env = cleanEnv();
    delete env.LOADTEST_DURATION; // --smoke decides the duration here
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/loadtest.ts', ...args], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      // SIGTERM lets the script kill the service it started.
      child.kill('SIGTERM');
      reject(new Error(`load test still running after ${timeoutMs} ms:\n${stdout}${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('npm run loadtest -- --smoke', () => {
  it('loads the built service with concurrent reads and writes and passes its own checks', async () => {
    const { code, stdout, stderr } = await runLoadtest(['--smoke'], 120_000);
    expect(code, `${stdout}\n${stderr}`).toBe(0);
    expect(stdout).toMatch(/^requests: [1-9]\d* total in [\d.]+ s, [\d.]+ requests\/s/m);
    expect(stdout).toMatch(/^HTTP 5xx: 0$/m);
    expect(stdout).toMatch(/^untyped errors: 0$/m);
    expect(stdout).toMatch(/^service exit on SIGTERM: 0$/m);
    expect(stdout).toMatch(/^PASS$/m);
  }, 150_000);
});

describeWithRedis('npm run loadtest -- --smoke --replicas 3', () => {
  it('loads a fleet of three on one Redis: one token call, the shared journal matches the answers and the simulator', async () => {
    const { code, stdout, stderr } = await runLoadtest(['--smoke', '--replicas', '3'], 120_000);
    expect(code, `${stdout}\n${stderr}`).toBe(0);
    expect(stdout).toMatch(/^load test: 3 replica\(s\) on one Redis at redis:\/\/127\.0\.0\.1:\d+ /m);
    // The load reached every replica.
    expect(stdout).toMatch(/^fleet: 3 replicas on one Redis; requests by replica: (replica [123] [1-9]\d*(, |$)){3}/m);
    expect(stdout).toMatch(/^api_component_token calls for the whole fleet: 1 \(ok, exactly one\)$/m);
    expect(stdout).toMatch(/^journal entries \(Redis\): [1-9]\d* \(.*\); ok: /m);
    expect(stdout).toMatch(/^changes this month in the service's journal: ok, \d+ within \[\d+, \d+\], the same on all 3 replicas$/m);
    expect(stdout).toMatch(/^read-your-writes: every successful answer .* whichever replica answered$/m);
    expect(stdout).toMatch(/^HTTP 5xx: 0$/m);
    expect(stdout).toMatch(/^untyped errors: 0$/m);
    expect(stdout).toMatch(/^service exit on SIGTERM: 0$/m);
    expect(stdout).toMatch(/^PASS$/m);
  }, 150_000);
});
