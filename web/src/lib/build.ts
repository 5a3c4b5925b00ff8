// The build flow's pure logic (catalogue → profile → portfolio): grouping, progress, the bodies
// the API accepts, template differences, and the rules' answers as the server sends them: on each
// entry (in the catalogue, scored, score pairs, gaps, profile issues, quadrant advice) or in its
// vocabulary (the pairs an assignment uses, the quadrant tables). None is re-derived here.
import type {
  Assignment,
  CatalogueDocument,
  CatalogueNode,
  CrosswalkLink,
  Level,
  Quadrant,
  RubricKey,
  ScorePair,
  ScoreValue,
  ServiceEntry,
  Sourcing,
  Text,
  Vocabulary,
} from './types';

export type { RubricKey } from './types';

export type Step = 'catalogue' | 'profile' | 'portfolio';
export const STEPS: readonly Step[] = ['catalogue', 'profile', 'portfolio'];

export type Side = 'as_is' | 'to_be';
export type QuadrantId = Quadrant['id'];

/** The server's fields about a row: without them when it cannot name the row's catalogue. */
export const DERIVED_FIELDS = ['name', 'category', 'phase', 'custom', 'quadrant', 'quadrant_mismatch', 'in_catalogue', 'scored', 'score_pairs', 'gaps', 'gap', 'profile_issues'] as const;
type Derived = (typeof DERIVED_FIELDS)[number];
/** What the server answers for one entry (PUT, PATCH, 409 `current`). */
export type SavedServiceEntry = Omit<ServiceEntry, Derived> & Partial<Pick<ServiceEntry, Derived>>;

// ---------------------------------------------------------------------------------------------
// Catalogue structure

export interface CategoryGroup<E> {
  id: string;
  name: Text | null;
  entries: E[];
}

/** The catalogue's categories, in catalogue order. */
export function categoriesOf(doc: CatalogueDocument | null): CatalogueNode[] {
  return doc ? doc.nodes.filter((n) => n.kind === 'category') : [];
}

export function nodesById(doc: CatalogueDocument | null): Map<string, CatalogueNode> {
  return new Map((doc?.nodes ?? []).map((n) => [n.id, n]));
}

/** Entries grouped by category: catalogue order first, unknown categories after, none empty. */
export function groupByCategory<E extends { category: string }>(
  entries: readonly E[],
  categories: readonly { id: string; name: Text }[],
): CategoryGroup<E>[] {
  const groups = new Map<string, CategoryGroup<E>>();
  for (const c of categories) groups.set(c.id, { id: c.id, name: c.name, entries: [] });
  for (const e of entries) {
    let group = groups.get(e.category);
    if (!group) {
      group = { id: e.category, name: null, entries: [] };
      groups.set(e.category, group);
    }
    group.entries.push(e);
  }
  return [...groups.values()].filter((g) => g.entries.length > 0);
}

// ---------------------------------------------------------------------------------------------
// Progress per step

export interface Progress {
  done: number;
  total: number;
}

/** Step 1: how many services have a level (Not required is a decision too). */
export function catalogueProgress(entries: readonly ServiceEntry[]): Progress {
  return { done: entries.filter((e) => e.level !== null).length, total: entries.length };
}

/** Step 2: of the services in the catalogue, how many someone delivers. */
export function profileProgress(entries: readonly ServiceEntry[]): Progress {
  const scope = entries.filter((e) => e.in_catalogue);
  return { done: scope.filter((e) => e.assignment !== 'unassigned').length, total: scope.length };
}

/** Step 3: of the services in the catalogue, how many have every score their assignment needs. */
export function portfolioProgress(entries: readonly ServiceEntry[]): Progress {
  const scope = entries.filter((e) => e.in_catalogue);
  return { done: scope.filter((e) => e.scored).length, total: scope.length };
}

export function percent(p: Progress): number {
  return p.total === 0 ? 0 : Math.round((p.done / p.total) * 100);
}

// ---------------------------------------------------------------------------------------------
// Rubrics and scores

/** The score pairs an assignment uses, from the vocabulary (none while it is not loaded). */
export function pairsOf(assignment: Assignment, vocabulary: Vocabulary | null): RubricKey[] {
  return vocabulary?.assignments.find((a) => a.id === assignment)?.score_pairs ?? [];
}

/** The vocabulary rubric whose level texts describe a pair's scores (none for Unassigned). */
export function rubricTexts(vocabulary: Vocabulary | null, rubric: RubricKey): Record<ScoreValue, Text> | null {
  if (!vocabulary || rubric === 'unassigned') return null;
  return vocabulary.rubrics[rubric].levels;
}

/**
 * The values a score control offers, as the server's vocabulary lists them (an Unassigned
 * service's as-is is 1 or n/a); none while the vocabulary is not loaded.
 */
