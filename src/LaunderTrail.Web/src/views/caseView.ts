// The case view: controls (replay slider, tracing rule, victims), totals, the flow diagram, and the tables
// linked to it. The diagram's links come from the timeline's facts; the figures from the flow report.
import { getFlows, getTimeline, recordEvents, type FlowReport, type Role, type Rule, type TimelineEvent } from '../api';
import { FlowChart, linkLabel } from '../chart';
import { h } from '../dom';
import { buildDiagram, topVictims, trailOf, type Diagram, type DiagramLink } from '../model';
import { merchantsTable, timelineTable, TIMELINE_ROWS, totalsList, trailPanel } from '../tables';
import { offsetOf, showInstant, startOfDay, toIso } from '../time';
import { bundleButton } from './bundle';

const DAY = 86_400_000;
const mayTakeBundles = (role: Role) => role === 'investigator' || role === 'court';

export async function caseView(root: HTMLElement, caseId: string, role: Role): Promise<void> {
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const say = (text: string) => { status.textContent = text; };
  const heading = h('h1', {}, `Case ${caseId}`);

  if (role === 'court') {
    root.replaceChildren(heading, h('p', {}, 'Your key may take this case\u2019s court bundle.'), bundleButton(caseId, say), status);
    return;
  }

  say('Loading the case…');
  root.replaceChildren(heading, status);
  const [timeline, latest] = await Promise.all([getTimeline(caseId), getFlows(caseId, { rule: 'pro-rata', asOf: null })]);
  new CaseView(root, caseId, role, timeline.events, latest, heading, status, say);
}

class CaseView {
  private readonly offset: string;
  private readonly start: number;
  private readonly days: number;
  private step: number;
  private rule: Rule = 'pro-rata';
  private victimsDrawn = 12;
  private victim: string | null = null;
  private link: string | null = null;
  private fact: string | null = null;
  private flowsRequest = 0;
  private refreshTimer: number | undefined;
  private diagram!: Diagram;

  private readonly chart: FlowChart;
  private readonly slider: HTMLInputElement;
  private readonly asOfText = h('output', { id: 'as-of-text', for: 'as-of' });
  private readonly victimSelect = h('select', { id: 'victim' });
  private readonly totals = h('div');
  private readonly selection = h('p', { class: 'selection', 'aria-live': 'polite', 'data-testid': 'selection' });
  private readonly trail = h('div');
  private readonly merchants = h('div', { class: 'merchants' });
  private readonly timelineBox = h('div', { class: 'timeline' });

  constructor(
    root: HTMLElement, private readonly caseId: string, role: Role, private events: TimelineEvent[],
    private report: FlowReport, heading: HTMLElement, status: HTMLElement, private readonly say: (text: string) => void,
  ) {
    const times = events.map((e) => Date.parse(e.fact.at));
    this.offset = offsetOf(events[0]?.fact.at ?? 'Z');
    this.start = startOfDay(Math.min(...times), this.offset);
    this.days = Math.max(1, Math.ceil((Math.max(...times) - this.start) / DAY));
    this.step = this.days;

    this.slider = h('input', {
      id: 'as-of', type: 'range', min: 1, max: this.days, step: 1, value: this.days,
      'aria-describedby': 'as-of-text', oninput: () => this.moved(),
    });
    const chartBox = h('div', { class: 'chart', role: 'img', 'aria-label': 'Flow diagram: victims, gang accounts, prepaid products, middleman, card merchants' });
    this.chart = new FlowChart(chartBox, {
      node: (node) => {
        if (node.kind === 'victim') this.follow(this.victim === node.label ? null : node.label);
        else if (node.kind === 'merchant') this.selectLink(this.diagram.links.find((l) => l.target === node.id)?.key ?? null);
      },
      link: (link) => this.selectLink(this.link === link.key ? null : link.key),
    });

    root.replaceChildren(
      heading,
      h('section', { class: 'controls', 'aria-label': 'What to show' },
        h('div', { class: 'control slider' }, h('label', { for: 'as-of' }, 'Replay: as of'), this.slider, this.asOfText),
        this.ruleSwitch(),
        h('div', { class: 'control' }, h('label', { for: 'victims-drawn' }, 'Victims drawn'),
          h('input', { id: 'victims-drawn', type: 'number', min: 1, max: 60, value: this.victimsDrawn, onchange: (e) => {
            this.victimsDrawn = Math.max(1, Number((e.target as HTMLInputElement).value) || 1);
            this.render();
          } })),
        h('div', { class: 'control' }, h('label', { for: 'victim' }, 'Follow a victim'), this.victimSelect),
        h('div', { class: 'control actions' },
          mayTakeBundles(role) && bundleButton(caseId, say),
          role === 'investigator' && this.recordForm()),
      ),
      status,
      this.totals,
      h('div', { class: 'case-grid' },
        h('section', { class: 'diagram', 'aria-label': 'Money flow' }, chartBox, this.selection),
        h('aside', { class: 'side' }, this.trail, this.merchants, this.timelineBox)),
    );
    this.victimSelect.addEventListener('change', () => this.follow(this.victimSelect.value || null));
    this.render();
    say('');
  }

  private ruleSwitch(): HTMLElement {
    const rules: [Rule, string][] = [['pro-rata', 'Pro rata'], ['fifo', 'First in, first out']];
    return h('fieldset', { class: 'control rule' }, h('legend', {}, 'Tracing rule'),
      ...rules.map(([rule, text]) => h('label', {},
        h('input', { type: 'radio', name: 'rule', value: rule, checked: rule === this.rule, onchange: () => {
          this.rule = rule;
          void this.refreshFlows();
        } }), ` ${text}`)));
  }

