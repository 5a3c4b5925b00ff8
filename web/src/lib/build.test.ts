import { describe, expect, it } from 'vitest';
import {
  advice,
  applyBulk,
  balanceParts,
  bulkBody,
  catalogueProgress,
  defaultSourcing,
  entryBody,
  flatten,
  groupByCategory,
  linksByService,
  matchesQuery,
  needsOwner,
  needsProvider,
  pairsOf,
  parseEvidence,
  portfolioProgress,
  profileProgress,
  quadrantOf,
  rubricTexts,
  scoreOptions,
  sourcingOfQuadrant,
  templateBody,
  templateDiff,
  unflatten,
  withAssignment,
  withCatalogueData,
  withEvidence,
  withScore,
  withoutEvidence,
  type SavedServiceEntry,
} from './build';
import { narrowLimits, serviceEntry } from './testData';
import type { CatalogueNode, ServiceEntry, Vocabulary } from './types';

const text = (en: string, ja = en + '（ja）') => ({ en, ja });

const entry = serviceEntry;

// A vocabulary whose tables deliberately differ from X.1060's, so a test passes only if the code
// reads the tables instead of knowing the rule.
const vocabulary: Vocabulary = {
  levels: [], phases: [], cycles: [], evaluation_kinds: [], trigger_kinds: [], severities: [],
  // Unlike the domain's, Both here keeps the Unassigned pair too, and Outsource needs an owner.
  assignments: [
    { id: 'insource', name: text('In'), score_pairs: ['insource'], needs_owner: true, needs_provider: false },
    { id: 'outsource', name: text('Out'), score_pairs: ['outsource'], needs_owner: true, needs_provider: true },
    { id: 'both', name: text('Both'), score_pairs: ['insource', 'outsource', 'unassigned'], needs_owner: true, needs_provider: true },
    { id: 'unassigned', name: text('None'), score_pairs: ['unassigned'], needs_owner: false, needs_provider: false },
  ],
  limits: narrowLimits,
  action_statuses: [],
  // Unlike the domain's, an insourced as-is here is 2 or 3 only.
  score_options: {
    insource: { as_is: ['2', '3'], to_be: ['1', '2', '3', '4', '5', 'n/a'] },
    outsource: { as_is: ['1', '2', '3', '4', '5', 'n/a'], to_be: ['1', '2', '3', '4', '5', 'n/a'] },
    unassigned: { as_is: ['1', 'n/a'], to_be: ['1', '2', '3', '4', '5', 'n/a'] },
  },
  whole_pair_scores: ['n/a'],
  rubrics: {
    insource: { name: text('Insource rubric'), levels: { '1': text('in 1'), '2': text('in 2'), '3': text('in 3'), '4': text('in 4'), '5': text('in 5'), 'n/a': text('in n/a') } },
    outsource: { name: text('Outsource rubric'), levels: { '1': text('out 1'), '2': text('out 2'), '3': text('out 3'), '4': text('out 4'), '5': text('out 5'), 'n/a': text('out n/a') } },
  },
  quadrants: [
    { id: 'I', balance: 'insource ≫ outsource', guidance: text('keep inside'), mismatch: { insource: null, outsource: text('I outsourced'), both: null, unassigned: null } },
    { id: 'II', balance: 'insource ≧ outsource', guidance: text('lead inside'), mismatch: { insource: null, outsource: text('II outsourced'), both: null, unassigned: null } },
    { id: 'III', balance: 'insource ≪ outsource', guidance: text('specialist'), mismatch: { insource: text('III insourced'), outsource: null, both: null, unassigned: null } },
    { id: 'IV', balance: 'insource ≦ outsource', guidance: text('specialist, managed'), mismatch: { insource: text('IV insourced'), outsource: null, both: text('IV both'), unassigned: null } },
  ],
  quadrant_of: [
    { information: 'internal', specialist_skill: false, quadrant: 'I' },
    { information: 'internal', specialist_skill: true, quadrant: 'IV' },
    { information: 'external', specialist_skill: false, quadrant: 'II' },
    { information: 'external', specialist_skill: true, quadrant: 'III' },
  ],
};

