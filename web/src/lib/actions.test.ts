import { describe, expect, it } from 'vitest';
import {
  answeredBy,
  boardCounts,
  buildBoard,
  canEscalate,
  createBody,
  draftFor,
  draftNumber,
  draftWording,
  emptyForm,
  escalateBody,
  formFromDraft,
  formFromFinding,
  formOf,
  groupServices,
  isOpen,
  isOverdue,
  knownOwners,
  updateBody,
} from './actions';
import type { Action, Finding } from './types';

const action = (id: string, over: Partial<Action> = {}): Action => ({
  id,
  title: 'Title ' + id,
  services: ['A-1'],
  phase: 'strategic',
  phase_overridden: false,
  cycle: 'short',
  owner: '',
  due: null,
  status: 'open',
  resources: '',
  finding: '',
  history: [],
  revision: 1,
  ...over,
});

const finding = (code: string, service: string): Finding => ({
  evaluation: 'profile',
  severity: 'error',
  code,
  service,
  level: null,
  reference_level: null,
  assignment: null,
  quadrant: null,
  as_is: null,
  to_be: null,
  message: { en: '', ja: '' },
});

const TODAY = '2026-11-27';

describe('open, done and overdue', () => {
  it('counts open and in-progress actions as open', () => {
    expect(isOpen({ status: 'open' })).toBe(true);
    expect(isOpen({ status: 'in_progress' })).toBe(true);
    expect(isOpen({ status: 'done' })).toBe(false);
    expect(isOpen({ status: 'cancelled' })).toBe(false);
  });

  it('finds an open action overdue only when its due date is before today', () => {
    expect(isOverdue({ status: 'open', due: '2026-11-26' }, TODAY)).toBe(true);
    expect(isOverdue({ status: 'in_progress', due: '2026-03-31' }, TODAY)).toBe(true);
    expect(isOverdue({ status: 'open', due: TODAY }, TODAY)).toBe(false); // due today is not late yet
    expect(isOverdue({ status: 'open', due: '2027-01-01' }, TODAY)).toBe(false);
    expect(isOverdue({ status: 'open', due: null }, TODAY)).toBe(false);
    expect(isOverdue({ status: 'done', due: '2026-01-01' }, TODAY)).toBe(false);
  });

  it('counts the board', () => {
    const list = [
      action('1', { due: '2026-01-01' }),
      action('2', { status: 'done', due: '2026-01-01' }),
      action('3', { status: 'in_progress' }),
      action('4', { status: 'cancelled' }),
    ];
    expect(boardCounts(list, TODAY)).toEqual({ open: 2, overdue: 1, done: 1, total: 4 });
  });
});

describe('the board', () => {
  const list = [
    action('A-1', { phase: 'response', cycle: 'short', due: '2027-02-01' }),
    action('A-2', { phase: 'response', cycle: 'short', due: '2026-10-01' }), // overdue
    action('A-3', { phase: 'operation', cycle: 'long' }),
    action('A-4', { phase: 'strategic', cycle: 'long', status: 'done' }),
    action('A-10', { phase: 'response', cycle: 'short' }),
    action('A-5', { phase: 'response', cycle: 'short', due: '2026-12-01' }),
  ];

  it('places each action by cycle (swimlane) and phase (column)', () => {
    const board = buildBoard(list, 'all', TODAY);
    expect(board.short.response.map((a) => a.id)).toEqual(['A-2', 'A-5', 'A-1', 'A-10']);
    expect(board.long.operation.map((a) => a.id)).toEqual(['A-3']);
    expect(board.long.strategic.map((a) => a.id)).toEqual(['A-4']);
    expect(board.short.strategic).toEqual([]);
    expect(board.short.operation).toEqual([]);
    expect(board.long.response).toEqual([]);
  });

  it('hides done and cancelled actions when showing open ones', () => {
    const board = buildBoard(list, 'open', TODAY);
    expect(board.long.strategic).toEqual([]);
    expect(board.short.response).toHaveLength(4);
  });

  it('puts overdue first, then by due date, undated last, closed after open', () => {
    const board = buildBoard(
      [
        action('x3', { phase: 'operation' }),
        action('x1', { phase: 'operation', status: 'done', due: '2026-01-01' }),
        action('x2', { phase: 'operation', due: '2026-12-31' }),
        action('x4', { phase: 'operation', due: '2026-02-01' }),
      ],
      'all',
      TODAY,
    );
    expect(board.short.operation.map((a) => a.id)).toEqual(['x4', 'x2', 'x3', 'x1']);
  });
});

