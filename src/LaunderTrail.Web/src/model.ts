// The diagram model: from the timeline's facts to the nodes and links of the flow diagram, aggregated per
// (source, target). Pure, so the figures can be tested without a browser.
import type { Fact, Merchant, TimelineEvent, VictimTrail } from './api';

export type NodeKind = 'victim' | 'others' | 'gang' | 'product' | 'middleman' | 'merchant';
export type LinkKind = 'transfer' | 'purchase' | 'handover' | 'resale';

export interface DiagramNode {
  id: string;
  label: string;
  kind: NodeKind;
  layer: number;
  /** The account behind the node, when it is one account. */
  account: string | null;
}

export interface DiagramLink {
  key: string;
  source: string;
  target: string;
  kind: LinkKind;
  /** Money moved: amount transferred or paid, face value handed over or resold. */
  amount: number;
  /** Cash paid by card merchants; resales only. */
  cash: number;
  /** cash / amount on resales, null elsewhere. */
  rate: number | null;
  factIds: string[];
}

export interface Diagram {
  nodes: DiagramNode[];
  links: DiagramLink[];
  /** The links each fact contributes to (a victim's own prepaid purchase feeds two). */
  linksOfFact: Map<string, string[]>;
}

export interface DiagramOptions {
  /** Only facts that happened by this instant (epoch ms); null for all. */
  asOf: number | null;
  /** Victims (by holder) drawn on their own; the others share one node. */
  victimsShown: ReadonlySet<string>;
}

const layerOf: Record<NodeKind, number> = { victim: 0, others: 0, gang: 1, product: 2, middleman: 3, merchant: 4 };
export const OTHERS = 'others';

interface Account { holder: string; role: string }

const text = (fact: Fact, field: string) => (typeof fact[field] === 'string' ? (fact[field] as string) : '');
const money = (fact: Fact, field: string) => (typeof fact[field] === 'number' ? (fact[field] as number) : 0);
const round2 = (value: number) => Math.round(value * 100) / 100;

/** Facts that count: neither withdrawn by a retraction nor left out by the tracer. */
export function countedFacts(events: readonly TimelineEvent[]): Fact[] {
  return events
    .filter((e) => e.retractedBy.length === 0 && e.leftOut === null && e.fact.type !== 'EventRetracted')
    .map((e) => e.fact);
}

