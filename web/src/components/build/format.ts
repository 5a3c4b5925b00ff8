// Names and values of the build flow in the user's language: vocabulary names come from the
// server (loc), the rest from the build messages.
import { loc, t } from '../../lib/i18n.svelte';
import { session } from '../../lib/session.svelte';
import type { RubricKey } from '../../lib/build';
import type { Named, ScoreValue, Sourcing } from '../../lib/types';

function named(list: Named[] | undefined, id: string): string {
  const found = list?.find((n) => n.id === id);
  return found ? loc(found.name) : id;
}

export function levelName(level: string | null | undefined): string {
  return level ? named(session.vocabulary?.levels, level) : t('build.level.undecided');
}

export function assignmentName(assignment: string): string {
  return named(session.vocabulary?.assignments, assignment);
}

/** The heading of a score pair: the vocabulary's rubric name, or ours for Unassigned. */
export function rubricName(rubric: RubricKey): string {
  if (rubric === 'unassigned') return t('build.rubric.unassigned');
  const r = session.vocabulary?.rubrics[rubric];
  return r ? loc(r.name) : rubric;
}

/** A score with its rubric text: "3 — Not documented; …", "n/a — Not applicable: …". */
export function scoreLabel(rubric: RubricKey, value: ScoreValue): string {
  if (rubric === 'unassigned') {
    if (value === 'n/a') return t('build.score.na');
    return value === '1' ? t('build.score.unassignedOne') : value;
  }
  const texts = session.vocabulary?.rubrics[rubric]?.levels;
  const text = texts ? loc(texts[value]) : '';
  if (!text) return value === 'n/a' ? t('build.score.na') : value;
  return `${value} — ${text}`;
}

export function sourcingLabel(s: Sourcing | null): string {
  if (!s) return t('build.sourcing.none');
  return t('build.sourcing.summary', {
    information: t(s.information === 'internal' ? 'build.sourcing.internalInfo' : 'build.sourcing.externalInfo'),
    skill: t(s.specialist_skill ? 'build.sourcing.skillNeeded' : 'build.sourcing.noSkill'),
  });
}

/** A value in the conflict dialog, in words. */
export function describeValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (field === 'level') return levelName(String(value));
  if (field === 'assignment') return assignmentName(String(value));
  if (field === 'sourcing') return sourcingLabel(value as Sourcing);
  if (field.endsWith('.as_is') || field.endsWith('.to_be')) {
    const rubric = field.split('.')[0] as RubricKey;
    return scoreLabel(rubric, value as ScoreValue);
  }
  if (Array.isArray(value)) return value.length === 0 ? '–' : value.map(String).join(', ');
  return String(value);
}
