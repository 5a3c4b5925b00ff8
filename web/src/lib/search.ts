// Search across languages: text is folded so that full-width and half-width forms, upper and
// lower case, katakana and hiragana, the many dash characters and the middle dots all compare
// equal, and every folded position remembers where it came from, so a match can be highlighted in
// the original.
//
// Folding is compatibility decomposition (NFKD: the same equivalence as NFKC, but it works one
// character at a time, which keeps the position map exact), then lower case, then katakana →
// hiragana, then every dash → "-", every middle dot → "・" and every space → " ".

/** Text folded for comparison, with, for each folded UTF-16 unit, the original range it came from. */
export interface Folded {
  text: string;
  /** starts[i] / ends[i]: the original [start, end) of the character that produced folded unit i. */
  starts: number[];
  ends: number[];
}

// Hyphens, dashes and minus signs (not the long-vowel mark ー, which belongs to Japanese words).
const DASHES = /[\u2010-\u2015\u2212\u2E3A\u2E3B\uFE58\uFE63\uFF0D]/g;
// The Latin middle dot "·" (U+00B7; Greek U+0387 decomposes to it), which text pasted from PDFs
// has where Japanese writes "・" (U+30FB). Half-width "･" (U+FF65) already decomposes to "・".
const MIDDLE_DOTS = /\u00B7/g;

function foldChar(ch: string): string {
  let out = ch.normalize('NFKD').toLowerCase();
  // Katakana (ァ U+30A1 … ヶ U+30F6, ヽヾ) → hiragana: the same sound, 0x60 apart.
  out = out.replace(/[\u30A1-\u30F6\u30FD\u30FE]/g, (k) => String.fromCharCode(k.charCodeAt(0) - 0x60));
  out = out.replace(DASHES, '-');
  out = out.replace(MIDDLE_DOTS, '\u30FB');
  if (/^\s+$/u.test(out)) out = ' ';
  return out;
}

/** The folded text and its map back to the original. */
export function foldWithMap(text: string): Folded {
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let index = 0;
  for (const ch of text) {
    const f = foldChar(ch);
    for (let i = 0; i < f.length; i++) {
      starts.push(index);
      ends.push(index + ch.length);
    }
    folded += f;
    index += ch.length;
  }
  return { text: folded, starts, ends };
}

/** Text folded for comparison (see the top of this file). */
export function fold(text: string): string {
  return foldWithMap(text).text;
}

