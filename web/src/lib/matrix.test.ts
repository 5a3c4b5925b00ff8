import { describe, expect, it } from 'vitest';
import {
  COLUMNS,
  EMPTY_FILTERS,
  HEAT_BACKGROUNDS,
  applyEdit,
  ariaSort,
  bodyForEdit,
  clearedByAssignment,
  columnIndex,
  columnsForField,
  contrastRatio,
  editFor,
  formatGap,
  heatColour,
  heatGroups,
  heatLegend,
  heatMove,
  isBlocked,
  isEditable,
  isFiltered,
  keyIntent,
  matches,
  mergeAnswer,
  mismatchFor,
  moveFocus,
  naturalCompare,
  parseScoreKey,
  plainField,
  sameBody,
  sortRows,
  textOn,
  toggleSort,
  type Filters,
  type NavOptions,
  type SortContext,
} from './matrix';
import { entryBody } from './build';
import { chosenEntry, conflictDifferences } from './serviceEntries';
import { serviceEntry } from './testData';
import type { Assignment, ReviewService, RubricKey, ServiceEntry, Vocabulary } from './types';

/** The score pairs the server sends for each assignment (GET /vocabulary, and on each entry). */
const PAIRS: Record<Assignment, RubricKey[]> = {
  insource: ['insource'],
  outsource: ['outsource'],
  both: ['insource', 'outsource'],
  unassigned: ['unassigned'],
};

/** An entry in the catalogue, basic, insourced, with a rationale and evidence. */
function entry(service: string, over: Partial<ServiceEntry> = {}): ServiceEntry {
  return serviceEntry(service, {
    name: { en: `Service ${service}`, ja: `サービス ${service}` },
    phase: 'operation',
    level: 'basic',
    assignment: 'insource',
    rationale: 'why',
    evidence: ['evidence:abc'],
    revision: 3,
    quadrant: 'I',
    in_catalogue: true,
    score_pairs: PAIRS[over.assignment ?? 'insource'],
    ...over,
  });
}

function reviewOf(id: string, over: Partial<ReviewService> = {}): ReviewService {
  return {
    id,
    name: { en: id, ja: id },
    category: id.split('-')[0]!,
    custom: false,
    level: 'basic',
    in_catalogue: true,
    assignment: 'insource',
    owner: '',
    provider: '',
    quadrant: 'I',
    score_state: 'scored',
    as_is: 2,
    to_be: 3,
    gap: 1,
    ...over,
  };
}

const vocabulary = {
  levels: ['not_required', 'basic', 'standard', 'advanced', 'optional'].map((id) => ({ id, name: { en: id, ja: id } })),
  assignments: Object.entries(PAIRS).map(([id, score_pairs]) => ({ id, score_pairs, name: { en: id, ja: id } })),
  score_options: {
    insource: { as_is: ['1', '2', '3', '4', '5', 'n/a'], to_be: ['1', '2', '3', '4', '5', 'n/a'] },
    outsource: { as_is: ['1', '2', '3', '4', '5', 'n/a'], to_be: ['1', '2', '3', '4', '5', 'n/a'] },
    unassigned: { as_is: ['1', 'n/a'], to_be: ['1', '2', '3', '4', '5', 'n/a'] },
  },
  whole_pair_scores: ['n/a'],
  quadrants: [
    {
      id: 'I',
      balance: 'insource ≫ outsource',
      guidance: { en: 'keep inside', ja: '内部' },
      mismatch: { insource: null, outsource: { en: 'I outsourced', ja: 'I 外部委託' }, both: null, unassigned: null },
    },
    {
      id: 'III',
      balance: 'insource ≪ outsource',
      guidance: { en: 'specialist', ja: '専門' },
      mismatch: { insource: { en: 'III insourced', ja: 'III 内製' }, outsource: null, both: null, unassigned: null },
    },
  ],
} as unknown as Vocabulary;

