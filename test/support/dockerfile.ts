import { readFileSync } from 'node:fs';
import { ROOT } from './process.js';

// Docker cannot run on the machines that run these tests: what the image relies on is read from the
// Dockerfile itself, so that the tests run what is deployed and none of it can regress silently.

export interface Instruction {
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

/** The repository's Dockerfile: every stage, the build stage (the first) and the final one. */
export function readDockerfile(): { all: Instruction[][]; build: Instruction[]; final: Instruction[] } {
  const all = stages(parseDockerfile(readFileSync(`${ROOT}Dockerfile`, 'utf8')));
  return { all, build: all[0] ?? [], final: all.at(-1) ?? [] };
}

/** The environment a stage's `ENV key=value …` lines set; a value may be double-quoted (with spaces). */
export function envOf(stage: readonly Instruction[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const { keyword, args } of stage) {
    if (keyword !== 'ENV') continue;
    for (const [, key, quoted, plain] of args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=(?:"([^"]*)"|(\S*))/g)) env[key!] = quoted ?? plain ?? '';
  }
  return env;
}
