import { describe, expect, it } from 'vitest';
import {
  answeredBy,
  boardCounts,
  buildBoard,
  createBody,
  draftFor,
  draftNumber,
  emptyForm,
  escalateBody,
  formFromDraft,
  formFromFinding,
  formOf,
  groupServices,
  knownOwners,
  updateBody,
} from './actions';
import { finding as testFinding } from './testData';
import type { Action, Cycle, DraftAction, Finding, Phase } from './types';

/** An action as the server sends it: `open` and `overdue` are the server's (closed ones are not open). */
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
  open: over.status === undefined || over.status === 'open' || over.status === 'in_progress',
  overdue: false,
  can_escalate: false,
  ...over,
});

const finding = (code: string, service: string): Finding => testFinding({ code, service });

const TODAY = '2026-11-27';

describe('open, done and overdue, as the server says', () => {
  it('counts the board from the server\'s flags', () => {
    const list = [
      action('1', { due: '2026-01-01', overdue: true }),
      action('2', { status: 'done', due: '2026-01-01' }),
      action('3', { status: 'in_progress' }),
      action('4', { status: 'cancelled' }),
    ];
    expect(boardCounts(list)).toEqual({ open: 2, overdue: 1, done: 1, total: 4 });
  });

  it('never decides lateness from dates itself', () => {
    // A past due date the server does not call overdue (say, its today is earlier) is not late here.
    expect(boardCounts([action('1', { due: '2000-01-01' })]).overdue).toBe(0);
  });
});

describe('the board', () => {
  // The vocabulary's lists (GET /vocabulary sends them in this order).
  const phases: Phase[] = ['strategic', 'operation', 'response'];
  const cycles: Cycle[] = ['short', 'long'];
  const list = [
    action('A-1', { phase: 'response', cycle: 'short', due: '2027-02-01' }),
    action('A-2', { phase: 'response', cycle: 'short', due: '2026-10-01', overdue: true }),
    action('A-3', { phase: 'operation', cycle: 'long' }),
    action('A-4', { phase: 'strategic', cycle: 'long', status: 'done' }),
    action('A-10', { phase: 'response', cycle: 'short' }),
    action('A-5', { phase: 'response', cycle: 'short', due: '2026-12-01' }),
  ];

  it('places each action by cycle (swimlane) and phase (column)', () => {
    const board = buildBoard(list, 'all', phases, cycles);
    expect(board.short.response.map((a) => a.id)).toEqual(['A-2', 'A-5', 'A-1', 'A-10']);
    expect(board.long.operation.map((a) => a.id)).toEqual(['A-3']);
    expect(board.long.strategic.map((a) => a.id)).toEqual(['A-4']);
    expect(board.short.strategic).toEqual([]);
    expect(board.short.operation).toEqual([]);
    expect(board.long.response).toEqual([]);
  });

  it('has the columns and swimlanes the vocabulary lists, in its order', () => {
    const board = buildBoard(list, 'all', ['response', 'strategic'], ['long']);
    expect(Object.keys(board)).toEqual(['long']);
    expect(Object.keys(board.long)).toEqual(['response', 'strategic']);
    expect(board.long.strategic.map((a) => a.id)).toEqual(['A-4']);
  });

  it('hides the actions the server says are closed when showing open ones', () => {
    const board = buildBoard(list, 'open', phases, cycles);
    expect(board.long.strategic).toEqual([]);
    expect(board.short.response).toHaveLength(4);
  });

  it('puts overdue first, then by due date, undated last, closed after open', () => {
    const board = buildBoard(
      [
        action('x3', { phase: 'operation' }),
        action('x1', { phase: 'operation', status: 'done', due: '2026-01-01' }),
        action('x2', { phase: 'operation', due: '2026-12-31' }),
        action('x4', { phase: 'operation', due: '2026-02-01', overdue: true }),
        action('x5', { phase: 'operation', due: '2026-01-15' }),
      ],
      'all',
      phases,
      cycles,
    );
    expect(board.short.operation.map((a) => a.id)).toEqual(['x4', 'x5', 'x2', 'x3', 'x1']);
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

  it('reads an action whose finding is null (as the server sends it)', () => {
    const a = { ...action('A-9', { status: 'in_progress' }), finding: null as unknown as string };
    expect(formOf(a).finding).toBe('');
    expect(formOf(a).status).toBe('in_progress');
    expect(updateBody(formOf(a))).not.toHaveProperty('finding');
  });

  it('escalates with the note, the date and the revision edited', () => {
    expect(escalateBody(' no budget this year ', TODAY, 3)).toEqual({ note: 'no budget this year', date: TODAY, revision: 3 });
    expect(escalateBody('', TODAY, undefined)).toEqual({ note: '', date: TODAY });
  });
});

describe('actions from findings and drafts', () => {
  const draft = (id: string, over: Partial<Action>, title: { en: string; ja: string }, params: Partial<DraftAction['parameters']> = {}): DraftAction => ({
    ...action(id, { ...over, title: title.en }),
    texts: { title, resources: { en: over.resources ?? '', ja: over.resources ? '要員' : '' } },
    parameters: { code: over.finding ?? '', service: over.services?.[0] ?? '', from: null, to: null, quadrant: null, ...params },
  });
  const drafts = [
    draft('DRAFT-1', { services: ['H-1'], cycle: 'long', finding: 'unassigned', resources: 'people or an outside provider' }, { en: 'Assign an owner or provider for H-1 Internal fraud', ja: 'H-1 内部不正の担当を決める' }),
    draft('DRAFT-2', { services: ['E-9'], cycle: 'long', finding: 'gap' }, { en: 'Raise E-9 Hardening from 1 to 4', ja: 'E-9 堅牢化を 1 から 4 に引き上げる' }, { from: 1, to: 4 }),
    draft('DRAFT-3', { services: ['A-12'], cycle: 'long', finding: 'quadrant_mismatch' }, { en: 'Review the sourcing of A-12 Security audit (quadrant IV)', ja: 'A-12 のソーシングを見直す（象限 IV）' }, { quadrant: 'IV' }),
    draft('DRAFT-4', { services: ['B-2'], finding: 'missing_provider' }, { en: 'Name the provider for B-2 x', ja: 'B-2 x の委託先を明記する' }),
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

  it('finds the action the server says is open that already answers a finding', () => {
    const actions = [action('A-1', { finding: 'gap', services: ['E-9'], status: 'done' }), action('A-2', { finding: 'gap', services: ['D-1', 'E-9'] })];
    expect(answeredBy(finding('gap', 'E-9'), actions)?.id).toBe('A-2');
    expect(answeredBy(finding('unassigned', 'E-9'), actions)).toBeUndefined();
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