describe('grouping and scope', () => {
  it('groups by category in catalogue order, unknown categories last, empty ones dropped', () => {
    const entries = [entry('B-1'), entry('A-2'), entry('X-1', { category: 'Z' }), entry('A-1')];
    const groups = groupByCategory(entries, [
      { id: 'A', name: text('Alpha') },
      { id: 'B', name: text('Beta') },
      { id: 'C', name: text('Gamma') },
    ]);
    expect(groups.map((g) => g.id)).toEqual(['A', 'B', 'Z']);
    expect(groups[0]!.entries.map((e) => e.service)).toEqual(['A-2', 'A-1']);
    expect(groups[0]!.name).toEqual(text('Alpha'));
    expect(groups[2]!.name).toBeNull();
  });
});

describe('progress', () => {
  // in_catalogue and scored as the server sends them.
  const entries = [
    entry('A-1', { level: 'basic', assignment: 'insource', insource: { as_is: '3', to_be: '5' }, in_catalogue: true, scored: true }),
    entry('A-2', { level: 'not_required' }),
    entry('A-3'),
    entry('A-4', { level: 'standard', assignment: 'both', insource: { as_is: '2', to_be: '4' }, outsource: { as_is: '2', to_be: null }, in_catalogue: true }),
    entry('A-5', { level: 'advanced', unassigned: { as_is: null, to_be: '3' }, in_catalogue: true, scored: true }),
  ];

  it('catalogue: every decided level counts, Not required too', () => {
    expect(catalogueProgress(entries)).toEqual({ done: 4, total: 5 });
  });

  it('profile: assigned services among those in the catalogue', () => {
    expect(profileProgress(entries)).toEqual({ done: 2, total: 3 });
  });

  it('portfolio: the services the server says are scored, among those in the catalogue', () => {
    expect(portfolioProgress(entries)).toEqual({ done: 2, total: 3 });
    expect(portfolioProgress([entry('X-1', { scored: true })])).toEqual({ done: 0, total: 0 });
  });

  it('never decides from the level itself', () => {
    expect(profileProgress([entry('X-1', { level: 'not_required', assignment: 'insource', in_catalogue: true })])).toEqual({ done: 1, total: 1 });
  });
});

