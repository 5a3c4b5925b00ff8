// The matrix screen's logic, free of the DOM so it can be tested: which cells exist and which may
// be edited, filtering and sorting the services, moving through the grid with the keyboard,
// turning a key press into a value, the heat map's colours, and the PUT body for one edit.
// Domain tables (level and assignment names, rubric texts, quadrant advice) come from the
// server's vocabulary; the few rules mirrored here are the ones the server would otherwise refuse
// an edit for (a score side must fit the assignment; n/a covers a whole as-is/to-be pair), and
// they are the build screens' (lib/build.ts), shared.
import type {
  Assignment,
  Level,
  ReviewService,
  ScorePair,
  ScoreValue,
  ServiceEntry,
  Sourcing,
  Text,
  Vocabulary,
} from './types';
import { entryBody, scoreOptions, withAssignment, withScore, type EntryBody, type RubricKey } from './build';
import { fold as foldForSearch } from './search';

// ---------------------------------------------------------------------------------------------
// Columns

/** The score pairs, as in the portfolio step: Insourced, Outsourced, and Unassigned (a target for a service nobody runs yet). */
export const SCORE_COLUMNS = [
  'insource-as_is', 'insource-to_be', 'outsource-as_is', 'outsource-to_be', 'unassigned-as_is', 'unassigned-to_be',
] as const;
export type ScoreColumn = (typeof SCORE_COLUMNS)[number];
export type EditColumn = 'level' | 'assignment' | 'owner' | 'provider' | ScoreColumn;
export type ColumnKey =
  | 'id' | 'name' | 'category' | 'phase' | 'level' | 'assignment' | 'owner' | 'provider' | 'quadrant'
  | ScoreColumn | 'gap' | 'state';
export type EditorKind = 'level' | 'assignment' | 'text' | 'score';

export interface ColumnDef {
  key: ColumnKey;
  sortable: boolean;
  editor: EditorKind | null;
}

/** The grid's columns, left to right. */
export const COLUMNS: readonly ColumnDef[] = [
  { key: 'id', sortable: true, editor: null },
  { key: 'name', sortable: true, editor: null },
  { key: 'category', sortable: true, editor: null },
  { key: 'phase', sortable: true, editor: null },
  { key: 'level', sortable: true, editor: 'level' },
  { key: 'assignment', sortable: true, editor: 'assignment' },
  { key: 'owner', sortable: true, editor: 'text' },
  { key: 'provider', sortable: true, editor: 'text' },
  { key: 'quadrant', sortable: true, editor: null },
  { key: 'insource-as_is', sortable: true, editor: 'score' },
  { key: 'insource-to_be', sortable: true, editor: 'score' },
  { key: 'outsource-as_is', sortable: true, editor: 'score' },
  { key: 'outsource-to_be', sortable: true, editor: 'score' },
  { key: 'unassigned-as_is', sortable: true, editor: 'score' },
  { key: 'unassigned-to_be', sortable: true, editor: 'score' },
  { key: 'gap', sortable: true, editor: null },
  { key: 'state', sortable: false, editor: null },
];

export const columnIndex = (key: ColumnKey): number => COLUMNS.findIndex((c) => c.key === key);

export type Side = RubricKey;
export type At = 'as_is' | 'to_be';

export function isScoreColumn(key: ColumnKey): key is ScoreColumn {
  return (SCORE_COLUMNS as readonly string[]).includes(key);
}

export function scoreCell(column: ScoreColumn): { side: Side; at: At } {
  const [side, at] = column.split('-') as [Side, At];
  return { side, at };
}

/**
 * A score cell that does not exist for the row's assignment (shown hatched, skipped, never edited):
 * its pair is not one of the row's `score_pairs` (the server's, or the vocabulary's after an edit).
 */
export function isBlocked(entry: Pick<ServiceEntry, 'score_pairs'>, key: ColumnKey): boolean {
  return isScoreColumn(key) && !entry.score_pairs.includes(scoreCell(key).side);
}

export function isEditable(entry: Pick<ServiceEntry, 'score_pairs'>, key: ColumnKey): boolean {
  const def = COLUMNS.find((c) => c.key === key);
  return !!def?.editor && !isBlocked(entry, key);
}

