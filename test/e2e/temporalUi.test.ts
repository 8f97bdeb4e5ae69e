import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApplication, type TestApplication } from '../support/testApplication.js';

/**
 * Ops' view: the dev server's Web UI in headless Chromium (Debian's package, installed by
 * `npm test`'s pretest step), filtering projects by their SopStage search attribute.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOT = 'test/output/temporal-ui-sop-stage.png';

let app: TestApplication;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (npm test's pretest does as root) or set CHROMIUM_PATH.`);
  app = await startTestApplication();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function createProject(lead: string, packageCode: string) {
  const client = await app.gql(`mutation { createClient(input: { name: "UI Co", tier: A }) { id } }`);
  const created = await app.gql(`mutation ($input: CreateProjectInput!) { createProject(input: $input) { id workflowId } }`, {
    input: { clientId: client.data!.createClient.id, name: `${packageCode} site`, packageCode, projectLead: lead },
  });
  return created.data!.createProject as { id: string; workflowId: string };
}

async function moveToDevelopment(projectId: string) {
  const added = await app.gql(`mutation ($input: AddRequirementInput!) { addRequirement(input: $input) { requirements { id } } }`, { input: { projectId, title: 'Home page' } });
  await app.gql(`mutation ($input: ConfirmRequirementInput!) { confirmRequirement(input: $input) { id } }`, {
    input: { projectId, requirementId: added.data!.addRequirement.requirements[0].id },
  });
  for (let n = 1; n <= 2; n++) {
    await app.gql(`mutation ($input: LogCommunicationRoundInput!) { logCommunicationRound(input: $input) { id } }`, {
      input: { projectId, channel: 'CALL', summary: `Call ${n}`, attendees: ['client'] },
    });
  }
  const signed = await app.gql(`mutation ($input: SignOffRequirementsInput!) { signOffRequirements(input: $input) { stage } }`, { input: { projectId } });
  expect(signed.data!.signOffRequirements.stage).toBe('DEVELOPMENT');
}

describe('Temporal Web UI', () => {
  it('lists the projects in a stage when ops filter on SopStage', async () => {
    const lead = `ui-${randomUUID().slice(0, 8)}`;
    const developing = await createProject(lead, 'STANDARD');
    const gathering = await createProject(lead, 'PREMIUM');
    await moveToDevelopment(developing.id);

    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const query = `SopStage="DEVELOPMENT" AND ProjectLead="${lead}"`;
    const url = `${inject('temporalUiUrl')}/namespaces/default/workflows?query=${encodeURIComponent(query)}`;
    // Visibility is eventually consistent: reload until the list catches up.
    let text = '';
    for (let attempt = 0; attempt < 30 && !text.includes(developing.workflowId); attempt++) {
      await page.goto(url, { waitUntil: 'networkidle' });
      text = await page.locator('body').innerText();
    }
    expect(text).toContain(developing.workflowId);
    expect(text).not.toContain(gathering.workflowId);
    await mkdir('test/output', { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    // The same filter for the other stage shows the other project.
    await page.goto(`${inject('temporalUiUrl')}/namespaces/default/workflows?query=${encodeURIComponent(`SopStage="REQUIREMENTS" AND ProjectLead="${lead}"`)}`, {
      waitUntil: 'networkidle',
    });
    await expect.poll(async () => page.locator('body').innerText(), { timeout: 20_000 }).toContain(gathering.workflowId);
    expect(await page.locator('body').innerText()).not.toContain(developing.workflowId);
  });
});