describe('rubrics and scores', () => {
  it('reads the names an assignment needs from the vocabulary', () => {
    expect(needsOwner('outsource', vocabulary)).toBe(true); // this table's
    expect(needsProvider('outsource', vocabulary)).toBe(true);
    expect(needsProvider('insource', vocabulary)).toBe(false);
    expect(needsOwner('unassigned', vocabulary)).toBe(false);
    expect(needsOwner('insource', null)).toBe(false);
  });

  it('reads the pairs an assignment uses from the vocabulary', () => {
    expect(pairsOf('insource', vocabulary)).toEqual(['insource']);
    expect(pairsOf('both', vocabulary)).toEqual(['insource', 'outsource', 'unassigned']); // this table's
    expect(pairsOf('both', null)).toEqual([]);
  });

  it('reads level texts from the vocabulary, none for Unassigned', () => {
    expect(rubricTexts(vocabulary, 'outsource')?.['4']).toEqual(text('out 4'));
    expect(rubricTexts(vocabulary, 'insource')?.['n/a']).toEqual(text('in n/a'));
    expect(rubricTexts(vocabulary, 'unassigned')).toBeNull();
    expect(rubricTexts(null, 'insource')).toBeNull();
  });

  it('offers the scores the vocabulary lists for each side of each pair, none before it loads', () => {
    expect(scoreOptions('unassigned', 'as_is', vocabulary)).toEqual(['1', 'n/a']);
    expect(scoreOptions('unassigned', 'to_be', vocabulary)).toEqual(['1', '2', '3', '4', '5', 'n/a']);
    expect(scoreOptions('insource', 'as_is', vocabulary)).toEqual(['2', '3']);
    expect(scoreOptions('insource', 'as_is', null)).toEqual([]);
  });

  it("makes the vocabulary's whole-pair scores apply to both sides, and another value clear one on the other side", () => {
    const e = entry('A-1', { assignment: 'insource', insource: { as_is: '3', to_be: '5' } });
    const na = withScore(e, 'insource', 'to_be', 'n/a', vocabulary);
    expect(na.insource).toEqual({ as_is: 'n/a', to_be: 'n/a' });
    const back = withScore(na, 'insource', 'as_is', '2', vocabulary);
    expect(back.insource).toEqual({ as_is: '2', to_be: null });
    const plain = withScore(e, 'insource', 'as_is', '4', vocabulary);
    expect(plain.insource).toEqual({ as_is: '4', to_be: '5' });
    expect(e.insource).toEqual({ as_is: '3', to_be: '5' }); // not mutated
    // The rule is the vocabulary's: a table naming "1" makes "1" bind the pair, and n/a not.
    const ones = { ...vocabulary, whole_pair_scores: ['1'] } as Vocabulary;
    expect(withScore(e, 'insource', 'as_is', '1', ones).insource).toEqual({ as_is: '1', to_be: '1' });
    expect(withScore(e, 'insource', 'as_is', 'n/a', ones).insource).toEqual({ as_is: 'n/a', to_be: '5' });
    expect(withScore(e, 'insource', 'as_is', 'n/a', null).insource).toEqual({ as_is: 'n/a', to_be: '5' });
  });

  it('clears the scores a new assignment does not use, and says which', () => {
    const e = entry('A-1', { assignment: 'both', insource: { as_is: '3', to_be: '4' }, outsource: { as_is: '2', to_be: '5' } });
    const toIn = withAssignment(e, 'insource', vocabulary);
    expect(toIn.cleared).toEqual(['outsource']);
    expect(toIn.entry.insource).toEqual({ as_is: '3', to_be: '4' });
    expect(toIn.entry.outsource).toEqual({ as_is: null, to_be: null });
    const toBoth = withAssignment(entry('A-2', { assignment: 'insource', insource: { as_is: '1', to_be: '2' } }), 'both', vocabulary);
    expect(toBoth.cleared).toEqual([]);
    expect(withAssignment(e, 'unassigned', vocabulary).cleared).toEqual(['insource', 'outsource']);
    // The vocabulary decides: this table's Both keeps an Unassigned target.
    const withTarget = entry('A-3', { unassigned: { as_is: null, to_be: '3' } });
    expect(withAssignment(withTarget, 'both', vocabulary).cleared).toEqual([]);
    expect(withAssignment(withTarget, 'insource', vocabulary).cleared).toEqual(['unassigned']);
  });
});

describe('request bodies', () => {
  it('sends every editable field and nothing from the catalogue', () => {
    const e = entry('A-1', { level: 'basic', assignment: 'insource', owner: 'SOC', evidence: ['x'], sourcing: { information: 'external', specialist_skill: true } });
    const body = entryBody(e);
    expect(Object.keys(body).sort()).toEqual(
      ['assignment', 'capability', 'capacity', 'evidence', 'insource', 'level', 'outsource', 'owner', 'provider', 'rationale', 'sourcing', 'unassigned'].sort(),
    );
    expect(body.owner).toBe('SOC');
    expect(body.sourcing).toEqual({ information: 'external', specialist_skill: true });
    expect(body.evidence).not.toBe(e.evidence);
  });

  it('bulk: only entries that change, each with its own revision', () => {
    const entries = [
      entry('A-1', { assignment: 'insource', owner: 'SOC', revision: 4 }),
      entry('A-2', { assignment: 'outsource', owner: 'IT', revision: 7, outsource: { as_is: '2', to_be: '3' } }),
    ];
    const body = bulkBody(entries, { assignment: 'insource', owner: 'SOC' }, vocabulary);
    expect(body.services).toHaveLength(1);
    const item = body.services[0]!;
    expect(item.service).toBe('A-2');
    expect(item.revision).toBe(7);
    expect(item.assignment).toBe('insource');
    expect(item.owner).toBe('SOC');
    expect(item.outsource).toEqual({ as_is: null, to_be: null });
  });

  it('bulk: leaves fields the change does not name alone', () => {
    const e = entry('A-1', { assignment: 'outsource', owner: 'SOC', provider: 'MSSP' });
    expect(applyBulk(e, { provider: 'Other' }, vocabulary)).toMatchObject({ assignment: 'outsource', owner: 'SOC', provider: 'Other' });
    expect(applyBulk(e, { owner: '' }, vocabulary).owner).toBe('');
  });
});

