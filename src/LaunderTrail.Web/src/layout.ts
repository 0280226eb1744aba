// Where the Sankey's nodes and bands go on the page. Display only: sizes are proportional to the amounts, which are
// summed here as floating-point pixels and never shown as figures.

export interface LayoutNode {
  id: string;
  column: number;
  /** Order in a column, before anything else (victims by loss); equal ranks go by where their money comes from. */
  rank: number;
}

export interface LayoutLink {
  id: string;
  source: string;
  target: string;
  value: number;
}

export interface Frame {
  width: number;
  height: number;
  nodeWidth: number;
  /** Vertical space between two nodes of a column. */
  gap: number;
  /** Room kept right of the last column for its labels. */
  labelRoom: number;
}

export interface NodeBox { x: number; y: number; height: number }

/** A band: its thickness, and the top of its end at the source and at the target. */
export interface Band { x0: number; x1: number; y0: number; y1: number; thickness: number }

export interface Layout {
  nodes: Map<string, NodeBox>;
  bands: Map<string, Band>;
}

/** The thinnest a node or band is drawn, so a small amount stays visible and clickable. */
export const MIN_THICKNESS = 1;

/**
 * Lays nodes out in their columns, stacked top to bottom by rank, then in the order of the places that feed them (the
 * weighted centre of their incoming bands), and stacks each node's bands in the order of the nodes at their other end, so bands
 * cross as little as the order allows. Deterministic: the same graph gives the same picture.
 */
export function layout(nodes: readonly LayoutNode[], links: readonly LayoutLink[], frame: Frame): Layout {
  const inflow = new Map<string, number>();
  const outflow = new Map<string, number>();
  for (const link of links) {
    inflow.set(link.target, (inflow.get(link.target) ?? 0) + link.value);
    outflow.set(link.source, (outflow.get(link.source) ?? 0) + link.value);
  }
  const size = (id: string) => Math.max(inflow.get(id) ?? 0, outflow.get(id) ?? 0);

  const columns: LayoutNode[][] = [];
  for (const node of nodes) (columns[node.column] ??= []).push(node);
  const filled = columns.filter((c) => c !== undefined);
  const scale = Math.min(...filled.map((column) => {
    const total = column.reduce((sum, n) => sum + size(n.id), 0);
    const room = frame.height - frame.gap * (column.length - 1) - MIN_THICKNESS * column.length;
    return total > 0 ? Math.max(0, room) / total : Infinity;
  }));
  const ky = Number.isFinite(scale) ? scale : 0;
  const thickness = (value: number) => Math.max(MIN_THICKNESS, value * ky);

  const lastColumn = Math.max(0, columns.length - 1);
  const step = lastColumn === 0 ? 0 : (frame.width - frame.labelRoom - frame.nodeWidth) / lastColumn;
  const boxes = new Map<string, NodeBox>();
  const into = new Map<string, LayoutLink[]>();
  for (const link of links) into.set(link.target, [...(into.get(link.target) ?? []), link]);

  for (const column of columns) {
    if (!column) continue;
    const centre = (node: LayoutNode): number => {
      let weight = 0;
      let sum = 0;
      for (const link of into.get(node.id) ?? []) {
        const source = boxes.get(link.source);
        if (!source) continue;
        weight += link.value;
        sum += link.value * (source.y + source.height / 2);
      }
      return weight > 0 ? sum / weight : Number.NaN;
    };
    const ordered = column
      .map((node, index) => ({ node, index, centre: centre(node) }))
      .sort((a, b) => a.node.rank - b.node.rank || byCentre(a.centre, b.centre) || a.index - b.index)
      .map((entry) => entry.node);
    const used = ordered.reduce((sum, n) => sum + thickness(size(n.id)), 0) + frame.gap * (ordered.length - 1);
    let y = Math.max(0, (frame.height - used) / 2);
    for (const node of ordered) {
      const height = thickness(size(node.id));
      boxes.set(node.id, { x: node.column * step, y, height });
      y += height + frame.gap;
    }
  }

  const bands = new Map<string, Band>();
  const at = (id: string) => boxes.get(id) ?? { x: 0, y: 0, height: 0 };
  const stack = (group: Map<string, LayoutLink[]>, otherEnd: (l: LayoutLink) => string, place: (l: LayoutLink, y: number) => void) => {
    for (const [id, list] of group) {
      let y = at(id).y;
      const order = list.map((link, index) => ({ link, index }))
        .sort((a, b) => at(otherEnd(a.link)).y - at(otherEnd(b.link)).y || a.index - b.index);
      for (const { link } of order) {
        place(link, y);
        y += thickness(link.value);
      }
    }
  };
  const out = new Map<string, LayoutLink[]>();
  for (const link of links) out.set(link.source, [...(out.get(link.source) ?? []), link]);
  for (const link of links)
    bands.set(link.id, { x0: at(link.source).x + frame.nodeWidth, x1: at(link.target).x, y0: 0, y1: 0, thickness: thickness(link.value) });
  stack(out, (l) => l.target, (l, y) => { bands.get(l.id)!.y0 = y; });
  stack(into, (l) => l.source, (l, y) => { bands.get(l.id)!.y1 = y; });
  return { nodes: boxes, bands };
}

/** Nodes with a known centre first, by centre; the rest after them. */
function byCentre(a: number, b: number): number {
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : 1;
  if (Number.isNaN(b)) return -1;
  return a - b;
}

/** The outline of a band: a ribbon of constant thickness from source to target. */
export function ribbon(band: Band): string {
  const mid = (band.x0 + band.x1) / 2;
  const { x0, x1, y0, y1, thickness: t } = band;
  const f = (n: number) => Math.round(n * 100) / 100;
  return `M${f(x0)},${f(y0)}C${f(mid)},${f(y0)} ${f(mid)},${f(y1)} ${f(x1)},${f(y1)}` +
    `L${f(x1)},${f(y1 + t)}C${f(mid)},${f(y1 + t)} ${f(mid)},${f(y0 + t)} ${f(x0)},${f(y0 + t)}Z`;
}
