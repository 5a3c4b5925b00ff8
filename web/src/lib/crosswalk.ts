// The crosswalk between two catalogues (X.1060 → FIRST CSIRT), indexed both ways: for any item
// of either side, its counterparts on the other side and how they relate. A relation is read
// from the "from" side ("A-2 is equivalent to 3.1", "D-3 is part of 1.1.1"); from the other side
// the same link reads the other way round ("1.1.1 contains D-3"), so each counterpart says which
// way it is read.

import type { Text } from './types';

export interface Link {
  from: string;
  to: string;
  relation: string;
}

/** An item of one side listed by the crosswalk as having no counterpart, with why. */
export interface Unmatched {
  id: string;
  note: Text;
}

/** GET /api/v1/crosswalks/{id}. */
export interface CrosswalkDocument {
  id: string;
  from_catalog: string;
  to_catalog: string;
  version?: string;
  note?: Text;
  links: Link[];
  unmatched_from: Unmatched[] | null;
  unmatched_to: Unmatched[] | null;
}

/** Which catalogue of the crosswalk an item belongs to. */
export type Side = 'from' | 'to';

export const other = (side: Side): Side => (side === 'from' ? 'to' : 'from');

/** The relations in the order they are shown: the closest first. */
export const RELATIONS = ['equivalent', 'part-of', 'related'] as const;
export type KnownRelation = (typeof RELATIONS)[number];

export const isKnownRelation = (relation: string): relation is KnownRelation =>
  (RELATIONS as readonly string[]).includes(relation);

export interface Counterpart {
  /** The item on the other side. */
  id: string;
  relation: string;
  /**
   * 'forward': read as the crosswalk states it (the selected item is on the "from" side);
   * 'reverse': read from the "to" side ("part-of" then means the counterpart is part of this one).
   */
  reading: 'forward' | 'reverse';
}

export interface CrosswalkIndex {
  fromCatalogue: string;
  toCatalogue: string;
  bySide: Record<Side, Map<string, Counterpart[]>>;
  unmatched: Record<Side, Map<string, Text>>;
}

/** Indexes the links both ways (each list in the crosswalk's order, no duplicates). */
export function indexCrosswalk(doc: CrosswalkDocument): CrosswalkIndex {
  const from = new Map<string, Counterpart[]>();
  const to = new Map<string, Counterpart[]>();
  const add = (map: Map<string, Counterpart[]>, key: string, c: Counterpart) => {
    const list = map.get(key) ?? [];
    if (!list.some((x) => x.id === c.id && x.relation === c.relation)) list.push(c);
    map.set(key, list);
  };
  for (const l of doc.links) {
    add(from, l.from, { id: l.to, relation: l.relation, reading: 'forward' });
    add(to, l.to, { id: l.from, relation: l.relation, reading: 'reverse' });
  }
  const notes = (items: Unmatched[] | null) => new Map((items ?? []).map((u) => [u.id, u.note] as const));
  return {
    fromCatalogue: doc.from_catalog,
    toCatalogue: doc.to_catalog,
    bySide: { from, to },
    unmatched: { from: notes(doc.unmatched_from), to: notes(doc.unmatched_to) },
  };
}

/** The direct counterparts of an item. */
export function counterparts(index: CrosswalkIndex, side: Side, id: string): Counterpart[] {
  return index.bySide[side].get(id) ?? [];
}

export interface RelationGroup {
  relation: string;
  reading: 'forward' | 'reverse';
  items: Counterpart[];
}

/** Counterparts grouped by relation: equivalent, part-of, related, then any other in first-seen order. */
export function groupByRelation(list: Counterpart[]): RelationGroup[] {
  const groups: RelationGroup[] = [];
  for (const c of list) {
    let g = groups.find((x) => x.relation === c.relation && x.reading === c.reading);
    if (!g) {
      g = { relation: c.relation, reading: c.reading, items: [] };
      groups.push(g);
    }
    g.items.push(c);
  }
  const order = (r: string) => {
    const i = (RELATIONS as readonly string[]).indexOf(r);
    return i < 0 ? RELATIONS.length : i;
  };
  // A stable sort keeps unknown relations in the order they were first seen.
  return groups.sort((a, b) => order(a.relation) - order(b.relation));
}

/** A node of a catalogue as far as the hierarchy goes. */
export interface TreeNode {
  id: string;
  parent: string | null;
}

/** Counterparts reached through another item of the same side (a parent or a contained item). */
export interface Indirect {
  /** The item of this side that carries the link. */
  via: string;
  counterpart: Counterpart;
}

/** The chain of parents of an item, nearest first. */
export function ancestors(nodes: Map<string, TreeNode>, id: string): string[] {
  const out: string[] = [];
  let at = nodes.get(id)?.parent ?? null;
  while (at && !out.includes(at)) {
    out.push(at);
    at = nodes.get(at)?.parent ?? null;
  }
  return out;
}

/** Every item under an item, depth first in the given order. */
export function descendants(nodes: TreeNode[], id: string): string[] {
  const children = new Map<string, string[]>();
  for (const n of nodes)
    if (n.parent) children.set(n.parent, [...(children.get(n.parent) ?? []), n.id]);
  const out: string[] = [];
  const walk = (at: string) => {
    for (const c of children.get(at) ?? []) {
      if (out.includes(c)) continue;
      out.push(c);
      walk(c);
    }
  };
  walk(id);
  return out;
}

/** Counterparts of the item's parents (nearest first). */
export function inheritedCounterparts(index: CrosswalkIndex, side: Side, nodes: Map<string, TreeNode>, id: string): Indirect[] {
  return ancestors(nodes, id).flatMap((via) => counterparts(index, side, via).map((counterpart) => ({ via, counterpart })));
}

/** Counterparts of the items the item contains. */
export function containedCounterparts(index: CrosswalkIndex, side: Side, nodes: TreeNode[], id: string): Indirect[] {
  return descendants(nodes, id).flatMap((via) => counterparts(index, side, via).map((counterpart) => ({ via, counterpart })));
}

/** How an item is covered by the crosswalk, for its marker in the lists. */
export type Coverage = 'direct' | 'inherited' | 'contained' | 'none';

/** The coverage of every item of one side at once. */
export function coverageMap(index: CrosswalkIndex, side: Side, nodes: TreeNode[]): Map<string, Coverage> {
  const byId = new Map(nodes.map((n) => [n.id, n] as const));
  const linked = (id: string) => counterparts(index, side, id).length > 0;
  // Items that contain a linked item: every ancestor of every linked item.
  const containing = new Set<string>();
  for (const n of nodes) if (linked(n.id)) for (const a of ancestors(byId, n.id)) containing.add(a);
  const out = new Map<string, Coverage>();
  for (const n of nodes) {
    if (linked(n.id)) out.set(n.id, 'direct');
    else if (index.unmatched[side].has(n.id)) out.set(n.id, 'none');
    else if (ancestors(byId, n.id).some(linked)) out.set(n.id, 'inherited');
    else if (containing.has(n.id)) out.set(n.id, 'contained');
    else out.set(n.id, 'none');
  }
  return out;
}