describe('cells', () => {
  it('blocks the score side that does not fit the assignment', () => {
    expect(isBlocked(entry('A-1', { assignment: 'insource' }), 'outsource-as_is')).toBe(true);
    expect(isBlocked(entry('A-1', { assignment: 'insource' }), 'insource-to_be')).toBe(false);
    expect(isBlocked(entry('A-1', { assignment: 'outsource' }), 'insource-as_is')).toBe(true);
    expect(isBlocked(entry('A-1', { assignment: 'both' }), 'insource-as_is')).toBe(false);
    expect(isBlocked(entry('A-1', { assignment: 'both' }), 'outsource-to_be')).toBe(false);
    for (const c of ['insource-as_is', 'insource-to_be', 'outsource-as_is', 'outsource-to_be'] as const)
      expect(isBlocked(entry('A-1', { assignment: 'unassigned' }), c)).toBe(true);
    expect(isBlocked(entry('A-1', { assignment: 'unassigned' }), 'level')).toBe(false);
  });

  it('blocks by the pairs the server says the row uses, never by knowing the rule', () => {
    const odd = entry('A-1', { assignment: 'insource', score_pairs: ['outsource'] });
    expect(isBlocked(odd, 'insource-as_is')).toBe(true);
    expect(isBlocked(odd, 'outsource-as_is')).toBe(false);
  });

  it('gives a row the pairs of its new assignment at once, from the vocabulary', () => {
    const row = applyEdit(entry('A-1', { assignment: 'insource' }), { column: 'assignment', value: 'both' }, vocabulary);
    expect(row.score_pairs).toEqual(['insource', 'outsource']);
    expect(isBlocked(row, 'outsource-to_be')).toBe(false);
  });

  it('edits level, assignment, owner, provider and fitting scores only', () => {
    const e = entry('A-1', { assignment: 'outsource' });
    expect(isEditable(e, 'level')).toBe(true);
    expect(isEditable(e, 'assignment')).toBe(true);
    expect(isEditable(e, 'owner')).toBe(true);
    expect(isEditable(e, 'provider')).toBe(true);
    expect(isEditable(e, 'outsource-as_is')).toBe(true);
    expect(isEditable(e, 'insource-as_is')).toBe(false);
    expect(isEditable(e, 'id')).toBe(false);
    expect(isEditable(e, 'gap')).toBe(false);
    expect(isEditable(e, 'quadrant')).toBe(false);
  });
});

describe('filtering', () => {
  const rows = [
    entry('A-1', { level: 'basic', assignment: 'insource', owner: 'Security Office', insource: { as_is: '2', to_be: '4' } }),
    entry('B-2', { level: 'standard', assignment: 'outsource', provider: 'Ｚ－ＭＳＳＰ' }),
    entry('C-3', { level: null, assignment: 'unassigned' }),
    entry('X-1', { category: 'D', custom: true, level: 'advanced', assignment: 'both', name: { en: 'Ransomware support', ja: 'ランサムウェア対応支援' } }),
  ];
  const review = new Map<string, ReviewService>([
    ['A-1', reviewOf('A-1', { gap: 2 })],
    ['B-2', reviewOf('B-2', { gap: 0 })],
    ['C-3', reviewOf('C-3', { score_state: 'incomplete', as_is: null, to_be: null, gap: null })],
    ['X-1', reviewOf('X-1', { score_state: 'not_applicable', as_is: null, to_be: null, gap: null })],
  ]);
  const ids = (f: Partial<Filters>) =>
    rows.filter((r) => matches(r, review.get(r.service), { ...EMPTY_FILTERS, ...f })).map((r) => r.service);

  it('keeps everything without filters', () => {
    expect(ids({})).toEqual(['A-1', 'B-2', 'C-3', 'X-1']);
    expect(isFiltered({ ...EMPTY_FILTERS })).toBe(false);
    expect(isFiltered({ ...EMPTY_FILTERS, gap: 'gap1' })).toBe(true);
    expect(isFiltered({ ...EMPTY_FILTERS, search: '  ' })).toBe(false);
  });

  it('filters by category, custom services, level (and undecided) and assignment', () => {
    expect(ids({ category: 'B' })).toEqual(['B-2']);
    expect(ids({ category: 'D' })).toEqual(['X-1']);
    expect(ids({ category: 'custom' })).toEqual(['X-1']);
    expect(ids({ level: 'standard' })).toEqual(['B-2']);
    expect(ids({ level: 'undecided' })).toEqual(['C-3']);
    expect(ids({ assignment: 'both' })).toEqual(['X-1']);
    expect(ids({ category: 'A', assignment: 'outsource' })).toEqual([]);
  });

  it('filters by gap from the server review', () => {
    expect(ids({ gap: 'gap1' })).toEqual(['A-1']);
    expect(ids({ gap: 'gap2' })).toEqual(['A-1']);
    expect(ids({ gap: 'nogap' })).toEqual(['B-2']);
    expect(ids({ gap: 'unscored' })).toEqual(['C-3']);
    expect(ids({ gap: 'na' })).toEqual(['X-1']);
  });

  it('searches id, both names, owner and provider, ignoring case and width', () => {
    expect(ids({ search: 'a-1' })).toEqual(['A-1']);
    expect(ids({ search: 'security office' })).toEqual(['A-1']);
    expect(ids({ search: 'z-mssp' })).toEqual(['B-2']);
    expect(ids({ search: 'ランサム' })).toEqual(['X-1']);
    expect(ids({ search: 'RANSOMWARE support' })).toEqual(['X-1']);
    expect(ids({ search: 'nothing-like-this' })).toEqual([]);
  });
});

