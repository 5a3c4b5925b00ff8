// Pure logic of the home and overview screens: counting services by level and assignment, open
// actions by phase and cycle, the radar chart's option, the trend since the last evaluation, the
// organisation list's search and the new-organisation form's checks. No Svelte, no fetching:
// everything here is a function of its arguments (and tested in overview.test.ts).
import { ApiError } from './api';
import type { ChartOption } from '../components/charts';
import type {
  Action,
  Aggregate,
  CatalogueSummary,
  CategoryScore,
  Cycle,
  Library,
  Named,
  Organisation,
  Phase,
  ReviewService,
  TemplateSummary,
  Trend,
  Vocabulary,
} from './types';

type Limits = Vocabulary['limits'];

/** A count of services with one value (a level id, an assignment id, or "unset"). */
export interface Tally {
  id: string;
  count: number;
}

/**
 * Services by recommendation level, in the vocabulary's order; services with no level yet are
 * counted as "unset" (last, and only when there are some). Levels the vocabulary does not know are
 * kept (after the known ones), never dropped.
 */
export function countByLevel(services: readonly Pick<ReviewService, 'level'>[], levels: readonly Named[]): Tally[] {
  const counts = new Map<string, number>();
  for (const s of services) {
    const key = s.level ?? 'unset';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const out: Tally[] = levels.map((l) => ({ id: l.id, count: counts.get(l.id) ?? 0 }));
  for (const [id, count] of counts)
    if (id !== 'unset' && !levels.some((l) => l.id === id)) out.push({ id, count });
  const unset = counts.get('unset') ?? 0;
  if (unset > 0) out.push({ id: 'unset', count: unset });
  return out;
}

/**
 * Services in the catalogue by assignment, in the vocabulary's order (a service outside the
 * catalogue has nobody assigned by design, so counting it as "unassigned" would mislead).
 */
export function countByAssignment(
  services: readonly Pick<ReviewService, 'in_catalogue' | 'assignment'>[],
  assignments: readonly Named[],
): Tally[] {
  const counts = new Map<string, number>();
  for (const s of services) if (s.in_catalogue) counts.set(s.assignment, (counts.get(s.assignment) ?? 0) + 1);
  const out: Tally[] = assignments.map((a) => ({ id: a.id, count: counts.get(a.id) ?? 0 }));
  for (const [id, count] of counts) if (!assignments.some((a) => a.id === id)) out.push({ id, count });
  return out;
}

/** The share of `count` in `total`, as a percentage for a bar's width (0 when total is 0). */
export function share(count: number, total: number): number {
  return total > 0 ? Math.round((count / total) * 1000) / 10 : 0;
}

/** Counts by phase id, then cycle id (the vocabulary's ids). */
export type PhaseCycleCounts = Record<string, Record<string, number>>;

export interface OpenActionTable {
  cells: PhaseCycleCounts;
  byPhase: Record<string, number>;
  byCycle: Record<string, number>;
  total: number;
  /** Open actions whose phase or cycle is not one of the vocabulary's. */
  other: number;
}

/**
 * Open actions (as the server says) counted by management phase × improvement cycle, with the
 * totals; the phases and cycles are the vocabulary's (lib/vocabulary.ts).
 */
export function openActionsByPhaseCycle(
  actions: readonly Pick<Action, 'open' | 'phase' | 'cycle'>[],
  phases: readonly Phase[],
  cycles: readonly Cycle[],
): OpenActionTable {
  const zeros = (keys: readonly string[]): Record<string, number> => Object.fromEntries(keys.map((k) => [k, 0]));
  const cells: PhaseCycleCounts = Object.fromEntries(phases.map((p) => [p, zeros(cycles)]));
  const byPhase = zeros(phases);
  const byCycle = zeros(cycles);
  let total = 0;
  let other = 0;
  for (const a of actions) {
    if (!a.open) continue;
    total++;
    const row = cells[a.phase];
    if (!row || !cycles.includes(a.cycle)) {
      other++;
      continue;
    }
    const add = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);
    add(row, a.cycle);
    add(byPhase, a.phase);
    add(byCycle, a.cycle);
  }
  return { cells, byPhase, byCycle, total, other };
}

/**
 * Breaks a label into lines of about `width` columns for a chart axis. Lines break between words:
 * Latin words, runs of katakana and runs of kanji are kept whole, kana particles stand alone, so a
 * Japanese name breaks where a reader would ("CDCの戦略" / "マネジメント"). A full-width character
 * counts as two columns; a word longer than the width gets a line of its own. Never more than
 * `maxLines` lines; the last one ends with "…" when text was cut.
 */
export function wrapLabel(text: string, width: number, maxLines = 3): string {
  const columns = (s: string) => [...s].reduce((n, ch) => n + (/[\u0000-\u00ff]/.test(ch) ? 1 : 2), 0);
  const tokens = text.trim().match(/(?:[\u30a0-\u30ff]+|[\u3400-\u9fff\u3005]+|[^\s\u3000-\u9fff\uff00-\uffef]+|\S)\s*/gu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    if (line && columns(line + token.trimEnd()) > width) {
      lines.push(line.trimEnd());
      line = '';
    }
    line += token;
  }
  if (line.trim()) lines.push(line.trimEnd());
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = kept[maxLines - 1] + '…';
    return kept.join('\n');
  }
  return lines.join('\n');
}

