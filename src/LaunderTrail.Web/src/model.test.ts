import { describe, expect, it } from 'vitest';
import type { EdgeKind, FlowGraph, GraphEdge, GraphNode, VictimTrail } from './api';
import { amountOf, drawFlowGraph, edgeKey, OTHERS, topVictims, type Drawing } from './model';

const account = (id: string, holder: string, role: string): GraphNode => ({ id: `account:${id}`, kind: 'account', account: id, holder, role });
const product = (name: string): GraphNode => ({ id: `product:${name}`, kind: 'product', product: name });
const edge = (from: string, to: string, kind: EdgeKind, amount: number, origins: [string, number][] = [], productName = ''): GraphEdge => ({
  from, to, kind, product: productName, amount, facts: 1, origins: origins.map(([origin, share]) => ({ origin, amount: share })),
});

// The reference case in small: a loan to Ann, three victims paying a gang account (Bea also buys Q coins into it), the
// gang buying Suning cards, the middleman reselling to a merchant, the merchant paying him, the proceeds cashed out.
const nodes: GraphNode[] = [
  account('loan', 'Loan app', 'lender'), account('ann-1', 'Ann', 'victim'), account('ann-2', 'Ann', 'victim'),
  account('bea', 'Bea', 'victim'), account('cai', 'Cai', 'victim'), account('g', 'Gang', 'fraudster'),
  account('out', 'Gang', 'fraudster'), account('m', 'Mid', 'middleman'), account('cs', 'Suning buyer', 'card-merchant'),
  product('Q coin'), product('Suning card'),
];
const edges: GraphEdge[] = [
  edge('account:loan', 'account:ann-1', 'loan', 500, [['unattributed', 500]]),
  edge('account:ann-1', 'account:g', 'transfer', 700.1, [['Ann', 200.1], ['unattributed', 500]]),
  edge('account:ann-2', 'account:g', 'transfer', 300.2, [['Ann', 300.2]]),
  edge('account:bea', 'product:Q coin', 'purchase', 500, [['Bea', 500]], 'Q coin'),
  edge('account:cai', 'account:g', 'transfer', 200, [['Cai', 200]]),
  edge('account:g', 'product:Suning card', 'purchase', 1000, [['Ann', 500.3], ['Cai', 200], ['unattributed', 299.7]], 'Suning card'),
  edge('product:Suning card', 'account:g', 'issue', 1000, [['Ann', 500.3], ['Cai', 200], ['unattributed', 299.7]], 'Suning card'),
  edge('product:Q coin', 'account:g', 'issue', 500, [['Bea', 500]], 'Q coin'),
  edge('account:g', 'account:m', 'handover', 1000, [['Ann', 500.3], ['Cai', 200], ['unattributed', 299.7]], 'Suning card'),
  edge('account:m', 'account:cs', 'resale', 600, [['Ann', 300.18], ['Cai', 120], ['unattributed', 179.82]], 'Suning card'),
  edge('account:cs', 'account:m', 'resale-payment', 582, [['Ann', 291.17], ['Cai', 116.4], ['unattributed', 174.43]]),
  edge('account:m', 'account:out', 'transfer', 582, [['Ann', 291.17], ['Cai', 116.4], ['unattributed', 174.43]]),
];
const graph: FlowGraph = { case: 'T-1', asOf: null, rule: 'pro-rata', nodes, edges };

const place = (d: Drawing, id: string) => d.places.find((p) => p.id === id);
const column = (d: Drawing, id: string) => place(d, id)?.column;

