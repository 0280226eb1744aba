// The case view: controls (replay slider, tracing rule, victims), totals, the flow diagram, and the panels linked to
// it. The diagram is the server's flow graph and the figures are the server's report, both asked for under the rule
// and moment on screen; the page groups and formats them and computes no money of its own.
import { getFlows, getGraph, getTimeline, recordEvents, type FlowGraph, type FlowQuery, type FlowReport, type FlowRoutes, type Role, type Rule, type TimelineEvent } from '../api';
import { h } from '../dom';
import { money, rate } from '../format';
import { amountOf, byLoss, describePlace, drawFlowGraph, edgeKey, topVictims, type Drawing, type Link, type Place } from '../model';
import { Sankey, type Look } from '../sankey';
import { merchantsTable, timelineTable, TIMELINE_ROWS, totalsList, trailPanel } from '../tables';
import { offsetOf, showInstant, startOfDay, toIso } from '../time';
import { bundleButton } from './bundle';
import { exportButtons } from './exports';
import { PathPanel } from './pathPanel';

const DAY = 86_400_000;
const mayTakeBundles = (role: Role) => role === 'investigator' || role === 'court';

export const RULES: [Rule, string][] = [['pro-rata', 'Pro rata'], ['fifo', 'First in, first out'], ['libr', 'Lowest intermediate balance (libr)']];

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
  const latest: FlowQuery = { rule: 'pro-rata', asOf: null };
  const [timeline, report, graph] = await Promise.all([getTimeline(caseId), getFlows(caseId, latest), getGraph(caseId, latest)]);
  new CaseView(root, caseId, role, timeline.events, report, graph, heading, status, say);
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
  /** The routes the path panel found, whose edges the diagram lights. */
  private routes: FlowRoutes | null = null;
  private figuresRequest = 0;
  private refreshTimer: number | undefined;
  private drawing!: Drawing;

  private readonly sankey: Sankey;
  private readonly paths: PathPanel;
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
    private report: FlowReport, private graph: FlowGraph, heading: HTMLElement, status: HTMLElement,
    private readonly say: (text: string) => void,
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
    const chartBox = h('div', { class: 'chart', role: 'group', 'aria-label': 'Flow diagram: the flow graph the server traced, one band per edge' });
    this.sankey = new Sankey(chartBox, {
      place: (place) => this.picked(place),
      link: (link) => this.selectLink(this.link === link.key ? null : link.key),
    });
    this.paths = new PathPanel(caseId, () => this.question(), (answer) => {
      this.routes = answer === null || answer.routes.length === 0 ? null : answer;
      this.render();
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
        exportButtons(caseId, () => this.question(), say),
        h('div', { class: 'control actions' },
          mayTakeBundles(role) && bundleButton(caseId, say),
          role === 'investigator' && this.recordForm()),
      ),
      status,
      this.totals,
      h('section', { class: 'diagram', 'aria-label': 'Money flow' }, chartBox, this.selection),
      h('div', { class: 'case-grid' },
        h('div', { class: 'side' }, this.paths.element, this.trail),
        h('div', { class: 'side' }, this.merchants, this.timelineBox)),
    );
    this.victimSelect.addEventListener('change', () => this.follow(this.victimSelect.value || null));
    this.paths.update(graph, report.victims);
    this.render();
    say('');
  }

  private ruleSwitch(): HTMLElement {
    return h('fieldset', { class: 'control rule' }, h('legend', {}, 'Tracing rule'),
      ...RULES.map(([rule, text]) => h('label', {},
        h('input', { type: 'radio', name: 'rule', value: rule, checked: rule === this.rule, onchange: () => {
          this.rule = rule;
          void this.refresh();
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
        await this.refresh();
        this.say(`Recorded ${result.recorded} fact(s); ${result.alreadyRecorded} were already recorded.`);
      } catch (error) {
        this.say(`Nothing recorded: ${(error as Error).message}`);
      }
    } }, h('label', { for: 'record-file' }, 'Record facts'), file, h('button', { type: 'submit' }, 'Record'));
  }

  private asOf(): number | null {
    return this.step >= this.days ? null : this.start + this.step * DAY;
  }

  /** The question on screen: the tracing rule, and the moment of the replay slider. */
  private question(): FlowQuery {
    const asOf = this.asOf();
    return { rule: this.rule, asOf: asOf === null ? null : toIso(asOf, this.offset) };
  }

  private moved(): void {
    this.step = Number(this.slider.value);
    this.showMoment();
    window.clearTimeout(this.refreshTimer);
    this.refreshTimer = window.setTimeout(() => void this.refresh(), 250);
  }

  /** Asks the server for the report and the flow graph under the rule and moment on screen. */
  private async refresh(): Promise<void> {
    const request = ++this.figuresRequest;
    const question = this.question();
    this.say('Updating the figures…');
    try {
      const [report, graph] = await Promise.all([getFlows(this.caseId, question), getGraph(this.caseId, question)]);
      // A slower answer to an older question must not overwrite a newer one.
      if (request !== this.figuresRequest) return;
      this.report = report;
      this.graph = graph;
      this.paths.update(graph, report.victims);
      this.say('');
      this.render();
    } catch (error) {
      if (request === this.figuresRequest) this.say(`Could not update the figures: ${(error as Error).message}`);
    }
  }

  private picked(place: Place): void {
    if (place.kind === 'victim') {
      this.follow(this.victim === place.label ? null : place.label);
    } else if (place.kind === 'merchant' && place.account !== null) {
      this.chooseMerchant(place.account);
    }
  }

  private chooseMerchant(account: string): void {
    this.paths.target(account);
    this.selectLink(this.drawing.links.find((l) => l.edge.kind === 'resale' && l.edge.to === `account:${account}`)?.key ?? null);
  }

  private follow(holder: string | null): void {
    this.victim = holder;
    this.link = null;
    if (holder !== null) this.paths.start(holder);
    else this.paths.clear();
    this.render();
  }

  private selectLink(key: string | null): void {
    this.link = key;
    this.render();
  }

  private showMoment(): void {
    const asOf = this.asOf();
    this.asOfText.textContent = asOf === null ? 'all facts (latest)' : toIso(asOf, this.offset);
  }

  private render(): void {
    this.showMoment();
    const shown = topVictims(this.report.victims, this.victimsDrawn);
    if (this.victim && !shown.includes(this.victim)) shown.push(this.victim);
    this.drawing = drawFlowGraph(this.graph, { victimsShown: shown });
    if (this.link && !this.drawing.links.some((l) => l.key === this.link)) this.link = null;
    this.sankey.render(this.drawing, this.look());

    this.totals.replaceChildren(totalsList(this.report.totals));
    this.renderVictimOptions();
    const victim = this.report.victims.find((v) => v.holder === this.victim) ?? null;
    this.trail.replaceChildren(victim ? trailPanel(victim, this.rule) : '');
    const selectedMerchant = this.drawing.links.find((l) => l.key === this.link && l.edge.kind === 'resale')?.edge.to.replace(/^account:/, '') ?? null;
    this.merchants.replaceChildren(merchantsTable(this.report.merchants, selectedMerchant, (m) => this.chooseMerchant(m.account)));
    const link = this.drawing.links.find((l) => l.key === this.link) ?? null;
    this.selection.replaceChildren(link ? this.describe(link)
      : this.routes ? `Lit: the edges of the ${this.routes.routes.length} route(s) found to ${this.routes.to}, ` +
        `labelled with ${this.routes.victim === null ? 'their amounts' : `${this.routes.victim}\u2019s share of each`} as the path answer gives it.`
      : this.victim ? `Lit: the edges that carried ${this.victim}\u2019s money under the ${this.rule} rule, in red her share of each, with its amount.`
        : 'Click a band to see its edge, a victim to follow her money, a card merchant to ask for the routes to it.');
    this.renderTimeline();
  }

  /**
   * How each band and place is shown: everything; one victim's edges with her share; the edges of the routes found;
   * or one selected edge, in that order of precedence, the last first.
   */
  private look(): Look {
    const followed = this.victim;
    const selected = this.link;
    // A hop's amount is the followed money's share of its edge, the same on every route through it.
    const onRoute = this.routes === null ? null
      : new Map(this.routes.routes.flatMap((r) => r.hops.map((hop) => [edgeKey(hop), hop.amount] as const)));
    const shareOf = (link: Link) => (followed === null ? null : amountOf(link.edge, followed));
    const lit = (link: Link) =>
      selected !== null ? link.key === selected
        : onRoute !== null ? onRoute.has(link.key)
          : followed === null || (shareOf(link) ?? 0) > 0;
    const litPlaces = new Set(this.drawing.links.filter(lit).flatMap((l) => [l.source, l.target]));
    const merchants = new Map(this.report.merchants.map((m) => [m.account, m]));
    const kindOf = new Map(this.drawing.places.map((p) => [p.id, p.kind]));
    const fromVictims = (link: Link) => kindOf.get(link.source);
    return {
      selected,
      focused: selected !== null || onRoute !== null || followed !== null,
      link: (link) => {
        const share = shareOf(link);
        const on = lit(link);
        const hop = selected === null ? onRoute?.get(link.key) : undefined;
        let label: string | null = null;
        if (on && hop !== undefined) label = money(hop);
        else if (on && followed !== null && share !== null) label = money(share);
        else if (on && (link.key === selected || !['victim', 'others'].includes(fromVictims(link) ?? ''))) label = money(link.edge.amount);
        return { lit: on, label, share };
      },
      place: (place) => {
        const merchant = place.kind === 'merchant' && place.account !== null ? merchants.get(place.account) : undefined;
        return {
          lit: (followed === null && selected === null && onRoute === null) || litPlaces.has(place.id),
          label: place.label,
          note: merchant ? `@ ${rate(merchant.discountRate)}` : null,
          title: describePlace(place, this.graph) + (merchant ? `; discount rate ${rate(merchant.discountRate)}` : ''),
        };
      },
    };
  }

  private describe(link: Link): string {
    const label = (id: string) => this.drawing.places.find((p) => p.id === id)?.label ?? id;
    const { edge } = link;
    const share = this.victim === null ? '' : `; ${this.victim}: ${(() => {
      const amount = amountOf(edge, this.victim);
      return amount === null ? 'none of her money' : money(amount);
    })()}`;
    return `${label(link.source)} \u2192 ${label(link.target)}: ${edge.kind}${edge.product ? ` of ${edge.product}` : ''}, ` +
      `${money(edge.amount)} (${edge.facts} facts, ${edge.origins.length} origins under the ${this.rule} rule)${share}`;
  }

  private renderVictimOptions(): void {
    this.victimSelect.replaceChildren(
      h('option', { value: '' }, '— all victims —'),
      ...byLoss(this.report.victims).map((v) => h('option', { value: v.holder, selected: v.holder === this.victim }, v.holder)),
    );
  }

  private renderTimeline(): void {
    const asOf = this.asOf();
    const events = this.events.filter((e) => asOf === null || Date.parse(e.fact.at) <= asOf).reverse();
    const caption = `Timeline: ${events.length > TIMELINE_ROWS ? `latest ${TIMELINE_ROWS} of ` : ''}${events.length} facts ` +
      `${asOf === null ? 'so far' : `by ${showInstant(asOf, this.offset)}`}, newest first`;
    this.timelineBox.replaceChildren(timelineTable(events, caption));
  }
}
