// The requests the evaluation and improvement screens make, with the shapes they answer.
import { get, orgPath } from '../../lib/api';
import { loadServices } from '../../lib/serviceEntries';
import { session } from '../../lib/session.svelte';
import type { Action, Answer, DraftAction, Due, EvaluationSummary, Evaluation, Review, ServiceEntry, Text, Trend, TriggerEvent } from '../../lib/types';

export type EventRecord = TriggerEvent;
export type ChangesAnswer = Answer<'listChanges'>;

export const fetchEvaluations = (org: string) =>
  get<{ evaluations: EvaluationSummary[] }>(orgPath(org, 'evaluations')).then((a) => a.evaluations);
export const fetchEvaluation = (org: string, id: string) => get<Evaluation>(orgPath(org, 'evaluations', id));
export const fetchTrends = (org: string) => get<{ trends: Trend[] }>(orgPath(org, 'trends')).then((a) => a.trends);
export const fetchDue = (org: string) => get<{ date: string; due: Due[] }>(orgPath(org, 'due'));
export const fetchEvents = (org: string) => get<{ events: EventRecord[] }>(orgPath(org, 'events')).then((a) => a.events);
export const fetchReview = (org: string) => get<Review>(orgPath(org, 'review'));
export const fetchActions = (org: string) => get<{ actions: Action[] }>(orgPath(org, 'actions')).then((a) => a.actions);
export const fetchDrafts = (org: string) => get<{ drafts: DraftAction[] }>(orgPath(org, 'action-drafts')).then((a) => a.drafts);
/** The organisation's service entries (through lib/serviceEntries, the one reader of /services). */
export const fetchServices = (org: string): Promise<ServiceEntry[]> => loadServices(org).then((a) => a.services);

/** What changed from one evaluation to another, or to the live matrix when `to` is empty. */
export function fetchChanges(org: string, from: string, to: string): Promise<ChangesAnswer> {
  const query = new URLSearchParams({ from });
  if (to) query.set('to', to);
  return get<ChangesAnswer>(orgPath(org, 'changes') + '?' + query.toString());
}

/** The names of the organisation's catalogue categories (for trend legends and delta tables). */
export async function fetchCategoryNames(org: string): Promise<Map<string, Text>> {
  let catalogue = session.organisations.find((o) => o.id === org)?.catalog;
  if (!catalogue) catalogue = (await get<{ catalog: string }>(orgPath(org))).catalog;
  const document = await session.catalogue(catalogue);
  return new Map(document.nodes.filter((n) => n.kind === 'category').map((n) => [n.id, n.name]));
}

/** Service id → name, from the organisation's matrix (custom services included). */
export async function fetchServiceNames(org: string): Promise<Map<string, Text>> {
  return new Map((await fetchServices(org)).map((s) => [s.service, s.name]));
}
