// The evaluation screens' logic, kept out of the components so it can be tested: the list in
// the order people read it, findings grouped the way X.1060 runs the evaluations (catalogue,
// profile, portfolio), what changed between two evaluations grouped by service, score deltas
// per category, and the trend chart's option. Nothing here re-derives a domain rule: findings,
// changes and scores all come from the server.
import { palette } from '../components/palette';
import { formatDelta } from './i18n.svelte';
import type { ChartOption } from '../components/charts';
import type {
  Aggregate,
  Change,
  EvaluationKind,
  EvaluationSummary,
  Finding,
  Named,
  Review,
  Severity,
  Text,
  Trend,
} from './types';

export type Metric = 'as_is' | 'to_be' | 'gap';
export const METRICS: readonly Metric[] = ['as_is', 'to_be', 'gap'];
/** The "to" of a comparison that means the live matrix, not a recorded evaluation. */
export const CURRENT = 'current';

/** A vocabulary entry's name, or null when the vocabulary does not know the id. */
export function nameOf(list: readonly Named[] | undefined, id: string | null | undefined): Text | null {
  if (!list || !id) return null;
  return list.find((n) => n.id === id)?.name ?? null;
}

/** Today as YYYY-MM-DD in the user's time zone. */
export function isoDay(date: Date = new Date()): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Newest first: by date, then by when it was recorded, then by id. */
export function newestFirst<T extends Pick<EvaluationSummary, 'id' | 'date' | 'created_at'>>(list: readonly T[]): T[] {
  return [...list].sort(
    (a, b) =>
      b.date.localeCompare(a.date) ||
      (b.created_at ?? '').localeCompare(a.created_at ?? '') ||
      b.id.localeCompare(a.id),
  );
}

/** The pair to offer for a comparison: the two newest evaluations, or the newest against now. */
export function defaultComparison(list: readonly EvaluationSummary[]): { from: string; to: string } {
  const sorted = newestFirst(list);
  if (sorted.length >= 2) return { from: sorted[1]!.id, to: sorted[0]!.id };
  return { from: sorted[0]?.id ?? '', to: CURRENT };
}

/** What the request body of POST /evaluations says; empty fields are left to the server. */
export interface RunForm {
  id: string;
  date: string;
  kinds: EvaluationKind[];
  note: string;
}
/** `order` is the vocabulary's evaluation kinds (lib/vocabulary.ts): the kinds go in that order. */
export function runBody(form: RunForm, order: readonly EvaluationKind[]): { id?: string; date?: string; kinds: EvaluationKind[]; note?: string } {
  const body: { id?: string; date?: string; kinds: EvaluationKind[]; note?: string } = {
    kinds: order.filter((k) => form.kinds.includes(k)),
  };
  if (form.id.trim()) body.id = form.id.trim();
  if (form.date) body.date = form.date;
  if (form.note.trim()) body.note = form.note.trim();
  return body;
}

export type SeverityCounts = Record<Severity, number>;

/** Findings counted by severity, for each of the vocabulary's severities. */
export function countBySeverity(findings: readonly Finding[], severities: readonly Severity[]): SeverityCounts {
  const counts = Object.fromEntries(severities.map((s) => [s, 0])) as SeverityCounts;
  for (const f of findings) if (f.severity in counts) counts[f.severity] += 1;
  return counts;
}

export interface FindingGroup {
  kind: EvaluationKind;
  /** Whether the evaluation ran this kind (a kind not run has no findings, and says so). */
  ran: boolean;
  /** All findings of this kind, whatever the filter. */
  counts: SeverityCounts;
  /** The findings the filter lets through, in the server's order. */
  findings: Finding[];
}

/**
 * Findings grouped by evaluation kind in the order of the process (the vocabulary's `kinds`),
 * kinds not run last, keeping the server's order inside each group; counted by the vocabulary's
 * `severities`. `filter` keeps only some severities (empty or absent: all).
 */
export function groupFindings(
  findings: readonly Finding[],
  kindsRun: readonly EvaluationKind[],
  order: { kinds: readonly EvaluationKind[]; severities: readonly Severity[] },
  filter: readonly Severity[] = [],
): FindingGroup[] {
  // The kinds the evaluation ran come first; findings of a kind it did not run (the server
  // records every finding) follow, for reference.
  const kinds = [
    ...order.kinds.filter((kind) => kindsRun.includes(kind)),
    ...order.kinds.filter((kind) => !kindsRun.includes(kind) && findings.some((f) => f.evaluation === kind)),
  ];
  return kinds.map(
    (kind) => {
      const all = findings.filter((f) => f.evaluation === kind);
      return {
        kind,
        ran: kindsRun.includes(kind),
        counts: countBySeverity(all, order.severities),
        findings: filter.length ? all.filter((f) => filter.includes(f.severity)) : all,
      };
    },
  );
}