export function scoreOptions(rubric: RubricKey, side: Side, vocabulary: Vocabulary | null): ScoreValue[] {
  return vocabulary?.score_options[rubric][side] ?? [];
}

/**
 * One score changed. The vocabulary's `whole_pair_scores` (n/a) apply to the whole pair: choosing
 * one sets the other side to it too, and choosing anything else where the other side holds one
 * clears the other side (the server refuses a pair with such a score on one side only).
 */
export function withScore(
  entry: ServiceEntry,
  rubric: RubricKey,
  side: Side,
  value: ScoreValue | null,
  vocabulary: Vocabulary | null,
): ServiceEntry {
  const wholePair: readonly ScoreValue[] = vocabulary?.whole_pair_scores ?? [];
  const other: Side = side === 'as_is' ? 'to_be' : 'as_is';
  const pair: ScorePair = { ...entry[rubric], [side]: value };
  const held = pair[other];
  if (value !== null && wholePair.includes(value)) pair[other] = value;
  else if (held !== null && wholePair.includes(held)) pair[other] = null;
  return { ...entry, [rubric]: pair };
}

const EMPTY_PAIR: ScorePair = { as_is: null, to_be: null };

function pairEmpty(pair: ScorePair): boolean {
  return pair.as_is === null && pair.to_be === null;
}

/**
 * A new assignment; the scores of pairs the new assignment does not use (the vocabulary says
 * which it does) are cleared (the server refuses them) and named in `cleared`, so the screen can
 * say so.
 */
export function withAssignment(
  entry: ServiceEntry,
  assignment: Assignment,
  vocabulary: Vocabulary | null,
): { entry: ServiceEntry; cleared: RubricKey[] } {
  const keep = pairsOf(assignment, vocabulary);
  const cleared: RubricKey[] = [];
  const out: ServiceEntry = { ...entry, assignment, score_pairs: keep };
  for (const r of ['insource', 'outsource', 'unassigned'] as const)
    if (!keep.includes(r) && !pairEmpty(entry[r])) {
      cleared.push(r);
      out[r] = { ...EMPTY_PAIR };
    }
  return { entry: out, cleared };
}

// ---------------------------------------------------------------------------------------------
// Request bodies

/** The fields a PUT of one service replaces (src/http/json_mapping.cpp, entry_from_json). */
export const EDITABLE_FIELDS = [
  'level', 'assignment', 'owner', 'provider', 'sourcing', 'insource', 'outsource', 'unassigned',
  'rationale', 'evidence', 'capacity', 'capability',
] as const;
export type EntryBody = Pick<ServiceEntry, (typeof EDITABLE_FIELDS)[number]>;
export type BulkItem = EntryBody & { service: string; revision: number };

/** The body of PUT /orgs/{org}/services/{id}: the whole entry (PUT replaces it). */
export function entryBody(entry: EntryBody): EntryBody {
  return {
    level: entry.level,
    assignment: entry.assignment,
    owner: entry.owner,
    provider: entry.provider,
    sourcing: entry.sourcing ? { information: entry.sourcing.information, specialist_skill: entry.sourcing.specialist_skill } : null,
    insource: { ...entry.insource },
    outsource: { ...entry.outsource },
    unassigned: { ...entry.unassigned },
    rationale: entry.rationale,
    evidence: [...entry.evidence],
    capacity: entry.capacity,
    capability: entry.capability,
  };
}

/** One item of PATCH /orgs/{org}/services: the entry with the revision it was loaded at. */
export function bulkItem(entry: EntryBody & { service: string }, revision: number): BulkItem {
  return { service: entry.service, revision, ...entryBody(entry) };
}

export interface BulkChange {
  assignment?: Assignment;
  owner?: string;
  provider?: string;
}

/** A bulk change applied to one entry (a new assignment clears the scores it does not use). */
export function applyBulk(entry: ServiceEntry, change: BulkChange, vocabulary: Vocabulary | null): ServiceEntry {
  let out = change.assignment !== undefined ? withAssignment(entry, change.assignment, vocabulary).entry : { ...entry };
  if (change.owner !== undefined) out = { ...out, owner: change.owner };
  if (change.provider !== undefined) out = { ...out, provider: change.provider };
  return out;
}

/** Whether a bulk change says anything at all. */
export function bulkChangeEmpty(change: BulkChange): boolean {
  return change.assignment === undefined && change.owner === undefined && change.provider === undefined;
}

/** The PATCH body for a bulk change: only the entries it actually changes. */
export function bulkBody(entries: readonly ServiceEntry[], change: BulkChange, vocabulary: Vocabulary | null): { services: BulkItem[] } {
  const services: BulkItem[] = [];
  for (const e of entries) {
    const next = applyBulk(e, change, vocabulary);
    if (JSON.stringify(entryBody(next)) !== JSON.stringify(entryBody(e))) services.push(bulkItem({ ...next, service: e.service }, e.revision));
  }
  return { services };
}