export function scoreOf(entry: Pick<ServiceEntry, Side>, column: ScoreColumn): ScoreValue | null {
  const { side, at } = scoreCell(column);
  return entry[side][at];
}

// ---------------------------------------------------------------------------------------------
// Filtering

export type GapFilter = 'any' | 'gap1' | 'gap2' | 'nogap' | 'unscored' | 'na';
export const GAP_FILTERS: readonly GapFilter[] = ['any', 'gap1', 'gap2', 'nogap', 'unscored', 'na'];

export interface Filters {
  /** A category id, "custom" for the organisation's own services, or "" for all. */
  category: string;
  /** A level id, "undecided", or "". */
  level: string;
  /** An assignment id, or "". */
  assignment: string;
  gap: GapFilter;
  search: string;
}

export const EMPTY_FILTERS: Readonly<Filters> = { category: '', level: '', assignment: '', gap: 'any', search: '' };

export function isFiltered(f: Filters): boolean {
  return !!(f.category || f.level || f.assignment || f.gap !== 'any' || f.search.trim());
}

/** Search text folded as the catalogue browser folds it (width, case, kana), trimmed. */
export function fold(text: string): string {
  return foldForSearch(text).trim();
}

export function matchesGap(review: Pick<ReviewService, 'score_state' | 'gap'> | undefined, gap: GapFilter): boolean {
  if (gap === 'any') return true;
  if (!review) return gap === 'unscored';
  switch (gap) {
    case 'gap1':
      return review.gap !== null && review.gap >= 1;
    case 'gap2':
      return review.gap !== null && review.gap >= 2;
    case 'nogap':
      return review.score_state === 'scored' && review.gap !== null && review.gap <= 0;
    case 'unscored':
      return review.score_state === 'incomplete';
    case 'na':
      return review.score_state === 'not_applicable';
  }
}

