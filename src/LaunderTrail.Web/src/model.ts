// The diagram model: how the server's flow graph is drawn. Grouping and display only: every drawn link is one edge
// of the graph, carrying the edge as the server gave it; nothing here adds, splits or rounds money.
import type { EdgeKind, FlowGraph, GraphEdge, GraphNode, VictimTrail } from './api';

export type PlaceKind = 'lender' | 'victim' | 'others' | 'gang' | 'product' | 'middleman' | 'merchant' | 'account';

/** The form money has at a place: cash, or prepaid value. An account that holds both is drawn once for each. */
export type Form = 'cash' | 'value';

/** A node of the drawing: a victim (all her accounts), the other victims together, a product, or one account in one form. */
export interface Place {
  id: string;
  label: string;
  kind: PlaceKind;
  /** The graph node drawn here; null for a victim or the other victims, who stand for several accounts. */
  node: string | null;
  /** The account behind the place, when it is one account. */
  account: string | null;
  /** Set when the account is drawn in two forms (or again, where money comes back round), to tell them apart. */
  form: Form | null;
  /** The column, left to right: every link goes from a column to a later one. */
  column: number;
  /** Victims' order in their column (largest loss first), so the picture keeps still as the figures move. */
  rank: number;
}

/** One edge of the flow graph, drawn from a place to a place. */
export interface Link {
  /** The edge's identity in the graph: from, to, kind and product. */
  key: string;
  source: string;
  target: string;
  edge: GraphEdge;
}

export interface Drawing {
  case: string;
  rule: string;
  asOf: string | null;
  places: Place[];
  links: Link[];
}

export interface DrawingOptions {
  /** Victims (by holder) drawn on their own, largest loss first; the others share one place. */
  victimsShown: readonly string[];
}

export const OTHERS = 'others';

export const edgeKey = (edge: Pick<GraphEdge, 'from' | 'to' | 'kind' | 'product'>) =>
  `${edge.from}\u2192${edge.to}\u00b7${edge.kind}\u00b7${edge.product}`;

/** What an edge's money is when it arrives, and what it was when it left. */
const arrivesAs: Record<EdgeKind, Form | 'product'> = {
  loan: 'cash', transfer: 'cash', 'resale-payment': 'cash', purchase: 'product', issue: 'value', handover: 'value', resale: 'value',
};
const leavesAs: Record<EdgeKind, Form | 'product'> = {
  loan: 'cash', transfer: 'cash', 'resale-payment': 'cash', purchase: 'cash', issue: 'product', handover: 'value', resale: 'value',
};

const kindOfRole: Record<string, PlaceKind> = {
  victim: 'victim', fraudster: 'gang', middleman: 'middleman', 'card-merchant': 'merchant', lender: 'lender',
};

/** A victim's share of an edge under the rule, as the server split it; null when the edge carried none of her money. */
export function amountOf(edge: GraphEdge, holder: string): number | null {
  return edge.origins.find((o) => o.origin === holder)?.amount ?? null;
}

/** The holders of the n victims who lost most (ties by name, so the choice is stable). */
export function topVictims(victims: readonly VictimTrail[], n: number): string[] {
  return byLoss(victims).slice(0, n).map((v) => v.holder);
}