describe('sorting', () => {
  const ctx = (review = new Map<string, ReviewService>()): SortContext => ({
    review,
    levels: ['not_required', 'basic', 'standard', 'advanced', 'optional'],
    assignments: ['insource', 'outsource', 'both', 'unassigned'],
    phases: ['strategic', 'operation', 'response'],
    categories: ['A', 'B', 'C', 'D'],
    name: (t) => t.en,
    compareText: (a, b) => a.localeCompare(b, 'en'),
  });

  it('orders ids naturally', () => {
    expect(naturalCompare('A-2', 'A-10')).toBeLessThan(0);
    expect(naturalCompare('A-10', 'A-2')).toBeGreaterThan(0);
    expect(naturalCompare('A-10', 'B-1')).toBeLessThan(0);
    expect(naturalCompare('G-9', 'G-13')).toBeLessThan(0);
    expect(naturalCompare('A-1', 'A-1')).toBe(0);
    expect(naturalCompare('A-1', 'A-1a')).toBeLessThan(0);
    const rows = ['A-10', 'B-1', 'A-2', 'X-1', 'A-1', 'I-7'].map((id) => entry(id));
    expect(sortRows(rows, { column: 'id', dir: 'asc' }, ctx()).map((r) => r.service)).toEqual(['A-1', 'A-2', 'A-10', 'B-1', 'I-7', 'X-1']);
    expect(sortRows(rows, { column: 'id', dir: 'desc' }, ctx()).map((r) => r.service)).toEqual(['X-1', 'I-7', 'B-1', 'A-10', 'A-2', 'A-1']);
  });

  it('orders levels by the vocabulary, undecided last in both directions, ties by id', () => {
    const rows = [
      entry('A-3', { level: 'advanced' }),
      entry('A-10', { level: null }),
      entry('A-2', { level: 'basic' }),
      entry('A-1', { level: 'basic' }),
      entry('A-4', { level: 'not_required' }),
    ];
    expect(sortRows(rows, { column: 'level', dir: 'asc' }, ctx()).map((r) => r.service)).toEqual(['A-4', 'A-1', 'A-2', 'A-3', 'A-10']);
    expect(sortRows(rows, { column: 'level', dir: 'desc' }, ctx()).map((r) => r.service)).toEqual(['A-3', 'A-1', 'A-2', 'A-4', 'A-10']);
  });

  it('orders scores numerically with n/a and empty last, and gaps from the review', () => {
    const rows = [
      entry('A-1', { insource: { as_is: '3', to_be: '4' } }),
      entry('A-2', { insource: { as_is: 'n/a', to_be: 'n/a' } }),
      entry('A-3', { insource: { as_is: '1', to_be: '5' } }),
      entry('A-4'),
    ];
    expect(sortRows(rows, { column: 'insource-as_is', dir: 'asc' }, ctx()).map((r) => r.service)).toEqual(['A-3', 'A-1', 'A-2', 'A-4']);
    expect(sortRows(rows, { column: 'insource-as_is', dir: 'desc' }, ctx()).map((r) => r.service)).toEqual(['A-1', 'A-3', 'A-2', 'A-4']);
    const review = new Map([
      ['A-1', reviewOf('A-1', { gap: 1 })],
      ['A-3', reviewOf('A-3', { gap: 4 })],
      ['A-2', reviewOf('A-2', { gap: null, score_state: 'not_applicable' })],
    ]);
    expect(sortRows(rows, { column: 'gap', dir: 'desc' }, ctx(review)).map((r) => r.service)).toEqual(['A-3', 'A-1', 'A-2', 'A-4']);
  });

  it('orders names and owners as text, in the chosen language', () => {
    const rows = [entry('A-1', { owner: 'zeta', name: { en: 'Beta', ja: 'ベータ' } }), entry('A-2', { owner: 'Alpha', name: { en: 'alpha', ja: 'アルファ' } }), entry('A-3')];
    expect(sortRows(rows, { column: 'name', dir: 'asc' }, ctx()).map((r) => r.service)).toEqual(['A-2', 'A-1', 'A-3']);
    expect(sortRows(rows, { column: 'owner', dir: 'asc' }, ctx()).map((r) => r.service)).toEqual(['A-2', 'A-1', 'A-3']);
    expect(sortRows(rows, { column: 'owner', dir: 'desc' }, ctx()).map((r) => r.service)).toEqual(['A-1', 'A-2', 'A-3']);
  });

  it('toggles direction on the same column and says so for aria-sort', () => {
    const s = toggleSort({ column: 'id', dir: 'asc' }, 'id');
    expect(s).toEqual({ column: 'id', dir: 'desc' });
    expect(toggleSort(s, 'gap')).toEqual({ column: 'gap', dir: 'asc' });
    expect(ariaSort(s, 'id')).toBe('descending');
    expect(ariaSort({ column: 'id', dir: 'asc' }, 'id')).toBe('ascending');
    expect(ariaSort(s, 'gap')).toBe('none');
  });

  it('does not change the input array', () => {
    const rows = [entry('A-2'), entry('A-1')];
    sortRows(rows, { column: 'id', dir: 'asc' }, ctx());
    expect(rows.map((r) => r.service)).toEqual(['A-2', 'A-1']);
  });
});