describe('request bodies', () => {
  it('creates with what was filled in, leaving the id and the phase to the server', () => {
    const form = { ...emptyForm(), title: '  Tune the SIEM rules ', services: ['B-3', ' B-1 ', 'B-3', ''], owner: ' SOC ', cycle: 'short' as const };
    expect(createBody(form)).toEqual({ title: 'Tune the SIEM rules', services: ['B-3', 'B-1'], cycle: 'short', owner: 'SOC', resources: '' });
  });

  it('creates with an id, due date, phase override and finding when given', () => {
    const form = { ...emptyForm(), id: 'ACT-9', title: 't', services: ['A-1'], phase: 'response' as const, cycle: 'long' as const, due: '2027-03-31', finding: 'gap' };
    expect(createBody(form)).toEqual({ id: 'ACT-9', title: 't', services: ['A-1'], phase: 'response', cycle: 'long', owner: '', resources: '', due: '2027-03-31', finding: 'gap' });
  });

  it('updates with the whole action: status, cleared due date, phase only when overridden', () => {
    const a = action('A-7', { phase: 'operation', due: '2027-01-01', finding: 'gap', owner: 'SOC', resources: 'budget' });
    const form = { ...formOf(a), due: '', status: 'in_progress' as const };
    expect(form.phase).toBe(''); // derived, so not sent
    expect(updateBody(form)).toEqual({
      title: 'Title A-7',
      services: ['A-1'],
      cycle: 'short',
      owner: 'SOC',
      resources: 'budget',
      finding: 'gap',
      due: null,
      status: 'in_progress',
    });
    const overridden = formOf(action('A-8', { phase: 'response', phase_overridden: true }));
    expect(updateBody(overridden).phase).toBe('response');
  });

  it('reads an action whose finding is null (as the server sends it) and an unknown status', () => {
    const a = { ...action('A-9'), finding: null, status: 'weird' as Action['status'] };
    expect(formOf(a).finding).toBe('');
    expect(formOf(a).status).toBe('open');
    expect(updateBody(formOf(a))).not.toHaveProperty('finding');
  });

  it('escalates with the note, the date and the revision edited', () => {
    expect(escalateBody(' no budget this year ', TODAY, 3)).toEqual({ note: 'no budget this year', date: TODAY, revision: 3 });
    expect(escalateBody('', TODAY, undefined)).toEqual({ note: '', date: TODAY });
  });

  it('offers escalation only for open short-cycle actions', () => {
    expect(canEscalate({ cycle: 'short', status: 'open' })).toBe(true);
    expect(canEscalate({ cycle: 'short', status: 'in_progress' })).toBe(true);
    expect(canEscalate({ cycle: 'long', status: 'open' })).toBe(false);
    expect(canEscalate({ cycle: 'short', status: 'done' })).toBe(false);
  });
});

