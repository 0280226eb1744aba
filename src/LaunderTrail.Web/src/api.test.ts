import { afterEach, describe, expect, it, vi } from 'vitest';
import { fileNameOf, getExport, getFlows, getGraph, getPath, listCases, setKey } from './api';

const answering = (body: unknown) => {
  const fetch = vi.fn(async (_path: string) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } }));
  vi.stubGlobal('fetch', fetch);
  setKey('test-key');
  return fetch;
};

afterEach(() => {
  vi.unstubAllGlobals();
  setKey(null);
});

describe('the API client', () => {
  it('lists the readable cases and names those that cannot be read', async () => {
    answering({
      cases: [{ case: 'T-1', victims: 1, totalLoss: 1000, resaleCash: 570, lastEventAt: '2019-04-29T12:00:00+08:00' }],
      unavailable: [{ case: 'T-BAD', reason: 'its figures cannot be computed' }],
    });

    const list = await listCases();

    expect(list.cases.map((c) => c.case)).toEqual(['T-1']);
    expect(list.unavailable).toEqual([{ case: 'T-BAD', reason: 'its figures cannot be computed' }]);
  });

  it('sends a case number with reserved characters as one percent-encoded path segment', async () => {
    const fetch = answering({});

    await getFlows('SQ/2019 #5?%é', { rule: 'fifo', asOf: null });

    expect(fetch.mock.calls[0]?.[0]).toBe('/cases/SQ%2F2019%20%235%3F%25%C3%A9/flows?rule=fifo&wait=60');
  });

  it('asks for the graph, the routes and an export under the rule and moment, the key in a header only', async () => {
    const fetch = answering({});

    await getGraph('SQ-1', { rule: 'libr', asOf: '2019-05-01T00:00:00+08:00' });
    await getPath('SQ-1', { rule: 'fifo', asOf: null, from: 'Ms Zheng, Suzhou (victim 0001)', to: 'acc-q', maxHops: 8 });

    expect(fetch.mock.calls.map((c) => c[0])).toEqual([
      '/cases/SQ-1/graph?rule=libr&asOf=2019-05-01T00%3A00%3A00%2B08%3A00',
      '/cases/SQ-1/path?from=Ms+Zheng%2C+Suzhou+%28victim+0001%29&to=acc-q&rule=fifo&maxHops=8',
    ]);
    for (const [, init] of fetch.mock.calls as unknown as [string, RequestInit][])
      expect(new Headers(init.headers).get('Authorization')).toBe('Bearer test-key');
  });

  it('saves an export under the name the server gives it', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<graphml/>', {
      status: 200, headers: { 'Content-Disposition': "attachment; filename=SQ-1.libr.graphml; filename*=UTF-8''SQ-1.libr.graphml" },
    })));
    setKey('test-key');

    const file = await getExport('SQ-1', 'graphml', { rule: 'libr', asOf: null });

    expect(file.fileName).toBe('SQ-1.libr.graphml');
    expect(await file.blob.text()).toBe('<graphml/>');
  });

  it('reads a file name from either form of Content-Disposition', () => {
    expect(fileNameOf("attachment; filename=a.zip; filename*=UTF-8''%E6%A1%88.zip")).toBe('\u6848.zip');
    expect(fileNameOf('attachment; filename="SQ 515.csv"')).toBe('SQ 515.csv');
    expect(fileNameOf("attachment; filename=a.zip; filename*=UTF-8''%E6%ZZ")).toBe('a.zip');
    expect(fileNameOf(null)).toBeNull();
  });
});