describe('keyboard navigation', () => {
  // 4 rows (header + 3), 5 columns; (2,2) and (2,3) are blocked, as is column 3 in row 3.
  const blocked = new Set(['2:2', '2:3', '3:3']);
  const o: NavOptions = { rows: 4, cols: 5, pageSize: 2, canLand: (r, c) => !blocked.has(`${r}:${c}`) };

  it('moves with the arrows and stays at the edges', () => {
    expect(moveFocus({ row: 1, col: 1 }, 'ArrowRight', o)).toEqual({ row: 1, col: 2 });
    expect(moveFocus({ row: 1, col: 1 }, 'ArrowDown', o)).toEqual({ row: 2, col: 1 });
    expect(moveFocus({ row: 1, col: 1 }, 'ArrowUp', o)).toEqual({ row: 0, col: 1 });
    expect(moveFocus({ row: 0, col: 0 }, 'ArrowUp', o)).toEqual({ row: 0, col: 0 });
    expect(moveFocus({ row: 0, col: 0 }, 'ArrowLeft', o)).toEqual({ row: 0, col: 0 });
    expect(moveFocus({ row: 3, col: 4 }, 'ArrowRight', o)).toEqual({ row: 3, col: 4 });
    expect(moveFocus({ row: 3, col: 4 }, 'ArrowDown', o)).toEqual({ row: 3, col: 4 });
  });

  it('skips cells that cannot be landed on', () => {
    expect(moveFocus({ row: 2, col: 1 }, 'ArrowRight', o)).toEqual({ row: 2, col: 4 });
    expect(moveFocus({ row: 2, col: 4 }, 'ArrowLeft', o)).toEqual({ row: 2, col: 1 });
    expect(moveFocus({ row: 1, col: 3 }, 'ArrowDown', o)).toEqual({ row: 1, col: 3 });
    expect(moveFocus({ row: 1, col: 2 }, 'ArrowDown', o)).toEqual({ row: 3, col: 2 });
    expect(moveFocus({ row: 3, col: 2 }, 'ArrowUp', o)).toEqual({ row: 1, col: 2 });
  });

  it('goes to the row ends with Home and End, and the grid ends with Ctrl', () => {
    expect(moveFocus({ row: 2, col: 1 }, 'Home', o)).toEqual({ row: 2, col: 0 });
    expect(moveFocus({ row: 2, col: 1 }, 'End', o)).toEqual({ row: 2, col: 4 });
    expect(moveFocus({ row: 2, col: 1 }, 'Home', { ...o, ctrl: true })).toEqual({ row: 0, col: 0 });
    expect(moveFocus({ row: 2, col: 1 }, 'End', { ...o, ctrl: true })).toEqual({ row: 3, col: 4 });
    const noEnd = { ...o, canLand: (r: number, c: number) => c !== 4 };
    expect(moveFocus({ row: 1, col: 0 }, 'End', noEnd)).toEqual({ row: 1, col: 3 });
  });

  it('pages by pageSize, clamped, skipping blocked cells', () => {
    expect(moveFocus({ row: 0, col: 1 }, 'PageDown', o)).toEqual({ row: 2, col: 1 });
    expect(moveFocus({ row: 2, col: 1 }, 'PageDown', o)).toEqual({ row: 3, col: 1 });
    expect(moveFocus({ row: 3, col: 1 }, 'PageDown', o)).toEqual({ row: 3, col: 1 });
    expect(moveFocus({ row: 3, col: 1 }, 'PageUp', o)).toEqual({ row: 1, col: 1 });
    expect(moveFocus({ row: 1, col: 1 }, 'PageUp', o)).toEqual({ row: 0, col: 1 });
    // Column 3: row 2 and 3 are blocked, so from row 1 Page Down cannot move.
    expect(moveFocus({ row: 1, col: 3 }, 'PageDown', o)).toEqual({ row: 1, col: 3 });
    // Column 2 from row 0: the target row 2 is blocked, row 3 is next.
    expect(moveFocus({ row: 0, col: 2 }, 'PageDown', o)).toEqual({ row: 3, col: 2 });
    // Falls back towards the start when nothing is at or beyond the target.
    const big = { ...o, rows: 6, pageSize: 3, canLand: (r: number) => r !== 4 && r !== 5 };
    expect(moveFocus({ row: 1, col: 0 }, 'PageDown', big)).toEqual({ row: 3, col: 0 });
  });

  it('ignores other keys', () => {
    expect(moveFocus({ row: 1, col: 1 }, 'a', o)).toBeNull();
    expect(moveFocus({ row: 1, col: 1 }, 'Enter', o)).toBeNull();
  });
});

