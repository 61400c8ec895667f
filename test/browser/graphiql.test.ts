import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { DEFAULT_QUERY } from '../../src/graphiql.js';
import { type Stack, startStack } from '../support/stack.js';

/** Debian's Chromium (`apt-get install -y chromium`); `npx playwright install` cannot download browsers here. */
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const MISSING = `${CHROMIUM} is missing: install Debian's Chromium with \`apt-get install -y chromium\` (.ci/run does it)`;
const IN_CI = !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';
const HEADER_VALUE = 'Bearer test-token';
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The host a request really goes to, or null when it never leaves the page (data:, about:). */
function networkHost(url: string): string | null {
  const parsed = new URL(url);
  if (parsed.protocol === 'data:' || parsed.protocol === 'about:') return null;
  // blob:http://127.0.0.1:1234/uuid: the blob belongs to the origin after "blob:".
  if (parsed.protocol === 'blob:') return new URL(parsed.pathname).hostname;
  return parsed.hostname;
}

/** Monaco renders spaces as U+00A0; the visible lines of one of GraphiQL's editors, as plain text. */
async function editorText(page: Page, selector: string): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: Monaco's lines are separate elements; only the rendered text has the line breaks.
  return (await page.locator(`${selector} .view-lines`).innerText()).replace(/\u00a0/g, ' ');
}

/** Waits until the result pane shows a complete JSON answer, and returns it. */
async function waitForResult(page: Page): Promise<string> {
  await page.waitForFunction(() => {
    // biome-ignore lint/performance/useDomNodeTextContent: as above, the rendered text keeps Monaco's line breaks.
    const text = (document.querySelector('.result-window .view-lines') as HTMLElement | null)?.innerText ?? '';
    return text.replace(/\u00a0/g, ' ').includes('"__typename"');
  });
  return editorText(page, '.result-window');
}

if (!existsSync(CHROMIUM)) {
  if (IN_CI) {
    it('GraphiQL in a browser: Chromium is installed', () => {
      throw new Error(MISSING);
    });
  } else {
    console.warn(`Skipping the GraphiQL browser test: ${MISSING}`);
    it(`GraphiQL in a browser (skipped: ${MISSING})`, (context) => context.skip(MISSING));
  }
} else {
  describe('GraphiQL in headless Chromium (offline, against the simulator)', () => {
    let stack: Stack;
    let browser: Browser;

    beforeAll(async () => {
      stack = await startStack();
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    });

    afterAll(async () => {
      await browser?.close();
      await stack?.close();
    });

    /**
     * GraphiQL freshly opened in a context of its own (no storage, no history shared with another case), so
     * each case holds alone, in any order; `requested` collects every URL it asks for, sub-resources, workers
     * and web sockets included.
     */
    async function open(): Promise<{ page: Page; requested: string[] }> {
      const requested: string[] = [];
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      onTestFinished(() => context.close());
      context.on('request', (request) => requested.push(request.url()));
      const page = await context.newPage();
      page.on('websocket', (socket) => requested.push(socket.url()));
      await page.goto(`${stack.url}/graphql`);
      await page.locator('.graphiql-query-editor .view-lines').waitFor();
      return { page, requested };
    }

    /** Runs the query in the editor (the suggestion pop-up would cover the run button). */
    async function execute(page: Page): Promise<void> {
      await page.keyboard.press('Escape');
      await page.locator('.graphiql-execute-button').click();
    }

    it('opens with the default query: serverDomains and its error fragments', async () => {
      const { page } = await open();
      await page.waitForFunction(() =>
        document.querySelector('.graphiql-query-editor .view-lines')?.textContent?.includes('serverDomains'),
      );
      const shown = await editorText(page, '.graphiql-query-editor');
      for (const part of [
        'query ServerDomains {',
        'serverDomains {',
        '__typename',
        '... on ServerDomains {',
        '... on Error {',
        '... on WechatError {',
        '... on UpstreamUnavailableError {',
      ]) {
        expect(shown).toContain(part);
      }
      // Monaco renders the lines in view only: what is shown is the start of DEFAULT_QUERY, line for line.
      expect(DEFAULT_QUERY.startsWith(shown.trimEnd())).toBe(true);
    });

    it('runs it and shows the simulator’s domains in the result pane', async () => {
      const { page } = await open();
      await execute(page);
      const result = await waitForResult(page);
      expect(result).toContain('"__typename": "ServerDomains"');
      expect(result).toContain('api.example.com');
      expect(JSON.parse(result)).toEqual({
        data: {
          serverDomains: { __typename: 'ServerDomains', testing: ['api.example.com'], published: ['api.example.com'], unverified: [] },
        },
      });
    });

    it('sends the headers typed in the headers editor with the next request', async () => {
      const { page } = await open();
      await page.getByRole('button', { name: 'Headers', exact: true }).click();
      const headersEditor = page.locator('.graphiql-editor-tool .graphiql-editor:not(.hidden)');
      await headersEditor.click();
      // insertText, not type: key by key, Monaco would add closing quotes and braces of its own.
      await page.keyboard.insertText(JSON.stringify({ Authorization: HEADER_VALUE }));
      expect(JSON.parse(await editorText(page, '.graphiql-editor-tool .graphiql-editor:not(.hidden)'))).toEqual({
        Authorization: HEADER_VALUE,
      });

      const next = page.waitForRequest((request) => new URL(request.url()).pathname === '/graphql');
      await execute(page);
      const request = await next;
      expect(request.method()).toBe('POST');
      expect((await request.allHeaders()).authorization).toBe(HEADER_VALUE);
      expect((await request.response())?.status()).toBe(200);

      const result = await waitForResult(page);
      expect(result).toContain('"__typename": "ServerDomains"');
    });

    it('loads nothing from beyond loopback (no CDN), opening and running a query', async () => {
      const { page, requested } = await open();
      await execute(page);
      await waitForResult(page);
      expect(requested.some((url) => new URL(url).pathname === '/graphql')).toBe(true);
      const outside = requested.filter((url) => {
        const host = networkHost(url);
        return host !== null && !LOOPBACK.has(host);
      });
      expect(outside).toEqual([]);
    });
  });
}
