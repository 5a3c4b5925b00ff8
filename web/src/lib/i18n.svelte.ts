// Every string a user sees comes from the message catalogues (src/lib/messages), in Japanese and
// English; `t` looks a key up in the current language. Texts from the server (service names,
// rubric levels, finding messages) arrive in both languages and are picked with `loc`.
import { en, ja, type MessageKey } from './messages';
import type { Lang, Text } from './types';

const catalogues: Record<Lang, Record<MessageKey, string>> = { en, ja };

function initialLang(): Lang {
  const stored = globalThis.localStorage?.getItem('cdcwb.lang');
  if (stored === 'en' || stored === 'ja') return stored;
  const browser = globalThis.navigator?.language ?? 'en';
  return browser.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

class I18n {
  lang = $state<Lang>(initialLang());

  set(lang: Lang): void {
    this.lang = lang;
    globalThis.localStorage?.setItem('cdcwb.lang', lang);
    if (globalThis.document) document.documentElement.lang = lang;
  }
}

export const i18n = new I18n();

/** Replaces {name} placeholders with the given values. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The message `key` in the current language. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return format(catalogues[i18n.lang][key], params);
}

/** A server text in the current language (the other language when this one is empty). */
export function loc(text: Text | null | undefined): string {
  if (!text) return '';
  const lang = i18n.lang;
  return text[lang] || text[lang === 'ja' ? 'en' : 'ja'];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A date or timestamp for people, in the current language: "2026/06/20 14:05" in Japanese,
 * "20 Jun 2026, 14:05" in English. A calendar date ("2026-06-20": an evaluation's date, a due
 * date) is that day wherever the reader is; a timestamp (an audit record, `updated_at`, a token's
 * use) is shown in the browser's time zone. Written by hand rather than with Intl.DateTimeFormat:
 * the first Japanese formatter costs Chromium ~70 ms of locale data on the first page load.
 */
export function formatDate(iso: string | null | undefined, withTime = false): string {
  if (!iso) return '';
  const calendar = CALENDAR_DATE.exec(iso);
  let y: number, m: number, d: number;
  let time = '';
  if (calendar) {
    [y, m, d] = [Number(calendar[1]), Number(calendar[2]) - 1, Number(calendar[3])];
  } else {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return iso;
    [y, m, d] = [date.getFullYear(), date.getMonth(), date.getDate()];
    if (withTime) time = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  }
  if (i18n.lang === 'ja') return `${y}/${pad(m + 1)}/${pad(d)}` + (time ? ' ' + time : '');
  return `${d} ${MONTHS[m]} ${y}` + (time ? ', ' + time : '');
}

/**
 * The instant a calendar day starts in the browser's time zone, as the server writes timestamps
 * ("2026-06-19T15:00:00.000Z" for 20 June in Tokyo): for filters over timestamps shown in local time.
 */
export function dayStart(date: string): string {
  const calendar = CALENDAR_DATE.exec(date);
  if (!calendar) return date;
  const local = new Date(Number(calendar[1]), Number(calendar[2]) - 1, Number(calendar[3]));
  return local.toISOString();
}

/** A signed difference for people: "+0.25", "−0.50", "±0", "–" when unknown. `digits` for axis ticks. */
export function formatDelta(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined) return '–';
  if (value === 0) return '±0';
  return (value > 0 ? '+' : '−') + Math.abs(value).toFixed(digits);
}

/** A score or mean for display: two decimals at most, "–" when missing. */
export function formatScore(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}
