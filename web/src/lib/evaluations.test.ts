import { describe, expect, it } from 'vitest';
import {
  countBySeverity,
  countChangesByField,
  currentScores,
  CURRENT,
  defaultComparison,
  deltaOption,
  deltaTone,
  formatMean,
  groupChanges,
  groupFindings,
  nameOf,
  newestFirst,
  runBody,
  scoreDeltas,
  scoresAt,
  trendOption,
  trendTable,
} from './evaluations';
import { finding as testFinding } from './testData';
// The vocabulary's lists (GET /vocabulary sends them in this order).
const KINDS: EvaluationKind[] = ['catalogue', 'profile', 'portfolio'];
const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const ORDER = { kinds: KINDS, severities: SEVERITIES };
import type { Aggregate, Change, EvaluationKind, EvaluationSummary, Finding, Review, Severity, Trend } from './types';

const summary = (id: string, date: string, created_at = '2026-01-01T00:00:00Z'): EvaluationSummary => ({
  id,
  date,
  kinds: ['catalogue', 'profile', 'portfolio'],
  note: '',
  reference_template: '',
  approved_by: null,
  approved_on: null,
  findings_count: { error: 0, warning: 0, info: 0 },
  created_at,
  created_by: 'x',
});

const finding = (evaluation: Finding['evaluation'], severity: Finding['severity'], code: string, service: string): Finding =>
  testFinding({ evaluation, severity, code, service, message: { en: code, ja: code } });

const agg = (as_is: number | null, to_be: number | null): Aggregate => ({
  counted: as_is === null ? 0 : 3,
  not_applicable: 0,
  incomplete: 0,
  as_is,
  to_be,
  gap: as_is === null || to_be === null ? null : Math.round((to_be - as_is) * 100) / 100,
});

const trends: Trend[] = [
  {
    scope: 'overall',
    points: [
      { evaluation: '2025-H2', date: '2025-12-15', value: agg(2.56, 4.09) },
      { evaluation: '2026-H1', date: '2026-06-20', value: agg(2.84, 4.11) },
    ],
  },
  {
    scope: 'A',
    points: [
      { evaluation: '2025-H2', date: '2025-12-15', value: agg(2.54, 4.15) },
      { evaluation: '2026-H1', date: '2026-06-20', value: agg(2.92, 4.15) },
    ],
  },
  {
    scope: 'H',
    points: [
      { evaluation: '2025-H2', date: '2025-12-15', value: agg(null, null) },
      { evaluation: '2026-H1', date: '2026-06-20', value: agg(1, 3) },
    ],
  },
];

describe('the list of evaluations', () => {
  it('puts the newest first, by date, then by recording time', () => {
    const list = [summary('a', '2025-12-15'), summary('c', '2026-06-20', '2026-06-20T01:00:00Z'), summary('b', '2026-06-20', '2026-06-20T09:00:00Z')];
    expect(newestFirst(list).map((e) => e.id)).toEqual(['b', 'c', 'a']);
    expect(list.map((e) => e.id)).toEqual(['a', 'c', 'b']); // not sorted in place
  });

  it('offers the two newest for a comparison, or the only one against the live matrix', () => {
    expect(defaultComparison([summary('a', '2025-12-15'), summary('b', '2026-06-20')])).toEqual({ from: 'a', to: 'b' });
    expect(defaultComparison([summary('a', '2025-12-15')])).toEqual({ from: 'a', to: CURRENT });
    expect(defaultComparison([])).toEqual({ from: '', to: CURRENT });
  });

  it('sends the kinds in the vocabulary\'s order', () => {
    expect(runBody({ id: '', date: '', kinds: ['catalogue', 'portfolio'], note: '' }, ['portfolio', 'profile', 'catalogue']).kinds).toEqual(['portfolio', 'catalogue']);
  });

  it('builds the run body, leaving empty fields to the server and kinds in process order', () => {
    expect(runBody({ id: ' ', date: '2026-11-27', kinds: ['portfolio', 'catalogue'], note: '  ' }, KINDS)).toEqual({
      date: '2026-11-27',
      kinds: ['catalogue', 'portfolio'],
    });
    expect(runBody({ id: ' 2026-H2 ', date: '', kinds: [], note: ' after the move ' }, KINDS)).toEqual({
      id: '2026-H2',
      kinds: [],
      note: 'after the move',
    });
  });

  it('names vocabulary entries', () => {
    const list = [{ id: 'short', name: { en: 'Short cycle', ja: '短期サイクル' } }];
    expect(nameOf(list, 'short')?.ja).toBe('短期サイクル');
    expect(nameOf(list, 'long')).toBeNull();
    expect(nameOf(undefined, 'short')).toBeNull();
  });
});