/** The search terms of a query: folded, split at spaces (full-width ones too), empty ones dropped. */
export function terms(query: string): string[] {
  return fold(query)
    .split(' ')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** The ranges [start, end) of the original text where any term matches, merged and in order. */
export function matchRanges(text: string, queryTerms: string[]): [number, number][] {
  if (!text || queryTerms.length === 0) return [];
  const f = foldWithMap(text);
  const ranges: [number, number][] = [];
  for (const term of queryTerms) {
    let from = 0;
    for (;;) {
      const at = f.text.indexOf(term, from);
      if (at < 0) break;
      ranges.push([f.starts[at]!, f.ends[at + term.length - 1]!]);
      from = at + Math.max(term.length, 1);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

export interface Segment {
  text: string;
  match: boolean;
}

/** The text cut into plain and matching pieces, for <mark>. */
export function highlight(text: string, queryTerms: string[]): Segment[] {
  const ranges = matchRanges(text, queryTerms);
  if (ranges.length === 0) return text ? [{ text, match: false }] : [];
  const out: Segment[] = [];
  let at = 0;
  for (const [s, e] of ranges) {
    if (s > at) out.push({ text: text.slice(at, s), match: false });
    out.push({ text: text.slice(s, e), match: true });
    at = e;
  }
  if (at < text.length) out.push({ text: text.slice(at), match: false });
  return out;
}

/** A window of about `radius` characters either side of the first match, with "…" where cut. */
export function snippet(text: string, queryTerms: string[], radius = 60): string {
  const first = matchRanges(text, queryTerms)[0];
  if (!first) return text.length > radius * 2 ? text.slice(0, radius * 2).trimEnd() + '…' : text;
  const start = Math.max(0, first[0] - radius);
  const end = Math.min(text.length, first[1] + radius);
  return (start > 0 ? '…' : '') + text.slice(start, end).trim() + (end < text.length ? '…' : '');
}

/** What a search looks at in one catalogue item. */
export interface Searchable {
  id: string;
  name: { en: string; ja: string };
  description: { en: string; ja: string };
  /** Other names and numbers (ISOG-J names, the translation's numbering). */
  aliases: string[];
}

export type Field = 'id' | 'alias' | 'name.en' | 'name.ja' | 'description.en' | 'description.ja';

/** How well one term matched, lower is better. */
export const Rank = {
  idExact: 0,
  aliasExact: 1,
  idPrefix: 2,
  nameExact: 3,
  aliasPart: 4,
  nameWordStart: 5,
  namePart: 6,
  description: 10,
} as const;

export interface Hit {
  id: string;
  /** The sum over the terms of each one's best rank (lower is better). */
  rank: number;
  /** Every field where some term matched. */
  fields: Field[];
  /** The best field of the best term (what to tell the user matched). */
  best: Field;
}

/** An id or a number-like alias ("2.4", "A-1"): matched whole or as a prefix, never inside. */
const idLike = (s: string) => /^[\p{L}]{0,3}[-.\d]*\d[-.\d]*$/u.test(s) || /^[\p{L}]{1,3}$/u.test(s);

/** Does the term start a word of the text (after a space, a dash, a slash or punctuation)? */
function startsWord(text: string, term: string): boolean {
  let from = 0;
  for (;;) {
    const at = text.indexOf(term, from);
    if (at < 0) return false;
    if (at === 0 || /[\s\-/・（(「:,.、]/u.test(text[at - 1]!)) return true;
    from = at + 1;
  }
}

/** Items folded once, to search many times. */
export interface Prepared {
  item: Searchable;
  order: number;
  id: string;
  aliases: string[];
  nameEn: string;
  nameJa: string;
  descEn: string;
  descJa: string;
}

/** Folds the items once; pass the result to `searchIndex` as the user types. */
export function buildIndex(items: Searchable[]): Prepared[] {
  return items.map((item, order) => ({
    item,
    order,
    id: fold(item.id),
    aliases: item.aliases.map(fold),
    nameEn: fold(item.name.en),
    nameJa: fold(item.name.ja),
    descEn: fold(item.description.en),
    descJa: fold(item.description.ja),
  }));
}

function bestFor(p: Prepared, term: string): { rank: number; field: Field; fields: Field[] } | null {
  let rank = Infinity;
  let field: Field = 'id';
  const fields: Field[] = [];
  const consider = (r: number, f: Field) => {
    if (!fields.includes(f)) fields.push(f);
    if (r < rank) {
      rank = r;
      field = f;
    }
  };
  if (p.id === term) consider(Rank.idExact, 'id');
  else if (p.id.startsWith(term) && idLike(p.id)) consider(Rank.idPrefix, 'id');
  for (const a of p.aliases) {
    if (a === term) consider(Rank.aliasExact, 'alias');
    else if (idLike(a) ? a.startsWith(term) : a.includes(term)) consider(Rank.aliasPart, 'alias');
  }
  for (const [name, f] of [[p.nameEn, 'name.en'], [p.nameJa, 'name.ja']] as const) {
    if (name === term) consider(Rank.nameExact, f);
    else if (startsWord(name, term)) consider(Rank.nameWordStart, f);
    else if (name.includes(term)) consider(Rank.namePart, f);
  }
  if (p.descEn.includes(term)) consider(Rank.description, 'description.en');
  if (p.descJa.includes(term)) consider(Rank.description, 'description.ja');
  return fields.length ? { rank, field, fields } : null;
}

/**
 * The items every term of the query matches (in any field, either language), best first:
 * an exact id, then an exact alias, then ids that start with it, then names, then descriptions;
 * equal ranks keep the catalogue's order. An empty query finds nothing.
 */
export function search(items: Searchable[], query: string): Hit[] {
  return searchIndex(buildIndex(items), query);
}

/** `search` over items folded beforehand with `buildIndex`. */
export function searchIndex(index: Prepared[], query: string): Hit[] {
  const want = terms(query);
  if (want.length === 0) return [];
  const hits: (Hit & { order: number })[] = [];
  for (const p of index) {
    let rank = 0;
    let best: Field = 'id';
    let bestRank = Infinity;
    const fields: Field[] = [];
    let all = true;
    for (const term of want) {
      const b = bestFor(p, term);
      if (!b) {
        all = false;
        break;
      }
      rank += b.rank;
      if (b.rank < bestRank) {
        bestRank = b.rank;
        best = b.field;
      }
      for (const f of b.fields) if (!fields.includes(f)) fields.push(f);
    }
    if (all) hits.push({ id: p.item.id, rank, fields, best, order: p.order });
  }
  hits.sort((a, b) => a.rank - b.rank || a.order - b.order);
  return hits.map(({ id, rank, fields, best }) => ({ id, rank, fields, best }));
}
