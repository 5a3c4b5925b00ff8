import { describe, expect, it } from 'vitest';
import {
  ancestors,
  containedCounterparts,
  counterparts,
  coverageMap,
  descendants,
  groupByRelation,
  indexCrosswalk,
  inheritedCounterparts,
  isKnownRelation,
  other,
  type CrosswalkDocument,
  type TreeNode,
} from './crosswalk';

// Links as in catalogs/crosswalk-x1060-first.yaml (a slice).
const doc: CrosswalkDocument = {
  id: 'crosswalk-x1060-first',
  from_catalog: 'x1060-2021',
  to_catalog: 'first-csirt-1.1',
  links: [
    { from: 'A-2', to: '3.1', relation: 'equivalent' },
    { from: 'A-1', to: '3.1', relation: 'related' },
    { from: 'D-2', to: '1.1', relation: 'equivalent' },
    { from: 'D-3', to: '1.1.1', relation: 'part-of' },
    { from: 'A-9', to: '1.1.1', relation: 'related' },
    { from: 'D-7', to: '1.1.2', relation: 'related' },
    { from: 'D-7', to: '1.1.4', relation: 'related' },
    { from: 'D-6', to: '1.1.4', relation: 'part-of' },
    { from: 'D-6', to: '1.1.4', relation: 'part-of' }, // a duplicate is kept once
    { from: 'X-9', to: '9.9', relation: 'overlaps' }, // a relation this UI does not know yet
  ],
  unmatched_from: [{ id: 'A-7', note: { en: 'No FIRST item for resourcing.', ja: 'FIRSTに該当項目なし。' } }],
  unmatched_to: [{ id: '1.1.5', note: { en: 'News media.', ja: '報道対応。' } }],
};

const first: TreeNode[] = [
  { id: '1', parent: null },
  { id: '1.1', parent: '1' },
  { id: '1.1.1', parent: '1.1' },
  { id: '1.1.2', parent: '1.1' },
  { id: '1.1.5', parent: '1.1' },
  { id: '1.2', parent: '1' },
  { id: '1.2.3', parent: '1.2' },
  { id: '3', parent: null },
  { id: '3.1', parent: '3' },
  { id: '3.1.1', parent: '3.1' },
];
const firstById = new Map(first.map((n) => [n.id, n]));

describe('indexCrosswalk', () => {
  const index = indexCrosswalk(doc);

  it('finds the counterparts of an item of either side', () => {
    expect(counterparts(index, 'from', 'D-7')).toEqual([
      { id: '1.1.2', relation: 'related', reading: 'forward' },
      { id: '1.1.4', relation: 'related', reading: 'forward' },
    ]);
    expect(counterparts(index, 'to', '3.1')).toEqual([
      { id: 'A-2', relation: 'equivalent', reading: 'reverse' },
      { id: 'A-1', relation: 'related', reading: 'reverse' },
    ]);
  });

  it('is symmetric: every link can be walked there and back', () => {
    for (const l of doc.links) {
      expect(counterparts(index, 'from', l.from).some((c) => c.id === l.to && c.relation === l.relation)).toBe(true);
      expect(counterparts(index, 'to', l.to).some((c) => c.id === l.from && c.relation === l.relation)).toBe(true);
    }
  });

  it('keeps a repeated link once', () => {
    expect(counterparts(index, 'to', '1.1.4')).toEqual([
      { id: 'D-7', relation: 'related', reading: 'reverse' },
      { id: 'D-6', relation: 'part-of', reading: 'reverse' },
    ]);
  });

  it('gives nothing for an item without links', () => {
    expect(counterparts(index, 'from', 'A-7')).toEqual([]);
    expect(counterparts(index, 'to', 'nope')).toEqual([]);
  });

  it('keeps the notes of the items the crosswalk lists as unmatched', () => {
    expect(index.unmatched.from.get('A-7')?.en).toMatch(/resourcing/);
    expect(index.unmatched.to.get('1.1.5')?.ja).toBe('報道対応。');
    expect(index.unmatched.to.has('A-7')).toBe(false);
  });

  it('tolerates missing unmatched lists', () => {
    const bare = indexCrosswalk({ ...doc, unmatched_from: null, unmatched_to: null });
    expect(bare.unmatched.from.size).toBe(0);
  });

  it('knows the other side', () => {
    expect(other('from')).toBe('to');
    expect(other('to')).toBe('from');
  });
});

