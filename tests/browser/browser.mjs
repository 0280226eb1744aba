// Shared set-up for the browser tests: Debian's Chromium driven by playwright-core, a fresh profile per run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const baseUrl = required('BASE_URL').replace(/\/$/, '');
export const keys = {
  investigator: required('LAUNDERTRAIL_INVESTIGATOR_KEY'),
  auditor: required('LAUNDERTRAIL_AUDITOR_KEY'),
  court: required('LAUNDERTRAIL_COURT_KEY'),
};
export const referenceCase = 'SQ-2019-515';
export const artifacts = process.env.ARTIFACTS_DIR ?? path.join(import.meta.dirname, 'artifacts');

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set; tests/browser/run.sh sets it`);
  return value;
}

/** A headless Chromium on a profile of its own, removed when closed. */
export async function launch() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'laundertrail-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1600, height: 1100 },
    acceptDownloads: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Opens the app at path and signs in with the key of the role. */
export async function signIn(page, role, pathname = '/') {
  await page.goto(baseUrl + pathname);
  await page.getByLabel('API key', { exact: true }).fill(keys[role]);
  await page.getByRole('button', { name: 'Use this key' }).click();
  await page.getByText(`Signed in as ${role}`).waitFor();
}

/** Opens the reference case and waits until its diagram is drawn. */
export async function openReferenceCase(page, role) {
  await signIn(page, role, `/cases/${referenceCase}`);
  await page.locator('.chart svg text', { hasText: 'Suning-card merchant 1' }).first().waitFor({ timeout: 60_000 });
}

/** A GET of the API with the key of the role, as the tests' own witness of what the server says. */
export async function api(role, pathname) {
  const response = await fetch(baseUrl + pathname, { headers: { Authorization: `Bearer ${keys[role]}` } });
  if (!response.ok) throw new Error(`GET ${pathname}: ${response.status} ${await response.text()}`);
  return response;
}

/** The flow graph of the reference case as the graph endpoint gives it. */
export async function serverGraph(role, rule, asOf = null) {
  const query = new URLSearchParams({ rule, ...(asOf ? { asOf } : {}) });
  return (await api(role, `/cases/${referenceCase}/graph?${query}`)).json();
}

/** Every band drawn in the diagram, read back from the SVG's data attributes. */
export async function drawnLinks(page) {
  return page.locator('.chart path.link').evaluateAll((paths) => paths.map((p) => ({
    from: p.getAttribute('data-from'), to: p.getAttribute('data-to'), kind: p.getAttribute('data-kind'),
    product: p.getAttribute('data-product'), amount: Number(p.getAttribute('data-amount')),
    lit: p.getAttribute('data-lit') === 'true', share: p.hasAttribute('data-share') ? Number(p.getAttribute('data-share')) : null,
  })));
}

export const edgeKey = (e) => `${e.from}|${e.to}|${e.kind}|${e.product}`;

/** Money as the view writes it: 1,234,567.89. */
export const money = (value) => new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);

export async function figure(page, name) {
  return (await page.locator(`dd[data-figure="${name}"]`).textContent())?.trim();
}
