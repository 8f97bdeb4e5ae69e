import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserForTests } from '../support/chromium.js';
import { startTestApplication, type TestApplication } from '../support/testApplication.js';

/**
 * A front-end developer's first visit: the GraphQL IDE at /graphiql in headless
 * Chrome/Chromium, from the API's own files (every request the page makes stays on the
 * API's origin), the example operations as tabs, the schema loaded, and a query run first
 * anonymously and then with a token pasted into the headers pane.
 */
const BROWSER = browserForTests();
if (BROWSER.skip) console.warn(`\n[graphiql.test.ts] SKIPPED: ${BROWSER.notice}\n`);

let app: TestApplication;
let browser: Browser;

/** Sets the text of one of GraphiQL's CodeMirror editors (the query or the headers pane). */
async function setEditor(page: Page, selector: string, text: string) {
  await page.evaluate(
    ([css, value]) => {
      // Runs in the page: its DOM, typed here by hand (the tests compile without the DOM lib).
      const page = globalThis as unknown as { document: { querySelector(css: string): { CodeMirror?: { setValue(text: string): void } } | null } };
      const wrapper = page.document.querySelector(css!);
      if (!wrapper?.CodeMirror) throw new Error(`no editor at ${css}`);
      wrapper.CodeMirror.setValue(value!);
    },
    [selector, text],
  );
  // GraphiQL reads the editors (and the operation name) after a short debounce.
  await page.waitForTimeout(700);
}

/** Runs the active tab and returns the response pane's text once it shows `expected`. */
async function run(page: Page, expected: string) {
  await page.locator('.graphiql-execute-button').click();
  await expect.poll(async () => page.locator('.graphiql-response').innerText(), { timeout: 15_000 }).toContain(expected);
  return page.locator('.graphiql-response').innerText();
}

describe.skipIf(BROWSER.skip)('the GraphQL IDE', () => {
  beforeAll(async () => {
    if (!BROWSER.executablePath) throw new Error(BROWSER.notice);
    // As npm start runs it: introspection on, so the IDE can load the schema.
    app = await startTestApplication({ api: { introspection: true } });
    browser = await chromium.launch({
      executablePath: BROWSER.executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('loads from local files, shows the example tabs and runs queries, anonymously and with a pasted token', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const origins = new Set<string>();
    page.on('request', (request) => origins.add(new URL(request.url()).origin));
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    await page.goto(`${app.api!.url}/graphiql`, { waitUntil: 'networkidle' });
    await page.locator('.graphiql-container').waitFor({ timeout: 15_000 });
    // The example operations are there as tabs.
    await expect.poll(async () => page.locator('.graphiql-tab').count()).toBeGreaterThanOrEqual(5);

    await setEditor(page, '.graphiql-query-editor .CodeMirror', 'query Packages { servicePackages { code } }');
    expect(await run(page, 'STANDARD')).toContain('PREMIUM');

    await setEditor(page, '.graphiql-query-editor .CodeMirror', 'query FirstClients { clients(first: 5) { totalCount } }');
    expect(await run(page, 'UNAUTHENTICATED')).not.toContain('totalCount":');

    await page.getByText('Headers', { exact: true }).first().click();
    await setEditor(page, 'section[aria-label="Headers"] .graphiql-editor:not(.hidden) .CodeMirror', JSON.stringify({ authorization: `Bearer ${await app.tokenFor('admin')}` }));
    expect(await run(page, 'totalCount')).not.toContain('UNAUTHENTICATED');

    expect([...origins]).toEqual([app.api!.url]);
    expect(errors).toEqual([]);
  });
});
