// The flow diagram, drawn as plain SVG: one band per edge of the server's flow graph, each carrying the edge's
// identity and amount as data attributes, so what is drawn can be checked against what the server said.
import { money } from './format';
import { layout, MIN_THICKNESS, ribbon, type Frame } from './layout';
import type { Drawing, Link, Place, PlaceKind } from './model';

const SVG = 'http://www.w3.org/2000/svg';

const colours: Record<PlaceKind, string> = {
  lender: '#7f8c8d', victim: '#c0392b', others: '#e6a19a', gang: '#34495e', product: '#b7950b', middleman: '#7d3c98',
  merchant: '#1e8449', account: '#5d6d7e',
};

/** How one band is shown: lit or dimmed, and the text written on it (null for none). */
export interface LinkLook {
  lit: boolean;
  label: string | null;
  /** The followed victim's share of the edge, as the server gave it; null when no victim is followed. */
  share: number | null;
}

export interface Look {
  link(link: Link): LinkLook;
  place(place: Place): { lit: boolean; label: string; note: string | null; title: string };
  selected: string | null;
  /** Some bands are picked out (a victim, routes, one edge): every lit band is labelled, however thin. */
  focused: boolean;
}

export interface SankeyEvents {
  place(place: Place): void;
  link(link: Link): void;
}

const frameOf = (width: number): Frame => ({ width, height: 640, nodeWidth: 12, gap: 8, labelRoom: 190 });
/** Bands thinner than this carry no text unless picked out: it would not fit. */
const LABELLED_THICKNESS = 9;

export class Sankey {
  private drawing: Drawing | null = null;
  private look: Look | null = null;
  private width = 0;

  constructor(private readonly element: HTMLElement, private readonly events: SankeyEvents) {
    new ResizeObserver(() => {
      if (this.element.clientWidth !== this.width) this.draw();
    }).observe(element);
  }

  render(drawing: Drawing, look: Look): void {
    this.drawing = drawing;
    this.look = look;
    this.draw();
  }

