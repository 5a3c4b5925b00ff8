// Every message exists in both languages, is not empty, and uses the same placeholders in both;
// no key is defined by two modules (a later one would silently win).
import { describe, expect, it } from 'vitest';
import { en, ja, modules } from './index';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  for (const [name, module] of Object.entries(modules)) {
    describe(name, () => {
      const enKeys = Object.keys(module.en).sort();
      const jaKeys = Object.keys(module.ja).sort();

      it('has the same keys in Japanese and English', () => {
        expect(jaKeys.filter((k) => !enKeys.includes(k)), 'keys only in ja').toEqual([]);
        expect(enKeys.filter((k) => !jaKeys.includes(k)), 'keys missing in ja').toEqual([]);
      });

      it('has no empty message', () => {
        const table = { ...module.en, ...module.ja } as Record<string, string>;
        const empty = Object.entries(module.en as Record<string, string>)
          .concat(Object.entries(module.ja as Record<string, string>))
          .filter(([, v]) => v.trim() === '')
          .map(([k]) => k);
        expect(empty).toEqual([]);
        expect(Object.keys(table).length).toBeGreaterThan(0);
      });

      it('uses the same placeholders in both languages', () => {
        const mismatched = enKeys.filter(
          (k) =>
            JSON.stringify(placeholders((module.en as Record<string, string>)[k]!)) !==
            JSON.stringify(placeholders((module.ja as Record<string, string>)[k] ?? '')),
        );
        expect(mismatched).toEqual([]);
      });
    });
  }

  it('defines each key in one module only', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [name, module] of Object.entries(modules))
      for (const key of Object.keys(module.en)) {
        if (seen.has(key)) twice.push(`${key} (${seen.get(key)} and ${name})`);
        seen.set(key, name);
      }
    expect(twice).toEqual([]);
  });

  it('merges every module into the two catalogues', () => {
    const total = Object.values(modules).reduce((n, m) => n + Object.keys(m.en).length, 0);
    expect(Object.keys(en)).toHaveLength(total);
    expect(Object.keys(ja)).toHaveLength(total);
  });

  it('writes Japanese in Japanese', () => {
    // A Japanese message identical to the English one is a missed translation, except for
    // names and codes that are the same in both.
    const same = (Object.keys(en) as (keyof typeof en)[]).filter(
      (k) => en[k] === ja[k] && /[a-z]{4,}/i.test(en[k]) && !/^[A-Z0-9 .\-/()]+$/.test(en[k]) && k !== 'app.name',
    );
    expect(same).toEqual([]);
  });
});