describe('templates', () => {
  const entries = [
    entry('A-1', { level: 'basic', revision: 2 }),
    entry('A-2', { level: null, revision: 3 }),
    entry('A-3', { level: 'advanced', revision: 4 }),
    entry('X-1', { level: 'standard', custom: true }),
  ];
  const levels = [
    { service: 'A-1', level: 'basic' as const },
    { service: 'A-2', level: 'standard' as const },
    { service: 'A-3', level: 'optional' as const },
  ];

  it('lists the services whose level would change (custom services untouched)', () => {
    const diff = templateDiff(entries, levels);
    expect(diff.map((d) => [d.service, d.from, d.to])).toEqual([
      ['A-2', null, 'standard'],
      ['A-3', 'advanced', 'optional'],
    ]);
  });

  it('builds one PATCH with the new levels and the loaded revisions', () => {
    const body = templateBody(entries, templateDiff(entries, levels));
    expect(body.services.map((s) => [s.service, s.level, s.revision])).toEqual([
      ['A-2', 'standard', 3],
      ['A-3', 'optional', 4],
    ]);
  });
});

describe('quadrant advisor', () => {
  it('looks the quadrant up in the vocabulary, and back', () => {
    expect(quadrantOf({ information: 'internal', specialist_skill: true }, vocabulary)).toBe('IV');
    expect(quadrantOf({ information: 'external', specialist_skill: false }, vocabulary)).toBe('II');
    expect(quadrantOf(null, vocabulary)).toBeNull();
    expect(sourcingOfQuadrant('III', vocabulary)).toEqual({ information: 'external', specialist_skill: true });
  });

  it('warns exactly when the table says the assignment mismatches', () => {
    expect(advice('IV', 'both', vocabulary).mismatch).toEqual(text('IV both')); // only in this test table
    expect(advice('IV', 'outsource', vocabulary).mismatch).toBeNull();
    expect(advice('I', 'outsource', vocabulary).quadrant?.guidance).toEqual(text('keep inside'));
    expect(advice(null, 'insource', vocabulary)).toEqual({ quadrant: null, mismatch: null });
  });

  it('takes the default answers from the catalogue node, else from the server’s quadrant', () => {
    const node = { id: 'A-1', sourcing: { information: 'external', specialist_skill: false } } as unknown as CatalogueNode;
    expect(defaultSourcing(entry('A-1'), node, vocabulary)).toEqual({ information: 'external', specialist_skill: false });
    expect(defaultSourcing(entry('X-1', { quadrant: 'IV' }), undefined, vocabulary)).toEqual({ information: 'internal', specialist_skill: true });
    expect(defaultSourcing(entry('X-1', { quadrant: 'IV', sourcing: { information: 'external', specialist_skill: true } }), undefined, vocabulary)).toBeNull();
  });

  it('takes a saved entry as the server answers it, keeping what the answer lacks', () => {
    const before = entry('A-1', { name: text('Risk'), category: 'A', phase: 'strategic', quadrant: 'I', gap: 1 });
    const { name: _n, category: _c, phase: _p, custom: _cu, ...rest } = before;
    const saved: SavedServiceEntry = {
      ...rest,
      assignment: 'insource',
      revision: 2,
      quadrant: 'IV',
      quadrant_mismatch: text('server says'),
      gap: 3,
      profile_issues: ['quadrant_mismatch', 'missing_owner'],
    };
    const merged = withCatalogueData(saved, before);
    expect(merged.name).toEqual(text('Risk'));
    expect(merged.revision).toBe(2);
    expect(merged.quadrant).toBe('IV');
    expect(merged.quadrant_mismatch).toEqual(text('server says'));
    expect(merged.gap).toBe(3);
    expect(merged.profile_issues).toEqual(['quadrant_mismatch', 'missing_owner']);
  });

  it('splits a balance so assignment words can be translated', () => {
    expect(balanceParts('insource ≫ outsource')).toEqual([
      { word: 'insource', text: 'insource' },
      { word: null, text: '≫' },
      { word: 'outsource', text: 'outsource' },
    ]);
  });
});