describe('groupByRelation', () => {
  const index = indexCrosswalk(doc);

  it('orders equivalent, part-of, related', () => {
    const groups = groupByRelation([
      { id: 'a', relation: 'related', reading: 'forward' },
      { id: 'b', relation: 'part-of', reading: 'forward' },
      { id: 'c', relation: 'equivalent', reading: 'forward' },
      { id: 'd', relation: 'related', reading: 'forward' },
    ]);
    expect(groups.map((g) => g.relation)).toEqual(['equivalent', 'part-of', 'related']);
    expect(groups[2]!.items.map((c) => c.id)).toEqual(['a', 'd']);
  });

  it('keeps the reading of each group', () => {
    const groups = groupByRelation(counterparts(index, 'to', '1.1.1'));
    expect(groups).toEqual([
      { relation: 'part-of', reading: 'reverse', items: [{ id: 'D-3', relation: 'part-of', reading: 'reverse' }] },
      { relation: 'related', reading: 'reverse', items: [{ id: 'A-9', relation: 'related', reading: 'reverse' }] },
    ]);
  });

  it('puts unknown relations last, still shown', () => {
    const groups = groupByRelation([
      { id: 'x', relation: 'overlaps', reading: 'forward' },
      { id: 'y', relation: 'related', reading: 'forward' },
    ]);
    expect(groups.map((g) => g.relation)).toEqual(['related', 'overlaps']);
    expect(isKnownRelation('overlaps')).toBe(false);
    expect(isKnownRelation('part-of')).toBe(true);
  });

  it('gives no group for no counterpart', () => {
    expect(groupByRelation([])).toEqual([]);
  });
});

describe('the hierarchy', () => {
  const index = indexCrosswalk(doc);

  it('walks up and down', () => {
    expect(ancestors(firstById, '1.1.1')).toEqual(['1.1', '1']);
    expect(ancestors(firstById, '1')).toEqual([]);
    expect(descendants(first, '1')).toEqual(['1.1', '1.1.1', '1.1.2', '1.1.5', '1.2', '1.2.3']);
    expect(descendants(first, '1.1.1')).toEqual([]);
  });

  it('finds counterparts through a parent', () => {
    expect(inheritedCounterparts(index, 'to', firstById, '1.1.2')).toEqual([
      { via: '1.1', counterpart: { id: 'D-2', relation: 'equivalent', reading: 'reverse' } },
    ]);
  });

  it('finds counterparts through contained items', () => {
    const found = containedCounterparts(index, 'to', first, '1.1').map((x) => `${x.via}:${x.counterpart.id}`);
    expect(found).toEqual(['1.1.1:D-3', '1.1.1:A-9', '1.1.2:D-7']);
  });

  it('marks each item direct, inherited, contained or none', () => {
    const map = coverageMap(index, 'to', first);
    expect(map.get('1.1')).toBe('direct');
    expect(map.get('1.1.1')).toBe('direct');
    expect(map.get('1')).toBe('contained');
    expect(map.get('3')).toBe('contained');
    expect(map.get('3.1.1')).toBe('inherited');
    // Listed as unmatched: none, even though its parent has a counterpart.
    expect(map.get('1.1.5')).toBe('none');
    // No link anywhere above or below.
    expect(map.get('1.2')).toBe('none');
    expect(map.get('1.2.3')).toBe('none');
  });
});
