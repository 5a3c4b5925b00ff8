// The vocabulary's ordered lists (GET /api/v1/vocabulary) under the API's types: the management
// phases, the improvement cycles, the action statuses, the evaluation kinds and the finding
// severities the domain has, in its order. The
// screens iterate these instead of keeping their own copy. The vocabulary sends each id as a
// plain string, so the narrowing to the enum happens here, once.
import type { ActionStatus, Cycle, EvaluationKind, Phase, Severity, Vocabulary } from './types';

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

/** The evaluations (catalogue, profile, portfolio), in the order of the process. */
export function evaluationKindIds(vocabulary: Vocabulary | null | undefined): EvaluationKind[] {
  return (vocabulary?.evaluation_kinds ?? []).map((n) => n.id as EvaluationKind);
}

/** The severities of a finding, the gravest first. */
export function severityIds(vocabulary: Vocabulary | null | undefined): Severity[] {
  return (vocabulary?.severities ?? []).map((n) => n.id as Severity);
}
