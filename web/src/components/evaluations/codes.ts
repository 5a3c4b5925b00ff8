// Short names of the finding codes (docs/scoring-rules.md), for tags and action cards (the
// finding's full sentence comes from the server), and of the fields a change between two
// evaluations names.
import { t } from '../../lib/i18n.svelte';
import type { MessageKey } from '../../lib/messages';

const names: Record<string, MessageKey> = {
  undecided: 'evaluations.code.undecided',
  not_required_review: 'evaluations.code.not_required_review',
  below_reference: 'evaluations.code.below_reference',
  above_reference: 'evaluations.code.above_reference',
  unassigned: 'evaluations.code.unassigned',
  quadrant_mismatch: 'evaluations.code.quadrant_mismatch',
  missing_owner: 'evaluations.code.missing_owner',
  missing_provider: 'evaluations.code.missing_provider',
  gap: 'evaluations.code.gap',
  not_scored: 'evaluations.code.not_scored',
  target_below_current: 'evaluations.code.target_below_current',
};

/** The name of a finding code; the code itself when it has none. */
export function codeName(code: string | null | undefined): string {
  if (!code) return '';
  const key = names[code];
  return key ? t(key) : code;
}

const changeFields: Record<string, MessageKey> = {
  level: 'field.level',
  assignment: 'field.assignment',
  owner: 'field.owner',
  provider: 'field.provider',
  as_is: 'evaluations.field.as_is',
  to_be: 'evaluations.field.to_be',
};

/** The name of a field a change between evaluations names (GET …/changes); the field itself when it has none. */
export function changeFieldName(field: string): string {
  const key = changeFields[field];
  return key ? t(key) : field;
}
