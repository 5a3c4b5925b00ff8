import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import {
  anyScore,
  buildableCatalogues,
  changeValue,
  countByAssignment,
  countByLevel,
  filterOrganisations,
  movementSinceLast,
  openActionsByPhaseCycle,
  radarOption,
  relabel,
  settingsChanged,
  settingsOf,
  share,
  sortOrganisations,
  suggestSlug,
  templatesFor,
  validInterval,
  validSlug,
  wrapLabel,
} from './overview';
import type { Action, CategoryScore, Cycle, Library, Named, Phase, ReviewService, Trend, Vocabulary } from './types';

const named = (...ids: string[]): Named[] => ids.map((id) => ({ id, name: { en: id.toUpperCase(), ja: id } }));
const levels = named('not_required', 'basic', 'standard', 'advanced', 'optional');
const assignments = named('insource', 'outsource', 'both', 'unassigned');

/** A service of the review; whether it is in the catalogue is the server's (`in_catalogue`). */
function service(id: string, level: ReviewService['level'], assignment: ReviewService['assignment'], in_catalogue = true): ReviewService {
  return {
    id,
    name: { en: id, ja: id },
    category: id.slice(0, 1),
    custom: false,
    level,
    in_catalogue,
    assignment,
    owner: '',
    provider: '',
    quadrant: null,
    score_state: 'scored',
    as_is: 3,
    to_be: 4,
    gap: 1,
  };
}

const services: ReviewService[] = [
  service('A-1', 'basic', 'insource'),
  service('A-2', 'basic', 'outsource'),
  service('B-1', 'standard', 'both'),
  service('C-1', 'not_required', 'unassigned', false),
  service('C-2', null, 'unassigned', false),
  service('D-1', 'advanced', 'unassigned'),
  service('X-1', 'optional', 'insource'),
];

describe('countByLevel', () => {
  it('counts services per level in the vocabulary order, unset last', () => {
    expect(countByLevel(services, levels)).toEqual([
      { id: 'not_required', count: 1 },
      { id: 'basic', count: 2 },
      { id: 'standard', count: 1 },
      { id: 'advanced', count: 1 },
      { id: 'optional', count: 1 },
      { id: 'unset', count: 1 },
    ]);
  });

  it('leaves out "unset" when every service has a level, and keeps zero rows', () => {
    const out = countByLevel([service('A-1', 'basic', 'insource')], levels);
    expect(out.map((r) => r.id)).toEqual(['not_required', 'basic', 'standard', 'advanced', 'optional']);
    expect(out.find((r) => r.id === 'basic')?.count).toBe(1);
    expect(out.reduce((n, r) => n + r.count, 0)).toBe(1);
  });

  it('keeps a level the vocabulary does not know instead of dropping it', () => {
    const odd = { ...service('Z-1', 'basic', 'insource'), level: 'extreme' as ReviewService['level'] };
    expect(countByLevel([odd], levels).at(-1)).toEqual({ id: 'extreme', count: 1 });
  });
});

describe('countByAssignment', () => {
  it('counts only services the server says are in the catalogue', () => {
    expect(countByAssignment(services, assignments)).toEqual([
      { id: 'insource', count: 2 },
      { id: 'outsource', count: 1 },
      { id: 'both', count: 1 },
      { id: 'unassigned', count: 1 }, // D-1; C-1 (not required) and C-2 (no level) are left out
    ]);
  });

  it('never decides from the level itself', () => {
    const odd = [service('Z-1', 'not_required', 'insource', true), service('Z-2', 'basic', 'outsource', false)];
    expect(countByAssignment(odd, assignments).filter((t) => t.count > 0)).toEqual([{ id: 'insource', count: 1 }]);
  });
});

describe('share', () => {
  it('is a percentage with one decimal, 0 for an empty total', () => {
    expect(share(1, 3)).toBe(33.3);
    expect(share(3, 3)).toBe(100);
    expect(share(0, 0)).toBe(0);
  });
});

function action(id: string, phase: Action['phase'], cycle: Action['cycle'], open: boolean): Pick<Action, 'phase' | 'cycle' | 'open'> & { id: string } {
  return { id, phase, cycle, open };
}