describe('typing into cells', () => {
  it('parses scores', () => {
    for (const k of ['1', '2', '3', '4', '5']) expect(parseScoreKey(k)).toBe(k);
    expect(parseScoreKey('n')).toBe('n/a');
    expect(parseScoreKey('N')).toBe('n/a');
    expect(parseScoreKey('0')).toBe('n/a');
    expect(parseScoreKey('6')).toBeUndefined();
    expect(parseScoreKey('x')).toBeUndefined();
  });

  it('turns keys into intents for each editor', () => {
    expect(keyIntent('Enter', 'score')).toEqual({ kind: 'open' });
    expect(keyIntent('F2', 'level')).toEqual({ kind: 'open' });
    expect(keyIntent('4', 'score')).toEqual({ kind: 'set', value: '4' });
    expect(keyIntent('n', 'score')).toEqual({ kind: 'set', value: 'n/a' });
    expect(keyIntent('Delete', 'score')).toEqual({ kind: 'set', value: null });
    expect(keyIntent('Backspace', 'score')).toEqual({ kind: 'set', value: null });
    expect(keyIntent('x', 'score')).toBeNull();
    expect(keyIntent('4', 'score', { ctrlKey: true })).toBeNull();
    expect(keyIntent('Delete', 'text')).toEqual({ kind: 'set', value: '' });
    expect(keyIntent('S', 'text')).toEqual({ kind: 'type', text: 'S' });
    expect(keyIntent('情', 'text')).toEqual({ kind: 'type', text: '情' });
    expect(keyIntent(' ', 'text')).toBeNull();
    expect(keyIntent('Shift', 'text')).toBeNull();
    expect(keyIntent('4', 'level')).toBeNull();
    expect(keyIntent('Delete', 'assignment')).toBeNull();
  });

  it('makes edits from editor values', () => {
    expect(editFor('level', '', vocabulary)).toEqual({ column: 'level', value: null });
    expect(editFor('level', 'standard', vocabulary)).toEqual({ column: 'level', value: 'standard' });
    expect(editFor('assignment', '', vocabulary)).toBeNull();
    expect(editFor('owner', '  SOC  ', vocabulary)).toEqual({ column: 'owner', value: 'SOC' });
    expect(editFor('insource-as_is', '', vocabulary)).toEqual({ column: 'insource-as_is', value: null });
    expect(editFor('insource-as_is', 'n/a', vocabulary)).toEqual({ column: 'insource-as_is', value: 'n/a' });
    expect(editFor('insource-as_is', '3', vocabulary)).toEqual({ column: 'insource-as_is', value: '3' });
    expect(editFor('insource-as_is', '9', vocabulary)).toBeNull();
  });
});