describe('crosswalk, evidence, search, conflicts', () => {
  it('indexes crosswalk links by service', () => {
    const map = linksByService([
      { from: 'A-1', to: '3.1', relation: 'related' },
      { from: 'A-3', to: '3.2', relation: 'related' },
      { from: 'A-1', to: '3.2', relation: 'part-of' },
    ]);
    expect(map.get('A-1')?.map((l) => l.to)).toEqual(['3.1', '3.2']);
    expect(map.get('B-1')).toBeUndefined();
  });

  it('tells files, links and notes apart', () => {
    const sha = 'a'.repeat(64);
    expect(parseEvidence('evidence:sha256:' + sha)).toEqual({ kind: 'file', sha256: sha, ref: 'evidence:sha256:' + sha });
    expect(parseEvidence('https://intranet.example/x').kind).toBe('link');
    expect(parseEvidence('javascript:alert(1)').kind).toBe('text');
    expect(parseEvidence('Binder 3, shelf 2').kind).toBe('text');
  });

  it('adds evidence once and removes it', () => {
    const e = entry('A-1', { evidence: ['a'] });
    expect(withEvidence(e, ' b ').evidence).toEqual(['a', 'b']);
    expect(withEvidence(e, 'a')).toBe(e);
    expect(withoutEvidence(e, 'a').evidence).toEqual([]);
  });

  it('searches ids, names and descriptions in both languages', () => {
    const e = entry('E-3', { name: { en: 'Vulnerability assessment', ja: '脆弱性診断' } });
    expect(matchesQuery(e, 'e-3')).toBe(true);
    expect(matchesQuery(e, '脆弱性')).toBe(true);
    expect(matchesQuery(e, 'VULNER')).toBe(true);
    expect(matchesQuery(e, 'patch')).toBe(false);
    expect(matchesQuery(e, 'patch', { en: 'find what to patch', ja: '' })).toBe(true);
    expect(matchesQuery(e, '  ')).toBe(true);
  });

  it('flattens an entry for the conflict dialog and puts it back', () => {
    const e = entry('A-1', { level: 'basic', assignment: 'both', insource: { as_is: '2', to_be: '4' }, outsource: { as_is: 'n/a', to_be: 'n/a' }, owner: 'SOC' });
    const flat = flatten(e);
    expect(flat['insource.to_be']).toBe('4');
    expect(flat['outsource.as_is']).toBe('n/a');
    const changed = unflatten(e, { ...flat, 'insource.to_be': '5', owner: 'CSIRT' });
    expect(changed.insource).toEqual({ as_is: '2', to_be: '5' });
    expect(changed.owner).toBe('CSIRT');
    expect(changed.name).toEqual(e.name);
    expect(unflatten(e, flat)).toEqual(e);
  });
});