export interface RadarLabels {
  /** Series names. */
  asIs: string;
  toBe: string;
  /** The axis name of a category (e.g. "A Strategic management of CDC"). */
  axis: (category: CategoryScore) => string;
  /** The tooltip's "no score" text. */
  none: string;
  /** Colours of the two series. */
  colours: [string, string];
}

/** The score plotted for an aggregate's value: null (no point) when nothing was counted. */
function plotted(value: number | null): number | null {
  return value === null || Number.isNaN(value) ? null : Math.round(value * 100) / 100;
}

/**
 * The radar chart of the category scores: one axis per category (0–5), as-is against to-be.
 * A category without a score has no point on its axis (never a misleading 0).
 */
export function radarOption(categories: readonly CategoryScore[], labels: RadarLabels): ChartOption {
  const indicator = categories.map((c) => ({ name: labels.axis(c), min: 0, max: 5 }));
  const asIs = categories.map((c) => plotted(c.as_is));
  const toBe = categories.map((c) => plotted(c.to_be));
  const some = (values: (number | null)[]) => values.some((v) => v !== null);
  const show = (v: number | null) => (v === null ? labels.none : v.toFixed(2));
  return {
    animation: false,
    color: labels.colours,
    // The legend names only the series drawn (ECharts warns about the others).
    legend: {
      show: some(toBe) || some(asIs),
      bottom: 0,
      data: [...(some(toBe) ? [labels.toBe] : []), ...(some(asIs) ? [labels.asIs] : [])],
      textStyle: { fontSize: 13 },
    },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: { seriesName?: string; value?: (number | null)[] }) => {
        const values = p.value ?? [];
        return (
          `<strong>${escapeHtml(p.seriesName ?? '')}</strong><br>` +
          categories.map((c, i) => `${escapeHtml(c.id)}: ${show(values[i] ?? null)}`).join('<br>')
        );
      },
    },
    radar: {
      indicator,
      center: ['50%', '50%'],
      radius: '66%',
      splitNumber: 5,
      axisName: { color: '#1b2430', fontSize: 12, lineHeight: 15 },
      splitArea: { areaStyle: { color: ['#f8fafd', '#eef2f8'] } },
      splitLine: { lineStyle: { color: '#c8d0dc' } },
      axisLine: { lineStyle: { color: '#c8d0dc' } },
    },
    series: [
      {
        type: 'radar',
        symbolSize: 5,
        // A series without any score is left out rather than drawn as a dot in the centre.
        data: [
          ...(some(toBe)
            ? [
                {
                  name: labels.toBe,
                  value: toBe,
                  lineStyle: { width: 2, type: 'dashed', color: labels.colours[1] },
                  itemStyle: { color: labels.colours[1] },
                  areaStyle: { color: labels.colours[1], opacity: 0.06 },
                },
              ]
            : []),
          ...(some(asIs)
            ? [
                {
                  name: labels.asIs,
                  value: asIs,
                  lineStyle: { width: 2.5, color: labels.colours[0] },
                  itemStyle: { color: labels.colours[0] },
                  areaStyle: { color: labels.colours[0], opacity: 0.22 },
                },
              ]
            : []),
        ],
      },
    ],
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);
}

/** One point of a trend, whichever way the server nests its aggregate. */
export interface TrendStep {
  evaluation: string;
  date: string;
  as_is: number | null;
  to_be: number | null;
  gap: number | null;
}

function stepOf(point: unknown): TrendStep | null {
  if (typeof point !== 'object' || point === null) return null;
  const p = point as Record<string, unknown>;
  const agg = (typeof p['value'] === 'object' && p['value'] !== null ? p['value'] : p) as Partial<Aggregate>;
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  return {
    evaluation: typeof p['evaluation'] === 'string' ? p['evaluation'] : '',
    date: typeof p['date'] === 'string' ? p['date'] : '',
    as_is: num(agg.as_is),
    to_be: num(agg.to_be),
    gap: num(agg.gap),
  };
}

export interface Movement {
  /** The last recorded evaluation before now. */
  previous: TrendStep;
  /** Change of the as-is score since then (null when either is missing). */
  asIs: number | null;
  /** Change of the gap since then (negative: the gap closed). */
  gap: number | null;
}

/**
 * How the overall score moved since the last recorded evaluation: the trend's last point is the
 * live state ("now"), the one before it the last evaluation. Null when there is no earlier one.
 */
