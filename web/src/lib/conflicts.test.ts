import { describe, expect, it } from 'vitest';
import { differences, resolve } from './conflicts';

interface Entry { level: string; owner: string; evidence: string[]; revision: number }

const base: Entry = { level: 'basic', owner: 'SOC', evidence: [], revision: 3 };

describe('conflicts', () => {
  it('lists only the fields where my edit and the saved record differ', () => {
    const mine = { ...base, level: 'advanced' };
    const theirs = { ...base, owner: 'CSIRT', revision: 4 };
    const d = differences(base, mine, theirs, ['level', 'owner', 'evidence']);
    expect(d).toEqual([
      { field: 'level', mine: 'advanced', theirs: 'basic', suggested: 'mine' },
      { field: 'owner', mine: 'SOC', theirs: 'CSIRT', suggested: 'theirs' },
    ]);
  });

  it('suggests mine where both changed the same field, and shows both values', () => {
    const d = differences(base, { ...base, owner: 'Me' }, { ...base, owner: 'Them' }, ['owner']);
    expect(d).toEqual([{ field: 'owner', mine: 'Me', theirs: 'Them', suggested: 'mine' }]);
  });

  it('compares lists and objects by value', () => {
    const d = differences(base, { ...base, evidence: ['a'] }, { ...base, evidence: ['a'] }, ['evidence']);
    expect(d).toEqual([]);
  });

  it('resolves to the saved record with my value where I chose mine, keeping its revision', () => {
    const mine = { ...base, level: 'advanced', owner: 'Me' };
    const theirs = { ...base, owner: 'Them', revision: 4 };
    const out = resolve(mine, theirs, { level: 'mine', owner: 'theirs' });
    expect(out).toEqual({ level: 'advanced', owner: 'Them', evidence: [], revision: 4 });
    expect(theirs.level).toBe('basic'); // not mutated
  });
});