  private recordForm(): HTMLElement {
    const file = h('input', { id: 'record-file', type: 'file', accept: '.jsonl,.ndjson,application/x-ndjson' });
    return h('form', { class: 'record', onsubmit: async (e) => {
      e.preventDefault();
      const chosen = file.files?.[0];
      if (!chosen) return this.say('Choose a JSON Lines file of facts first.');
      try {
        const result = await recordEvents(this.caseId, await chosen.text());
        this.events = (await getTimeline(this.caseId)).events;
        await this.refreshFlows();
        this.say(`Recorded ${result.recorded} fact(s); ${result.alreadyRecorded} were already recorded.`);
      } catch (error) {
        this.say(`Nothing recorded: ${(error as Error).message}`);
      }
    } }, h('label', { for: 'record-file' }, 'Record facts'), file, h('button', { type: 'submit' }, 'Record'));
  }

  private asOf(): number | null {
    return this.step >= this.days ? null : this.start + this.step * DAY;
  }

  private moved(): void {
    this.step = Number(this.slider.value);
    this.render();
    window.clearTimeout(this.refreshTimer);
    this.refreshTimer = window.setTimeout(() => void this.refreshFlows(), 250);
  }

  private async refreshFlows(): Promise<void> {
    const request = ++this.flowsRequest;
    const asOf = this.asOf();
    this.say('Updating the figures…');
    try {
      const report = await getFlows(this.caseId, { rule: this.rule, asOf: asOf === null ? null : toIso(asOf, this.offset) });
      // A slower answer to an older question must not overwrite a newer one.
      if (request !== this.flowsRequest) return;
      this.report = report;
      this.say('');
      this.render();
    } catch (error) {
      if (request === this.flowsRequest) this.say(`Could not update the figures: ${(error as Error).message}`);
    }
  }

  private follow(holder: string | null): void {
    this.victim = holder;
    this.link = null;
    this.fact = null;
    this.render();
  }

  private selectLink(key: string | null): void {
    this.link = key;
    this.fact = null;
    this.render();
  }

  private render(): void {
    const asOf = this.asOf();
    this.asOfText.textContent = asOf === null ? 'all facts (latest)' : toIso(asOf, this.offset);
    const shown = new Set(topVictims(this.report.victims, this.victimsDrawn));
    if (this.victim) shown.add(this.victim);
    this.diagram = buildDiagram(this.events, { asOf, victimsShown: shown });
    if (this.link && !this.diagram.links.some((l) => l.key === this.link)) this.link = null;

    const victim = this.report.victims.find((v) => v.holder === this.victim) ?? null;
    const trail = victim ? trailOf(this.diagram, victim, this.report.merchants) : null;
    this.chart.render(this.diagram, { trail, link: this.link });

    this.totals.replaceChildren(totalsList(this.report.totals));
    this.renderVictimOptions();
    this.trail.replaceChildren(victim ? trailPanel(victim, this.rule) : '');
    const merchantLink = (account: string) => this.diagram.links.find((l) => l.kind === 'resale' && l.target === `account:${account}`)?.key ?? null;
    const selectedMerchant = this.report.merchants.find((m) => merchantLink(m.account) === this.link)?.account ?? null;
    this.merchants.replaceChildren(merchantsTable(this.report.merchants, selectedMerchant, (m) => this.selectLink(merchantLink(m.account))));
    const link = this.diagram.links.find((l) => l.key === this.link) ?? null;
    this.selection.replaceChildren(
      link ? this.describe(link)
        : this.fact ? `${this.fact} draws no link in the diagram.`
          : 'Click a link, a merchant or a timeline entry to see its money; click a victim to follow her trail.');
    this.renderTimeline(asOf, link);
  }

  private describe(link: DiagramLink): string {
    const label = (id: string) => this.diagram.nodes.find((n) => n.id === id)?.label ?? id;
    return `${label(link.source)} → ${label(link.target)}: ${linkLabel(link)} (${link.factIds.length} facts)`;
  }

  private renderVictimOptions(): void {
    const victims = [...this.report.victims].sort((a, b) => b.loss - a.loss);
    this.victimSelect.replaceChildren(
      h('option', { value: '' }, '— all victims —'),
      ...victims.map((v) => h('option', { value: v.holder, selected: v.holder === this.victim }, v.holder)),
    );
  }

  private renderTimeline(asOf: number | null, link: DiagramLink | null): void {
    const ids = link ? new Set(link.factIds) : null;
    const events = this.events
      .filter((e) => (ids ? ids.has(e.fact.id) : asOf === null || Date.parse(e.fact.at) <= asOf))
      .reverse();
    const what = link ? `facts of the selected link` : `facts ${asOf === null ? 'so far' : `by ${showInstant(asOf, this.offset)}`}`;
    const caption = `Timeline: ${events.length > TIMELINE_ROWS ? `latest ${TIMELINE_ROWS} of ` : ''}${events.length} ${what}, newest first`;
    this.timelineBox.replaceChildren(timelineTable(events, caption, this.fact, (e) => {
      this.link = this.diagram.linksOfFact.get(e.fact.id)?.[0] ?? null;
      this.fact = e.fact.id;
      this.render();
    }));
  }
}