describe('one edit and its PUT body', () => {
  const base = entry('A-2', {
    owner: 'SOC',
    insource: { as_is: '2', to_be: '4' },
    sourcing: { information: 'internal', specialist_skill: false },
  });

  it('sends the whole entry with only the edited cell changed, nothing derived', () => {
    const body = bodyForEdit(base, { column: 'insource-as_is', value: '3' }, vocabulary);
    expect(body).toEqual({
      level: 'basic',
      assignment: 'insource',
      owner: 'SOC',
      provider: '',
      sourcing: { information: 'internal', specialist_skill: false },
      insource: { as_is: '3', to_be: '4' },
      outsource: { as_is: null, to_be: null },
      unassigned: { as_is: null, to_be: null },
      rationale: 'why',
      evidence: ['evidence:abc'],
      capacity: '',
      capability: '',
    });
    expect(Object.keys(body)).not.toContain('revision');
    expect(Object.keys(body)).not.toContain('name');
    expect(base.insource.as_is).toBe('2');
  });

  it('edits level, owner and provider', () => {
    expect(bodyForEdit(base, { column: 'level', value: 'advanced' }, vocabulary).level).toBe('advanced');
    expect(bodyForEdit(base, { column: 'level', value: null }, vocabulary).level).toBeNull();
    expect(bodyForEdit(base, { column: 'owner', value: 'CSIRT' }, vocabulary).owner).toBe('CSIRT');
    expect(bodyForEdit(base, { column: 'provider', value: 'MSSP' }, vocabulary).provider).toBe('MSSP');
  });

  it('treats n/a as covering the whole pair', () => {
    expect(bodyForEdit(base, { column: 'insource-to_be', value: 'n/a' }, vocabulary).insource).toEqual({ as_is: 'n/a', to_be: 'n/a' });
    const na = applyEdit(base, { column: 'insource-as_is', value: 'n/a' }, vocabulary);
    expect(bodyForEdit(na, { column: 'insource-as_is', value: '3' }, vocabulary).insource).toEqual({ as_is: '3', to_be: null });
    expect(bodyForEdit(na, { column: 'insource-to_be', value: null }, vocabulary).insource).toEqual({ as_is: null, to_be: null });
    expect(bodyForEdit(base, { column: 'insource-to_be', value: null }, vocabulary).insource).toEqual({ as_is: '2', to_be: null });
  });

  it('clears the scores an assignment change would make invalid, and says which', () => {
    const both = entry('A-3', { assignment: 'both', insource: { as_is: '2', to_be: '3' }, outsource: { as_is: '4', to_be: '5' } });
    expect(clearedByAssignment(both, 'insource', vocabulary)).toEqual([{ side: 'outsource', pair: { as_is: '4', to_be: '5' } }]);
    expect(clearedByAssignment(both, 'both', vocabulary)).toEqual([]);
    const toIn = bodyForEdit(both, { column: 'assignment', value: 'insource' }, vocabulary);
    expect(toIn.insource).toEqual({ as_is: '2', to_be: '3' });
    expect(toIn.outsource).toEqual({ as_is: null, to_be: null });
    const toNone = bodyForEdit(both, { column: 'assignment', value: 'unassigned' }, vocabulary);
    expect(toNone.insource).toEqual({ as_is: null, to_be: null });
    expect(toNone.outsource).toEqual({ as_is: null, to_be: null });
    const un = entry('A-4', { assignment: 'unassigned', unassigned: { as_is: null, to_be: '3' } });
    expect(clearedByAssignment(un, 'both', vocabulary)).toEqual([{ side: 'unassigned', pair: { as_is: null, to_be: '3' } }]);
    expect(bodyForEdit(un, { column: 'assignment', value: 'both' }, vocabulary).unassigned).toEqual({ as_is: null, to_be: null });
    expect(bodyForEdit(un, { column: 'assignment', value: 'unassigned' }, vocabulary).unassigned).toEqual({ as_is: null, to_be: '3' });
  });

  it('knows when an edit changes nothing', () => {
    expect(sameBody(base, applyEdit(base, { column: 'insource-as_is', value: '2' }, vocabulary))).toBe(true);
    expect(sameBody(base, applyEdit(base, { column: 'insource-as_is', value: '5' }, vocabulary))).toBe(false);
    expect(sameBody(base, { ...base, revision: 9, updated_by: 'x' })).toBe(true);
  });

  it('merges a server answer, keeping catalogue fields and looking the mismatch up again', () => {
    const row = entry('A-5', { quadrant: 'I', quadrant_mismatch: null });
    const answer: Partial<ServiceEntry> = { ...entryBody(row), service: 'A-5', assignment: 'outsource', revision: 4 };
    const merged = mergeAnswer(row, answer, vocabulary);
    expect(merged.revision).toBe(4);
    expect(merged.name).toEqual(row.name);
    expect(merged.assignment).toBe('outsource');
    expect(merged.quadrant_mismatch).toEqual({ en: 'I outsourced', ja: 'I 外部委託' });
    expect(mismatchFor(vocabulary, 'III', 'insource')).toEqual({ en: 'III insourced', ja: 'III 内製' });
    expect(mismatchFor(vocabulary, 'III', 'both')).toBeNull();
    expect(mismatchFor(vocabulary, null, 'insource')).toBeNull();
    expect(mismatchFor(null, 'I', 'outsource')).toBeNull();
  });
});