export function movementSinceLast(trends: readonly { scope: string; points: readonly unknown[] }[], scope = 'overall'): Movement | null {
  const trend = trends.find((t) => t.scope === scope);
  if (!trend) return null;
  const steps = trend.points.map(stepOf).filter((s): s is TrendStep => s !== null);
  const nowIndex = steps.findIndex((s) => s.evaluation === 'now');
  const current = nowIndex >= 0 ? steps[nowIndex] : steps[steps.length - 1];
  const recorded = steps.filter((s) => s !== current);
  const previous = recorded[recorded.length - 1];
  if (!current || !previous) return null;
  const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : Math.round((a - b) * 100) / 100);
  return { previous, asIs: diff(current.as_is, previous.as_is), gap: diff(current.gap, previous.gap) };
}

/** Organisations whose name, id or catalogue contains every word of the query (any case). */
export function filterOrganisations<T extends Pick<Organisation, 'id' | 'name' | 'catalog'>>(
  organisations: readonly T[],
  query: string,
  extra: (o: T) => string = () => '',
): T[] {
  const words = query.toLowerCase().normalize('NFKC').split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...organisations];
  return organisations.filter((o) => {
    const hay = [o.name, o.id, o.catalog, extra(o)].join(' ').toLowerCase().normalize('NFKC');
    return words.every((w) => hay.includes(w));
  });
}

/** Sorts organisations by name, in the given language's collation. */
export function sortOrganisations<T extends Pick<Organisation, 'name' | 'id'>>(organisations: readonly T[], lang: string): T[] {
  const collator = new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
  return [...organisations].sort((a, b) => collator.compare(a.name, b.name) || collator.compare(a.id, b.id));
}

/**
 * Whether an organisation id fits the server's pattern (GET /vocabulary `limits`). Without the
 * limits any id goes: the server checks it again and its error is shown.
 */
export function validSlug(id: string, limits: Limits | null): boolean {
  return limits ? new RegExp(limits.organisation_id.pattern).test(id) : true;
}

/** An id suggested from a name ("Kasumi Logistics K.K." → "kasumi-logistics-k-k"); "" when none. */
export function suggestSlug(name: string, maxLength: number): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
}

/** Whether an evaluation interval is one the server accepts (whole days within its limits). */
export function validInterval(days: number, limits: Limits | null): boolean {
  if (!limits) return true;
  const { min, max } = limits.evaluation_interval_days;
  return Number.isInteger(days) && days >= min && days <= max;
}

/** Whether any category has an as-is or to-be score (otherwise the radar has nothing to draw). */
export function anyScore(categories: readonly Pick<CategoryScore, 'as_is' | 'to_be'>[]): boolean {
  return categories.some((c) => c.as_is !== null || c.to_be !== null);
}

/** Catalogues an organisation can be built on: those with categories of services (X.1060 and its revisions). */
export function buildableCatalogues(library: Pick<Library, 'catalogs'>): CatalogueSummary[] {
  return library.catalogs.filter((c) => (c.counts['category'] ?? 0) > 0);
}

/** The templates of one catalogue. */
export function templatesFor(library: Pick<Library, 'templates'>, catalogue: string): TemplateSummary[] {
  return library.templates.filter((t) => t.catalog === catalogue);
}

/** The settings of an organisation that an admin edits. */
export interface Settings {
  name: string;
  reference_template: string;
  evaluation_interval_days: number;
  /** Separation of duties: approvals by someone other than who recorded the evaluation. */
  separate_approver: boolean;
}

export const SETTINGS_FIELDS: (keyof Settings)[] = ['name', 'reference_template', 'evaluation_interval_days', 'separate_approver'];

export function settingsOf(
  o: Pick<Organisation, 'name' | 'reference_template' | 'evaluation_interval_days' | 'separate_approver'>,
): Settings {
  return {
    name: o.name,
    reference_template: o.reference_template ?? '',
    evaluation_interval_days: o.evaluation_interval_days,
    separate_approver: o.separate_approver,
  };
}

/** Whether the edited settings differ from the saved ones (names compared without surrounding spaces). */
export function settingsChanged(saved: Settings, edited: Settings): boolean {
  return (
    saved.name !== edited.name.trim() ||
    saved.reference_template !== edited.reference_template ||
    saved.evaluation_interval_days !== edited.evaluation_interval_days ||
    saved.separate_approver !== edited.separate_approver
  );
}

/**
 * The same API error, naming its field with a label of ours (ErrorNotice shows the field by its
 * label, and the common catalogue has none for some organisation fields).
 */
export function relabel(error: unknown, labels: Record<string, string>): unknown {
  if (!(error instanceof ApiError) || !error.field) return error;
  const label = labels[error.field];
  return label ? new ApiError(error.status, error.code, error.message, label, error.current) : error;
}

/** A value of a change record for people: levels and assignments by name, missing as "–". */
export function changeValue(
  field: string,
  value: string | null,
  names: { levels: readonly Named[]; assignments: readonly Named[] },
  loc: (text: Named['name']) => string,
): string {
  if (value === null || value === '') return '–';
  const table = field === 'level' ? names.levels : field === 'assignment' ? names.assignments : null;
  const named = table?.find((n) => n.id === value);
  if (named) return loc(named.name);
  if (value === 'n/a') return 'n/a';
  return value;
}