export function matches(entry: ServiceEntry, review: ReviewService | undefined, f: Filters): boolean {
  if (f.category === 'custom' ? !entry.custom : f.category && entry.category !== f.category) return false;
  if (f.level === 'undecided' ? entry.level !== null : f.level && entry.level !== f.level) return false;
  if (f.assignment && entry.assignment !== f.assignment) return false;
  if (!matchesGap(review, f.gap)) return false;
  const q = fold(f.search);
  if (q) {
    const hay = fold([entry.service, entry.name.en, entry.name.ja, entry.owner, entry.provider].join('\n'));
    if (!q.split(/\s+/).every((word) => hay.includes(word))) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Sorting

export type SortDir = 'asc' | 'desc';
export interface Sort {
  column: ColumnKey;
  dir: SortDir;
}

/** "A-2" before "A-10": runs of digits compare as numbers. */
export function naturalCompare(a: string, b: string): number {
  const pa = a.split(/(\d+)/);
  const pb = b.split(/(\d+)/);
  const n = Math.min(pa.length, pb.length);
  for (let i = 0; i < n; i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    if (i % 2 === 1) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d < 0 ? -1 : 1;
      if (x.length !== y.length) return x.length - y.length;
    } else return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

export interface SortContext {
  review: ReadonlyMap<string, ReviewService>;
  /** Orders from the vocabulary (and the catalogue for categories). */
  levels: readonly string[];
  assignments: readonly string[];
  phases: readonly string[];
  categories: readonly string[];
  /** Picks a name in the user's language. */
  name: (text: Text) => string;
  compareText: (a: string, b: string) => number;
}

const QUADRANTS = ['I', 'II', 'III', 'IV'];

/** A sortable value, or null when the cell is empty (empties sort last either way). */
type Key = number | string | null;

function rank(order: readonly string[], value: string | null): number | null {
  if (value === null) return null;
  const i = order.indexOf(value);
  return i < 0 ? order.length : i;
}

function sortKey(entry: ServiceEntry, column: ColumnKey, ctx: SortContext): Key {
  switch (column) {
    case 'id':
    case 'state':
      return entry.service;
    case 'name':
      return ctx.name(entry.name) || null;
    case 'category':
      return rank(ctx.categories, entry.category);
    case 'phase':
      return rank(ctx.phases, entry.phase);
    case 'level':
      return rank(ctx.levels, entry.level);
    case 'assignment':
      return rank(ctx.assignments, entry.assignment);
    case 'owner':
      return entry.owner.trim() || null;
    case 'provider':
      return entry.provider.trim() || null;
    case 'quadrant':
      return rank(QUADRANTS, entry.quadrant);
    case 'gap':
      return ctx.review.get(entry.service)?.gap ?? null;
    default: {
      const score = scoreOf(entry, column);
      return score === null || score === 'n/a' ? null : Number(score);
    }
  }
}

export function compareRows(a: ServiceEntry, b: ServiceEntry, sort: Sort, ctx: SortContext): number {
  const ka = sortKey(a, sort.column, ctx);
  const kb = sortKey(b, sort.column, ctx);
  let c = 0;
  if (ka === null || kb === null) c = ka === kb ? 0 : ka === null ? 1 : -1;
  else {
    if (sort.column === 'id') c = naturalCompare(String(ka), String(kb));
    else if (typeof ka === 'number' && typeof kb === 'number') c = ka - kb;
    else c = ctx.compareText(String(ka), String(kb));
    if (sort.dir === 'desc') c = -c;
  }
  return c !== 0 ? c : naturalCompare(a.service, b.service);
}

export function sortRows(rows: readonly ServiceEntry[], sort: Sort, ctx: SortContext): ServiceEntry[] {
  return [...rows].sort((a, b) => compareRows(a, b, sort, ctx));
}

/** Clicking a header: the same column flips direction, another starts ascending. */
export function toggleSort(current: Sort, column: ColumnKey): Sort {
  if (current.column === column) return { column, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { column, dir: 'asc' };
}

export function ariaSort(sort: Sort, column: ColumnKey): 'ascending' | 'descending' | 'none' {
  if (sort.column !== column) return 'none';
  return sort.dir === 'asc' ? 'ascending' : 'descending';
}

// ---------------------------------------------------------------------------------------------
// Keyboard navigation. Row 0 is the header row; data rows are 1..rows-1.

export interface Cell {
  row: number;
  col: number;
}

export interface NavOptions {
  rows: number;
  cols: number;
  /** Rows moved by Page Up / Page Down. */
  pageSize: number;
  ctrl?: boolean;
  /** Whether focus may rest on a cell (the others are skipped). */
  canLand: (row: number, col: number) => boolean;
}

export const NAV_KEYS = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown'] as const;

function scanRow(row: number, from: number, step: 1 | -1, o: NavOptions): number | null {
  for (let c = from; c >= 0 && c < o.cols; c += step) if (o.canLand(row, c)) return c;
  return null;
}

function scanCol(col: number, from: number, to: number, o: NavOptions): number | null {
  const step = to >= from ? 1 : -1;
  for (let r = from; step > 0 ? r <= to : r >= to; r += step) if (r >= 0 && r < o.rows && o.canLand(r, col)) return r;
  return null;
}

/**
 * The cell a navigation key moves to (the same cell when it cannot move), or null when the key
 * is not a navigation key. Cells `canLand` refuses are skipped.
 */
export function moveFocus(from: Cell, key: string, o: NavOptions): Cell | null {
  const here = { ...from };
  const last = o.rows - 1;
  switch (key) {
    case 'ArrowRight': {
      const c = scanRow(from.row, from.col + 1, 1, o);
      return c === null ? here : { row: from.row, col: c };
    }
    case 'ArrowLeft': {
      const c = scanRow(from.row, from.col - 1, -1, o);
      return c === null ? here : { row: from.row, col: c };
    }
    case 'ArrowDown': {
      const r = scanCol(from.col, from.row + 1, last, o);
      return r === null ? here : { row: r, col: from.col };
    }
    case 'ArrowUp': {
      const r = scanCol(from.col, from.row - 1, 0, o);
      return r === null ? here : { row: r, col: from.col };
    }
    case 'Home': {
      if (o.ctrl) {
        for (let r = 0; r <= last; r++) {
          const c = scanRow(r, 0, 1, o);
          if (c !== null) return { row: r, col: c };
        }
        return here;
      }
      const c = scanRow(from.row, 0, 1, o);
      return c === null ? here : { row: from.row, col: c };
    }
    case 'End': {
      if (o.ctrl) {
        for (let r = last; r >= 0; r--) {
          const c = scanRow(r, o.cols - 1, -1, o);
          if (c !== null) return { row: r, col: c };
        }
        return here;
      }
      const c = scanRow(from.row, o.cols - 1, -1, o);
      return c === null ? here : { row: from.row, col: c };
    }
    case 'PageDown':
    case 'PageUp': {
      const down = key === 'PageDown';
      const target = down ? Math.min(last, from.row + o.pageSize) : Math.max(0, from.row - o.pageSize);
      if (target === from.row) return here;
      // At the target or beyond it; failing that, the nearest landable cell back towards here.
      const r =
        scanCol(from.col, target, down ? last : 0, o) ??
        scanCol(from.col, down ? target - 1 : target + 1, down ? from.row + 1 : from.row - 1, o);
      return r === null ? here : { row: r, col: from.col };
    }
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Typing into a focused cell

/** Where focus goes after an editor closes: Enter moves down, Tab sideways, leaving stays. */
export type Move = 'down' | 'right' | 'left' | 'none';

export type KeyIntent =
  | { kind: 'open' }
  | { kind: 'set'; value: string | null }
  | { kind: 'type'; text: string };

export interface Modifiers {
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

/** A score typed on its cell: 1–5, "n"/"0" for not applicable; anything else is not a score. */
export function parseScoreKey(key: string): ScoreValue | undefined {
  if (/^[1-5]$/.test(key)) return key as ScoreValue;
  if (key === 'n' || key === 'N' || key === '0') return 'n/a';
  return undefined;
}

/** What a key pressed on a focused (not yet editing) cell asks for, or null for nothing. */
export function keyIntent(key: string, editor: EditorKind, mods: Modifiers = {}): KeyIntent | null {
  if (mods.ctrlKey || mods.metaKey || mods.altKey) return null;
  if (key === 'Enter' || key === 'F2') return { kind: 'open' };
  if (editor === 'score') {
    if (key === 'Delete' || key === 'Backspace') return { kind: 'set', value: null };
    const score = parseScoreKey(key);
    return score ? { kind: 'set', value: score } : null;
  }
  if (editor === 'text') {
    if (key === 'Delete' || key === 'Backspace') return { kind: 'set', value: '' };
    // A printable character starts editing with it, as in a spreadsheet.
    if ([...key].length === 1 && key !== ' ') return { kind: 'type', text: key };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Editing one cell, and the body that saves it

export type Edit =
  | { column: 'level'; value: Level | null }
  | { column: 'assignment'; value: Assignment }
  | { column: 'owner' | 'provider'; value: string }
  | { column: ScoreColumn; value: ScoreValue | null };

/** An edit for a cell from the value its editor produced (null when the value does not fit). */
export function editFor(column: EditColumn, value: string | null, vocabulary: Vocabulary | null): Edit | null {
  if (column === 'level') return { column, value: (value || null) as Level | null };
  if (column === 'assignment') return value ? { column, value: value as Assignment } : null;
  if (column === 'owner' || column === 'provider') return { column, value: (value ?? '').trim() };
  if (value === null || value === '') return { column, value: null };
  const score = value === 'n/a' ? 'n/a' : parseScoreKey(value);
  const { side, at } = scoreCell(column);
  return score && scoreOptions(side, at, vocabulary).includes(score) ? { column, value: score } : null;
}

/** The entry with one edit applied; scores that the new state would make invalid are cleared. */
export function applyEdit(entry: ServiceEntry, edit: Edit, vocabulary: Vocabulary | null): ServiceEntry {
  switch (edit.column) {
    case 'level':
      return { ...entry, level: edit.value };
    case 'owner':
      return { ...entry, owner: edit.value };
    case 'provider':
      return { ...entry, provider: edit.value };
    case 'assignment':
      return withAssignment(entry, edit.value, vocabulary).entry;
    default: {
      const { side, at } = scoreCell(edit.column);
      return withScore(entry, side, at, edit.value, vocabulary);
    }
  }
}

/** The score pairs an assignment change would clear, for a warning before it is made. */
export function clearedByAssignment(
  entry: ServiceEntry,
  next: Assignment,
  vocabulary: Vocabulary | null,
): { side: Side; pair: ScorePair }[] {
  return withAssignment(entry, next, vocabulary).cleared.map((side) => ({ side, pair: entry[side] }));
}

/** The PUT body for one edited cell of an entry (lib/serviceEntries saves it). */
export function bodyForEdit(entry: ServiceEntry, edit: Edit, vocabulary: Vocabulary | null): EntryBody {
  return entryBody(applyEdit(entry, edit, vocabulary));
}

/** Whether two entries differ in anything a PUT would save. */
export function sameBody(a: ServiceEntry, b: ServiceEntry): boolean {
  return JSON.stringify(entryBody(a)) === JSON.stringify(entryBody(b));
}

/**
 * A server answer (PUT, or a 409's `current`) merged into the row it updates: the answer has the
 * stored fields; the catalogue's (name, category, phase, quadrant) are kept from the row, and the
 * quadrant mismatch is looked up again in the vocabulary's table for the new assignment.
 */
export function mergeAnswer(row: ServiceEntry, answer: Partial<ServiceEntry>, vocabulary: Vocabulary | null): ServiceEntry {
  const merged: ServiceEntry = { ...row, ...answer } as ServiceEntry;
  if (answer.quadrant_mismatch === undefined) merged.quadrant_mismatch = mismatchFor(vocabulary, merged.quadrant, merged.assignment);
  return merged;
}

/** The quadrant advice's mismatch reason for an assignment, from the vocabulary's table. */
export function mismatchFor(vocabulary: Vocabulary | null, quadrant: string | null, assignment: Assignment): Text | null {
  if (!vocabulary || !quadrant) return null;
  return vocabulary.quadrants.find((q) => q.id === quadrant)?.mismatch[assignment] ?? null;
}

// ---------------------------------------------------------------------------------------------
// Errors: the server names fields like "services.A-2.insource"; which cells does that point at?

export function plainField(field: string | null): string | null {
  if (!field) return null;
  return field.replace(/^services(\.[^.]+|\[\d+\])\./, '').replace(/^\./, '') || null;
}

export function columnsForField(field: string | null): EditColumn[] {
  const f = plainField(field);
  if (!f) return [];
  if (f === 'level' || f === 'assignment' || f === 'owner' || f === 'provider') return [f];
  const m = /^(insource|outsource|unassigned)(?:\.(as_is|to_be))?$/.exec(f);
  if (!m) return [];
  const side = m[1] as Side;
  return m[2] ? [`${side}-${m[2]}` as ScoreColumn] : [`${side}-as_is`, `${side}-to_be`];
}

// ---------------------------------------------------------------------------------------------
// Heat map

export type HeatMetric = 'gap' | 'as_is' | 'to_be';
export const HEAT_METRICS: readonly HeatMetric[] = ['gap', 'as_is', 'to_be'];

export function heatValue(review: Pick<ReviewService, 'as_is' | 'to_be' | 'gap'> | undefined, metric: HeatMetric): number | null {
  return review ? review[metric] : null;
}

export interface Swatch {
  background: string;
  text: string;
}

/** Light to dark blue: a score of 1 to 5 (higher is better). */
const SCORE_SCALE = ['#e3eefd', '#a9cbf7', '#5f9be6', '#2563c9', '#163d82'];
/** Pale green (on target) through amber to deep red: a gap of 0 to 4 (larger needs more work). */
const GAP_SCALE = ['#e6f4ea', '#fde9b0', '#f4a261', '#c2410c', '#8f1d1d'];
const BELOW = '#ede7f6';
export const UNSCORED = '#e5e7eb';
const DARK_TEXT = '#111827';
const LIGHT_TEXT = '#ffffff';

function luminance(hex: string): number {
  const n = hex.replace('#', '');
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(n.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Dark or white text, whichever reads better on the background. */
export function textOn(background: string): string {
  return contrastRatio(background, DARK_TEXT) >= contrastRatio(background, LIGHT_TEXT) ? DARK_TEXT : LIGHT_TEXT;
}

function swatch(background: string): Swatch {
  return { background, text: textOn(background) };
}

/** The colour of a value of a metric; grey when there is none (not scored, or n/a). */
export function heatColour(metric: HeatMetric, value: number | null): Swatch {
  if (value === null || Number.isNaN(value)) return swatch(UNSCORED);
  if (metric === 'gap') {
    if (value < 0) return swatch(BELOW);
    return swatch(GAP_SCALE[Math.min(GAP_SCALE.length - 1, Math.round(value))]!);
  }
  const i = Math.max(1, Math.min(5, Math.round(value))) - 1;
  return swatch(SCORE_SCALE[i]!);
}

/** The legend's steps: what each colour of the metric means. */
export function heatLegend(metric: HeatMetric): { value: number | 'below'; label: string; swatch: Swatch }[] {
  if (metric === 'gap') {
    const steps: { value: number | 'below'; label: string; swatch: Swatch }[] = GAP_SCALE.map((_, i) => ({
      value: i,
      label: i === GAP_SCALE.length - 1 ? `${i}+` : String(i),
      swatch: heatColour('gap', i),
    }));
    steps.push({ value: 'below', label: '< 0', swatch: heatColour('gap', -1) });
    return steps;
  }
  return SCORE_SCALE.map((_, i) => ({ value: i + 1, label: String(i + 1), swatch: heatColour(metric, i + 1) }));
}

/** Every background the heat map can use (for the contrast test). */
export const HEAT_BACKGROUNDS: readonly string[] = [...SCORE_SCALE, ...GAP_SCALE, BELOW, UNSCORED];

export interface HeatGroup {
  /** A category id, or "custom" for the organisation's own services. */
  id: string;
  services: ServiceEntry[];
}

/** Services grouped for the heat map: one group per category in order, then the custom ones. */
export function heatGroups(entries: readonly ServiceEntry[], categories: readonly string[]): HeatGroup[] {
  const groups = new Map<string, ServiceEntry[]>(categories.map((c) => [c, []]));
  const custom: ServiceEntry[] = [];
  for (const e of entries) {
    if (e.custom) custom.push(e);
    else {
      let list = groups.get(e.category);
      if (!list) groups.set(e.category, (list = []));
      list.push(e);
    }
  }
  const out: HeatGroup[] = [...groups].filter(([, s]) => s.length > 0).map(([id, services]) => ({ id, services }));
  if (custom.length) out.push({ id: 'custom', services: custom });
  for (const g of out) g.services.sort((a, b) => naturalCompare(a.service, b.service));
  return out;
}

/** A gap for people: "+2", "0", "−1". */
export function formatGap(gap: number | null): string {
  if (gap === null) return '–';
  if (gap > 0) return '+' + gap;
  if (gap < 0) return '−' + Math.abs(gap);
  return '0';
}

/**
 * Arrow keys in the heat map (one Tab stop): left and right run through the services in order,
 * up and down go to the same place in the previous or next category (its last cell when shorter).
 */
export function heatMove(sizes: readonly number[], pos: { group: number; index: number }, key: string): { group: number; index: number } | null {
  const { group, index } = pos;
  switch (key) {
    case 'ArrowRight':
      if (index + 1 < (sizes[group] ?? 0)) return { group, index: index + 1 };
      for (let g = group + 1; g < sizes.length; g++) if (sizes[g]! > 0) return { group: g, index: 0 };
      return pos;
    case 'ArrowLeft':
      if (index > 0) return { group, index: index - 1 };
      for (let g = group - 1; g >= 0; g--) if (sizes[g]! > 0) return { group: g, index: sizes[g]! - 1 };
      return pos;
    case 'ArrowDown':
    case 'ArrowUp': {
      const step = key === 'ArrowDown' ? 1 : -1;
      for (let g = group + step; g >= 0 && g < sizes.length; g += step)
        if (sizes[g]! > 0) return { group: g, index: Math.min(index, sizes[g]! - 1) };
      return pos;
    }
    case 'Home':
      return { group, index: 0 };
    case 'End':
      return { group, index: Math.max(0, (sizes[group] ?? 1) - 1) };
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Saving, row by row

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

export interface RowStatus {
  state: SaveState;
  /** A 409 waiting for the user's choice. */
  conflict?: boolean;
  /** The last refusal, shown until dismissed or a later save of the row succeeds. */
  error?: unknown;
  /** The cells the refusal names. */
  columns?: EditColumn[];
  /** Whether sending again may work (network, server busy); a 400 needs another value. */
  retryable?: boolean;
}

export const IDLE: RowStatus = { state: 'idle' };
