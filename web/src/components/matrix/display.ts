// How the matrix's values read, in the user's language: names from the server's vocabulary,
// the rest from the "matrix." messages.
import { loc, t } from '../../lib/i18n.svelte';
import { en, type MessageKey } from '../../lib/messages';
import { isScoreColumn, plainField, scoreCell, type ColumnKey, type Side } from '../../lib/matrix';
import { rubricTexts } from '../../lib/build';
import type { Named, ScoreValue, Vocabulary } from '../../lib/types';

export function nameOf(list: readonly Named[] | undefined, id: string | null): string {
  if (id === null) return '';
  const found = list?.find((n) => n.id === id);
  return found ? loc(found.name) : id;
}

export function levelName(vocabulary: Vocabulary | null, level: string | null): string {
  return level === null ? t('matrix.level.undecided') : nameOf(vocabulary?.levels, level);
}

export function assignmentName(vocabulary: Vocabulary | null, assignment: string): string {
  return nameOf(vocabulary?.assignments, assignment);
}

export function scoreText(value: ScoreValue | string | null): string {
  if (value === null || value === '') return '–';
  return value === 'n/a' ? t('matrix.na') : value;
}

export function sideName(side: Side): string {
  return t(`matrix.col.${side}`);
}

/** A column's full name, for headers read aloud and editors' labels. */
export function columnLabel(key: ColumnKey): string {
  if (isScoreColumn(key)) {
    const { side, at } = scoreCell(key);
    return t('matrix.col.score', { side: sideName(side), at: t(at === 'as_is' ? 'matrix.col.as_is' : 'matrix.col.to_be') });
  }
  if (key === 'category') return t('matrix.col.categoryFull');
  return t(`matrix.col.${key}` as MessageKey);
}

/** The rubric level text of a score of one pair (the Unassigned pair has no rubric: only its 1 says something). */
export function rubricText(vocabulary: Vocabulary | null, side: Side, value: ScoreValue | null): string {
  if (value === null) return '';
  if (side === 'unassigned') return value === '1' ? t('matrix.unassignedOne') : '';
  const texts = rubricTexts(vocabulary, side);
  return texts ? loc(texts[value]) : '';
}

/** A field the server named, as the user knows it (null when the shared labels already do). */
export function fieldName(field: string | null): string | null {
  const plain = plainField(field);
  if (!plain) return null;
  const m = /^(insource|outsource|unassigned)$/.exec(plain);
  if (m) return t('matrix.errors.pair', { side: sideName(m[1] as Side) });
  const key = ('field.' + plain) as MessageKey;
  return key in en ? t(key) : plain;
}

/** Whether the shared error text can name this field itself. */
export function sharedFieldKnown(field: string | null): boolean {
  const plain = plainField(field);
  return !!plain && ('field.' + plain) in en;
}
