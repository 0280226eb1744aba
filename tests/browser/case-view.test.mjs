import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { artifacts, baseUrl, figure, keys, launch, openReferenceCase, referenceCase, signIn } from './browser.mjs';

let browser;
let page;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// Every request any page makes, to check the page works offline and never puts the key in a URL.
const requested = [];

async function freshPage() {
  await page?.close();
  page = await browser.context.newPage();
  page.on('request', (request) => requested.push(request.url()));
  return page;
}

describe('case list', () => {
  it('lists the reference case with its victims and loss', async () => {
    const page = await freshPage();
    await signIn(page, 'investigator');
    const row = page.getByRole('row', { name: new RegExp(referenceCase) });
    await row.waitFor();
    const text = await row.textContent();
    assert.match(text, /240/);
    assert.match(text, /5,951,696\.00/);
  });
});

describe('case view as investigator', () => {
  before(async () => {
    await freshPage();
    await openReferenceCase(page, 'investigator');
  });

  it('draws the diagram with the card merchants and their rates', async () => {
    const labels = await page.locator('.chart svg text').allTextContents();
    for (const merchant of ['Suning-card merchant 1', 'Suning-card merchant 2', 'Q-coin merchant 1', 'Q-coin merchant 2'])
      assert.ok(labels.some((l) => l.includes(merchant)), `${merchant} is drawn`);
    assert.equal(labels.filter((l) => l.endsWith('@ 0.97')).length, 2, 'two resale links at 0.97');
    assert.equal(labels.filter((l) => l.endsWith('@ 0.86')).length, 2, 'two resale links at 0.86');

    for (const [account, rate] of [['acc-suning-merchant-1', '0.97'], ['acc-suning-merchant-2', '0.97'], ['acc-qcoin-merchant-1', '0.86'], ['acc-qcoin-merchant-2', '0.86']]) {
      const cells = await page.locator(`tr[data-account="${account}"] td`).allTextContents();
      assert.equal(cells[4], rate, `${account} rate in the merchants table`);
    }
  });

  it('replays the case with the slider', async () => {
    const latest = await figure(page, 'Resale cash');
    assert.equal(latest, '5,487,575.00');
    const slider = page.getByLabel('Replay: as of');
    await slider.fill('3');
    await page.waitForFunction((before) => document.querySelector('dd[data-figure="Resale cash"]')?.textContent !== before, latest, { timeout: 60_000 });
    const early = await figure(page, 'Resale cash');
    assert.ok(Number(early.replace(/,/g, '')) < 5_487_575, `resale cash as of an early day (${early}) is smaller`);
    assert.match(await page.locator('#as-of-text').textContent(), /^2019-0[45]-\d\dT00:00:00\+08:00$/);
    await slider.fill(await slider.getAttribute('max'));
    await page.waitForFunction(() => document.querySelector('dd[data-figure="Resale cash"]')?.textContent === '5,487,575.00', null, { timeout: 60_000 });
  });

  it("follows Ms Zheng's trail alone", async () => {
    await page.getByLabel('Follow a victim').selectOption('Ms Zheng, Suzhou (victim 0001)');
    const trail = page.getByRole('region', { name: 'Trail of Ms Zheng, Suzhou (victim 0001)' });
    await trail.waitFor();
    assert.match(await trail.textContent(), /Loss 49,950\.00/);
    const labels = await page.locator('.chart svg text').allTextContents();
    assert.ok(labels.some((l) => l.startsWith('Ms Zheng, Suzhou')), 'she is drawn on her own');
    await page.getByLabel('Follow a victim').selectOption('');
  });

  it('shows the link of a selected timeline event', async () => {
    await page.locator('tr[data-fact^="sale-SN-"] button').first().click();
    const selection = await page.getByTestId('selection').textContent();
    assert.match(selection, /→ Suning-card merchant \d: .* @ 0\.97 \(\d+ facts\)/);
  });

  it('switches the tracing rule', async () => {
    await page.getByLabel('First in, first out').check();
    await page.getByText('Updating the figures…').waitFor({ state: 'detached', timeout: 60_000 });
    assert.equal(await figure(page, 'Resale cash'), '5,487,575.00');
  });

  it('offers write actions and the court bundle', async () => {
    assert.ok(await page.getByLabel('Record facts').isVisible());
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download court bundle' }).click();
    assert.equal((await download).suggestedFilename(), `${referenceCase}-timeline.zip`);
  });

  it('keeps the key out of the URL and browser storage', async () => {
    const kept = await page.evaluate(() => [location.href, document.cookie, JSON.stringify(localStorage), JSON.stringify(sessionStorage)]);
    for (const place of kept) assert.ok(!place.includes(keys.investigator));
  });
});

describe('screenshot', () => {
  it("saves the case view following Ms Zheng's trail", async () => {
    const page = await freshPage();
    await openReferenceCase(page, 'investigator');
    await page.getByLabel('Follow a victim').selectOption('Ms Zheng, Suzhou (victim 0001)');
    await page.getByRole('region', { name: /^Trail of Ms Zheng/ }).waitFor();
    fs.mkdirSync(artifacts, { recursive: true });
    const file = path.join(artifacts, 'case-view.png');
    await page.screenshot({ path: file });
    assert.ok(fs.statSync(file).size > 10_000);
  });
});

describe('roles', () => {
  it('shows an auditor the case without write actions or the court bundle', async () => {
    const page = await freshPage();
    await openReferenceCase(page, 'auditor');
    assert.equal(await page.getByLabel('Record facts').count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Download court bundle' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Record', exact: true }).count(), 0);
  });

  it('gives the court its bundle and nothing else', async () => {
    const page = await freshPage();
    await signIn(page, 'court', `/cases/${referenceCase}`);
    await page.getByRole('button', { name: 'Download court bundle' }).waitFor();
    assert.equal(await page.locator('.chart').count(), 0);
  });

  it('refuses an unknown key', async () => {
    const page = await freshPage();
    await page.goto(baseUrl + '/');
    await page.getByLabel('API key', { exact: true }).fill('not-a-key');
    await page.getByRole('button', { name: 'Use this key' }).click();
    await page.getByRole('alert').filter({ hasText: 'unknown or revoked' }).waitFor();
  });
});

describe('offline', () => {
  it('loaded everything from the server itself, with no key in any URL', () => {
    assert.ok(requested.length > 0);
    const elsewhere = requested.filter((url) => !url.startsWith(`${baseUrl}/`) && !url.startsWith('blob:') && !url.startsWith('data:'));
    assert.deepEqual(elsewhere, []);
    for (const key of Object.values(keys)) assert.deepEqual(requested.filter((url) => url.includes(key)), []);
  });
});
