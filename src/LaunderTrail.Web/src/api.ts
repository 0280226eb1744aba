// The LaunderTrail HTTP API, one function per endpoint. Field names of the case list are not fixed yet, so
// its rows are mapped tolerantly here; everything else follows the contract exactly.

export type Role = 'investigator' | 'auditor' | 'court';
export type Rule = 'fifo' | 'pro-rata' | 'libr';

export interface CaseSummary {
  case: string;
  victims: number;
  totalLoss: number;
  resaleCash: number;
  lastEventAt: string | null;
}

export interface Totals {
  victimLoss: number;
  prepaidFaceValue: number;
  prepaidPaid: number;
  resoldFaceValue: number;
  resaleCash: number;
  launderingCost: number;
}

export interface Merchant {
  account: string;
  holder: string;
  product: string;
  faceValue: number;
  price: number;
  discountRate: number;
  resales: number;
}

export interface Reached { account: string; holder: string; faceValue: number; cash: number }
export interface Holding { account: string; holder: string; role: string; cash: number; faceValue: number }
export interface VictimTrail { holder: string; accounts: string[]; loss: number; reached: Reached[]; holdings: Holding[] }

export interface FlowReport {
  case: string;
  asOf: string | null;
  rule: Rule;
  totals: Totals;
  merchants: Merchant[];
  victims: VictimTrail[];
  problems: { id: string; reason: string }[];
}

/** A fact as the interchange format writes it; only the fields the view reads are named. */
export interface Fact {
  id: string;
  case: string;
  type: string;
  at: string;
  [field: string]: unknown;
}

export interface TimelineEvent {
  seq: number;
  recordedAt: string;
  description: string;
  retractedBy: { id: string; reason: string }[];
  leftOut: string | null;
  discountRate: number | null;
  fact: Fact;
}

export interface Timeline {
  case: string;
  asOf: string | null;
  knownAt: string | null;
  events: TimelineEvent[];
}

export interface FlowQuery { rule: Rule; asOf: string | null }

/** A node of the flow graph (INTERCHANGE.md, "the flow graph"): an account, or a product standing for its issuer. */
export type GraphNode =
  | { id: string; kind: 'account'; account: string; holder: string; role: string }
  | { id: string; kind: 'product'; product: string };

export type EdgeKind = 'loan' | 'transfer' | 'purchase' | 'issue' | 'handover' | 'resale' | 'resale-payment';

/** Whose money an edge carried under the rule: a victim's holder name, or `unattributed`. */
export interface Origin { origin: string; amount: number }

export interface GraphEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  product: string;
  amount: number;
  /** How many facts were summed into the edge. */
  facts: number;
  origins: Origin[];
}

