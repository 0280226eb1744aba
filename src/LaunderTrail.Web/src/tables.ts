// The tables beside the diagram: totals, card merchants, one victim's trail, and the timeline of facts.
import type { Merchant, TimelineEvent, Totals, VictimTrail } from './api';
import { h, table } from './dom';
import { money, rate } from './format';

export function totalsList(totals: Totals): HTMLElement {
  const figures: [string, number][] = [
    ['Victims\u2019 loss', totals.victimLoss],
    ['Prepaid bought (face value)', totals.prepaidFaceValue],
    ['Resold (face value)', totals.resoldFaceValue],
    ['Resale cash', totals.resaleCash],
    ['Laundering cost', totals.launderingCost],
  ];
  return h('dl', { class: 'totals', 'data-testid': 'totals' },
    ...figures.map(([name, value]) => h('div', {}, h('dt', {}, name), h('dd', { 'data-figure': name }, money(value)))));
}

export function merchantsTable(merchants: readonly Merchant[], selected: string | null, select: (m: Merchant) => void): HTMLTableElement {
  return table('Card merchants', [
    { title: 'Merchant', cell: (m) => h('span', {}, h('button', { type: 'button', class: 'linklike nowrap', onclick: () => select(m) }, m.holder), h('br'), h('code', {}, m.account)) },
    { title: 'Product', cell: (m) => m.product },
    { title: 'Face value', numeric: true, cell: (m) => money(m.faceValue) },
    { title: 'Paid', numeric: true, cell: (m) => money(m.price) },
    { title: 'Rate', numeric: true, cell: (m) => rate(m.discountRate) },
    { title: 'Resales', numeric: true, cell: (m) => String(m.resales) },
  ], merchants, (m) => ({ 'data-account': m.account, 'aria-selected': m.account === selected ? 'true' : undefined }));
}

export function trailPanel(victim: VictimTrail, rule: string): HTMLElement {
  return h('section', { class: 'trail', 'aria-label': `Trail of ${victim.holder}` },
    h('h3', {}, victim.holder),
    h('p', {}, `Loss ${money(victim.loss)}; under the ${rule} rule her money reached these card merchants, and the rest sits below.`),
    table('Card merchants she reached', [
      { title: 'Merchant', cell: (r) => r.holder },
      { title: 'Face value', numeric: true, cell: (r) => money(r.faceValue) },
      { title: 'Cash', numeric: true, cell: (r) => money(r.cash) },
    ], victim.reached),
    victim.holdings.length > 0 && table('Where the rest sits', [
      { title: 'Holder', cell: (r) => h('span', {}, `${r.holder} (${r.role})`, h('br'), h('code', {}, r.account)) },
      { title: 'Cash', numeric: true, cell: (r) => money(r.cash) },
      { title: 'Face value', numeric: true, cell: (r) => money(r.faceValue) },
    ], victim.holdings),
  );
}

export const TIMELINE_ROWS = 500;

export function timelineTable(events: readonly TimelineEvent[], caption: string): HTMLTableElement {
  return table(caption, [
    { title: 'Time', cell: (e) => h('time', { datetime: e.fact.at, class: 'nowrap' }, e.fact.at.slice(0, 16).replace('T', ' ')) },
    { title: 'What happened', cell: (e) => e.description },
  ], events.slice(0, TIMELINE_ROWS), (e) => ({
    'data-fact': e.fact.id,
    class: e.retractedBy.length > 0 || e.leftOut !== null ? 'not-counted' : undefined,
  }));
}
