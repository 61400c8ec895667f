import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthSettings } from '../../src/config.js';
import { type Stack, startStack } from '../support/stack.js';
import { mint, TEST_SECRET } from '../support/tokens.js';

// urql as a front end loads it (its ES modules, an import map), on a page of another origin that CORS_ORIGINS lists.
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'];
const IN_CI = !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';
const MODULES: Record<string, string> = {
  '/m/urql-core.mjs': '@urql/core/dist/urql-core.mjs',
  '/m/urql-core-chunk.mjs': '@urql/core/dist/urql-core-chunk.mjs',
  '/m/wonka.mjs': 'wonka/dist/wonka.mjs',
  '/m/graphql.web.mjs': '@0no-co/graphql.web/dist/graphql.web.mjs',
};
// process.env.NODE_ENV: what a bundler (Vite, webpack) replaces in urql's modules.
const PAGE = `<!doctype html><meta charset="utf-8"><title>front end</title>
<script>window.process = { env: { NODE_ENV: 'production' } };</script>
<script type="importmap">{"imports":{"@urql/core":"/m/urql-core.mjs","wonka":"/m/wonka.mjs","@0no-co/graphql.web":"/m/graphql.web.mjs"}}</script>
<script type="module">import * as urql from '@urql/core'; window.urql = urql; document.title = 'ready';</script>`;
const AUTH: AuthSettings = { mode: 'secret', secret: TEST_SECRET, issuer: 'https://id.example.com', audience: 'wxa-server-domains' };

/** A static server for the page and urql's modules: the front end's own origin. */
async function startPageServer(): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const module = MODULES[req.url ?? ''];
    if (module) {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(readFileSync(fileURLToPath(new URL(`../../node_modules/${module}`, import.meta.url))));
    } else {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(PAGE);
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, origin: `http://localhost:${(server.address() as AddressInfo).port}` };
}

interface PageResult {
  data?: { serverDomains?: { __typename: string }; addDomains?: { __typename: string } };
  error?: string;
}

/** Runs a urql query and a mutation in the page, with the client's defaults and the given headers. */
function runUrql(page: Page, url: string, headers: Record<string, string>): Promise<PageResult[]> {
  return page.evaluate(
    async ({ url, headers }) => {
      const { Client, fetchExchange } = (window as unknown as { urql: typeof import('@urql/core') }).urql;
      const client = new Client({ url, exchanges: [fetchExchange], fetchOptions: { headers } });
      const read = await client.query('query Read { serverDomains { __typename } }', {}).toPromise();
      const add = await client.mutation('mutation { addDomains(input: { domains: ["page.example.com"] }) { __typename } }', {}).toPromise();
      return [read, add].map((r) => ({ data: r.data, error: r.error?.message }));
    },
    { url, headers },
  );
}

if (!existsSync(CHROMIUM)) {
  const missing = `${CHROMIUM} is missing: install Debian's Chromium with \`apt-get install -y chromium\``;
  if (IN_CI) {
    it('front-end clients in a browser: Chromium is installed', () => {
      throw new Error(missing);
    });
  } else {
    it(`front-end clients in a browser (skipped: ${missing})`, (context) => context.skip(missing));
  }
} else {
  describe('urql in Chromium, on a page of an origin CORS_ORIGINS lists', () => {
    let browser: Browser;
    let pages: { server: Server; origin: string };
    let stack: Stack | undefined;

    beforeAll(async () => {
      pages = await startPageServer();
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    });
    afterAll(async () => {
      await browser?.close();
      await stack?.close();
      pages?.server.close();
    });

    const openPage = async (): Promise<{ page: Page; methods: string[] }> => {
      const page = await (await browser.newContext()).newPage();
      const methods: string[] = [];
      page.on('request', (request) => {
        if (new URL(request.url()).pathname === '/graphql') methods.push(request.method());
      });
      await page.goto(pages.origin);
      await page.waitForFunction(() => document.title === 'ready');
      return { page, methods };
    };

    it.each([
      ['simulator mode, no token', undefined],
      ['live with a JWT (a preflight for the Authorization header)', AUTH],
    ])('%s: the query by GET and the mutation by POST both answer', async (_mode, auth) => {
      await stack?.close();
      stack = await startStack({ auth, corsOrigins: [pages.origin] });
      const { page, methods } = await openPage();
      const headers: Record<string, string> = auth
        ? { authorization: `Bearer ${await mint({ scope: 'server-domains:write' }, { issuer: AUTH.issuer, audience: AUTH.audience })}` }
        : {};
      const [read, add] = await runUrql(page, `${stack.url}/graphql`, headers);
      expect(read).toEqual({ data: { serverDomains: { __typename: 'ServerDomains' } } });
      expect(add).toEqual({ data: { addDomains: { __typename: 'ServerDomains' } } });
      expect(methods.filter((m) => m !== 'OPTIONS')).toEqual(['GET', 'POST']);
      expect(stack.sim.count('modify', 'add')).toBe(1);
    });

    it('a cross-site form-like POST (text/plain, no preflight) carrying a mutation changes nothing', async () => {
      await stack?.close();
      stack = await startStack({ corsOrigins: [pages.origin] });
      const { page } = await openPage();
      await page.evaluate(
        (url) =>
          fetch(url, {
            method: 'POST',
            mode: 'no-cors',
            headers: { 'content-type': 'text/plain' },
            body: JSON.stringify({ query: 'mutation { addDomains(input: { domains: ["evil.example.com"] }) { __typename } }' }),
          }),
        `${stack.url}/graphql`,
      );
      const log = stack.logLines.map((l) => JSON.parse(l) as { msg: string; status?: number }).filter((l) => l.msg === 'request');
      expect(log.at(-1)?.status).toBe(403);
      expect(stack.sim.count('modify', 'add')).toBe(0);
    });
  });
}
