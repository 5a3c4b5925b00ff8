// The vocabulary's ordered lists (GET /api/v1/vocabulary) under the API's types: the management
// phases, the improvement cycles and the action statuses the domain has, in its order. The
// screens iterate these instead of keeping their own copy. The vocabulary sends each id as a
// plain string, so the narrowing to the enum happens here, once.
import type { ActionStatus, Cycle, Phase, Vocabulary } from './types';

/** The management phases, in the domain's order (none before the vocabulary has loaded). */
export function phaseIds(vocabulary: Vocabulary | null | undefined): Phase[] {
  return (vocabulary?.phases ?? []).map((n) => n.id as Phase);
}

/** The improvement cycles, in the domain's order. */
export function cycleIds(vocabulary: Vocabulary | null | undefined): Cycle[] {
  return (vocabulary?.cycles ?? []).map((n) => n.id as Cycle);
}

/** The statuses an action can have, in the domain's order. */
export function actionStatusIds(vocabulary: Vocabulary | null | undefined): ActionStatus[] {
  return (vocabulary?.action_statuses ?? []).map((n) => n.id as ActionStatus);
}
