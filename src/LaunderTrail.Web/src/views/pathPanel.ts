// "From this victim to that account": asks the server for the routes of the flow graph and shows them hop by hop,
// with the amounts of her money the server gives for each hop.
import { getPath, type FlowGraph, type FlowQuery, type FlowRoutes, type VictimTrail } from '../api';
import { h, table } from '../dom';
import { money } from '../format';
import { byLoss } from '../model';

/** Routes shown in full; the rest are counted, not drawn. */
export const ROUTES_SHOWN = 20;
const MOST_HOPS = 32;

export class PathPanel {
  readonly element: HTMLElement;
  private readonly from = h('select', { id: 'path-from' });
  private readonly to = h('select', { id: 'path-to' });
  private readonly maxHops = h('input', { id: 'path-max-hops', type: 'number', min: 1, max: MOST_HOPS, value: 8, required: true });
  private readonly answer = h('div', { class: 'routes', 'aria-live': 'polite', 'data-testid': 'routes' });
  private graph: FlowGraph | null = null;
  private asked: { from: string; to: string; maxHops: number } | null = null;
  private request = 0;

  /**
   * @param found told each answer (null when there is none to show), so the diagram can light the routes' edges.
   */
  constructor(private readonly caseId: string, private readonly question: () => FlowQuery,
    private readonly found: (answer: FlowRoutes | null) => void) {
    this.element = h('section', { class: 'path', 'aria-label': 'Routes between two accounts' },
      h('h2', {}, 'Follow the money hop by hop'),
      h('form', { class: 'path-form', onsubmit: (event) => {
        event.preventDefault();
        this.asked = { from: this.from.value, to: this.to.value, maxHops: Number(this.maxHops.value) };
        void this.ask();
      } },
      h('label', { for: 'path-from' }, 'From'), this.from,
      h('label', { for: 'path-to' }, 'To'), this.to,
      h('label', { for: 'path-max-hops' }, 'Max hops'), this.maxHops,
      h('button', { type: 'submit', class: 'primary' }, 'Find routes')),
      this.answer);
  }

  /** New figures on screen: the choices follow the graph, and a question already asked is asked again of it. */
  update(graph: FlowGraph, victims: readonly VictimTrail[]): void {
    this.graph = graph;
    const from = this.from.value;
    this.from.replaceChildren(...byLoss(victims).map((v) => h('option', { value: v.holder, selected: v.holder === from }, v.holder)));
    const to = this.to.value;
    const accounts = graph.nodes.flatMap((n) => (n.kind === 'account' && n.role !== 'victim' ? [n] : []))
      .sort((a, b) => Number(b.role === 'card-merchant') - Number(a.role === 'card-merchant') || (a.holder < b.holder ? -1 : a.holder > b.holder ? 1 : 0));
    this.to.replaceChildren(...accounts.map((n) => h('option', { value: n.account, selected: n.account === to }, `${n.holder} (${n.account})`)));
    if (this.asked) void this.ask();
  }

  /** Starts from the victim followed in the diagram; an answer about someone else is put away. */
  start(holder: string): void {
    if (this.asked !== null && this.asked.from !== holder) this.clear();
    this.from.value = holder;
  }

  clear(): void {
    this.asked = null;
    this.request++;
    this.answer.replaceChildren();
    this.found(null);
  }

  /** Chooses the target account (a merchant picked in the diagram or the table). */
  target(account: string): void {
    this.to.value = account;
  }

  private async ask(): Promise<void> {
    const asked = this.asked;
    if (!asked) return;
    const request = ++this.request;
    this.answer.replaceChildren(h('p', { class: 'status' }, 'Looking for routes\u2026'));
    try {
      const routes = await getPath(this.caseId, { ...this.question(), ...asked });
      if (request !== this.request) return;
      this.answer.replaceChildren(...this.show(routes));
      this.found(routes);
    } catch (error) {
      if (request !== this.request) return;
      this.answer.replaceChildren(h('p', { role: 'alert' }, `No answer: ${(error as Error).message}`));
      this.found(null);
    }
  }

  private show(answer: FlowRoutes): Node[] {
    const target = this.name(`account:${answer.to}`);
    const moment = answer.asOf === null ? 'with every fact' : `as of ${answer.asOf}`;
    const whose = answer.victim === null ? `money that left ${answer.from}` : `${answer.victim}\u2019s money`;
    if (answer.routes.length === 0)
      return [h('p', { 'data-testid': 'no-route' }, `No route: none of ${whose} reaches ${target} under the ${answer.rule} rule ${moment} in at most ${answer.maxHops} hops.`)];
    const shown = answer.routes.slice(0, ROUTES_SHOWN);
    const found: Node[] = [
      h('p', {}, `${answer.routes.length} route(s) of ${whose} to ${target} under the ${answer.rule} rule ${moment}, ` +
        `at most ${answer.maxHops} hops, largest first${answer.routes.length > shown.length ? `; the first ${shown.length} are shown` : ''}.`),
    ];
    if (answer.truncated) found.push(h('p', { class: 'warning', 'data-testid': 'route-cap' },
      `The server applied its cap: it stopped at ${answer.routes.length} routes or at its limit on search steps, so more routes may exist. ` +
      'Lower "Max hops" or choose a nearer target to see them all.'));
    found.push(      ...shown.map((route, index) => table(`Route ${index + 1}: ${money(route.amount)} reached ${target}`, [
        { title: 'From', cell: (hop) => this.name(hop.from) },
        { title: 'To', cell: (hop) => this.name(hop.to) },
        { title: 'Kind', cell: (hop) => (hop.product ? `${hop.kind} (${hop.product})` : hop.kind) },
        { title: 'Amount', numeric: true, cell: (hop) => money(hop.amount) },
        { title: 'Facts', numeric: true, cell: (hop) => String(hop.facts) },
      ], route.hops, (hop) => ({ 'data-from': hop.from, 'data-to': hop.to, 'data-kind': hop.kind, 'data-amount': String(hop.amount) }))));
    return found;
  }

  private name(id: string): string {
    const node = this.graph?.nodes.find((n) => n.id === id);
    if (node?.kind === 'product') return node.product;
    if (node?.kind === 'account') return node.holder ? `${node.holder} (${node.account})` : node.account;
    return id.replace(/^account:/, '');
  }
}
