import { describe, expect, it } from 'vitest';
import type { Fact, Merchant, TimelineEvent, VictimTrail } from './api';
import { buildDiagram, OTHERS, topVictims, trailOf } from './model';

let seq = 0;
const event = (fact: Omit<Fact, 'case'>, extra: Partial<TimelineEvent> = {}): TimelineEvent => ({
  seq: ++seq, recordedAt: '2026-01-01T00:00:00Z', description: '', retractedBy: [], leftOut: null, discountRate: null,
  fact: { case: 'T-1', ...fact } as Fact, ...extra,
});
const account = (id: string, holder: string, role: string) =>
  event({ id: `acc-${id}`, type: 'AccountIdentified', at: '2019-05-01T08:00:00+08:00', account: id, holder, role });

const events: TimelineEvent[] = [
  account('v1', 'Ann', 'victim'), account('v2', 'Bea', 'victim'), account('v3', 'Cai', 'victim'),
  account('g1', 'Gang', 'fraudster'), account('m', 'Mid', 'middleman'),
  account('cs', 'Suning buyer', 'card-merchant'), account('cq', 'Q buyer', 'card-merchant'),
  event({ id: 't1', type: 'FundsTransferred', at: '2019-05-01T09:00:00+08:00', from: 'v1', to: 'g1', amount: 1000 }),
  event({ id: 't2', type: 'FundsTransferred', at: '2019-05-02T09:00:00+08:00', from: 'v2', to: 'g1', amount: 300 }),
  event({ id: 't3', type: 'FundsTransferred', at: '2019-05-02T09:30:00+08:00', from: 'v3', to: 'g1', amount: 200 }),
  event({ id: 'b1', type: 'PrepaidValuePurchased', at: '2019-05-02T10:00:00+08:00', lot: 'S1', product: 'Suning card', buyer: 'g1', paid: 1000, faceValue: 1000 }),
  event({ id: 'b2', type: 'PrepaidValuePurchased', at: '2019-05-02T10:00:00+08:00', lot: 'Q1', product: 'Q coin', buyer: 'v2', holder: 'g1', paid: 500, faceValue: 500 }),
  event({ id: 'h1', type: 'PrepaidValueTransferred', at: '2019-05-02T11:00:00+08:00', lot: 'S1', from: 'g1', to: 'm', faceValue: 1000 }),
  event({ id: 'h2', type: 'PrepaidValueTransferred', at: '2019-05-02T11:00:00+08:00', lot: 'Q1', from: 'g1', to: 'm', faceValue: 500 }),
  event({ id: 'r1', type: 'PrepaidValueResold', at: '2019-05-02T12:00:00+08:00', lot: 'S1', seller: 'm', buyer: 'cs', faceValue: 600, price: 582 }),
  event({ id: 'r2', type: 'PrepaidValueResold', at: '2019-05-03T12:00:00+08:00', lot: 'S1', seller: 'm', buyer: 'cs', faceValue: 400, price: 388 }),
  event({ id: 'r3', type: 'PrepaidValueResold', at: '2019-05-03T12:00:00+08:00', lot: 'Q1', seller: 'm', buyer: 'cq', faceValue: 500, price: 430 }),
  event({ id: 'x1', type: 'FundsTransferred', at: '2019-05-03T09:00:00+08:00', from: 'v1', to: 'g1', amount: 999 }, { retractedBy: [{ id: 'ret', reason: 'typo' }] }),
  event({ id: 'settle', type: 'FundsTransferred', at: '2019-05-04T09:00:00+08:00', from: 'm', to: 'g1', amount: 900 }),
];
const shown = new Set(['Ann', 'Bea']);
const link = (d: ReturnType<typeof buildDiagram>, key: string) => d.links.find((l) => l.key === key);

describe('buildDiagram', () => {
  it('aggregates facts per source and target in layers, with resale rates', () => {
    const d = buildDiagram(events, { asOf: null, victimsShown: shown });
    expect(link(d, 'victim:Ann→account:g1')?.amount).toBe(1000);
    expect(link(d, 'victim:Bea→account:g1')?.amount).toBe(800);
    expect(link(d, 'account:g1→product:Q coin')?.amount).toBe(500);
    expect(link(d, 'product:Suning card→account:m')?.amount).toBe(1000);
    const suning = link(d, 'account:m→account:cs');
    expect([suning?.amount, suning?.cash, suning?.rate]).toEqual([1000, 970, 0.97]);
    expect(link(d, 'account:m→account:cq')?.rate).toBe(0.86);
    expect(d.nodes.find((n) => n.id === OTHERS)?.label).toBe('Other victims (1)');
    expect(d.nodes.map((n) => n.layer)).toEqual([...d.nodes.map((n) => n.layer)].sort());
  });

  it('leaves out withdrawn facts and money coming back to the gang', () => {
    const d = buildDiagram(events, { asOf: null, victimsShown: shown });
    expect(d.linksOfFact.has('x1')).toBe(false);
    expect(d.linksOfFact.has('settle')).toBe(false);
    expect(d.linksOfFact.get('b2')).toEqual(['victim:Bea→account:g1', 'account:g1→product:Q coin']);
  });

  it('counts only what had happened by asOf', () => {
    const d = buildDiagram(events, { asOf: Date.parse('2019-05-02T12:00:00+08:00'), victimsShown: shown });
    expect(link(d, 'account:m→account:cs')?.amount).toBe(600);
    expect(link(d, 'account:m→account:cq')).toBeUndefined();
  });
});

describe('victims', () => {
  const victims: VictimTrail[] = [
    { holder: 'Ann', accounts: ['v1'], loss: 1000, reached: [{ account: 'cs', holder: '', faceValue: 1000, cash: 970 }], holdings: [] },
    { holder: 'Bea', accounts: ['v2'], loss: 800, reached: [], holdings: [] },
    { holder: 'Abe', accounts: ['v4'], loss: 800, reached: [], holdings: [] },
  ];
  it('picks the largest losses first, ties by name', () => {
    expect(topVictims(victims, 2)).toEqual(['Ann', 'Abe']);
  });
  it("follows a victim's trail to the merchants she reached only", () => {
    const merchants: Merchant[] = [
      { account: 'cs', holder: '', product: 'Suning card', faceValue: 0, price: 0, discountRate: 0.97, resales: 2 },
      { account: 'cq', holder: '', product: 'Q coin', faceValue: 0, price: 0, discountRate: 0.86, resales: 1 },
    ];
    const trail = trailOf(buildDiagram(events, { asOf: null, victimsShown: shown }), victims[0]!, merchants);
    expect([...trail.links].sort()).toEqual([
      'account:g1→product:Suning card', 'account:m→account:cs', 'product:Suning card→account:m', 'victim:Ann→account:g1',
    ]);
  });
});
