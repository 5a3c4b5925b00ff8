// Titles for actions made from drafts and findings, in the user's language. The server words its
// drafts in both languages (`texts`) and its findings' messages likewise; nothing is parsed here.
import { loc, t } from '../../lib/i18n.svelte';
import type { DraftAction, Finding, Text } from '../../lib/types';

/** A title for an action answering a finding no draft covers: the service and the finding. */
export function findingTitle(finding: Finding, serviceNames: Map<string, Text>): string {
  return t('actions.fromFinding', {
    service: finding.service ?? '',
    name: loc(serviceNames.get(finding.service ?? '')),
    message: loc(finding.message),
  }).trim();
}

/** A draft as the user reads it: title and resources in their language. */
export function localDraft(draft: DraftAction): DraftAction {
  return { ...draft, title: loc(draft.texts.title), resources: loc(draft.texts.resources) };
}