export interface FlowGraph {
  case: string;
  asOf: string | null;
  rule: Rule;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** One hop of a route: an edge of the graph, with the amount of the followed money on it. */
export interface Hop { from: string; to: string; kind: EdgeKind; product: string; amount: number; facts: number }
export interface Route { amount: number; hops: Hop[] }

/** The answer of a path search (docs/interchange.md, "paths"). */
export interface FlowRoutes {
  case: string;
  rule: Rule;
  asOf: string | null;
  from: string;
  to: string;
  victim: string | null;
  maxHops: number;
  /** The server stopped at its cap on routes (or on search steps): more routes may exist. */
  truncated: boolean;
  routes: Route[];
}

export interface PathQuery extends FlowQuery { from: string; to: string; maxHops: number | null }

export type ExportFormat = 'graphml' | 'gexf' | 'i2' | 'neo4j';

export interface Download { blob: Blob; fileName: string }

export class ApiError extends Error {
  constructor(readonly status: number, readonly title: string, readonly detail?: string) {
    super(detail ? `${title}: ${detail}` : title);
  }
}

// The key lives in this module only: never in storage, cookies or URLs.
let apiKey: string | null = null;

export function setKey(key: string | null): void {
  apiKey = key;
}

export function hasKey(): boolean {
  return apiKey !== null;
}

async function request(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (apiKey !== null) headers.set('Authorization', `Bearer ${apiKey}`);
  const response = await fetch(path, { ...init, headers, credentials: 'omit', cache: 'no-store' });
  if (!response.ok) throw await errorOf(response);
  return response;
}

async function errorOf(response: Response): Promise<ApiError> {
  try {
    const problem = (await response.json()) as { title?: string; detail?: string };
    return new ApiError(response.status, problem.title ?? response.statusText, problem.detail);
  } catch {
    return new ApiError(response.status, response.statusText || `HTTP ${response.status}`);
  }
}

const casePath = (caseId: string) => `/cases/${encodeURIComponent(caseId)}`;

function query(params: Record<string, string | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) search.set(name, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}

type Loose = Record<string, unknown>;

function pick(row: Loose, names: string[]): unknown {
  for (const name of names) if (row[name] !== undefined && row[name] !== null) return row[name];
  return undefined;
}

const asNumber = (value: unknown) => (typeof value === 'number' ? value : Number(value ?? 0));

export function toCaseSummary(row: Loose): CaseSummary {
  const last = pick(row, ['lastEventAt', 'lastEventTime', 'lastEvent', 'lastEventTimestamp']);
  return {
    case: String(pick(row, ['case', 'id', 'caseNumber', 'caseId']) ?? ''),
    victims: asNumber(pick(row, ['victims', 'victimCount', 'victimsCount'])),
    totalLoss: asNumber(pick(row, ['totalLoss', 'victimLoss', 'loss'])),
    resaleCash: asNumber(pick(row, ['resaleCash', 'cash'])),
    lastEventAt: typeof last === 'string' ? last : null,
  };
}

/** A case GET /cases left out because its figures cannot be read, and why. */
export interface UnavailableCase { case: string; reason: string }

export interface CaseList { cases: CaseSummary[]; unavailable: UnavailableCase[] }

/** GET /cases */
export async function listCases(): Promise<CaseList> {
  const list = (await (await request('/cases')).json()) as { cases?: Loose[]; unavailable?: UnavailableCase[] };
  return { cases: (list.cases ?? []).map(toCaseSummary), unavailable: list.unavailable ?? [] };
}

/**
 * How long a read of the case as it stands waits for the server to trace facts just recorded (`?wait=`), rather than
 * be answered 503 while it does; a replay is traced on demand and needs no wait.
 */
const waitFor = (asOf: string | null | undefined) => (asOf ? null : '60');

/** GET /cases/{case}/flows */
export async function getFlows(caseId: string, { rule, asOf }: FlowQuery): Promise<FlowReport> {
  const response = await request(`${casePath(caseId)}/flows${query({ rule, asOf, wait: waitFor(asOf) })}`);
  return (await response.json()) as FlowReport;
}

/** GET /cases/{case}/graph: the traced flow graph under the rule, as of the moment. */
export async function getGraph(caseId: string, { rule, asOf }: FlowQuery): Promise<FlowGraph> {
  const response = await request(`${casePath(caseId)}/graph${query({ rule, asOf, wait: waitFor(asOf) })}`);
  return (await response.json()) as FlowGraph;
}

/** GET /cases/{case}/path: the routes of the flow graph from a victim (or an account) to an account. */
export async function getPath(caseId: string, { from, to, rule, asOf, maxHops }: PathQuery): Promise<FlowRoutes> {
  const response = await request(`${casePath(caseId)}/path${query({ from, to, rule, asOf, maxHops: maxHops === null ? null : String(maxHops) })}`);
  return (await response.json()) as FlowRoutes;
}

/** GET /cases/{case}/export: the flow graph as a file for an analyst's tool, named as the server names it. */
export async function getExport(caseId: string, format: ExportFormat, { rule, asOf }: FlowQuery): Promise<Download> {
  const response = await request(`${casePath(caseId)}/export${query({ format, rule, asOf })}`);
  const fileName = fileNameOf(response.headers.get('Content-Disposition')) ?? `${caseId}.${rule}.${format}`;
  return { blob: await response.blob(), fileName };
}

/** The file name of a Content-Disposition header, preferring the UTF-8 `filename*` form (RFC 6266). */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // A malformed escape: fall back to the plain form.
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(disposition);
  const name = (plain?.[2] ?? plain?.[1])?.trim();
  return name ? name : null;
}

/** GET /cases/{case}/timeline?format=json */
export async function getTimeline(caseId: string): Promise<Timeline> {
  const response = await request(`${casePath(caseId)}/timeline${query({ format: 'json' })}`);
  return (await response.json()) as Timeline;
}

/** GET /cases/{case}/timeline: the court bundle as a zip. */
export async function getCourtBundle(caseId: string): Promise<Blob> {
  return (await request(`${casePath(caseId)}/timeline`)).blob();
}

/** POST /cases/{case}/events: a JSON Lines file of facts, all or nothing. */
export async function recordEvents(caseId: string, jsonLines: string): Promise<{ recorded: number; alreadyRecorded: number }> {
  const response = await request(`${casePath(caseId)}/events`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-ndjson' },
    body: jsonLines,
  });
  const summary = (await response.json()) as Loose;
  return { recorded: asNumber(summary.recorded), alreadyRecorded: asNumber(summary.alreadyRecorded) };
}

/**
 * Which role the key has. The API has no "who am I" endpoint, so this asks two harmless questions:
 * court keys may not list cases, and only investigators get past authorisation of a write, which the API
 * then refuses for its content type (415) before reading anything.
 */
export async function whoAmI(): Promise<Role> {
  try {
    await request('/cases');
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) return 'court';
    throw error;
  }
  try {
    await request(`${casePath('-')}/events`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '' });
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) return 'auditor';
    if (error instanceof ApiError && error.status === 401) throw error;
  }
  return 'investigator';
}
