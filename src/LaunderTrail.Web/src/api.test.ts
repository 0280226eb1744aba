import { afterEach, describe, expect, it, vi } from 'vitest';
import { getFlows, listCases, setKey } from './api';

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

    expect(fetch.mock.calls[0]?.[0]).toBe('/cases/SQ%2F2019%20%235%3F%25%C3%A9/flows?rule=fifo');
  });
});