describe('conflicts', () => {
  it('compares a matrix edit over the build steps\' field list and resolves back to an entry', () => {
    const base = entry('A-1', { owner: 'SOC', insource: { as_is: '2', to_be: '4' } });
    const mine = applyEdit(base, { column: 'insource-as_is', value: '3' }, vocabulary);
    const theirs = { ...base, owner: 'CSIRT', revision: 4 };
    const changed = { ...theirs, rationale: 'Board decision' };
    const diffs = conflictDifferences(base, mine, changed);
    expect(diffs.map((d) => [d.field, d.suggested])).toEqual([
      ['owner', 'theirs'],
      ['insource.as_is', 'mine'],
      ['rationale', 'theirs'],
    ]);
    const choices = Object.fromEntries(diffs.map((d) => [d.field, d.suggested]));
    const out = chosenEntry(mine, changed, choices);
    expect(out.owner).toBe('CSIRT');
    expect(out.insource).toEqual({ as_is: '3', to_be: '4' });
    expect(out.rationale).toBe('Board decision');
    expect(out.revision).toBe(4);
  });
});

describe('errors', () => {
  it('points server field names at cells', () => {
    expect(plainField('services.A-2.insource')).toBe('insource');
    expect(plainField('services[3].level')).toBe('level');
    expect(plainField('.outsource.as_is')).toBe('outsource.as_is');
    expect(plainField(null)).toBeNull();
    expect(columnsForField('services.A-2.insource')).toEqual(['insource-as_is', 'insource-to_be']);
    expect(columnsForField('outsource.to_be')).toEqual(['outsource-to_be']);
    expect(columnsForField('services.A-2.owner')).toEqual(['owner']);
    expect(columnsForField('revision')).toEqual([]);
    expect(columnsForField(null)).toEqual([]);
  });
});

