import { afterEach, describe, expect, it } from 'vitest';
import { format, formatDate, formatScore, i18n, loc, t } from './i18n.svelte';

describe('i18n', () => {
  afterEach(() => i18n.set('en'));

  it('looks messages up in the current language and fills placeholders', () => {
    i18n.set('en');
    expect(t('app.signedInAs', { name: 'alice' })).toBe('Signed in as alice');
    i18n.set('ja');
    expect(t('app.signedInAs', { name: 'alice' })).toBe('alice でサインイン中');
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it('picks server texts in the current language, falling back to the other', () => {
    i18n.set('ja');
    expect(loc({ en: 'Risk', ja: 'リスク' })).toBe('リスク');
    expect(loc({ en: 'Only English', ja: '' })).toBe('Only English');
    expect(loc(null)).toBe('');
  });

  it('formats dates and times in UTC for each language', () => {
    i18n.set('en');
    expect(formatDate('2026-06-20')).toBe('20 Jun 2026');
    expect(formatDate('2026-11-27T23:05:00.000Z', true)).toBe('27 Nov 2026, 23:05');
    i18n.set('ja');
    expect(formatDate('2026-06-20')).toBe('2026/06/20');
    expect(formatDate('2026-01-02T03:04:00Z', true)).toBe('2026/01/02 03:04');
    expect(formatDate('not a date')).toBe('not a date');
    expect(formatDate(null)).toBe('');
  });

  it('shows scores with two decimals at most and a dash when missing', () => {
    expect(formatScore(3)).toBe('3');
    expect(formatScore(2.956)).toBe('2.96');
    expect(formatScore(null)).toBe('–');
  });
});