/** Stable key of a finding within an evaluation (a service has at most one finding per code). */
export function findingKey(f: Pick<Finding, 'evaluation' | 'code' | 'service'>, index = 0): string {
  return `${f.evaluation}:${f.code}:${f.service ?? '-' + index}`;
}

export interface ServiceChanges {
  service: string;
  name: Text | null;
  changes: Change[];
}

/** Changes grouped by service, in the server's order (catalogue order), with the service's name. */
export function groupChanges(changes: readonly Change[], names: ReadonlyMap<string, Text>): ServiceChanges[] {
  const out: ServiceChanges[] = [];
  const byService = new Map<string, ServiceChanges>();
  for (const c of changes) {
    let group = byService.get(c.service);
    if (!group) {
      group = { service: c.service, name: names.get(c.service) ?? null, changes: [] };
      byService.set(c.service, group);
      out.push(group);
    }
    group.changes.push(c);
  }
  return out;
}

/** How many changes of each field (level, assignment, owner, provider, as_is, to_be). */
export function countChangesByField(changes: readonly Change[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of changes) out[c.field] = (out[c.field] ?? 0) + 1;
  return out;
}

/** The scores (overall and per category) recorded by one evaluation, from the trends. */
export function scoresAt(trends: readonly Trend[], evaluation: string): Map<string, Aggregate> {
  const out = new Map<string, Aggregate>();
  for (const trend of trends) {
    const point = trend.points.find((p) => p.evaluation === evaluation);
    if (point) out.set(trend.scope, point.value);
  }
  return out;
}

/** The live matrix's scores (GET /review), in the same shape as `scoresAt`. */
export function currentScores(review: Pick<Review, 'scores'>): Map<string, Aggregate> {
  const out = new Map<string, Aggregate>([['overall', review.scores.overall]]);
  for (const c of review.scores.categories) out.set(c.id, c);
  return out;
}

