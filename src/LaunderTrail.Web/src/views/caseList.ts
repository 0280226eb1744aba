import { listCases } from '../api';
import { h, table } from '../dom';
import { money } from '../format';

export async function caseList(root: HTMLElement): Promise<void> {
  const { cases, unavailable } = await listCases();
  const notice = unavailable.length === 0 ? [] : [
    h('section', { class: 'unavailable', role: 'status' },
      h('h2', {}, 'Cases that cannot be read now'),
      h('ul', {}, ...unavailable.map((u) => h('li', {}, `${u.case}: ${u.reason}`)))),
  ];
  root.replaceChildren(
    h('h1', {}, 'Cases'),
    table('Cases you may read', [
      { title: 'Case', cell: (c) => h('a', { href: `/cases/${encodeURIComponent(c.case)}`, 'data-link': true }, c.case) },
      { title: 'Victims', numeric: true, cell: (c) => String(c.victims) },
      { title: 'Total loss', numeric: true, cell: (c) => money(c.totalLoss) },
      { title: 'Resale cash', numeric: true, cell: (c) => money(c.resaleCash) },
      { title: 'Last event', cell: (c) => (c.lastEventAt ? h('time', { datetime: c.lastEventAt }, c.lastEventAt) : '—') },
    ], cases),
    ...notice,
  );
}
