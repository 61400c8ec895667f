import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/process.js';

// Docker cannot run on the machines that run these tests: the properties the image relies on are read
// from the Dockerfile itself, so that none of them can regress silently.

interface Instruction {
  readonly keyword: string;
  readonly args: string;
}

/** The Dockerfile as instructions: comments dropped, `\` continuations joined, keywords upper-cased. */
function parseDockerfile(text: string): Instruction[] {
  const joined = text
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ');
  return joined
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [keyword = '', ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
}

/** Splits at each FROM: one array of instructions per stage, the FROM first. */
function stages(instructions: Instruction[]): Instruction[][] {
  const result: Instruction[][] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') result.push([instruction]);
    else result.at(-1)?.push(instruction);
  }
  return result;
}

const instructions = parseDockerfile(readFileSync(`${ROOT}Dockerfile`, 'utf8'));
const all = stages(instructions);
const build = all[0] ?? [];
const final = all.at(-1) ?? [];
const args = (stage: Instruction[], keyword: string) => stage.filter((i) => i.keyword === keyword).map((i) => i.args);

describe('Dockerfile', () => {
  it('is multi-stage on Node 24 LTS (node:24-bookworm-slim) throughout', () => {
    expect(all.length).toBeGreaterThanOrEqual(2);
    for (const stage of all) expect(stage[0]!.args).toMatch(/^node:24-bookworm-slim(\s+AS\s+\S+)?$/i);
    expect(build[0]!.args).toMatch(/\sAS\s+build$/i);
  });

  it('builds dist/ with the full toolchain in the build stage', () => {
    const runs = args(build, 'RUN').join('\n');
    expect(runs).toMatch(/\bnpm ci\b/);
    expect(runs).toMatch(/\bnpm run build\b/);
  });

  it('installs production dependencies only in the final stage, and copies dist/ from the build', () => {
    const runs = args(final, 'RUN');
    expect(runs.some((r) => /\bnpm ci\b[^&;]*--omit=dev/.test(r))).toBe(true);
    // No install of the dev dependencies (an `npm ci`/`npm install` without --omit=dev) in the image.
    for (const run of runs) {
      for (const install of run.match(/\bnpm (ci|install|i)\b[^&;|]*/g) ?? []) expect(install).toContain('--omit=dev');
    }
    expect(args(final, 'COPY').some((c) => /--from=build\s+\S*dist\/?\s+\S*dist/.test(c))).toBe(true);
  });

  it('runs as the non-root node user', () => {
    const users = args(final, 'USER');
    expect(users.at(-1)).toBe('node');
    const lastUser = final.findLastIndex((i) => i.keyword === 'USER');
    expect(lastUser).toBeLessThan(final.findIndex((i) => i.keyword === 'CMD'));
  });

  it('sets NODE_ENV=production, HOST=0.0.0.0, PORT=4000 and exposes that port', () => {
    const env = Object.fromEntries(
      args(final, 'ENV')
        .flatMap((a) => a.split(/\s+/))
        .map((pair) => pair.split('=') as [string, string]),
    );
    expect(env).toMatchObject({ NODE_ENV: 'production', HOST: '0.0.0.0', PORT: '4000' });
    expect(args(final, 'EXPOSE')).toContain('4000');
  });

  it('has a HEALTHCHECK on /health with node’s fetch (no curl in the slim image)', () => {
    const [healthcheck, ...more] = args(final, 'HEALTHCHECK');
    expect(more).toEqual([]);
    expect(healthcheck).toMatch(/\bCMD\s+node\b/);
    expect(healthcheck).toContain('fetch(');
    expect(healthcheck).toMatch(/127\.0\.0\.1[^/]*\/health\b/);
    expect(healthcheck).not.toMatch(/\b(curl|wget)\b/);
  });

  it('starts `node dist/main.js` directly (exec form, not npm start), so SIGTERM reaches the service', () => {
    const cmds = args(final, 'CMD');
    expect(cmds).toHaveLength(1);
    expect(JSON.parse(cmds[0]!)).toEqual(['node', 'dist/main.js']);
    expect(args(final, 'ENTRYPOINT')).toEqual([]);
  });

  it('dist/main.js is what the build produces from src/main.ts', () => {
    const buildConfig = JSON.parse(readFileSync(`${ROOT}tsconfig.build.json`, 'utf8'));
    expect(buildConfig.compilerOptions).toMatchObject({ outDir: 'dist', rootDir: 'src' });
    const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8'));
    expect(pkg.scripts.start).toBe('node dist/main.js');
  });
});

describe('.dockerignore', () => {
  it('keeps local installs, builds, results and the git directory out of the build context', () => {
    const entries = readFileSync(`${ROOT}.dockerignore`, 'utf8')
      .split('\n')
      .map((line) => line.trim().replace(/^\/|\/$/g, ''));
    for (const entry of ['node_modules', 'dist', 'test-results', '.git', 'bench/results', 'coverage']) expect(entries).toContain(entry);
  });
});