describe('open actions by phase and cycle', () => {
  // The vocabulary's lists (GET /vocabulary sends them in this order).
  const phases: Phase[] = ['strategic', 'operation', 'response'];
  const cycles: Cycle[] = ['short', 'long'];
  const actions = [
    action('1', 'response', 'short', false),
    action('2', 'operation', 'long', true),
    action('3', 'operation', 'long', false),
    action('4', 'operation', 'long', true),
    action('5', 'strategic', 'long', true),
    action('6', 'response', 'short', true),
    action('8', 'strategic', 'short', true),
  ];

  it('fills the 3×2 table with totals', () => {
    const table = openActionsByPhaseCycle(actions, phases, cycles);
    expect(table.cells).toEqual({
      strategic: { short: 1, long: 1 },
      operation: { short: 0, long: 2 },
      response: { short: 1, long: 0 },
    });
    expect(table.byPhase).toEqual({ strategic: 2, operation: 2, response: 1 });
    expect(table.byCycle).toEqual({ short: 2, long: 3 });
    expect(table.total).toBe(5);
    expect(table.other).toBe(0);
  });

  it('counts an action with an unknown phase or cycle apart, never in a wrong cell', () => {
    const table = openActionsByPhaseCycle(
      [
        { open: true, phase: 'governance' as Action['phase'], cycle: 'short' },
        { open: true, phase: 'response', cycle: 'medium' as Action['cycle'] },
      ],
      phases,
      cycles,
    );
    expect(table.total).toBe(2);
    expect(table.other).toBe(2);
    expect(table.byCycle).toEqual({ short: 0, long: 0 });
  });

  it('has the rows and columns the vocabulary lists, and no others', () => {
    const table = openActionsByPhaseCycle(actions, ['response', 'operation'], ['long']);
    expect(table.cells).toEqual({ response: { long: 0 }, operation: { long: 2 } });
    expect(table.byCycle).toEqual({ long: 2 });
    expect(table.other).toBe(3);
  });

  it('is all zeros for no actions', () => {
    const table = openActionsByPhaseCycle([], phases, cycles);
    expect(table.total).toBe(0);
    expect(Object.values(table.cells).flatMap((r) => Object.values(r))).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe('wrapLabel', () => {
  it('breaks English at spaces within the width', () => {
    expect(wrapLabel('F Collecting, analyzing and evaluating threat intelligence', 20)).toBe(
      'F Collecting,\nanalyzing and\nevaluating threat…',
    );
    expect(wrapLabel('B Real-time analysis', 20)).toBe('B Real-time analysis');
  });

  it('breaks Japanese by characters, counting full-width ones as two columns', () => {
    expect(wrapLabel('脅威情報の収集および分析と評価', 10)).toBe('脅威情報の\n収集および\n分析と評価');
  });

  it('keeps katakana and kanji words whole, and the id with the first line', () => {
    expect(wrapLabel('A CDCの戦略マネジメント', 22)).toBe('A CDCの戦略\nマネジメント');
    expect(wrapLabel('I 外部組織との積極的連携', 22)).toBe('I 外部組織との\n積極的連携');
    expect(wrapLabel('H 内部不正対応支援', 22)).toBe('H 内部不正対応支援');
  });

  it('keeps every line within the width unless a single word is longer', () => {
    const out = wrapLabel('G Development and maintenance of CDC platforms', 18, 5);
    for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(18);
    expect(out.replace(/\n/g, ' ')).toBe('G Development and maintenance of CDC platforms');
  });
});

function category(id: string, as_is: number | null, to_be: number | null): CategoryScore {
  return {
    id,
    name: { en: 'Cat ' + id, ja: 'カテゴリ' + id },
    phase: 'operation',
    counted: as_is === null ? 0 : 3,
    not_applicable: 0,
    incomplete: 0,
    as_is,
    to_be,
    gap: as_is === null || to_be === null ? null : to_be - as_is,
  };
}

describe('radarOption', () => {
  const cats = [category('A', 3, 4.15), category('B', 3.254, 4.25), category('H', null, null)];
  const option = radarOption(cats, {
    asIs: 'As-is',
    toBe: 'To-be',
    none: 'none',
    colours: ['#111111', '#222222'],
    axis: (c) => `${c.id} ${c.name.en}`,
  }) as {
    radar: { indicator: { name: string; min: number; max: number }[] };
    series: { type: string; data: { name: string; value: (number | null)[] }[] }[];
    tooltip: { formatter: (p: { seriesName: string; value: (number | null)[] }) => string };
  };

  it('has one axis per category, 0 to 5, named by id and name', () => {
    expect(option.radar.indicator).toEqual([
      { name: 'A Cat A', min: 0, max: 5 },
      { name: 'B Cat B', min: 0, max: 5 },
      { name: 'H Cat H', min: 0, max: 5 },
    ]);
  });

  it('plots as-is and to-be as two series, a missing score as no point (never 0)', () => {
    const series = option.series[0]!;
    expect(series.type).toBe('radar');
    const asIs = series.data.find((d) => d.name === 'As-is')!;
    const toBe = series.data.find((d) => d.name === 'To-be')!;
    expect(asIs.value).toEqual([3, 3.25, null]);
    expect(toBe.value).toEqual([4.15, 4.25, null]);
  });

  it('lists every category in the tooltip, escaping text', () => {
    const html = option.tooltip.formatter({ seriesName: 'As-is <b>', value: [3, 3.25, null] });
    expect(html).toContain('As-is &lt;b&gt;');
    expect(html).toContain('A: 3.00');
    expect(html).toContain('H: none');
  });
});

describe('a radar without scores', () => {
  const labels = { asIs: 'As-is', toBe: 'To-be', none: '-', colours: ['#1', '#2'] as [string, string], axis: (c: CategoryScore) => c.id };

  it('keeps the axes but draws no series that has no score at all', () => {
    const empty = [category('A', null, null), category('B', null, null)];
    const option = radarOption(empty, labels) as { radar: { indicator: unknown[] }; series: { data: unknown[] }[]; legend: { show: boolean; data: string[] } };
    expect(option.radar.indicator).toHaveLength(2);
    expect(option.series[0]!.data).toEqual([]);
    expect(option.legend).toMatchObject({ show: false, data: [] });
    expect(anyScore(empty)).toBe(false);
  });

  it('draws a series as soon as one category has a score', () => {
    const some = [category('A', null, null), { ...category('B', null, null), to_be: 4 }];
    const option = radarOption(some, labels) as { series: { data: { name: string }[] }[]; legend: { data: string[] } };
    expect(option.series[0]!.data.map((d) => d.name)).toEqual(['To-be']);
    expect(option.legend.data).toEqual(['To-be']);
    expect(anyScore(some)).toBe(true);
  });
});

describe('movementSinceLast', () => {
  const trends = [
    {
      scope: 'overall',
      points: [
        { evaluation: '2025-H2', date: '2025-12-15', counted: 57, not_applicable: 1, incomplete: 5, as_is: 2.56, to_be: 4.09, gap: 1.53 },
        { evaluation: '2026-H1', date: '2026-06-20', counted: 56, not_applicable: 2, incomplete: 3, as_is: 2.84, to_be: 4.11, gap: 1.27 },
        { evaluation: 'now', date: '2026-11-27', counted: 56, not_applicable: 2, incomplete: 3, as_is: 2.98, to_be: 4.11, gap: 1.12 },
      ],
    },
  ] as unknown as Trend[];

  it('compares now with the last recorded evaluation (flat points, as the server sends them)', () => {
    const m = movementSinceLast(trends)!;
    expect(m.previous.evaluation).toBe('2026-H1');
    expect(m.asIs).toBe(0.14);
    expect(m.gap).toBe(-0.15);
  });

  it('also reads points that nest the aggregate under "value"', () => {
    const nested: Trend[] = [
      {
        scope: 'overall',
        points: [
          { evaluation: 'E1', date: '2026-01-01', value: { counted: 1, not_applicable: 0, incomplete: 0, as_is: 2, to_be: 4, gap: 2 } },
          { evaluation: 'now', date: '2026-02-01', value: { counted: 1, not_applicable: 0, incomplete: 0, as_is: 1.5, to_be: 4, gap: 2.5 } },
        ],
      },
    ];
    expect(movementSinceLast(nested)?.asIs).toBe(-0.5);
  });

  it('is null without an earlier evaluation, and a null score gives no delta', () => {
    expect(movementSinceLast([])).toBeNull();
    const only = [{ scope: 'overall', points: [{ evaluation: 'now', date: '2026-01-01', as_is: 3, to_be: 4, gap: 1 }] }] as unknown as Trend[];
    expect(movementSinceLast(only)).toBeNull();
    const missing = [
      { scope: 'overall', points: [{ evaluation: 'E', date: '2026-01-01', as_is: null, to_be: null, gap: null }, { evaluation: 'now', date: '2026-02-01', as_is: 3, to_be: 4, gap: 1 }] },
    ] as unknown as Trend[];
    expect(movementSinceLast(missing)?.asIs).toBeNull();
  });
});

describe('organisation list', () => {
  const orgs = [
    { id: 'kasumi-logistics', name: 'Kasumi Logistics K.K. (霞ロジスティクス株式会社)', catalog: 'x1060-2021' },
    { id: 'aozora', name: 'Aozora Bank', catalog: 'x1060-2026' },
    { id: 'beta', name: 'beta works', catalog: 'x1060-2021' },
  ];

  it('finds by any word of the name, id or catalogue, in any case and width', () => {
    expect(filterOrganisations(orgs, 'LOGISTICS').map((o) => o.id)).toEqual(['kasumi-logistics']);
    expect(filterOrganisations(orgs, '霞').map((o) => o.id)).toEqual(['kasumi-logistics']);
    expect(filterOrganisations(orgs, '２０２６').map((o) => o.id)).toEqual(['aozora']); // full-width digits
    expect(filterOrganisations(orgs, 'x1060 bank').map((o) => o.id)).toEqual(['aozora']);
    expect(filterOrganisations(orgs, '  ')).toHaveLength(3);
    expect(filterOrganisations(orgs, 'nothing')).toEqual([]);
  });

  it('searches extra text such as the catalogue title', () => {
    expect(filterOrganisations(orgs, 'defence', (o) => (o.id === 'beta' ? 'Cyber defence centre' : '')).map((o) => o.id)).toEqual(['beta']);
  });

  it('sorts by name regardless of case', () => {
    expect(sortOrganisations(orgs, 'en').map((o) => o.id)).toEqual(['aozora', 'beta', 'kasumi-logistics']);
  });
});

describe('new organisation form', () => {
  // The limits as GET /vocabulary sends them.
  const limits: Vocabulary['limits'] = {
    organisation_id: { pattern: '^[a-z0-9][a-z0-9_-]{0,63}$', max_length: 64 },
    evaluation_interval_days: { min: 1, max: 3660, default: 182 },
    username: { pattern: '^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$', max_length: 64 },
    password: { min_length: 12, max_bytes: 1024 },
    token_lifetime_days: { min: 1, max: 365, default: 90 },
  };

  it('checks ids with the server\'s pattern', () => {
    expect(validSlug('kasumi-logistics', limits)).toBe(true);
    expect(validSlug('a', limits)).toBe(true);
    expect(validSlug('0_x', limits)).toBe(true);
    expect(validSlug('', limits)).toBe(false);
    expect(validSlug('-x', limits)).toBe(false);
    expect(validSlug('Kasumi', limits)).toBe(false);
    expect(validSlug('a b', limits)).toBe(false);
    expect(validSlug('a'.repeat(64), limits)).toBe(true);
    expect(validSlug('a'.repeat(65), limits)).toBe(false);
    // Another pattern from the server is applied as it is.
    expect(validSlug('AB', { ...limits, organisation_id: { pattern: '^[A-Z]+$', max_length: 8 } })).toBe(true);
  });

  it('leaves ids and intervals to the server when it has not said its limits', () => {
    expect(validSlug('Kasumi', null)).toBe(true);
    expect(validInterval(0, null)).toBe(true);
  });

  it('suggests an id from the name, within the server\'s length', () => {
    expect(suggestSlug('Kasumi Logistics K.K.', 64)).toBe('kasumi-logistics-k-k');
    expect(suggestSlug('  Café Müller GmbH ', 64)).toBe('cafe-muller-gmbh');
    expect(suggestSlug('霞ロジスティクス', 64)).toBe('');
    expect(validSlug(suggestSlug('x'.repeat(70) + ' y', 64), limits)).toBe(true);
    expect(suggestSlug('kasumi logistics', 6)).toBe('kasumi');
  });

  it('accepts intervals of whole days within the server\'s limits', () => {
    expect(validInterval(182, limits)).toBe(true);
    expect(validInterval(1, limits)).toBe(true);
    expect(validInterval(3660, limits)).toBe(true);
    expect(validInterval(0, limits)).toBe(false);
    expect(validInterval(3661, limits)).toBe(false);
    expect(validInterval(1.5, limits)).toBe(false);
    expect(validInterval(Number.NaN, limits)).toBe(false);
    expect(validInterval(400, { ...limits, evaluation_interval_days: { min: 1, max: 365, default: 90 } })).toBe(false);
  });

  it('offers catalogues with categories, and the templates of the chosen one', () => {
    const none = { en: '', ja: '' };
    const header = { edition_date: '', publisher: none, licence_note: none, languages: ['en', 'ja'], source: '' };
    const library: Library = {
      catalogs: [
        { ...header, id: 'first-csirt-1.1', title: { en: 'FIRST', ja: 'FIRST' }, version: '1.1', counts: { service: 25, area: 7 } },
        { ...header, id: 'x1060-2021', title: { en: 'X.1060', ja: 'X.1060' }, version: '2021', counts: { category: 9, service: 64 } },
      ],
      crosswalks: [],
      templates: [
        { id: 'basic-only', catalog: 'x1060-2021', name: { en: 'Basic', ja: 'ベーシック' }, source: '' },
        { id: 'other', catalog: 'first-csirt-1.1', name: { en: 'Other', ja: 'その他' }, source: '' },
      ],
    };
    expect(buildableCatalogues(library).map((c) => c.id)).toEqual(['x1060-2021']);
    expect(templatesFor(library, 'x1060-2021').map((t) => t.id)).toEqual(['basic-only']);
    expect(templatesFor(library, 'nope')).toEqual([]);
  });
});

describe('settings', () => {
  const org = { name: 'Kasumi', reference_template: 'large-enterprise', evaluation_interval_days: 182, separate_approver: false };

  it('sees a change in any field, but not in surrounding spaces of the name', () => {
    const saved = settingsOf(org);
    expect(settingsChanged(saved, { ...saved })).toBe(false);
    expect(settingsChanged(saved, { ...saved, name: ' Kasumi ' })).toBe(false);
    expect(settingsChanged(saved, { ...saved, name: 'Kasumi 2' })).toBe(true);
    expect(settingsChanged(saved, { ...saved, reference_template: '' })).toBe(true);
    expect(settingsChanged(saved, { ...saved, evaluation_interval_days: 90 })).toBe(true);
    expect(settingsChanged(saved, { ...saved, separate_approver: !saved.separate_approver })).toBe(true);
  });

  it('reads a missing reference template as none', () => {
    expect(settingsOf({ ...org, reference_template: null as unknown as string }).reference_template).toBe('');
  });
});

describe('relabel', () => {
  it('names the field of an API error with our label, keeping everything else', () => {
    const e = new ApiError(400, 'invalid_input', 'evaluation interval must be 1 to 3660 days', 'evaluation_interval_days', null);
    const out = relabel(e, { evaluation_interval_days: 'Interval' });
    expect(out).toBeInstanceOf(ApiError);
    expect((out as ApiError).field).toBe('Interval');
    expect((out as ApiError).code).toBe('invalid_input');
    expect((out as ApiError).message).toBe(e.message);
  });

  it('leaves other errors alone', () => {
    const e = new ApiError(400, 'invalid_input', 'x', 'id', null);
    expect(relabel(e, { name: 'Name' })).toBe(e);
    const plain = new Error('boom');
    expect(relabel(plain, { id: 'Id' })).toBe(plain);
  });
});

describe('changeValue', () => {
  const names = { levels, assignments };
  const loc = (t: { en: string; ja: string }) => t.en;

  it('names levels and assignments, shows scores as they are and a missing value as a dash', () => {
    expect(changeValue('level', 'basic', names, loc)).toBe('BASIC');
    expect(changeValue('assignment', 'outsource', names, loc)).toBe('OUTSOURCE');
    expect(changeValue('as_is', '3', names, loc)).toBe('3');
    expect(changeValue('as_is', null, names, loc)).toBe('–');
    expect(changeValue('provider', 'Nanairo SI', names, loc)).toBe('Nanairo SI');
    // A provider called like a level id is not translated.
    expect(changeValue('provider', 'basic', names, loc)).toBe('basic');
  });
});
