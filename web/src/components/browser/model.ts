// The catalogue documents as the browser reads them (GET /api/v1/catalogs/{id}; src/report/json.cpp
// catalog_document), and the rows of a catalogue column: the tree in catalogue order, with depth.
import type { Phase, Text } from '../../lib/types';
import type { Searchable } from '../../lib/search';

export interface Alias {
  lang: string | null;
  name: string;
  source: string;
}

export interface BrowserNode {
  id: string;
  kind: string;
  parent: string | null;
  name: Text;
  description: Text;
  aliases: Alias[];
  phase?: Phase | null;
  sourcing?: { information: string; specialist_skill: boolean; quadrant: string; reason: Text } | null;
}

export interface BrowserCatalogue {
  catalog: {
    id: string;
    title: Text;
    version: string;
    edition_date?: string;
    publisher: Text;
    licence_note: Text;
  };
  nodes: BrowserNode[];
}

/** How an item of one column relates to the selection in the other. */
export interface Linked {
  relation: string;
  label: string;
  /** 'direct': a counterpart of the selection; 'indirect': through a parent or a contained item. */
  strength: 'direct' | 'indirect';
}

export interface Row {
  node: BrowserNode;
  depth: number;
  hasChildren: boolean;
  /** The first row of a group of roots of another kind (FIRST's internal activities). */
  groupStart: string | null;
}

/** The catalogue's tree as rows, parents before children, siblings in catalogue order. */
export function treeRows(nodes: BrowserNode[]): Row[] {
  const known = new Set(nodes.map((n) => n.id));
  const children = new Map<string | null, BrowserNode[]>();
  for (const n of nodes) {
    const parent = n.parent && known.has(n.parent) ? n.parent : null;
    children.set(parent, [...(children.get(parent) ?? []), n]);
  }
  const rows: Row[] = [];
  const seen = new Set<string>();
  let lastRootKind: string | null = null;
  const walk = (parent: string | null, depth: number) => {
    for (const n of children.get(parent) ?? []) {
      if (seen.has(n.id)) continue;
      seen.add(n.id);
      const groupStart = depth === 0 && lastRootKind !== null && n.kind !== lastRootKind ? n.kind : null;
      if (depth === 0) lastRootKind = n.kind;
      rows.push({ node: n, depth, hasChildren: (children.get(n.id)?.length ?? 0) > 0, groupStart });
      walk(n.id, depth + 1);
    }
  };
  walk(null, 0);
  return rows;
}

/** What the search looks at: ids, both languages' names and descriptions, every alias. */
export function searchable(node: BrowserNode): Searchable {
  return { id: node.id, name: node.name, description: node.description, aliases: node.aliases.map((a) => a.name) };
}

/** The parents of a node, outermost first. */
export function path(byId: Map<string, BrowserNode>, id: string): BrowserNode[] {
  const out: BrowserNode[] = [];
  let at = byId.get(id)?.parent ?? null;
  while (at) {
    const n = byId.get(at);
    if (!n || out.includes(n)) break;
    out.unshift(n);
    at = n.parent;
  }
  return out;
}
