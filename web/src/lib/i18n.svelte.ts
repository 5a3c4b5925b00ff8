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

/**
 * A date or timestamp for people, in the current language, in UTC: "2026/06/20 14:05" in
 * Japanese, "20 Jun 2026, 14:05" in English. Written by hand rather than with Intl.DateTimeFormat:
 * the first Japanese formatter costs Chromium ~70 ms of locale data on the first page load.
 */
export function formatDate(iso: string | null | undefined, withTime = false): string {
  if (!iso) return '';
  const date = new Date(iso.length === 10 ? iso + 'T00:00:00Z' : iso);
  if (Number.isNaN(date.getTime())) return iso;
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  const d = date.getUTCDate();
  const time = withTime ? `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}` : '';
  if (i18n.lang === 'ja') return `${y}/${pad(m + 1)}/${pad(d)}` + (time ? ' ' + time : '');
  return `${d} ${MONTHS[m]} ${y}` + (time ? ', ' + time : '');
}

/** A score or mean for display: two decimals at most, "–" when missing. */
export function formatScore(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}