describe('actions from findings and drafts', () => {
  const drafts = [
    action('DRAFT-1', { title: 'Assign an owner or provider for H-1 Internal fraud', services: ['H-1'], cycle: 'long', finding: 'unassigned', resources: 'people or an outside provider' }),
    action('DRAFT-2', { title: 'Raise E-9 Hardening from 1 to 4', services: ['E-9'], cycle: 'long', finding: 'gap' }),
    action('DRAFT-3', { title: 'Review the sourcing of A-12 Security audit (quadrant IV)', services: ['A-12'], cycle: 'long', finding: 'quadrant_mismatch' }),
    action('DRAFT-4', { title: 'Name the provider for B-2 x', services: ['B-2'], finding: 'missing_provider' }),
  ];

  it('makes a create form from a draft without its draft id, phase or history', () => {
    const form = formFromDraft(drafts[0]!, 'H-1 の担当を決める');
    expect(form).toEqual({ ...emptyForm(), title: 'H-1 の担当を決める', services: ['H-1'], cycle: 'long', resources: 'people or an outside provider', finding: 'unassigned' });
    expect(createBody(form)).not.toHaveProperty('id');
    expect(createBody(form)).not.toHaveProperty('phase');
  });

  it('finds the draft that answers a finding, and prefers it', () => {
    expect(draftFor(finding('gap', 'E-9'), drafts)?.id).toBe('DRAFT-2');
    expect(draftFor(finding('gap', 'H-1'), drafts)).toBeUndefined();
    expect(draftFor(finding('gap', ''), drafts)).toBeUndefined(); // an organisation-wide finding
    expect(formFromFinding(finding('gap', 'E-9'), drafts, 'Raise E-9').cycle).toBe('long');
  });

  it('makes a short-cycle form from a finding no draft answers', () => {
    expect(formFromFinding(finding('undecided', 'C-3'), drafts, 'Decide C-3')).toEqual({
      ...emptyForm(),
      title: 'Decide C-3',
      services: ['C-3'],
      finding: 'undecided',
    });
  });

  it('finds the open action that already answers a finding', () => {
    const actions = [action('A-1', { finding: 'gap', services: ['E-9'], status: 'done' }), action('A-2', { finding: 'gap', services: ['D-1', 'E-9'] })];
    expect(answeredBy(finding('gap', 'E-9'), actions)?.id).toBe('A-2');
    expect(answeredBy(finding('unassigned', 'E-9'), actions)).toBeUndefined();
  });

  it('reads what a draft says so it can be worded in Japanese', () => {
    expect(draftWording(drafts[0]!)).toEqual({ kind: 'unassigned', service: 'H-1' });
    expect(draftWording(drafts[1]!)).toEqual({ kind: 'gap', service: 'E-9', from: '1', to: '4' });
    expect(draftWording(drafts[2]!)).toEqual({ kind: 'quadrant_mismatch', service: 'A-12', quadrant: 'IV' });
    expect(draftWording(drafts[3]!)).toEqual({ kind: 'missing_provider', service: 'B-2' });
    expect(draftWording({ finding: 'gap', services: ['A-1'], title: 'something else' }).kind).toBe('other');
    expect(draftWording({ finding: null as unknown as string, services: [], title: 'x' }).kind).toBe('other');
  });

  it('numbers drafts by their id', () => {
    expect(draftNumber({ id: 'DRAFT-7' }, 0)).toBe(7);
    expect(draftNumber({ id: 'draft' }, 2)).toBe(3);
  });
});

describe('pickers', () => {
  it('groups services by category in the order given', () => {
    const groups = groupServices([
      { service: 'A-1', category: 'A' },
      { service: 'A-2', category: 'A' },
      { service: 'B-1', category: 'B' },
      { service: 'X-1', category: 'D' },
    ]);
    expect(groups.map((g) => [g.category, g.services.map((s) => s.service)])).toEqual([
      ['A', ['A-1', 'A-2']],
      ['B', ['B-1']],
      ['D', ['X-1']],
    ]);
  });

  it('suggests the owners already in use, once each, sorted', () => {
    expect(knownOwners([{ owner: 'SOC' }, { owner: '' }, { owner: ' CSIRT ' }, { owner: 'SOC' }], ['IT'])).toEqual(['CSIRT', 'IT', 'SOC']);
  });
});
