import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { api, artifacts, baseUrl, drawnLinks, edgeKey, figure, keys, launch, money, openReferenceCase, referenceCase, serverGraph, signIn } from './browser.mjs';

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

const zheng = 'Ms Zheng, Suzhou (victim 0001)';
const ruleLabels = { 'pro-rata': 'Pro rata', fifo: 'First in, first out', libr: 'Lowest intermediate balance (libr)' };

/** Switches the rule and waits until the diagram is the one the server traced under it. */
async function chooseRule(page, rule) {
  await page.getByLabel(ruleLabels[rule]).check();
  await page.locator(`.chart svg[data-rule="${rule}"]`).waitFor({ timeout: 60_000 });
  await page.getByText('Updating the figures…').waitFor({ state: 'detached', timeout: 60_000 });
}

/** The drawn bands against the graph endpoint's edges: one band per edge, each with the edge's amount exactly. */
function assertDrawnAsServed(drawn, graph) {
  assert.equal(drawn.length, graph.edges.length, 'one band per edge of the flow graph');
  const served = new Map(graph.edges.map((e) => [edgeKey(e), e.amount]));
  const keys = new Set();
  for (const link of drawn) {
    const key = edgeKey(link);
    assert.ok(served.has(key), `${key} is an edge of the graph`);
    assert.ok(!keys.has(key), `${key} is drawn once`);
    keys.add(key);
    assert.equal(link.amount, served.get(key), `${key}: drawn ${link.amount}, served ${served.get(key)}`);
  }
}

/** Her share of each edge as the graph endpoint gives it (the edges whose origins name her). */
function sharesOf(graph, holder) {
  return new Map(graph.edges.flatMap((e) => {
    const origin = e.origins.find((o) => o.origin === holder);
    return origin ? [[edgeKey(e), origin.amount]] : [];
  }));
}

