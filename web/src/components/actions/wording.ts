// Titles for actions made from drafts and findings, in the user's language. The server words
// its drafts in English; the finding code and the figures in that title are enough to say the
// same in Japanese, and anything unrecognised keeps the server's words.
import { loc, t } from '../../lib/i18n.svelte';
import { draftWording } from '../../lib/actions';
import type { Action, Finding, Text } from '../../lib/types';

export function draftTitle(draft: Action, serviceNames: Map<string, Text>): string {
  const w = draftWording(draft);
  const name = loc(serviceNames.get(w.service));
  if (!name && w.kind !== 'other') return draft.title;
  switch (w.kind) {
    case 'unassigned':
    case 'missing_owner':
    case 'missing_provider':
      return t(`actions.draft.${w.kind}`, { service: w.service, name });
    case 'quadrant_mismatch':
      return t('actions.draft.quadrant_mismatch', { service: w.service, name, quadrant: w.quadrant ?? '' });
    case 'gap':
      return t('actions.draft.gap', { service: w.service, name, from: w.from ?? '', to: w.to ?? '' });
    default:
      return draft.title;
  }
}

/** A title for an action answering a finding no draft covers: the service and the finding. */
export function findingTitle(finding: Finding, serviceNames: Map<string, Text>): string {
  return t('actions.fromFinding', {
    service: finding.service ?? '',
    name: loc(serviceNames.get(finding.service ?? '')),
    message: loc(finding.message),
  }).trim();
}

/** A draft's resources in the user's language (the server's drafts use a few fixed phrases). */
export function draftResources(draft: Action): string {
  const known: Record<string, 'actions.resources.people' | 'actions.resources.contract'> = {
    'people or an outside provider': 'actions.resources.people',
    'contract or staffing change': 'actions.resources.contract',
  };
  const key = known[draft.resources];
  return key ? t(key) : draft.resources;
}

/** A draft as the user reads it: title and resources in their language. */
export function localDraft(draft: Action, serviceNames: Map<string, Text>): Action {
  return { ...draft, title: draftTitle(draft, serviceNames), resources: draftResources(draft) };
}
