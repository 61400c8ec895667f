import { readFileSync } from 'node:fs';
import { ROOT } from './process.js';

// How the service is started, read from where it is set (package.json's start script, node-options.env),
// so that the tests run what `npm start` and the image run.

/** The NODE_OPTIONS of node-options.env: V8's heap sizes. */
export function heapNodeOptions(): string {
  const match = /^NODE_OPTIONS="([^"]*)"$/m.exec(readFileSync(`${ROOT}node-options.env`, 'utf8'));
  if (!match) throw new Error('node-options.env has no NODE_OPTIONS="…" line');
  return match[1]!;
}

/** The arguments `npm start` gives node (`node ARGS…`), e.g. ['--env-file=node-options.env', 'dist/main.js']. */
export function startArgs(): string[] {
  const start = (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { scripts: { start: string } }).scripts.start;
  const [command, ...args] = start.split(/\s+/);
  if (command !== 'node') throw new Error(`npm start runs ${command}, not node`);
  return args;
}