describe('case view as investigator', () => {
  before(async () => {
    await freshPage();
    await openReferenceCase(page, 'investigator');
  });

  it('draws the diagram with the card merchants and their rates', async () => {
    const labels = await page.locator('.chart svg text').allTextContents();
    for (const merchant of ['Suning-card merchant 1', 'Suning-card merchant 2', 'Q-coin merchant 1', 'Q-coin merchant 2'])
      assert.ok(labels.some((l) => l.includes(merchant)), `${merchant} is drawn`);
    assert.equal(labels.filter((l) => l.endsWith('@ 0.97')).length, 2, 'two card merchants at 0.97');
    assert.equal(labels.filter((l) => l.endsWith('@ 0.86')).length, 2, 'two card merchants at 0.86');

    for (const [account, rate] of [['acc-suning-merchant-1', '0.97'], ['acc-suning-merchant-2', '0.97'], ['acc-qcoin-merchant-1', '0.86'], ['acc-qcoin-merchant-2', '0.86']]) {
      const cells = await page.locator(`tr[data-account="${account}"] td`).allTextContents();
      assert.equal(cells[4], rate, `${account} rate in the merchants table`);
    }
  });

  for (const rule of ['fifo', 'libr']) {
    it(`draws the graph endpoint's edges with their amounts, and lights Ms Zheng's with her shares, under ${rule}`, async () => {
      await chooseRule(page, rule);
      const graph = await serverGraph('investigator', rule);
      assert.equal(graph.rule, rule);
      assertDrawnAsServed(await drawnLinks(page), graph);

      await page.getByLabel('Follow a victim').selectOption(zheng);
      await page.locator('.chart path.link[data-share]').first().waitFor();
      const shares = sharesOf(graph, zheng);
      const lit = (await drawnLinks(page)).filter((l) => l.lit);
      assert.deepEqual(lit.map(edgeKey).sort(), [...shares.keys()].sort(), 'lit: exactly the edges that carried her money');
      for (const link of lit) assert.equal(link.share, shares.get(edgeKey(link)), `${edgeKey(link)}: her share as served`);
      const labels = await page.locator('.chart text.link-label').allTextContents();
      for (const share of shares.values()) assert.ok(labels.includes(money(share)), `her ${money(share)} is written on the diagram`);
      await page.getByLabel('Follow a victim').selectOption('');
    });
  }

  it('asks the server again when the rule changes: her shares under fifo and libr differ', async () => {
    const [fifo, libr] = [sharesOf(await serverGraph('investigator', 'fifo'), zheng), sharesOf(await serverGraph('investigator', 'libr'), zheng)];
    const differing = [...fifo.keys()].filter((key) => fifo.get(key) !== libr.get(key));
    assert.ok(differing.length > 0, 'the reference case splits her money differently under fifo and libr');
    const key = differing[0];
    const drawnShare = async (rule) => {
      await chooseRule(page, rule);
      await page.getByLabel('Follow a victim').selectOption(zheng);
      await page.locator('.chart path.link[data-share]').first().waitFor();
      return (await drawnLinks(page)).find((l) => edgeKey(l) === key)?.share;
    };
    assert.equal(await drawnShare('fifo'), fifo.get(key));
    assert.equal(await drawnShare('libr'), libr.get(key));
    await page.getByLabel('Follow a victim').selectOption('');
    await chooseRule(page, 'pro-rata');
  });

  it('replays the case with the slider, drawing the graph as of that moment', async () => {
    const latest = await figure(page, 'Resale cash');
    assert.equal(latest, '5,487,575.00');
    const slider = page.getByLabel('Replay: as of');
    await slider.fill('3');
    await page.waitForFunction((before) => document.querySelector('dd[data-figure="Resale cash"]')?.textContent !== before, latest, { timeout: 60_000 });
    const early = await figure(page, 'Resale cash');
    assert.ok(Number(early.replace(/,/g, '')) < 5_487_575, `resale cash as of an early day (${early}) is smaller`);
    const asOf = await page.locator('#as-of-text').textContent();
    assert.match(asOf, /^2019-0[45]-\d\dT00:00:00\+08:00$/);
    await page.locator(`.chart svg[data-as-of="${asOf}"]`).waitFor({ timeout: 60_000 });
    const graph = await serverGraph('investigator', 'pro-rata', asOf);
    assertDrawnAsServed(await drawnLinks(page), graph);
    assert.ok(graph.edges.length < (await serverGraph('investigator', 'pro-rata')).edges.length, 'fewer edges early on');
    await slider.fill(await slider.getAttribute('max'));
    await page.waitForFunction(() => document.querySelector('dd[data-figure="Resale cash"]')?.textContent === '5,487,575.00', null, { timeout: 60_000 });
    await page.locator('.chart svg[data-as-of=""]').waitFor({ timeout: 60_000 });
  });

  it("follows Ms Zheng's trail alone", async () => {
    await page.getByLabel('Follow a victim').selectOption(zheng);
    const trail = page.getByRole('region', { name: `Trail of ${zheng}` });
    await trail.waitFor();
    assert.match(await trail.textContent(), /Loss 49,950\.00/);
    const labels = await page.locator('.chart svg text').allTextContents();
    assert.ok(labels.some((l) => l.startsWith('Ms Zheng, Suzhou')), 'she is drawn on her own');
    await page.getByLabel('Follow a victim').selectOption('');
  });

  it('answers "from this victim to that merchant" hop by hop, as the path endpoint does, and lights the routes', async () => {
    const panel = page.getByRole('region', { name: 'Routes between two accounts' });
    await panel.getByLabel('From', { exact: true }).selectOption(zheng);
    await panel.getByLabel('To', { exact: true }).selectOption('acc-qcoin-merchant-1');
    await panel.getByRole('button', { name: 'Find routes' }).click();
    const routes = page.getByTestId('routes');
    await routes.locator('table').first().waitFor({ timeout: 60_000 });

    const query = new URLSearchParams({ from: zheng, to: 'acc-qcoin-merchant-1', rule: 'pro-rata', maxHops: '8' });
    const served = await (await api('investigator', `/cases/${referenceCase}/path?${query}`)).json();
    assert.ok(served.routes.length > 0);
    assert.equal(await routes.locator('table').count(), served.routes.length);
    const hops = await routes.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [r.dataset.from, r.dataset.to, r.dataset.kind, Number(r.dataset.amount)]));
    assert.deepEqual(hops, served.routes.flatMap((r) => r.hops.map((h) => [h.from, h.to, h.kind, h.amount])));
    assert.match(await routes.locator('caption').first().textContent(), new RegExp(`^Route 1: ${money(served.routes[0].amount).replace(/\./g, '\\.')} reached Q-coin merchant 1`));
    assert.equal(await page.getByTestId('route-cap').count(), 0, 'no cap applied');
    const lit = (await drawnLinks(page)).filter((l) => l.lit).map(edgeKey).sort();
    assert.deepEqual(lit, [...new Set(served.routes.flatMap((r) => r.hops.map(edgeKey)))].sort(), 'the diagram lights the routes');
    const labels = await page.locator('.chart text.link-label').allTextContents();
    for (const hop of served.routes.flatMap((r) => r.hops)) assert.ok(labels.includes(money(hop.amount)), `${money(hop.amount)} is written on its band`);

    await panel.getByLabel('To', { exact: true }).selectOption('acc-loan-app');
    await panel.getByRole('button', { name: 'Find routes' }).click();
    await page.getByTestId('no-route').waitFor({ timeout: 60_000 });
    assert.match(await page.getByTestId('no-route').textContent(), /^No route: none of Ms Zheng, Suzhou \(victim 0001\)’s money reaches online loan app/);
  });

  it('says so when the server capped the routes', async () => {
    // The reference case has too few routes to reach the cap: the server's answer is marked truncated on its way.
    await page.route('**/path?*', async (route) => {
      const response = await route.fetch();
      route.fulfill({ response, json: { ...(await response.json()), truncated: true } });
    });
    try {
      const panel = page.getByRole('region', { name: 'Routes between two accounts' });
      await panel.getByLabel('To', { exact: true }).selectOption('acc-suning-merchant-2');
      await panel.getByRole('button', { name: 'Find routes' }).click();
      await page.getByTestId('route-cap').waitFor({ timeout: 60_000 });
      assert.match(await page.getByTestId('route-cap').textContent(), /applied its cap/);
    } finally {
      await page.unroute('**/path?*');
    }
  });

  it('exports the flow graph in four formats, the bytes the export endpoint gives', async () => {
    await chooseRule(page, 'libr');
    for (const [format, button, extension] of [['graphml', 'GraphML', 'graphml'], ['gexf', 'GEXF', 'gexf'], ['i2', 'i2 CSV', 'csv'], ['neo4j', 'Neo4j CSV', 'zip']]) {
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: button, exact: true }).click();
      const file = await download;
      assert.equal(file.suggestedFilename(), `${referenceCase}.libr.${extension}`);
      const saved = fs.readFileSync(await file.path());
      const served = Buffer.from(await (await api('investigator', `/cases/${referenceCase}/export?format=${format}&rule=libr`)).arrayBuffer());
      assert.ok(saved.equals(served), `${format}: the file saved is the endpoint's`);
    }
    await chooseRule(page, 'pro-rata');
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
    await page.getByLabel('Follow a victim').selectOption(zheng);
    await page.getByRole('region', { name: /^Trail of Ms Zheng/ }).waitFor();
    await page.locator('.chart path.link[data-share]').first().waitFor();
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
    assert.ok(await page.getByRole('button', { name: 'GraphML', exact: true }).isVisible(), 'auditors may export the flow graph');
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