describe('findings', () => {
  const findings = [
    finding('catalogue', 'warning', 'undecided', 'A-1'),
    finding('portfolio', 'warning', 'gap', 'B-1'),
    finding('profile', 'error', 'unassigned', 'H-1'),
    finding('portfolio', 'info', 'gap', 'A-2'),
    finding('profile', 'warning', 'quadrant_mismatch', 'A-12'),
  ];

  it('counts by the vocabulary\'s severities', () => {
    expect(countBySeverity(findings, ['warning', 'info'])).toEqual({ warning: 3, info: 1 });
  });

  it('counts by severity', () => {
    expect(countBySeverity(findings, SEVERITIES)).toEqual({ error: 1, warning: 3, info: 1 });
    expect(countBySeverity([], SEVERITIES)).toEqual({ error: 0, warning: 0, info: 0 });
  });

  it('groups by evaluation kind in process order, keeping the server order inside a group', () => {
    const groups = groupFindings(findings, ['catalogue', 'profile', 'portfolio'], ORDER);
    expect(groups.map((g) => g.kind)).toEqual(['catalogue', 'profile', 'portfolio']);
    expect(groups[1]!.findings.map((f) => f.service)).toEqual(['H-1', 'A-12']);
    expect(groups[2]!.findings.map((f) => f.service)).toEqual(['B-1', 'A-2']);
    expect(groups[2]!.counts).toEqual({ error: 0, warning: 1, info: 1 });
  });

  it('filters by severity but keeps the full counts of each kind', () => {
    const groups = groupFindings(findings, ['catalogue', 'profile', 'portfolio'], ORDER, ['warning']);
    expect(groups.map((g) => g.findings.length)).toEqual([1, 1, 1]);
    expect(groups[1]!.counts.error).toBe(1);
    expect(groupFindings(findings, ['catalogue', 'profile', 'portfolio'], ORDER, ['error', 'info']).flatMap((g) => g.findings.map((f) => f.code))).toEqual([
      'unassigned',
      'gap',
    ]);
  });

  it('puts the kinds not run (with findings) after the ones run, marked as such', () => {
    const groups = groupFindings(findings, ['portfolio'], ORDER);
    expect(groups.map((g) => [g.kind, g.ran])).toEqual([
      ['portfolio', true],
      ['catalogue', false],
      ['profile', false],
    ]);
  });

  it('shows a kind that ran without findings, and leaves out a kind that did not run', () => {
    const groups = groupFindings([finding('portfolio', 'info', 'gap', 'A-2')], ['profile', 'portfolio'], ORDER);
    expect(groups.map((g) => [g.kind, g.ran, g.findings.length])).toEqual([
      ['profile', true, 0],
      ['portfolio', true, 1],
    ]);
  });
});

describe('comparing two evaluations', () => {
  const changes: Change[] = [
    { service: 'A-5', field: 'level', before: 'standard', after: 'basic' },
    { service: 'A-5', field: 'as_is', before: '2', after: '3' },
    { service: 'A-8', field: 'provider', before: null, after: 'Minato Cyber Assurance' },
    { service: 'X-9', field: 'as_is', before: '1', after: null },
  ];

  it('groups changes by service in the server order, with the names it knows', () => {
    const names = new Map([
      ['A-5', { en: 'Business continuity', ja: '事業継続' }],
      ['A-8', { en: 'Security architecture design', ja: 'セキュリティアーキテクチャ設計' }],
    ]);
    const groups = groupChanges(changes, names);
    expect(groups.map((g) => [g.service, g.changes.length])).toEqual([
      ['A-5', 2],
      ['A-8', 1],
      ['X-9', 1],
    ]);
    expect(groups[0]!.name?.en).toBe('Business continuity');
    expect(groups[2]!.name).toBeNull(); // a service the directory no longer knows
  });

  it('counts changes by field', () => {
    expect(countChangesByField(changes)).toEqual({ level: 1, as_is: 2, provider: 1 });
  });

  it('reads the scores an evaluation recorded from the trends', () => {
    const at = scoresAt(trends, '2026-H1');
    expect([...at.keys()]).toEqual(['overall', 'A', 'H']);
    expect(at.get('A')?.as_is).toBe(2.92);
    expect(scoresAt(trends, 'nope').size).toBe(0);
  });

  it('computes per-category deltas, overall first, null where a side has no score', () => {
    const deltas = scoreDeltas(scoresAt(trends, '2025-H2'), scoresAt(trends, '2026-H1'));
    expect(deltas.map((d) => d.scope)).toEqual(['overall', 'A', 'H']);
    expect(deltas[0]!.delta).toEqual({ as_is: 0.28, to_be: 0.02, gap: -0.26 });
    expect(deltas[1]!.delta).toEqual({ as_is: 0.38, to_be: 0, gap: -0.38 });
    expect(deltas[2]!.delta).toEqual({ as_is: null, to_be: null, gap: null });
  });

  it('compares with the live matrix through the review scores', () => {
    const review = {
      scores: {
        overall: agg(3, 4),
        phases: { strategic: agg(3, 4), operation: agg(3, 4), response: agg(3, 4) },
        categories: [{ ...agg(3, 4.15), id: 'A', name: { en: 'A', ja: 'A' }, phase: 'strategic' as const }],
      },
    } satisfies Pick<Review, 'scores'>;
    const deltas = scoreDeltas(scoresAt(trends, '2026-H1'), currentScores(review));
    expect(deltas.find((d) => d.scope === 'A')!.delta.as_is).toBe(0.08);
    expect(deltas.find((d) => d.scope === 'H')!.to).toBeNull();
  });

  it('formats means and judges deltas', () => {
    expect(formatMean(1.5)).toBe('1.50');
    expect(formatMean(null)).toBe('–');
    expect(deltaTone('as_is', 0.3)).toBe('better');
    expect(deltaTone('as_is', -0.3)).toBe('worse');
    expect(deltaTone('gap', -0.3)).toBe('better');
    expect(deltaTone('gap', 0.3)).toBe('worse');
    expect(deltaTone('to_be', 0.3)).toBe('neutral');
    expect(deltaTone('gap', null)).toBe('neutral');
  });
});

