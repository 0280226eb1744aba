// The flow diagram: a Sankey in five layers drawn with ECharts' SVG renderer, so labels are real text
// (selectable, readable by assistive technology and by the browser tests).
import { SankeyChart } from 'echarts/charts';
import { AriaComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { rate, whole } from './format';
import type { Diagram, DiagramLink, DiagramNode, NodeKind, Trail } from './model';

echarts.use([SankeyChart, TooltipComponent, AriaComponent, SVGRenderer]);

const colours: Record<NodeKind, string> = {
  victim: '#c0392b', others: '#e6a19a', gang: '#34495e', product: '#b7950b', middleman: '#7d3c98', merchant: '#1e8449',
};

export function linkLabel(link: DiagramLink): string {
  return link.rate === null ? whole(link.amount) : `${whole(link.amount)} → ${whole(link.cash)} @ ${rate(link.rate)}`;
}

export interface ChartEvents {
  node(node: DiagramNode): void;
  link(link: DiagramLink): void;
}

export interface Emphasis {
  trail: Trail | null;
  link: string | null;
}

export class FlowChart {
  private readonly chart: echarts.ECharts;
  private diagram: Diagram = { nodes: [], links: [], linksOfFact: new Map() };

  constructor(element: HTMLElement, events: ChartEvents) {
    this.chart = echarts.init(element, null, { renderer: 'svg' });
    this.chart.on('click', (params) => {
      const data = params.data as { node?: DiagramNode; key?: string } | undefined;
      if (params.dataType === 'node' && data?.node) {
        events.node(data.node);
      } else if (params.dataType === 'edge' && data?.key) {
        const link = this.diagram.links.find((l) => l.key === data.key);
        if (link) events.link(link);
      }
    });
    new ResizeObserver(() => this.chart.resize()).observe(element);
  }

  render(diagram: Diagram, emphasis: Emphasis): void {
    this.diagram = diagram;
    const { trail, link: selected } = emphasis;
    const total = diagram.links.filter((l) => l.kind === 'resale').reduce((sum, l) => sum + l.amount, 0);
    const lit = (key: string) => (selected ? key === selected : trail ? trail.links.has(key) : true);
    const nodeLit = (id: string) =>
      selected ? diagram.links.some((l) => l.key === selected && (l.source === id || l.target === id)) : trail ? trail.nodes.has(id) : true;

    this.chart.setOption(
      {
        // Figures change with every slider step: drawing them at once keeps the picture true to the numbers.
        animation: false,
        aria: { enabled: true, label: { description: describe(diagram) } },
        tooltip: { trigger: 'item', formatter: (p: unknown) => tooltip(p as { dataType?: string; data: unknown }) },
        series: [
          {
            type: 'sankey',
            left: 8, right: 150, top: 12, bottom: 12,
            nodeGap: 10, nodeWidth: 14, layoutIterations: 32, draggable: false,
            emphasis: { focus: 'adjacency' },
            label: { formatter: (p: { data: unknown }) => (p.data as { node: DiagramNode }).node.label, fontSize: 11, width: 140, overflow: 'truncate' },
            data: diagram.nodes.map((n) => ({
              // ECharts reads `label` on a data item as label options, so the node travels under its own key.
              name: n.id, node: n, depth: n.layer,
              itemStyle: { color: colours[n.kind], opacity: nodeLit(n.id) ? 1 : 0.2 },
              label: { opacity: nodeLit(n.id) ? 1 : 0.35 },
            })),
            links: diagram.links.map((l) => ({
              ...l, value: l.amount,
              lineStyle: { color: 'source', opacity: lit(l.key) ? (selected ? 0.75 : 0.45) : 0.06, curveness: 0.5 },
              // Victim links are many and thin: label them only when one victim or one link is in focus.
              edgeLabel: {
                show: lit(l.key) && (l.kind !== 'transfer' || trail !== null || selected !== null) && l.amount >= total * 0.002,
                formatter: () => linkLabel(l), fontSize: 10, color: '#222',
              },
            })),
          },
        ],
      },
      { notMerge: true },
    );
  }
}

function tooltip(params: { dataType?: string; data: unknown }): string {
  if (params.dataType === 'edge') {
    const link = params.data as DiagramLink;
    return `${escape(linkLabel(link))} (${link.factIds.length} facts)`;
  }
  const { node } = params.data as { node: DiagramNode };
  return escape(node.account ? `${node.label} (${node.account})` : node.label);
}

function describe(diagram: Diagram): string {
  const resales = diagram.links.filter((l) => l.kind === 'resale');
  return `Flow diagram of ${diagram.nodes.length} nodes. ` +
    resales.map((l) => `${diagram.nodes.find((n) => n.id === l.target)?.label ?? l.target}: ${linkLabel(l)}.`).join(' ');
}

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