  private draw(): void {
    const { drawing, look } = this;
    if (!drawing || !look) return;
    this.width = this.element.clientWidth;
    const frame = frameOf(Math.max(600, this.width));
    const { nodes: boxes, bands } = layout(
      drawing.places.map((p) => ({ id: p.id, column: p.column, rank: p.rank })),
      drawing.links.map((l) => ({ id: l.key, source: l.source, target: l.target, value: l.edge.amount })),
      frame,
    );
    const placeOf = new Map(drawing.places.map((p) => [p.id, p]));

    const svg = svgElement('svg', {
      width: frame.width, height: frame.height, viewBox: `0 0 ${frame.width} ${frame.height}`,
      'data-case': drawing.case, 'data-rule': drawing.rule, 'data-as-of': drawing.asOf ?? '',
    });
    const bandLayer = svgElement('g', { class: 'links' });
    const labelLayer = svgElement('g', { class: 'link-labels' });
    for (const link of drawing.links) {
      const band = bands.get(link.key);
      if (!band) continue;
      const seen = look.link(link);
      const selected = look.selected === link.key;
      const path = svgElement('path', {
        class: 'link', d: ribbon(band),
        fill: colours[placeOf.get(link.source)?.kind ?? 'account'],
        'fill-opacity': selected ? 0.8 : seen.lit ? 0.45 : 0.06,
        'data-from': link.edge.from, 'data-to': link.edge.to, 'data-kind': link.edge.kind, 'data-product': link.edge.product,
        'data-amount': String(link.edge.amount), 'data-facts': String(link.edge.facts),
        'data-source': link.source, 'data-target': link.target, 'data-lit': String(seen.lit),
        'data-share': seen.share === null ? undefined : String(seen.share),
        'aria-selected': selected ? 'true' : undefined,
      });
      path.append(svgElement('title', {}, `${placeOf.get(link.source)?.label} \u2192 ${placeOf.get(link.target)?.label}: ` +
        `${link.edge.kind}${link.edge.product ? ` of ${link.edge.product}` : ''}, ${money(link.edge.amount)} (${link.edge.facts} facts)`));
      path.addEventListener('click', () => this.events.link(link));
      bandLayer.append(path);
      if (seen.lit && seen.share !== null && link.edge.amount > 0) {
        // The followed victim's part of the band, in proportion to her share (a width on screen, not a figure).
        const part = { ...band, thickness: Math.max(MIN_THICKNESS, (band.thickness * seen.share) / link.edge.amount) };
        const share = svgElement('path', { class: 'share', d: ribbon(part), fill: colours.victim, 'fill-opacity': 0.75, 'pointer-events': 'none' });
        bandLayer.append(share);
      }
      if (seen.label !== null && (look.focused || band.thickness >= LABELLED_THICKNESS)) {
        labelLayer.append(svgElement('text', {
          class: 'link-label', x: (band.x0 + band.x1) / 2, y: (band.y0 + band.y1 + band.thickness) / 2,
          'text-anchor': 'middle', 'dominant-baseline': 'middle', 'data-link': link.key,
        }, seen.label));
      }
    }

    const lastColumn = Math.max(0, ...drawing.places.map((p) => p.column));
    const columnStep = lastColumn === 0 ? frame.width : (frame.width - frame.labelRoom - frame.nodeWidth) / lastColumn;
    const nodeLayer = svgElement('g', { class: 'nodes' });
    for (const place of drawing.places) {
      const box = boxes.get(place.id);
      if (!box) continue;
      const seen = look.place(place);
      const group = svgElement('g', {
        class: 'node', 'data-place': place.id, 'data-kind': place.kind, opacity: seen.lit ? 1 : 0.35,
        tabindex: place.kind === 'victim' || place.kind === 'merchant' ? 0 : undefined,
        role: place.kind === 'victim' || place.kind === 'merchant' ? 'button' : undefined,
        'aria-label': seen.title,
      });
      group.append(
        svgElement('rect', { x: box.x, y: box.y, width: frame.nodeWidth, height: box.height, fill: colours[place.kind] }),
        this.nodeLabel(box.x + frame.nodeWidth + 4, box, seen,
          place.column === lastColumn ? frame.labelRoom - 8 : columnStep - frame.nodeWidth - 8),
        svgElement('title', {}, seen.title),
      );
      group.addEventListener('click', () => this.events.place(place));
      group.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          this.events.place(place);
        }
      });
      nodeLayer.append(group);
    }
    svg.append(bandLayer, nodeLayer, labelLayer);
    this.element.replaceChildren(svg);
    for (const text of svg.querySelectorAll<SVGTSpanElement>('tspan[data-room]')) fit(text, Number(text.dataset.room));
  }

  /** A node's name, and under it its note; tall nodes are named at their top, clear of the amounts on their bands. */
  private nodeLabel(x: number, box: { y: number; height: number }, seen: { label: string; note: string | null }, room: number): SVGElement {
    const top = seen.note !== null || box.height > 40;
    const text = svgElement('text', { class: 'node-label', x, y: top ? box.y + 10 : box.y + box.height / 2, 'dominant-baseline': 'middle' });
    text.append(svgElement('tspan', { 'data-room': Math.max(40, room) }, seen.label));
    if (seen.note !== null) text.append(svgElement('tspan', { x, dy: '1.2em' }, seen.note));
    return text;
  }
}

/** Cuts a label to the room beside its node, ending it with an ellipsis; the whole name is in the node's title. */
function fit(text: SVGTSpanElement, room: number): void {
  const full = text.textContent ?? '';
  if (text.getComputedTextLength() <= room) return;
  let [low, high] = [0, full.length];
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    text.textContent = `${full.slice(0, mid)}\u2026`;
    if (text.getComputedTextLength() <= room) low = mid;
    else high = mid - 1;
  }
  text.textContent = `${full.slice(0, low)}\u2026`;
}

function svgElement(tag: string, attributes: Record<string, string | number | undefined>, text?: string): SVGElement {
  const element = document.createElementNS(SVG, tag) as SVGElement;
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}
