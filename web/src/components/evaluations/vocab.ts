// Names from the server's vocabulary (GET /api/v1/vocabulary) in the user's language, so the
// evaluation and improvement screens never keep their own copy of the domain's terms.
import { loc } from '../../lib/i18n.svelte';
import { session } from '../../lib/session.svelte';
import type { Vocabulary } from '../../lib/types';

type NamedList = 'levels' | 'assignments' | 'phases' | 'cycles' | 'action_statuses' | 'evaluation_kinds' | 'trigger_kinds' | 'severities';

/** The name of `id` in one of the vocabulary's lists; the id itself when unknown. */
export function term(list: NamedList, id: string | null | undefined): string {
  if (!id) return '';
  const vocabulary: Vocabulary | null = session.vocabulary;
  const found = vocabulary?.[list].find((n) => n.id === id);
  return found ? loc(found.name) : id;
}