describe('trends', () => {
  it('tabulates one metric: a column per evaluation (oldest first), a row per scope', () => {
    const table = trendTable(trends, 'gap');
    expect(table.columns).toEqual([
      { evaluation: '2025-H2', date: '2025-12-15' },
      { evaluation: '2026-H1', date: '2026-06-20' },
    ]);
    expect(table.rows).toEqual([
      { scope: 'overall', values: [1.53, 1.27] },
      { scope: 'A', values: [1.61, 1.23] },
      { scope: 'H', values: [null, 2] },
    ]);
  });

  const labels = { scope: (s: string) => (s === 'overall' ? 'Overall' : 'Category ' + s), column: (c: { evaluation: string }) => c.evaluation, axis: 'Score' };

  it('builds a line chart with a series per scope and the overall drawn thick', () => {
    const option = trendOption(trends, 'as_is', labels) as {
      series: { name: string; data: (number | null)[]; lineStyle: { width: number } }[];
      xAxis: { data: string[] };
      yAxis: { min: number; max: number };
    };
    expect(option.series.map((s) => s.name)).toEqual(['Overall', 'Category A', 'Category H']);
    expect(option.series[0]!.data).toEqual([2.56, 2.84]);
    expect(option.series[2]!.data).toEqual([null, 1]);
    expect(option.series[0]!.lineStyle.width).toBeGreaterThan(option.series[1]!.lineStyle.width);
    expect(option.xAxis.data).toEqual(['2025-H2', '2026-H1']);
    expect([option.yAxis.min, option.yAxis.max]).toEqual([1, 5]);
  });

  it('scales the gap chart from zero to the largest gap', () => {
    const option = trendOption(trends, 'gap', labels) as { yAxis: { min: number; max: number }; series: { data: (number | null)[] }[] };
    expect(option.yAxis.min).toBe(0);
    expect(option.yAxis.max).toBe(2);
    expect(option.series[1]!.data).toEqual([1.61, 1.23]);
  });

  it('builds the delta bar chart with overall at the top', () => {
    const deltas = scoreDeltas(scoresAt(trends, '2025-H2'), scoresAt(trends, '2026-H1'));
    const option = deltaOption(deltas, { scope: (s) => s, metric: (m) => m }) as {
      yAxis: { data: string[] };
      series: { name: string; data: (number | null)[] }[];
    };
    expect(option.yAxis.data).toEqual(['H', 'A', 'overall']); // the category axis draws bottom-up
    expect(option.series.map((s) => s.name)).toEqual(['as_is', 'gap']);
    expect(option.series[0]!.data).toEqual([null, 0.38, 0.28]);
  });

  it('draws the default tooltips on the canvas (their HTML form has style attributes the CSP refuses)', () => {
    const deltas = scoreDeltas(scoresAt(trends, '2025-H2'), scoresAt(trends, '2026-H1'));
    for (const option of [trendOption(trends, 'as_is', labels), deltaOption(deltas, { scope: (s) => s, metric: (m) => m })])
      expect((option as { tooltip: { renderMode?: string } }).tooltip.renderMode).toBe('richText');
  });
});