describe('drawing the flow graph', () => {
  it('draws every edge once, carrying the edge exactly as the server gave it', () => {
    const d = drawFlowGraph(graph, { victimsShown: ['Ann', 'Bea'] });

    expect(d.links).toHaveLength(edges.length);
    edges.forEach((e, i) => expect(d.links[i]?.edge).toBe(e));
    expect(new Set(d.links.map((l) => l.key)).size).toBe(edges.length);
    expect(d.links.find((l) => l.key === edgeKey(edges[1]!))?.edge.amount).toBe(700.1);
    expect([d.case, d.rule, d.asOf]).toEqual(['T-1', 'pro-rata', null]);
  });

  it("groups a victim's accounts under her name, and the victims not shown as one place", () => {
    const d = drawFlowGraph(graph, { victimsShown: ['Ann', 'Bea'] });

    const ann = d.links.filter((l) => l.source === 'victim:Ann').map((l) => l.edge.from);
    expect(ann).toEqual(['account:ann-1', 'account:ann-2']);
    expect(d.links.find((l) => l.edge.from === 'account:cai')?.source).toBe(OTHERS);
    expect(place(d, OTHERS)?.label).toBe('Other victims (1)');
    expect(d.places.filter((p) => p.kind === 'victim').map((p) => p.label)).toEqual(['Ann', 'Bea']);
  });

  it('unfolds the cycles of the graph into columns that only go right, telling cash and prepaid value apart', () => {
    const d = drawFlowGraph(graph, { victimsShown: ['Ann', 'Bea'] });
    const columnOf = new Map(d.places.map((p) => [p.id, p.column]));

    for (const l of d.links) expect(columnOf.get(l.source)!, l.key).toBeLessThan(columnOf.get(l.target)!);
    expect([
      column(d, 'account:loan|cash'), column(d, 'victim:Ann'), column(d, 'victim:Bea'), column(d, 'account:g|cash'),
      column(d, 'product:Suning card'), column(d, 'account:g|value'), column(d, 'account:m|value'), column(d, 'account:cs|value'),
      column(d, 'account:m|cash'), column(d, 'account:out|cash'),
    ]).toEqual([0, 1, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(place(d, 'account:g|cash')?.label).toBe('g \u00b7 cash');
    expect(place(d, 'account:g|value')?.label).toBe('g \u00b7 prepaid value');
    expect(place(d, 'account:out|cash')?.label).toBe('out');
    expect(place(d, 'account:cs|value')?.label).toBe('Suning buyer');
    // The merchant pays for the cards from where the cards arrived, not from a place of its own on the far left.
    expect(d.links.find((l) => l.edge.kind === 'resale-payment')?.source).toBe('account:cs|value');
  });

  it('draws a place again where money comes back round to it, leaving no edge out', () => {
    const refund = edge('account:out', 'account:ann-2', 'transfer', 100, [['Ann', 100]]);
    const d = drawFlowGraph({ ...graph, edges: [...edges, refund] }, { victimsShown: ['Ann'] });
    const columnOf = new Map(d.places.map((p) => [p.id, p.column]));

    expect(d.links).toHaveLength(edges.length + 1);
    const back = d.links.find((l) => l.edge === refund)!;
    expect(back.target).not.toBe('victim:Ann');
    expect(place(d, back.target)?.label).toBe('Ann');
    for (const l of d.links) expect(columnOf.get(l.source)!, l.key).toBeLessThan(columnOf.get(l.target)!);
  });
});

describe('a victim in the graph', () => {
  it('has the share of each edge the server split off for her, and none where it did not', () => {
    expect(amountOf(edges[1]!, 'Ann')).toBe(200.1);
    expect(amountOf(edges[9]!, 'Ann')).toBe(300.18);
    expect(amountOf(edges[9]!, 'Bea')).toBeNull();
  });

  it('picks the largest losses first, ties by name', () => {
    const victims: VictimTrail[] = [
      { holder: 'Ann', accounts: ['ann-1'], loss: 1000, reached: [], holdings: [] },
      { holder: 'Bea', accounts: ['bea'], loss: 800, reached: [], holdings: [] },
      { holder: 'Abe', accounts: ['abe'], loss: 800, reached: [], holdings: [] },
    ];
    expect(topVictims(victims, 2)).toEqual(['Ann', 'Abe']);
  });
});