describe('heat map', () => {
  it('has text contrast of at least 4.5:1 on every colour it uses', () => {
    for (const bg of HEAT_BACKGROUNDS) expect(contrastRatio(bg, textOn(bg)), bg).toBeGreaterThanOrEqual(4.5);
  });

  it('computes WCAG contrast', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 1);
    expect(textOn('#ffffff')).not.toBe('#ffffff');
    expect(textOn('#000000')).toBe('#ffffff');
  });

  it('grows darker with the value and greys out missing values', () => {
    const lum = (hex: string) => contrastRatio(hex, '#000000');
    const scores = [1, 2, 3, 4, 5].map((v) => lum(heatColour('as_is', v).background));
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const gaps = [0, 1, 2, 3, 4].map((v) => lum(heatColour('gap', v).background));
    expect([...gaps].sort((a, b) => b - a)).toEqual(gaps);
    expect(heatColour('gap', 7)).toEqual(heatColour('gap', 4));
    expect(heatColour('gap', null)).toEqual(heatColour('to_be', null));
    expect(heatColour('gap', -2).background).not.toBe(heatColour('gap', 0).background);
    expect(heatColour('gap', null).background).not.toBe(heatColour('gap', 0).background);
  });

  it('has a legend step per colour', () => {
    expect(heatLegend('as_is').map((s) => s.label)).toEqual(['1', '2', '3', '4', '5']);
    expect(heatLegend('gap').map((s) => s.label)).toEqual(['0', '1', '2', '3', '4+', '< 0']);
    expect(new Set(heatLegend('gap').map((s) => s.swatch.background)).size).toBe(6);
  });

  it('groups services by category in catalogue order, custom ones last', () => {
    const rows = [entry('B-1'), entry('A-10'), entry('A-2'), entry('X-1', { category: 'A', custom: true }), entry('Z-1', { category: 'Z' })];
    const groups = heatGroups(rows, ['A', 'B', 'C']);
    expect(groups.map((g) => [g.id, g.services.map((s) => s.service)])).toEqual([
      ['A', ['A-2', 'A-10']],
      ['B', ['B-1']],
      ['Z', ['Z-1']],
      ['custom', ['X-1']],
    ]);
  });

  it('moves through the heat map with the arrow keys', () => {
    const sizes = [3, 0, 2];
    expect(heatMove(sizes, { group: 0, index: 1 }, 'ArrowRight')).toEqual({ group: 0, index: 2 });
    expect(heatMove(sizes, { group: 0, index: 2 }, 'ArrowRight')).toEqual({ group: 2, index: 0 });
    expect(heatMove(sizes, { group: 2, index: 1 }, 'ArrowRight')).toEqual({ group: 2, index: 1 });
    expect(heatMove(sizes, { group: 2, index: 0 }, 'ArrowLeft')).toEqual({ group: 0, index: 2 });
    expect(heatMove(sizes, { group: 0, index: 0 }, 'ArrowLeft')).toEqual({ group: 0, index: 0 });
    expect(heatMove(sizes, { group: 0, index: 2 }, 'ArrowDown')).toEqual({ group: 2, index: 1 });
    expect(heatMove(sizes, { group: 2, index: 1 }, 'ArrowUp')).toEqual({ group: 0, index: 1 });
    expect(heatMove(sizes, { group: 0, index: 1 }, 'ArrowUp')).toEqual({ group: 0, index: 1 });
    expect(heatMove(sizes, { group: 0, index: 1 }, 'End')).toEqual({ group: 0, index: 2 });
    expect(heatMove(sizes, { group: 0, index: 1 }, 'Home')).toEqual({ group: 0, index: 0 });
    expect(heatMove(sizes, { group: 0, index: 1 }, 'Enter')).toBeNull();
  });

  it('formats gaps with a sign', () => {
    expect(formatGap(2)).toBe('+2');
    expect(formatGap(0)).toBe('0');
    expect(formatGap(-1)).toBe('−1');
    expect(formatGap(null)).toBe('–');
  });
});

describe('columns', () => {
  it('has the test-id columns and a unique key each', () => {
    const keys = COLUMNS.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of ['level', 'assignment', 'owner', 'provider', 'insource-as_is', 'insource-to_be', 'outsource-as_is', 'outsource-to_be', 'gap'] as const)
      expect(columnIndex(k)).toBeGreaterThanOrEqual(0);
    expect(COLUMNS.filter((c) => c.editor).map((c) => c.key)).toEqual([
      'level', 'assignment', 'owner', 'provider', 'insource-as_is', 'insource-to_be', 'outsource-as_is', 'outsource-to_be',
      'unassigned-as_is', 'unassigned-to_be',
    ]);
  });
});

describe('the Unassigned score pair', () => {
  const un = entry('B-2', { assignment: 'unassigned', unassigned: { as_is: null, to_be: null } });

  it('is editable for an Unassigned service only, as in the portfolio step', () => {
    expect(isEditable(un, 'unassigned-as_is')).toBe(true);
    expect(isEditable(un, 'unassigned-to_be')).toBe(true);
    expect(isBlocked(un, 'insource-as_is')).toBe(true);
    const inside = entry('B-3', { assignment: 'insource' });
    expect(isBlocked(inside, 'unassigned-to_be')).toBe(true);
    expect(isEditable(entry('B-4', { assignment: 'both' }), 'unassigned-as_is')).toBe(false);
  });

  it('takes a target of 1–5 and an as-is of 1 or n/a only', () => {
    expect(editFor('unassigned-to_be', '4', vocabulary)).toEqual({ column: 'unassigned-to_be', value: '4' });
    expect(editFor('unassigned-as_is', '1', vocabulary)).toEqual({ column: 'unassigned-as_is', value: '1' });
    expect(editFor('unassigned-as_is', '3', vocabulary)).toBeNull();
    expect(bodyForEdit(un, { column: 'unassigned-to_be', value: '4' }, vocabulary).unassigned).toEqual({ as_is: null, to_be: '4' });
  });

  it('names its cells when the server refuses a value', () => {
    expect(columnsForField('services.B-2.unassigned.to_be')).toEqual(['unassigned-to_be']);
    expect(columnsForField('unassigned')).toEqual(['unassigned-as_is', 'unassigned-to_be']);
  });
});