export interface ScoreDelta {
  scope: string;
  from: Aggregate | null;
  to: Aggregate | null;
  /** to − from per metric; null when either side has no score. */
  delta: Record<Metric, number | null>;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Score changes per scope ("overall" first, then categories in the order given). */
export function scoreDeltas(from: ReadonlyMap<string, Aggregate>, to: ReadonlyMap<string, Aggregate>): ScoreDelta[] {
  const scopes: string[] = [];
  for (const s of [...from.keys(), ...to.keys()]) if (!scopes.includes(s)) scopes.push(s);
  scopes.sort((a, b) => (a === 'overall' ? -1 : b === 'overall' ? 1 : 0));
  return scopes.map((scope) => {
    const a = from.get(scope) ?? null;
    const b = to.get(scope) ?? null;
    const delta = {} as Record<Metric, number | null>;
    for (const m of METRICS) {
      const x = a?.[m];
      const y = b?.[m];
      delta[m] = x === null || x === undefined || y === null || y === undefined ? null : round2(y - x);
    }
    return { scope, from: a, to: b, delta };
  });
}

/** A mean score with two decimals, "–" when missing (tables of means line up). */
export function formatMean(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : value.toFixed(2);
}

/** Whether a delta is good news: a higher as-is, or a smaller gap. To-be changes are neutral. */
export function deltaTone(metric: Metric, value: number | null): 'better' | 'worse' | 'neutral' {
  if (value === null || value === 0 || metric === 'to_be') return 'neutral';
  const better = metric === 'gap' ? value < 0 : value > 0;
  return better ? 'better' : 'worse';
}

export interface TrendTable {
  /** One column per recorded evaluation, oldest first. */
  columns: { evaluation: string; date: string }[];
  rows: { scope: string; values: (number | null)[] }[];
}

/** The trend data as a table (the chart's text alternative). */
export function trendTable(trends: readonly Trend[], metric: Metric): TrendTable {
  const columns: { evaluation: string; date: string }[] = [];
  for (const trend of trends)
    for (const p of trend.points)
      if (!columns.some((c) => c.evaluation === p.evaluation)) columns.push({ evaluation: p.evaluation, date: p.date });
  columns.sort((a, b) => a.date.localeCompare(b.date));
  const rows = trends.map((trend) => ({
    scope: trend.scope,
    values: columns.map((c) => trend.points.find((p) => p.evaluation === c.evaluation)?.value[metric] ?? null),
  }));
  return { columns, rows };
}

/** Nine categories need nine colours that stay apart (the overall line is near-black). */
const categoryColours = ['#2563eb', '#ea580c', '#0d9488', '#9333ea', '#16a34a', '#ca8a04', '#db2777', '#64748b', '#92400e', '#0284c7'];

export interface TrendChartLabels {
  /** The series name of a scope ("Overall", "A Strategic management of CDC"). */
  scope: (scope: string) => string;
  /** The axis label of an evaluation. */
  column: (column: { evaluation: string; date: string }) => string;
  /** The value axis's name. */
  axis: string;
}

/**
 * The line chart of one metric over every recorded evaluation: one series per scope, the
 * overall one drawn thick and dark. Scores sit on the 1–5 scale; gaps from 0 up.
 */
export function trendOption(trends: readonly Trend[], metric: Metric, labels: TrendChartLabels): ChartOption {
  const table = trendTable(trends, metric);
  let colour = 0;
  const series = table.rows.map((row) => {
    const overall = row.scope === 'overall';
    const color = overall ? '#14213d' : categoryColours[colour++ % categoryColours.length];
    return {
      type: 'line',
      name: labels.scope(row.scope),
      data: row.values,
      connectNulls: false,
      symbol: overall ? 'circle' : 'emptyCircle',
      symbolSize: overall ? 9 : 6,
      z: overall ? 3 : 2,
      lineStyle: { width: overall ? 4 : 2, color, ...(overall ? {} : { opacity: 0.9 }) },
      itemStyle: { color },
      emphasis: { focus: 'series' },
    };
  });
  const values = table.rows.flatMap((r) => r.values).filter((v): v is number => v !== null);
  const scale =
    metric === 'gap'
      ? { min: Math.min(0, Math.floor(Math.min(0, ...values))), max: Math.max(1, Math.ceil(Math.max(0, ...values))) }
      : { min: 1, max: 5 };
  return {
    animation: false,
    // Drawn on the canvas: ECharts' HTML tooltips put style attributes in markup, which the CSP refuses.
    tooltip: { trigger: 'axis', renderMode: 'richText', valueFormatter: (v: unknown) => (typeof v === 'number' ? v.toFixed(2) : '–') },
    legend: { type: 'plain', orient: 'vertical', right: 0, top: 'middle', itemGap: 8, textStyle: { fontSize: 12, width: 210, overflow: 'truncate' } },
    grid: { left: 44, right: 290, top: 28, bottom: 48 },
    xAxis: {
      type: 'category',
      boundaryGap: table.columns.length < 2,
      data: table.columns.map(labels.column),
      axisLabel: { interval: 0, lineHeight: 16 },
    },
    yAxis: { type: 'value', name: labels.axis, nameTextStyle: { align: 'left' }, ...scale, interval: metric === 'gap' ? undefined : 1 },
    series,
  };
}

export interface DeltaChartLabels {
  scope: (scope: string) => string;
  metric: (metric: Metric) => string;
}

/** A horizontal bar chart of the as-is and gap deltas per scope (overall on top). */
export function deltaOption(deltas: readonly ScoreDelta[], labels: DeltaChartLabels): ChartOption {
  const shown = [...deltas].reverse();
  const metrics: Metric[] = ['as_is', 'gap'];
  return {
    animation: false,
    // Drawn on the canvas (see trendOption).
    tooltip: { trigger: 'axis', renderMode: 'richText', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => (typeof v === 'number' ? formatDelta(v) : '–') },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8 },
    xAxis: { type: 'value', splitNumber: 4, axisLabel: { formatter: (v: number) => formatDelta(v, 1), fontSize: 11 } },
    yAxis: { type: 'category', data: shown.map((d) => labels.scope(d.scope)), axisLabel: { width: 220, overflow: 'truncate' } },
    series: metrics.map((m, i) => ({
      type: 'bar',
      name: labels.metric(m),
      data: shown.map((d) => d.delta[m]),
      itemStyle: { color: i === 0 ? palette[0] : palette[1] },
      barMaxWidth: 14,
    })),
  };
}
