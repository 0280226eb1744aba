import { describe, expect, it } from 'vitest';
import { layout, MIN_THICKNESS, ribbon, type Frame, type LayoutLink, type LayoutNode } from './layout';

const frame: Frame = { width: 900, height: 400, nodeWidth: 10, gap: 8, labelRoom: 100 };
const nodes: LayoutNode[] = [
  { id: 'a', column: 0, rank: 0 }, { id: 'b', column: 0, rank: 1 }, { id: 'tiny', column: 0, rank: 2 },
  { id: 'g', column: 1, rank: 0 }, { id: 'h', column: 1, rank: 0 }, { id: 'm', column: 2, rank: 0 },
];
const links: LayoutLink[] = [
  { id: 'a-g', source: 'a', target: 'g', value: 600 }, { id: 'b-h', source: 'b', target: 'h', value: 300 },
  { id: 'b-g', source: 'b', target: 'g', value: 100 }, { id: 'tiny-h', source: 'tiny', target: 'h', value: 0.01 },
  { id: 'g-m', source: 'g', target: 'm', value: 700 }, { id: 'h-m', source: 'h', target: 'm', value: 300.01 },
];

describe('the Sankey layout', () => {
  const { nodes: boxes, bands } = layout(nodes, links, frame);

  it('stacks each column inside the frame without overlaps', () => {
    for (const column of [['a', 'b', 'tiny'], ['g', 'h'], ['m']]) {
      const placed = column.map((id) => boxes.get(id)!).sort((p, q) => p.y - q.y);
      placed.forEach((box, i) => {
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.y + box.height).toBeLessThanOrEqual(frame.height + 1e-9);
        if (i > 0) expect(box.y).toBeGreaterThanOrEqual(placed[i - 1]!.y + placed[i - 1]!.height + frame.gap - 1e-9);
      });
    }
    expect(boxes.get('m')!.x).toBe(frame.width - frame.labelRoom - frame.nodeWidth);
  });

  it('draws bands as thick as their amounts, inside the nodes they join, a small amount still visible', () => {
    const ratio = bands.get('a-g')!.thickness / 600;
    expect(bands.get('b-h')!.thickness / 300).toBeCloseTo(ratio, 9);
    expect(bands.get('tiny-h')!.thickness).toBe(MIN_THICKNESS);
    for (const link of links.filter((l) => l.id !== 'tiny-h')) {
      const band = bands.get(link.id)!;
      const [source, target] = [boxes.get(link.source)!, boxes.get(link.target)!];
      expect(band.y0).toBeGreaterThanOrEqual(source.y - 1e-9);
      expect(band.y0 + band.thickness).toBeLessThanOrEqual(source.y + source.height + 1e-9);
      expect(band.y1).toBeGreaterThanOrEqual(target.y - 1e-9);
      expect(band.x0).toBe(source.x + frame.nodeWidth);
      expect(band.x1).toBe(target.x);
    }
  });

  it('orders a column by where its money comes from, and gives the same picture every time', () => {
    expect(boxes.get('g')!.y).toBeLessThan(boxes.get('h')!.y);
    expect(layout(nodes, links, frame)).toEqual(layout(nodes, links, frame));
    expect(ribbon(bands.get('a-g')!)).toMatch(/^M[\d.]+,[\d.]+C.*Z$/);
  });
});
