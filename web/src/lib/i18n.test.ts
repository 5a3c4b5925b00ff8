import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dayStart, format, formatDate, formatDelta, formatScore, i18n, loc, t } from './i18n.svelte';

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

  describe('in a time zone east of UTC (Asia/Tokyo, +09:00)', () => {
    const zone = process.env.TZ;
    beforeAll(() => {
      process.env.TZ = 'Asia/Tokyo';
    });
    afterAll(() => {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    });

    it('shows timestamps in the local time zone, in each language', () => {
      i18n.set('en');
      // 23:05 UTC on 27 November is 08:05 on 28 November in Tokyo.
      expect(formatDate('2026-11-27T23:05:00.000Z', true)).toBe('28 Nov 2026, 08:05');
      expect(formatDate('2026-11-27T23:05:00Z')).toBe('28 Nov 2026');
      i18n.set('ja');
      expect(formatDate('2026-01-02T03:04:00Z', true)).toBe('2026/01/02 12:04');
    });

    it('keeps calendar dates as the day they name', () => {
      i18n.set('en');
      expect(formatDate('2026-06-20')).toBe('20 Jun 2026');
      expect(formatDate('2026-06-20', true)).toBe('20 Jun 2026');
      i18n.set('ja');
      expect(formatDate('2026-06-20')).toBe('2026/06/20');
      expect(formatDate('not a date')).toBe('not a date');
      expect(formatDate(null)).toBe('');
    });

    it('starts a local day at the instant the server would write for it', () => {
      expect(dayStart('2026-06-20')).toBe('2026-06-19T15:00:00.000Z');
      expect(dayStart('soon')).toBe('soon');
    });
  });

  it('shows timestamps in a zone west of UTC too (America/New_York)', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      i18n.set('en');
      expect(formatDate('2026-01-02T03:04:00Z', true)).toBe('1 Jan 2026, 22:04');
      expect(dayStart('2026-01-02')).toBe('2026-01-02T05:00:00.000Z');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('signs differences: "+0.28", "−0.50", "±0", "–" when unknown', () => {
    expect(formatDelta(0.28)).toBe('+0.28');
    expect(formatDelta(-0.5)).toBe('−0.50');
    expect(formatDelta(1)).toBe('+1.00');
    expect(formatDelta(-0.3, 1)).toBe('−0.3');
    expect(formatDelta(0)).toBe('±0');
    expect(formatDelta(null)).toBe('–');
  });

  it('shows scores with two decimals at most and a dash when missing', () => {
    expect(formatScore(3)).toBe('3');
    expect(formatScore(2.956)).toBe('2.96');
    expect(formatScore(null)).toBe('–');
  });
});