export function buildDiagram(events: readonly TimelineEvent[], options: DiagramOptions): Diagram {
  const facts = countedFacts(events);
  const accounts = new Map<string, Account>();
  const productOfLot = new Map<string, string>();
  for (const fact of facts) {
    if (fact.type === 'AccountIdentified') accounts.set(text(fact, 'account'), { holder: text(fact, 'holder'), role: text(fact, 'role') });
    if (fact.type === 'PrepaidValuePurchased') productOfLot.set(text(fact, 'lot'), text(fact, 'product'));
  }
  const roleOf = (account: string) => accounts.get(account)?.role ?? '';

  const nodes = new Map<string, DiagramNode>();
  const links = new Map<string, DiagramLink>();
  const linksOfFact = new Map<string, string[]>();
  const othersHolders = new Set<string>();

  const accountNode = (account: string, kind: NodeKind): string => {
    const id = `account:${account}`;
    const holder = accounts.get(account)?.holder ?? account;
    if (!nodes.has(id)) nodes.set(id, { id, label: kind === 'gang' ? account : holder, kind, layer: layerOf[kind], account });
    return id;
  };
  const victimNode = (account: string): string => {
    const holder = accounts.get(account)?.holder ?? account;
    if (!options.victimsShown.has(holder)) {
      othersHolders.add(holder);
      if (!nodes.has(OTHERS)) nodes.set(OTHERS, { id: OTHERS, label: '', kind: 'others', layer: 0, account: null });
      return OTHERS;
    }
    const id = `victim:${holder}`;
    if (!nodes.has(id)) nodes.set(id, { id, label: holder, kind: 'victim', layer: 0, account: null });
    return id;
  };
  const productNode = (product: string): string => {
    const id = `product:${product}`;
    if (!nodes.has(id)) nodes.set(id, { id, label: product, kind: 'product', layer: 2, account: null });
    return id;
  };
  const add = (fact: Fact, source: string, target: string, kind: LinkKind, amount: number, cash = 0) => {
    const key = `${source}→${target}`;
    const link = links.get(key) ?? { key, source, target, kind, amount: 0, cash: 0, rate: null, factIds: [] };
    link.amount += amount;
    link.cash += cash;
    link.factIds.push(fact.id);
    links.set(key, link);
    linksOfFact.set(fact.id, [...(linksOfFact.get(fact.id) ?? []), key]);
  };

  for (const fact of facts) {
    if (options.asOf !== null && Date.parse(fact.at) > options.asOf) continue;
    switch (fact.type) {
      case 'FundsTransferred': {
        const [from, to] = [text(fact, 'from'), text(fact, 'to')];
        if (roleOf(from) === 'victim' && roleOf(to) === 'fraudster')
          add(fact, victimNode(from), accountNode(to, 'gang'), 'transfer', money(fact, 'amount'));
        break;
      }
      case 'PrepaidValuePurchased': {
        const buyer = text(fact, 'buyer');
        // A victim made to buy prepaid value straight into a gang account: her money reaches the gang as value.
        const holder = text(fact, 'holder') || buyer;
        const product = productNode(text(fact, 'product'));
        const paid = money(fact, 'paid');
        if (roleOf(holder) === 'fraudster') {
          if (roleOf(buyer) === 'victim') add(fact, victimNode(buyer), accountNode(holder, 'gang'), 'transfer', paid);
          add(fact, accountNode(holder, 'gang'), product, 'purchase', paid);
        } else if (roleOf(buyer) === 'victim') {
          add(fact, victimNode(buyer), product, 'purchase', paid);
        }
        break;
      }
      case 'PrepaidValueTransferred': {
        const [from, to] = [text(fact, 'from'), text(fact, 'to')];
        const product = productOfLot.get(text(fact, 'lot'));
        if (product !== undefined && roleOf(from) === 'fraudster' && roleOf(to) === 'middleman')
          add(fact, productNode(product), accountNode(to, 'middleman'), 'handover', money(fact, 'faceValue'));
        break;
      }
      case 'PrepaidValueResold': {
        const [seller, buyer] = [text(fact, 'seller'), text(fact, 'buyer')];
        if (roleOf(seller) === 'middleman' && roleOf(buyer) === 'card-merchant')
          add(fact, accountNode(seller, 'middleman'), accountNode(buyer, 'merchant'), 'resale', money(fact, 'faceValue'), money(fact, 'price'));
        break;
      }
    }
  }

  const others = nodes.get(OTHERS);
  if (others) others.label = `Other victims (${othersHolders.size})`;
  for (const link of links.values()) {
    link.amount = round2(link.amount);
    link.cash = round2(link.cash);
    if (link.kind === 'resale' && link.amount > 0) link.rate = Math.round((link.cash / link.amount) * 10_000) / 10_000;
  }
  return {
    nodes: [...nodes.values()].sort((a, b) => a.layer - b.layer || a.label.localeCompare(b.label)),
    links: [...links.values()],
    linksOfFact,
  };
}

/** The holders of the n victims who lost most (ties by name, so the choice is stable). */
export function topVictims(victims: readonly VictimTrail[], n: number): string[] {
  return [...victims]
    .sort((a, b) => b.loss - a.loss || a.holder.localeCompare(b.holder))
    .slice(0, n)
    .map((v) => v.holder);
}

export interface Trail { nodes: Set<string>; links: Set<string> }

/**
 * One victim's trail through the diagram: her own transfers, then the gang accounts' purchases of the
 * products the card merchants she reached (under the chosen rule) deal in, down to those merchants.
 */
export function trailOf(diagram: Diagram, victim: VictimTrail, merchants: readonly Merchant[]): Trail {
  const start = `victim:${victim.holder}`;
  const reached = new Set(victim.reached.filter((r) => r.faceValue > 0 || r.cash > 0).map((r) => `account:${r.account}`));
  const products = new Set(
    merchants.filter((m) => reached.has(`account:${m.account}`)).map((m) => `product:${m.product}`),
  );
  const own = diagram.links.filter((l) => l.source === start);
  const gangs = new Set(own.map((l) => l.target));
  const onTrail = (l: DiagramLink) =>
    l.source === start ||
    (l.kind === 'purchase' && gangs.has(l.source) && products.has(l.target)) ||
    (l.kind === 'handover' && products.has(l.source)) ||
    (l.kind === 'resale' && reached.has(l.target));
  const links = diagram.links.filter(onTrail);
  return {
    nodes: new Set(links.flatMap((l) => [l.source, l.target])),
    links: new Set(links.map((l) => l.key)),
  };
}