/** Victims, largest loss first, ties by name. */
export function byLoss(victims: readonly VictimTrail[]): VictimTrail[] {
  return [...victims].sort((a, b) => b.loss - a.loss || compare(a.holder, b.holder));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Lays the flow graph out for a Sankey diagram. Victims' accounts are drawn as their holders (the shown ones) or as
 * "Other victims"; any other account is drawn in the form the money reached it (cash, or prepaid value), so a gang
 * account that buys cards and is then issued them appears twice, left and right of the products. Where money still
 * comes back round to a place already passed (a refund to a victim, say), the place is drawn again to the right, so
 * the diagram stays acyclic without leaving out an edge.
 */
export function drawFlowGraph(graph: FlowGraph, options: DrawingOptions): Drawing {
  const nodes = new Map<string, GraphNode>(graph.nodes.map((n) => [n.id, n]));
  const shown = new Map(options.victimsShown.map((holder, rank) => [holder, rank]));
  const places = new Map<string, Place>();
  const othersHolders = new Set<string>();

  const place = (id: string, make: () => Omit<Place, 'id' | 'column'>): string => {
    if (!places.has(id)) places.set(id, { id, column: 0, ...make() });
    return id;
  };
  const victimPlace = (holder: string): string => {
    const rank = shown.get(holder);
    if (rank === undefined) {
      othersHolders.add(holder);
      return place(OTHERS, () => ({ label: '', kind: 'others', node: null, account: null, form: null, rank: shown.size }));
    }
    return place(`victim:${holder}`, () => ({ label: holder, kind: 'victim', node: null, account: null, form: null, rank }));
  };
  const nodePlace = (id: string, form: Form | 'product'): string => {
    const node = nodes.get(id);
    if (node?.kind === 'account' && node.role === 'victim') return victimPlace(node.holder);
    if (node?.kind === 'product' || form === 'product')
      return place(id, () => ({ label: node?.kind === 'product' ? node.product : id, kind: 'product', node: id, account: null, form: null, rank: 0 }));
    return place(`${id}|${form}`, () => ({
      label: node ? (node.role === 'fraudster' ? node.account : node.holder || node.account) : id,
      kind: node ? kindOfRole[node.role] ?? 'account' : 'account',
      node: id, account: node?.account ?? null, form, rank: 0,
    }));
  };

  // Where money arrives first, so an edge leaves from the place its money could have come from.
  const arrived = new Map<string, Set<Form | 'product'>>();
  for (const edge of graph.edges) {
    const forms = arrived.get(edge.to) ?? new Set();
    forms.add(arrivesAs[edge.kind] ?? 'cash');
    arrived.set(edge.to, forms);
  }
  const sourceForm = (edge: GraphEdge): Form | 'product' => {
    const wanted = leavesAs[edge.kind] ?? 'cash';
    const forms = arrived.get(edge.from);
    if (wanted === 'product' || !forms || forms.has(wanted)) return wanted;
    // A card merchant pays cash for the value it received: the payment leaves the place where the value arrived.
    return forms.has('value') ? 'value' : forms.has('cash') ? 'cash' : wanted;
  };

  let links: Link[] = graph.edges.map((edge) => ({
    key: edgeKey(edge),
    source: nodePlace(edge.from, sourceForm(edge)),
    target: nodePlace(edge.to, arrivesAs[edge.kind] ?? 'cash'),
    edge,
  }));

  const others = places.get(OTHERS);
  if (others) others.label = `Other victims (${othersHolders.size})`;
  links = breakCycles([...places.values()], links, places);
  assignColumns([...places.values()], links);
  markForms([...places.values()]);

  return {
    case: graph.case,
    rule: graph.rule,
    asOf: graph.asOf,
    places: [...places.values()].sort((a, b) => a.column - b.column || a.rank - b.rank || compare(a.label, b.label) || compare(a.id, b.id)),
    links,
  };
}

/** Retargets every link that closes a cycle to a copy of its target drawn again, found depth first in a fixed order. */
function breakCycles(all: Place[], links: Link[], places: Map<string, Place>): Link[] {
  const out = new Map<string, Link[]>();
  for (const link of links) out.set(link.source, [...(out.get(link.source) ?? []), link]);
  const state = new Map<string, 'open' | 'done'>();
  const again = new Map<Link, string>();
  const visit = (id: string) => {
    state.set(id, 'open');
    for (const link of out.get(id) ?? []) {
      const seen = state.get(link.target);
      if (seen === 'open') again.set(link, link.target);
      else if (seen === undefined) visit(link.target);
    }
    state.set(id, 'done');
  };
  const incoming = new Set(links.map((l) => l.target));
  const starts = [...all].sort((a, b) => Number(incoming.has(a.id)) - Number(incoming.has(b.id)) || compare(a.id, b.id));
  for (const start of starts) if (!state.has(start.id)) visit(start.id);

  return links.map((link) => {
    const target = again.get(link);
    if (target === undefined) return link;
    const original = places.get(target)!;
    const id = `${target}|again:${link.source}`;
    if (!places.has(id)) places.set(id, { ...original, id, form: original.form ?? 'cash' });
    return { ...link, target: id };
  });
}

/** Columns by the longest path from the left, then pulled right up to the first place each pays into. */
function assignColumns(all: Place[], links: Link[]): void {
  const into = new Map<string, Link[]>();
  const out = new Map<string, Link[]>();
  for (const link of links) {
    into.set(link.target, [...(into.get(link.target) ?? []), link]);
    out.set(link.source, [...(out.get(link.source) ?? []), link]);
  }
  const column = new Map<string, number>();
  const columnOf = (id: string): number => {
    const known = column.get(id);
    if (known !== undefined) return known;
    column.set(id, 0); // acyclic by now; this only guards the recursion
    const value = Math.max(0, ...(into.get(id) ?? []).map((l) => columnOf(l.source) + 1));
    column.set(id, value);
    return value;
  };
  for (const p of all) p.column = columnOf(p.id);
  // Then as far right as the places they pay into allow, last column first, so a product bought by victims alone
  // stands with the other products rather than next to them.
  const byId = new Map(all.map((p) => [p.id, p]));
  for (const p of [...all].sort((a, b) => b.column - a.column)) {
    const targets = (out.get(p.id) ?? []).map((l) => byId.get(l.target)!.column);
    if (targets.length > 0) p.column = Math.min(...targets) - 1;
  }
  // Victims who only paid out line up with those who were lent money first (moving a source left keeps links rightward).
  const victims = all.filter((p) => p.kind === 'victim' || p.kind === 'others');
  const victimColumn = Math.min(...victims.map((p) => p.column));
  for (const p of victims) if (!into.has(p.id)) p.column = victimColumn;
  const used = [...new Set(all.map((p) => p.column))].sort((a, b) => a - b);
  for (const p of all) p.column = used.indexOf(p.column);
}

/** Keeps the form in the label only where one account is drawn more than once. */
function markForms(all: Place[]): void {
  const count = new Map<string, number>();
  for (const p of all) if (p.node !== null && p.kind !== 'product') count.set(p.node, (count.get(p.node) ?? 0) + 1);
  for (const p of all) {
    if (p.node === null || p.kind === 'product') continue;
    if ((count.get(p.node) ?? 0) < 2) p.form = null;
    else p.label = `${p.label} \u00b7 ${p.form === 'value' ? 'prepaid value' : 'cash'}`;
  }
}

/** What the graph says of one place, for its tooltip: the account and holder, or the product. */
export function describePlace(place: Place, graph: FlowGraph): string {
  const node = graph.nodes.find((n) => n.id === place.node);
  if (node?.kind === 'account') return `${node.holder || node.account} (${node.account}, ${node.role})`;
  return place.label;
}
