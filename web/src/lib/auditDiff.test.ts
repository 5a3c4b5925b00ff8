import { describe, expect, it } from 'vitest';
import { diffRecords, display, flatten, isText, plainPath, summarise } from './auditDiff';

describe('flatten', () => {
  it('turns nested objects into dotted paths', () => {
    const m = flatten({ level: 'basic', insource: { as_is: '3', to_be: '5' }, outsource: {} });
    expect([...m.entries()]).toEqual([
      ['level', 'basic'],
      ['insource.as_is', '3'],
      ['insource.to_be', '5'],
      ['outsource', {}],
    ]);
  });

  it('keys lists of records by their id', () => {
    const m = flatten({ services: [{ service: 'A-1', level: 'basic' }, { service: 'A-2', level: null }] });
    expect([...m.keys()]).toEqual(['services[A-1].service', 'services[A-1].level', 'services[A-2].service', 'services[A-2].level']);
  });

  it('falls back to positions when records have no unique id', () => {
    const m = flatten({ history: [{ date: '2026-01-01' }, { date: '2026-02-01' }] });
    expect([...m.keys()]).toEqual(['history[0].date', 'history[1].date']);
  });

  it('keeps bilingual texts and lists of plain values whole', () => {
    const m = flatten({ name: { en: 'Risk', ja: 'リスク' }, evidence: ['a', 'b'] });
    expect(m.get('name')).toEqual({ en: 'Risk', ja: 'リスク' });
    expect(m.get('evidence')).toEqual(['a', 'b']);
    expect(isText({ en: 'a', ja: 'b' })).toBe(true);
    expect(isText({ en: 'a', ja: 'b', x: 1 })).toBe(false);
  });

  it('names a plain value', () => {
    expect([...flatten('changed').entries()]).toEqual([['(value)', 'changed']]);
  });
});

describe('diffRecords', () => {
  it('marks changed and unchanged fields of an update', () => {
    const rows = diffRecords(
      { level: 'basic', owner: 'SOC', insource: { as_is: '2', to_be: '4' } },
      { level: 'standard', owner: 'SOC', insource: { as_is: '3', to_be: '4' } },
    );
    expect(rows).toEqual([
      { path: 'level', before: 'basic', after: 'standard', change: 'changed' },
      { path: 'owner', before: 'SOC', after: 'SOC', change: 'same' },
      { path: 'insource.as_is', before: '2', after: '3', change: 'changed' },
      { path: 'insource.to_be', before: '4', after: '4', change: 'same' },
    ]);
    expect(summarise(rows)).toEqual({ added: 0, removed: 0, changed: 2, same: 2 });
  });

  it('lists a creation as added fields and a deletion as removed ones', () => {
    expect(diffRecords(null, { role: 'viewer' })).toEqual([{ path: 'role', before: undefined, after: 'viewer', change: 'added' }]);
    expect(diffRecords({ role: 'admin' }, null)).toEqual([{ path: 'role', before: 'admin', after: undefined, change: 'removed' }]);
  });

  it('adds fields only after has, after before’s', () => {
    const rows = diffRecords({ a: 1 }, { b: 2, a: 1 });
    expect(rows.map((r) => `${r.path}:${r.change}`)).toEqual(['a:same', 'b:added']);
  });

  it('compares lists of plain values whole', () => {
    const rows = diffRecords({ evidence: ['x'] }, { evidence: ['x', 'y'] });
    expect(rows).toEqual([{ path: 'evidence', before: ['x'], after: ['x', 'y'], change: 'changed' }]);
  });

  it('treats null and missing alike when comparing', () => {
    expect(diffRecords({ due: null }, { due: null })[0]!.change).toBe('same');
  });

  it('gives nothing for nothing', () => {
    expect(diffRecords(null, null)).toEqual([]);
  });
});

describe('display', () => {
  it('shows values as text', () => {
    expect(display(null)).toBe('');
    expect(display(undefined)).toBe('');
    expect(display(true)).toBe('true');
    expect(display(3)).toBe('3');
    expect(display(['a', 'b'])).toBe('a, b');
    expect(display({ en: 'Risk', ja: 'リスク' }, (t) => t.ja)).toBe('リスク');
    expect(display({ x: 1 })).toBe('{"x":1}');
  });

  it('drops list keys from a path for label lookup', () => {
    expect(plainPath('services[A-1].insource.as_is')).toBe('services.insource.as_is');
  });
});
