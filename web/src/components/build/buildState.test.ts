// The build screens' save queue: edits to one service go one after another with the latest
// revision, a 409 becomes a conflict to resolve, and the server's answer is what is shown.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '../../lib/session.svelte';
import { narrowLimits } from '../../lib/testData';
import type { ServiceEntry, User, Vocabulary } from '../../lib/types';
import { BuildState } from './buildState.svelte';

const text = (en: string) => ({ en, ja: en + '（ja）' });

function entry(over: Partial<ServiceEntry> = {}): ServiceEntry {
  return {
    service: 'A-1', name: text('Risk'), category: 'A', phase: 'strategic', custom: false,
    level: 'basic', assignment: 'insource', owner: 'SOC', provider: '', sourcing: null,
    insource: { as_is: '3', to_be: '5' }, outsource: { as_is: null, to_be: null }, unassigned: { as_is: null, to_be: null },
    rationale: '', evidence: [], capacity: '', capability: '', revision: 1, updated_at: '', updated_by: 'alice',
    quadrant: 'I', quadrant_mismatch: null, in_catalogue: true, scored: true, score_pairs: ['insource'],
    gaps: { insource: 2, outsource: null, unassigned: null }, gap: 2, profile_issues: [], ...over,
  };
}

/** A write's answer without the catalogue data (as when the server cannot name the catalogue). */
function written(e: ServiceEntry) {
  const { name: _n, category: _c, phase: _p, custom: _cu, quadrant: _q, quadrant_mismatch: _m, ...rest } = e;
  return rest;
}

interface Call { method: string; url: string; ifMatch: string | undefined; body: Record<string, unknown> | null }

let calls: Call[];
let respond: (call: Call) => Promise<Response>;

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

beforeEach(() => {
  calls = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    const call: Call = { method: String(init.method), url, ifMatch: headers['If-Match'], body: init.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : null };
    calls.push(call);
    return respond(call);
  }));
  session.user = { username: 'admin', display_name: '', is_admin: true, disabled: false, lang: 'en', created_at: '' } satisfies User;
  session.vocabulary = {
    levels: [], assignments: [], phases: [], cycles: [], evaluation_kinds: [], trigger_kinds: [], severities: [],
    rubrics: { insource: { name: text('In'), levels: {} as never }, outsource: { name: text('Out'), levels: {} as never } },
    quadrants: [{ id: 'I', balance: '', guidance: text('inside'), mismatch: { insource: null, outsource: text('I outsourced'), both: null, unassigned: null } }],
    quadrant_of: [{ information: 'internal', specialist_skill: false, quadrant: 'I' }],
    limits: narrowLimits,
    action_statuses: [],
    score_options: { insource: { as_is: [], to_be: [] }, outsource: { as_is: [], to_be: [] }, unassigned: { as_is: [], to_be: [] } },
    whole_pair_scores: ['n/a'],
  } satisfies Vocabulary;
});

afterEach(() => vi.unstubAllGlobals());

async function loaded(e: ServiceEntry): Promise<BuildState> {
  respond = async (call) =>
    call.url.endsWith('/services') ? json(200, { org: 'o', catalog: 'cat', services: [e] }) : json(200, { catalog: {}, nodes: [] });
  const state = new BuildState('o');
  await state.load();
  calls = [];
  return state;
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('BuildState', () => {
  it('sends edits to one service one after another, each with the revision the last one got', async () => {
    const state = await loaded(entry());
    let revision = 1;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    respond = async (call) => {
      if (revision === 1) await gate;
      revision += 1;
      return json(200, { ...written(entry()), ...call.body, revision });
    };
    state.edit('A-1', (e) => ({ ...e, owner: 'CSIRT' }));
    state.edit('A-1', (e) => ({ ...e, provider: 'MSSP' }));
    expect(state.entry('A-1')?.provider).toBe('MSSP'); // shown at once
    expect(state.status['A-1']).toBe('saving');
    release();
    await vi.waitFor(() => expect(state.status['A-1']).toBe('saved'));
    expect(calls.map((c) => c.ifMatch)).toEqual(['"1"', '"2"']);
    expect(calls[1]!.body).toMatchObject({ owner: 'CSIRT', provider: 'MSSP' });
    const shown = state.entry('A-1')!;
    expect(shown.revision).toBe(3);
    expect(shown.name).toEqual(text('Risk')); // catalogue data kept
  });

  it('shows what the server says about the saved entry: advice, gaps, profile issues', async () => {
    const state = await loaded(entry());
    const says = { quadrant_mismatch: text('server says'), profile_issues: ['quadrant_mismatch', 'missing_provider'], scored: false, gap: null };
    respond = async (call) => json(200, { ...entry(), ...call.body, ...says, revision: 2 });
    state.edit('A-1', (e) => ({ ...e, assignment: 'outsource' }));
    await vi.waitFor(() => expect(state.status['A-1']).toBe('saved'));
    expect(state.entry('A-1')).toMatchObject({ assignment: 'outsource', ...says });
  });

  it('turns a 409 into a conflict and saves the choices over the current revision', async () => {
    const state = await loaded(entry());
    const theirs = { ...written(entry()), owner: 'IT', rationale: 'theirs', revision: 7, updated_by: 'bob' };
    respond = async (call) => (call.ifMatch === '"1"' ? json(409, { error: { code: 'conflict', message: 'changed' }, current: theirs }) : json(200, { ...call.body, service: 'A-1', revision: 8 }));
    state.edit('A-1', (e) => ({ ...e, owner: 'CSIRT' }));
    await vi.waitFor(() => expect(state.conflicts).toHaveLength(1));
    const conflict = state.conflicts[0]!;
    expect(state.status['A-1']).toBe('conflict');
    expect(conflict.differences.map((d) => [d.field, d.mine, d.theirs, d.suggested])).toEqual([
      ['owner', 'CSIRT', 'IT', 'mine'],
      ['rationale', '', 'theirs', 'theirs'],
    ]);
    state.resolveConflict(conflict, { owner: 'mine', rationale: 'theirs' });
    await vi.waitFor(() => expect(state.status['A-1']).toBe('saved'));
    expect(state.conflicts).toHaveLength(0);
    expect(calls.at(-1)!.ifMatch).toBe('"7"');
    expect(calls.at(-1)!.body).toMatchObject({ owner: 'CSIRT', rationale: 'theirs' });
  });

  it('keeps a refused edit on screen with its error, and undoes it on request', async () => {
    const state = await loaded(entry());
    respond = async () => json(400, { error: { code: 'invalid_input', message: 'too long', field: 'owner' } });
    state.edit('A-1', (e) => ({ ...e, owner: 'x'.repeat(600) }));
    await vi.waitFor(() => expect(state.status['A-1']).toBe('error'));
    expect(state.entry('A-1')?.owner).toHaveLength(600);
    expect(state.errors['A-1']).toBeTruthy();
    state.revert('A-1');
    expect(state.entry('A-1')?.owner).toBe('SOC');
    expect(state.errors['A-1']).toBeUndefined();
    await settle();
  });

  it('writes nothing for a viewer', async () => {
    const state = await loaded(entry());
    session.user = { ...session.user!, is_admin: false };
    session.memberships = [{ org: 'o', org_name: 'O', user: 'v', role: 'viewer' }];
    state.edit('A-1', (e) => ({ ...e, owner: 'CSIRT' }));
    await settle();
    expect(calls).toHaveLength(0);
    expect(state.entry('A-1')?.owner).toBe('SOC');
    session.memberships = [];
  });
});