// ---------------------------------------------------------------------------------------------
// Templates

export interface LevelChange {
  service: string;
  name: Text;
  from: Level | null;
  to: Level;
}

/** What applying a template would change: services whose level differs from the template's. */
export function templateDiff(entries: readonly ServiceEntry[], levels: readonly { service: string; level: Level }[]): LevelChange[] {
  const wanted = new Map(levels.map((l) => [l.service, l.level]));
  const out: LevelChange[] = [];
  for (const e of entries) {
    const to = wanted.get(e.service);
    if (to !== undefined && to !== e.level) out.push({ service: e.service, name: e.name, from: e.level, to });
  }
  return out;
}

/** The PATCH body applying a template's levels, all at once. */
export function templateBody(entries: readonly ServiceEntry[], changes: readonly LevelChange[]): { services: BulkItem[] } {
  const byId = new Map(entries.map((e) => [e.service, e]));
  const services: BulkItem[] = [];
  for (const c of changes) {
    const e = byId.get(c.service);
    if (e) services.push(bulkItem({ ...e, level: c.to }, e.revision));
  }
  return { services };
}

// ---------------------------------------------------------------------------------------------
// The quadrant advisor (X.1060 figure 5), from the vocabulary's tables

/** The quadrant of a pair of sourcing answers, looked up in vocabulary.quadrant_of. */
export function quadrantOf(sourcing: Sourcing | null, vocabulary: Vocabulary | null): QuadrantId | null {
  if (!sourcing || !vocabulary) return null;
  const row = vocabulary.quadrant_of.find(
    (q) => q.information === sourcing.information && q.specialist_skill === sourcing.specialist_skill,
  );
  return row ? (row.quadrant as QuadrantId) : null;
}

/** The sourcing answers that lead to a quadrant (the table read backwards). */
export function sourcingOfQuadrant(quadrant: string | null, vocabulary: Vocabulary | null): Sourcing | null {
  if (!quadrant || !vocabulary) return null;
  const row = vocabulary.quadrant_of.find((q) => q.quadrant === quadrant);
  return row ? { information: row.information, specialist_skill: row.specialist_skill } : null;
}

export interface Advice {
  quadrant: Quadrant | null;
  mismatch: Text | null;
}

/** A quadrant's guidance and, for this assignment, the mismatch warning (null when none). */
export function advice(quadrant: string | null, assignment: Assignment, vocabulary: Vocabulary | null): Advice {
  const q = vocabulary?.quadrants.find((x) => x.id === quadrant) ?? null;
  return { quadrant: q, mismatch: q ? (q.mismatch[assignment] ?? null) : null };
}

/** The answers in effect: the entry's own, else the catalogue's default. */
export function effectiveSourcing(entry: { sourcing: Sourcing | null }, fallback: Sourcing | null): Sourcing | null {
  return entry.sourcing ?? fallback;
}

/** A catalogue node's sourcing as the server sends it: the answers, their quadrant and why. */
export type NodeSourcing = Sourcing & { quadrant?: string; reason?: Text };
export function nodeSourcing(node: CatalogueNode | undefined): NodeSourcing | null {
  return (node?.sourcing as NodeSourcing | null | undefined) ?? null;
}

/**
 * The catalogue's default answers for a service: the catalogue node's, or — for a custom service,
 * whose definition the catalogue does not hold — read back from the quadrant the server computed
 * when the entry had no answers of its own.
 */
export function defaultSourcing(entry: ServiceEntry, node: CatalogueNode | undefined, vocabulary: Vocabulary | null): Sourcing | null {
  if (node?.sourcing) return { information: node.sourcing.information, specialist_skill: node.sourcing.specialist_skill };
  if (entry.sourcing === null && entry.quadrant) return sourcingOfQuadrant(entry.quadrant, vocabulary);
  return null;
}

/**
 * An entry as the server saved it. The server answers a write as it answers a read (catalogue
 * data, quadrant advice, gaps, profile issues …); what an answer lacks is kept from the entry shown
 * before.
 */
export function withCatalogueData(saved: SavedServiceEntry, before: ServiceEntry): ServiceEntry {
  return { ...before, ...saved };
}

/** Whether the provider field matters for an assignment (the vocabulary's `needs_provider`). */
export function needsProvider(assignment: Assignment, vocabulary: Vocabulary | null): boolean {
  return vocabulary?.assignments.find((a) => a.id === assignment)?.needs_provider ?? false;
}

/** Whether the owner field matters for an assignment (the vocabulary's `needs_owner`). */
export function needsOwner(assignment: Assignment, vocabulary: Vocabulary | null): boolean {
  return vocabulary?.assignments.find((a) => a.id === assignment)?.needs_owner ?? false;
}

