/**
 * Composes this subgraph (schema.graphql) with others into a supergraph, with
 * @theguild/federation-composition (the same rules as Apollo's):
 *   npm run supergraph -- [name=path/to/other.graphql ...] [--out supergraph.graphql]
 *   npm run supergraph -- --check   composes with the test-only directory subgraph; fails on any error
 * The supergraph SDL is what Hive Gateway (`supergraph:`) and Apollo Router (`--supergraph`) load.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { composeServices, compositionHasErrors } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { DIRECTORY_SDL } from '../test/federation/directory-subgraph.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const check = args.includes('--check');
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? args[outIndex + 1]! : 'supergraph.graphql';
const others = args.filter((a, i) => a.includes('=') && i !== outIndex + 1);

const services = [
  {
    name: 'wxa-server-domains',
    url: process.env.SUBGRAPH_URL ?? 'http://127.0.0.1:4000/graphql',
    typeDefs: parse(readFileSync(`${root}schema.graphql`, 'utf8')),
  },
  ...(check ? [{ name: 'platform-directory', url: 'http://127.0.0.1:4001/graphql', typeDefs: parse(DIRECTORY_SDL) }] : []),
  ...others.map((pair) => {
    const [name, path] = pair.split('=') as [string, string];
    return { name, url: `http://${name}/graphql`, typeDefs: parse(readFileSync(path, 'utf8')) };
  }),
];

const result = composeServices(services);
if (compositionHasErrors(result)) {
  process.stderr.write(`The subgraphs do not compose:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}\n`);
  process.exit(1);
}
if (check) {
  process.stdout.write(`schema.graphql composes with ${services.length - 1} other subgraph(s).\n`);
} else {
  writeFileSync(out, result.supergraphSdl);
  process.stdout.write(`Wrote ${out} (${services.map((s) => s.name).join(', ')}).\n`);
}
