// The improvement board's logic (X.1060 clause 10: three management phases, short and long
// improvement cycles): grouping actions into the board and the bodies of the create / update /
// escalate requests. The phase of an action, whether it is open and whether it is overdue are the
// server's (`phase`, `open`, `overdue`); nothing here re-derives them.
// The phases and cycles come from the vocabulary (lib/vocabulary.ts), in the domain's order.
import type { Action, ActionStatus, Cycle, DraftAction, Finding, Phase } from './types';

export type Show = 'open' | 'all';

/** Board order inside a cell: overdue first, then open ones, then by due date (none last), then by id. */
export function boardOrder(a: Action, b: Action): number {
  const oa = a.overdue ? 0 : 1;
  const ob = b.overdue ? 0 : 1;
  if (oa !== ob) return oa - ob;
  const ca = a.open ? 0 : 1;
  const cb = b.open ? 0 : 1;
  if (ca !== cb) return ca - cb;
  if (a.due !== b.due) {
    if (!a.due) return 1;
    if (!b.due) return -1;
    return a.due.localeCompare(b.due);
  }
  return a.id.localeCompare(b.id, undefined, { numeric: true });
}

export type Board = Record<Cycle, Record<Phase, Action[]>>;

/**
 * The board: one swimlane per cycle, one column per phase (the vocabulary's, in its order).
 * `show: 'open'` keeps only the actions the server says are open.
 */
export function buildBoard(actions: readonly Action[], show: Show, phases: readonly Phase[], cycles: readonly Cycle[]): Board {
  const board = {} as Board;
  for (const cycle of cycles) {
    board[cycle] = {} as Record<Phase, Action[]>;
    for (const phase of phases) board[cycle][phase] = [];
  }
  for (const a of actions) {
    if (show === 'open' && !a.open) continue;
    board[a.cycle]?.[a.phase]?.push(a);
  }
  for (const cycle of cycles) for (const phase of phases) board[cycle][phase].sort(boardOrder);
  return board;
}

export interface BoardCounts {
  open: number;
  overdue: number;
  done: number;
  total: number;
}

export function boardCounts(actions: readonly Action[]): BoardCounts {
  return {
    open: actions.filter((a) => a.open).length,
    overdue: actions.filter((a) => a.overdue).length,
    done: actions.filter((a) => a.status === 'done').length,
    total: actions.length,
  };
}

/** What the action form edits. `phase: ''` means "derived from the services". */
export interface ActionForm {
  id: string;
  title: string;
  services: string[];
  phase: Phase | '';
  cycle: Cycle;
  owner: string;
  due: string;
  status: ActionStatus;
  resources: string;
  finding: string;
}

export function emptyForm(): ActionForm {
  return { id: '', title: '', services: [], phase: '', cycle: 'short', owner: '', due: '', status: 'open', resources: '', finding: '' };
}

/** The form for editing an existing action. */
export function formOf(action: Action): ActionForm {
  return {
    id: action.id,
    title: action.title,
    services: [...action.services],
    phase: action.phase_overridden ? action.phase : '',
    cycle: action.cycle,
    owner: action.owner,
    due: action.due ?? '',
    status: action.status,
    resources: action.resources,
    finding: action.finding ?? '',
  };
}

export interface ActionBody {
  id?: string;
  title: string;
  services: string[];
  phase?: Phase;
  cycle: Cycle;
  owner: string;
  due?: string | null;
  status?: ActionStatus;
  resources: string;
  finding?: string;
}

function commonBody(form: ActionForm): ActionBody {
  const body: ActionBody = {
    title: form.title.trim(),
    services: [...new Set(form.services.map((s) => s.trim()).filter(Boolean))],
    cycle: form.cycle,
    owner: form.owner.trim(),
    resources: form.resources.trim(),
  };
  // The phase is sent only when the user overrides it: otherwise the server derives it from
  // the first service's category (and keeps deriving it when the services change).
  if (form.phase) body.phase = form.phase;
  if (form.finding.trim()) body.finding = form.finding.trim();
  return body;
}

/** POST /orgs/{org}/actions: an empty id lets the server number it (A-<n>). */
export function createBody(form: ActionForm): ActionBody {
  const body = commonBody(form);
  if (form.id.trim()) body.id = form.id.trim();
  if (form.due) body.due = form.due;
  if (form.status !== 'open') body.status = form.status;
  return body;
}

/** PUT /orgs/{org}/actions/{id}: the whole action (the revision goes in If-Match). */
export function updateBody(form: ActionForm): ActionBody {
  const body = commonBody(form);
  body.due = form.due || null;
  body.status = form.status;
  return body;
}

/** POST /orgs/{org}/actions/{id}/escalation */
export function escalateBody(note: string, date: string, revision: number | undefined): { note: string; date: string; revision?: number } {
  const body: { note: string; date: string; revision?: number } = { note: note.trim(), date };
  if (revision !== undefined) body.revision = revision;
  return body;
}


/** A form made from a server draft (GET /action-drafts): its title, services, cycle and finding. */
export function formFromDraft(draft: Action, title = draft.title): ActionForm {
  return {
    ...emptyForm(),
    title,
    services: [...draft.services],
    cycle: draft.cycle,
    resources: draft.resources,
    finding: draft.finding ?? '',
  };
}

/** The draft that answers a finding (same code and service), if the server proposed one. */
export function draftFor(finding: Pick<Finding, 'code' | 'service'>, drafts: readonly DraftAction[]): DraftAction | undefined {
  if (!finding.service) return undefined;
  return drafts.find((d) => d.finding === finding.code && d.services.includes(finding.service!));
}

/** The open action that already answers a finding (same code and service), if any. */
export function answeredBy(finding: Pick<Finding, 'code' | 'service'>, actions: readonly Action[]): Action | undefined {
  if (!finding.service) return undefined;
  return actions.find((a) => a.open && a.finding === finding.code && a.services.includes(finding.service!));
}

/**
 * A form for a finding: the server's draft when there is one (its cycle follows the domain's
 * rule), else the finding's service and code with a title the caller words (short cycle).
 */
export function formFromFinding(finding: Finding, drafts: readonly DraftAction[], title: string): ActionForm {
  const draft = draftFor(finding, drafts);
  if (draft) return formFromDraft(draft, title);
  return { ...emptyForm(), title, services: finding.service ? [finding.service] : [], finding: finding.code };
}

/** The fields a conflict dialog compares for an action. */
export const CONFLICT_FIELDS: (keyof ActionForm & string)[] = ['title', 'services', 'phase', 'cycle', 'owner', 'due', 'status', 'resources'];

/** Services of the organisation grouped by category for a picker, in catalogue order. */
export function groupServices<T extends { service: string; category: string }>(services: readonly T[]): { category: string; services: T[] }[] {
  const out: { category: string; services: T[] }[] = [];
  for (const s of services) {
    let group = out.find((g) => g.category === s.category);
    if (!group) {
      group = { category: s.category, services: [] };
      out.push(group);
    }
    group.services.push(s);
  }
  return out;
}

/** The number in a draft's id ("DRAFT-7" → 7), else its position counted from 1. */
export function draftNumber(draft: Pick<Action, 'id'>, index: number): number {
  const m = /(\d+)$/.exec(draft.id);
  return m ? Number(m[1]) : index + 1;
}

/** Distinct non-empty owners already used, for suggestions. */
export function knownOwners(actions: readonly Pick<Action, 'owner'>[], more: readonly string[] = []): string[] {
  return [...new Set([...actions.map((a) => a.owner), ...more].map((o) => o.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b));
}