/** A quadrant's balance ("insource ≫ outsource") as parts, so assignment words can be translated. */
export function balanceParts(balance: string): { word: Assignment | null; text: string }[] {
  return balance
    .split(/\s+/)
    .filter(Boolean)
    .map((text) => ({ word: ['insource', 'outsource', 'both', 'unassigned'].includes(text) ? (text as Assignment) : null, text }));
}

// ---------------------------------------------------------------------------------------------
// Crosswalk, evidence, search

/** Crosswalk links by the service they start from, in the crosswalk's order. */
export function linksByService(links: readonly CrosswalkLink[]): Map<string, CrosswalkLink[]> {
  const out = new Map<string, CrosswalkLink[]>();
  for (const l of links) {
    const list = out.get(l.from);
    if (list) list.push(l);
    else out.set(l.from, [l]);
  }
  return out;
}

export type EvidenceRef =
  | { kind: 'file'; sha256: string; ref: string }
  | { kind: 'link'; href: string; ref: string }
  | { kind: 'text'; ref: string };

/** What an evidence reference points at: an uploaded file, a web address, or a note. */
export function parseEvidence(ref: string): EvidenceRef {
  const file = /^evidence:sha256:([0-9a-f]{64})$/i.exec(ref);
  if (file) return { kind: 'file', sha256: file[1]!.toLowerCase(), ref };
  if (/^https?:\/\/\S+$/i.test(ref)) return { kind: 'link', href: ref, ref };
  return { kind: 'text', ref };
}

/** An entry with one more evidence reference (not added twice). */
export function withEvidence(entry: ServiceEntry, ref: string): ServiceEntry {
  const clean = ref.trim();
  if (!clean || entry.evidence.includes(clean)) return entry;
  return { ...entry, evidence: [...entry.evidence, clean] };
}

export function withoutEvidence(entry: ServiceEntry, ref: string): ServiceEntry {
  return { ...entry, evidence: entry.evidence.filter((r) => r !== ref) };
}

/** Whether a service matches a search: its id, or its name or description in either language. */
export function matchesQuery(entry: { service: string; name: Text }, query: string, description?: Text | null): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  const hay = [entry.service, entry.name.en, entry.name.ja, description?.en ?? '', description?.ja ?? ''];
  return hay.some((h) => h.toLowerCase().includes(q));
}

// ---------------------------------------------------------------------------------------------
// Conflicts: one field per thing a person edits, so the dialog names each difference

/** The fields compared when a save meets someone else's change (the labels exist as field.*). */
export const CONFLICT_FIELDS = [
  'level', 'assignment', 'owner', 'provider', 'sourcing',
  'insource.as_is', 'insource.to_be', 'outsource.as_is', 'outsource.to_be',
  'unassigned.as_is', 'unassigned.to_be',
  'rationale', 'evidence', 'capacity', 'capability',
] as const;
export type ConflictField = (typeof CONFLICT_FIELDS)[number];
export type FlatEntry = Record<ConflictField, unknown>;

/** An entry's editable values, flat (score pairs as "insource.as_is" …). */
export function flatten(entry: EntryBody): FlatEntry {
  return {
    level: entry.level,
    assignment: entry.assignment,
    owner: entry.owner,
    provider: entry.provider,
    sourcing: entry.sourcing,
    'insource.as_is': entry.insource.as_is,
    'insource.to_be': entry.insource.to_be,
    'outsource.as_is': entry.outsource.as_is,
    'outsource.to_be': entry.outsource.to_be,
    'unassigned.as_is': entry.unassigned.as_is,
    'unassigned.to_be': entry.unassigned.to_be,
    rationale: entry.rationale,
    evidence: entry.evidence,
    capacity: entry.capacity,
    capability: entry.capability,
  };
}

/** `onto` with the flat values put back (the inverse of flatten). */
export function unflatten<E extends EntryBody>(onto: E, flat: FlatEntry): E {
  const score = (v: unknown) => (v === null || v === undefined ? null : (v as ScoreValue));
  return {
    ...onto,
    level: flat.level as Level | null,
    assignment: flat.assignment as Assignment,
    owner: flat.owner as string,
    provider: flat.provider as string,
    sourcing: (flat.sourcing as Sourcing | null) ?? null,
    insource: { as_is: score(flat['insource.as_is']), to_be: score(flat['insource.to_be']) },
    outsource: { as_is: score(flat['outsource.as_is']), to_be: score(flat['outsource.to_be']) },
    unassigned: { as_is: score(flat['unassigned.as_is']), to_be: score(flat['unassigned.to_be']) },
    rationale: flat.rationale as string,
    evidence: flat.evidence as string[],
    capacity: flat.capacity as string,
    capability: flat.capability as string,
  };
}
