// An audit record's before/after as a field-by-field comparison people can read: nested objects
// become dotted paths ("insource.as_is"), lists of records are keyed by their id ("services[A-1].level"),
// bilingual texts ({en, ja}) and lists of plain values stay whole.

export type Change = 'added' | 'removed' | 'changed' | 'same';

export interface DiffRow {
  path: string;
  before: unknown;
  after: unknown;
  change: Change;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A bilingual server text: exactly {en, ja} strings. */
export const isText = (v: unknown): v is { en: string; ja: string } =>
  isObject(v) && Object.keys(v).length === 2 && typeof v['en'] === 'string' && typeof v['ja'] === 'string';

const KEYS = ['id', 'service', 'sha256', 'username', 'user'] as const;

function keyOf(item: unknown): string | null {
  if (!isObject(item)) return null;
  for (const k of KEYS) {
    const v = item[k];
    if (typeof v === 'string' || typeof v === 'number') return String(v);
  }
  return null;
}

/** Leaf values by path. */
export function flatten(value: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (isObject(value) && !isText(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0 && prefix) out.set(prefix, value);
    for (const k of keys) flatten(value[k], prefix ? `${prefix}.${k}` : k, out);
    return out;
  }
  if (Array.isArray(value) && value.length > 0 && value.every((v) => isObject(v) && !isText(v))) {
    const keys = value.map(keyOf);
    const unique = keys.every((k) => k !== null) && new Set(keys).size === keys.length;
    value.forEach((item, i) => flatten(item, `${prefix}[${unique ? keys[i] : i}]`, out));
    return out;
  }
  out.set(prefix || '(value)', value);
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The fields of before and after, in first-seen order (before's, then after's new ones), each
 * marked added, removed, changed or same. A record with no before (a creation) lists after's
 * fields as added; with no after (a deletion), before's as removed.
 */
export function diffRecords(before: unknown, after: unknown): DiffRow[] {
  const b = before === null || before === undefined ? new Map<string, unknown>() : flatten(before);
  const a = after === null || after === undefined ? new Map<string, unknown>() : flatten(after);
  const paths = [...b.keys(), ...[...a.keys()].filter((k) => !b.has(k))];
  return paths.map((path) => {
    const hasB = b.has(path);
    const hasA = a.has(path);
    const bv = b.get(path);
    const av = a.get(path);
    const change: Change = !hasB ? 'added' : !hasA ? 'removed' : same(bv, av) ? 'same' : 'changed';
    return { path, before: hasB ? bv : undefined, after: hasA ? av : undefined, change };
  });
}

/** Counts by kind of change. */
export function summarise(rows: DiffRow[]): Record<Change, number> {
  const out: Record<Change, number> = { added: 0, removed: 0, changed: 0, same: 0 };
  for (const r of rows) out[r.change]++;
  return out;
}

/** A leaf value as text ("" for none); bilingual texts are picked with `pick`. */
export function display(value: unknown, pick: (t: { en: string; ja: string }) => string = (t) => t.en): string {
  if (value === undefined || value === null) return '';
  if (isText(value)) return pick(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) return value.map((v) => String(v)).join(', ');
  return JSON.stringify(value);
}

/** "services[A-1].insource.as_is" → the path without list keys ("services.insource.as_is"), for label lookup. */
export function plainPath(path: string): string {
  return path.replace(/\[[^\]]*\]/g, '');
}
