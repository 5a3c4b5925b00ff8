// Words for the browser's vocabulary: kinds of items, crosswalk relations (read either way),
// catalogue names and alias sources, in the user's language.
import { loc, t } from '../../lib/i18n.svelte';
import type { Text } from '../../lib/types';
import type { Field } from '../../lib/search';

export function kindLabel(kind: string): string {
  switch (kind) {
    case 'category': return t('browser.kind.category');
    case 'service': return t('browser.kind.service');
    case 'area': return t('browser.kind.area');
    case 'function': return t('browser.kind.function');
    case 'internal': return t('browser.kind.internal');
    default: return kind;
  }
}

type Family = 'x1060' | 'first' | null;
const family = (catalogueId: string): Family =>
  catalogueId.startsWith('x1060') ? 'x1060' : catalogueId.startsWith('first') ? 'first' : null;

/** The catalogue's name for a column heading. */
export function catalogueShort(catalogueId: string, title: Text): string {
  const f = family(catalogueId);
  return f === 'x1060' ? t('browser.x1060.short') : f === 'first' ? t('browser.first.short') : loc(title);
}

/** The catalogue's name in a sentence or a count ("X.1060", "FIRST"). */
export function catalogueTiny(catalogueId: string, title: Text): string {
  const f = family(catalogueId);
  return f === 'x1060' ? t('browser.x1060.tiny') : f === 'first' ? t('browser.first.tiny') : loc(title);
}

/** A relation as seen from the selected item ('reverse': from the crosswalk's "to" side). */
export function relationLabel(relation: string, reading: 'forward' | 'reverse'): string {
  if (relation === 'equivalent') return t('browser.relation.equivalent');
  if (relation === 'part-of') return reading === 'forward' ? t('browser.relation.partOf') : t('browser.relation.includes');
  if (relation === 'related') return t('browser.relation.related');
  return relation;
}

export function relationExplain(relation: string, reading: 'forward' | 'reverse', from: string, to: string): string {
  if (relation === 'equivalent') return t('browser.relation.equivalent.explain');
  if (relation === 'part-of')
    return reading === 'forward' ? t('browser.relation.partOf.explain', { from, to }) : t('browser.relation.includes.explain', { from, to });
  if (relation === 'related') return t('browser.relation.related.explain');
  return t('browser.relation.other.explain', { relation });
}

/** Where an alias comes from, in words. */
export function aliasSource(source: string): string {
  if (/isog-j/i.test(source)) return t('browser.alias.isogj', { year: source.match(/\d{4}/)?.[0] ?? '' }).replace(/（年版）|\s+$/u, '');
  if (/translation/i.test(source)) return t('browser.alias.translation');
  return source;
}

export function fieldLabel(field: Field): string {
  switch (field) {
    case 'id': return t('browser.match.id');
    case 'alias': return t('browser.match.alias');
    case 'name.en': return t('browser.match.name.en');
    case 'name.ja': return t('browser.match.name.ja');
    case 'description.en': return t('browser.match.description.en');
    case 'description.ja': return t('browser.match.description.ja');
  }
}
