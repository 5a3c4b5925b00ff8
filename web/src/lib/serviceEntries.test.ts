import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api';
import type { SavedServiceEntry } from './build';
import { ServiceEntrySaves, customServiceBody, saveServiceEntry, saveMany, uploadEvidence, type ServiceEntrySaveHooks } from './serviceEntries';
import { savedEntry } from './testData';
import type { ServiceEntry } from './types';

function saved(over: Partial<SavedServiceEntry> = {}): SavedServiceEntry {
  return savedEntry('A-1', { level: 'basic', assignment: 'insource', owner: 'SOC', insource: { as_is: '3', to_be: '5' }, revision: 3, updated_by: 'alice', ...over });
}

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

function answer(status: number, body: unknown) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, method: String(init.method), headers: init.headers as Record<string, string>, body: init.body });
      return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
    }),
  );
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

describe('saveServiceEntry', () => {
  it('PUTs the whole entry with the revision it was loaded at', async () => {
    const calls = answer(200, saved({ owner: 'CSIRT', revision: 4 }));
    const base = saved();
    const outcome = await saveServiceEntry('org 1', base, { ...base, owner: 'CSIRT' });
    expect(outcome).toEqual({ kind: 'saved', entry: saved({ owner: 'CSIRT', revision: 4 }) });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.method).toBe('PUT');
    expect(calls[0]!.url).toBe('/api/v1/orgs/org%201/services/A-1');
    expect(calls[0]!.headers['If-Match']).toBe('"3"');
    const body = JSON.parse(String(calls[0]!.body)) as Record<string, unknown>;
    expect(body['owner']).toBe('CSIRT');
    expect(body['insource']).toEqual({ as_is: '3', to_be: '5' });
    expect(body).not.toHaveProperty('revision');
    expect(body).not.toHaveProperty('updated_by');
  });

  it('turns a 409 into the differences between my edit and the saved entry', async () => {
    const current = saved({ owner: 'IT', insource: { as_is: '3', to_be: '4' }, revision: 5, updated_by: 'bob' });
    answer(409, { error: { code: 'conflict', message: 'changed' }, current });
    const base = saved();
    const mine = { ...base, owner: 'CSIRT' };
    const outcome = await saveServiceEntry('org', base, mine);
    expect(outcome.kind).toBe('conflict');
    if (outcome.kind !== 'conflict') return;
    expect(outcome.current).toEqual(current);
    expect(outcome.differences).toEqual([
      { field: 'owner', mine: 'CSIRT', theirs: 'IT', suggested: 'mine' },
      { field: 'insource.to_be', mine: '5', theirs: '4', suggested: 'theirs' },
    ]);
  });

  it('throws other errors (with the field the server names)', async () => {
    answer(400, { error: { code: 'invalid_input', message: 'too long', field: 'owner' } });
    const base = saved();
    const error = await saveServiceEntry('org', base, base).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).field).toBe('owner');
  });
});

describe('ServiceEntrySaves (the queue the build steps and the matrix share)', () => {
  const shown = (over: Partial<SavedServiceEntry> = {}) => ({ ...saved(over), name: { en: 'Risk', ja: 'リスク' } }) as ServiceEntry;
  function recorder() {
    const events: string[] = [];
    const hooks: ServiceEntrySaveHooks = {
      merge: (answer, before) => ({ ...before, ...answer }) as ServiceEntry,
      saving: (s) => events.push(`saving ${s}`),
      saved: (s, e) => events.push(`saved ${s} ${e.owner} r${e.revision} ${e.name.en}`),
      conflict: (s, c) => events.push(`conflict ${s} ${c.differences.map((d) => d.field).join(',')}`),
      failed: (s, _e, mine) => events.push(`failed ${s} ${mine.owner}`),
    };
    return { events, hooks };
  }

  it('sends a second edit after the first, on the revision the first got, and shows only the last answer', async () => {
    const calls: string[] = [];
    let revision = 3;
    vi.stubGlobal('fetch', vi.fn(async (_url: string, init: RequestInit) => {
      calls.push(String((init.headers as Record<string, string>)['If-Match']));
      const body = JSON.parse(String(init.body)) as Partial<SavedServiceEntry>;
      return new Response(JSON.stringify(saved({ ...body, revision: ++revision })), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }));
    const { events, hooks } = recorder();
    const saves = new ServiceEntrySaves('org', hooks);
    saves.adopt([shown()]);
    saves.save('A-1', shown({ owner: 'CSIRT' }));
    saves.save('A-1', shown({ owner: 'PSIRT' }));
    expect(saves.busy()).toBe(true);
    await vi.waitFor(() => expect(saves.busy()).toBe(false));
    expect(calls).toEqual(['"3"', '"4"']);
    expect(events).toEqual(['saving A-1', 'saving A-1', 'saved A-1 PSIRT r5 Risk']);
    expect(saves.savedEntry('A-1')?.revision).toBe(5);
  });

  it('offers a 409 as a conflict over the one field list, and reports other refusals with the edit', async () => {
    const current = saved({ owner: 'IT', revision: 9 });
    answer(409, { error: { code: 'conflict', message: 'changed' }, current });
    const { events, hooks } = recorder();
    const saves = new ServiceEntrySaves('org', hooks);
    saves.adopt([shown()]);
    saves.save('A-1', shown({ owner: 'CSIRT', rationale: 'mine' }));
    await vi.waitFor(() => expect(saves.busy()).toBe(false));
    answer(400, { error: { code: 'invalid_input', message: 'too long', field: 'owner' } });
    saves.save('A-1', shown({ owner: 'x', revision: 9 }));
    await vi.waitFor(() => expect(saves.busy()).toBe(false));
    expect(events).toEqual(['saving A-1', 'conflict A-1 owner,rationale', 'saving A-1', 'failed A-1 x']);
  });
});

describe('other writes', () => {
  it('PATCHes many entries in one request', async () => {
    const calls = answer(200, { services: [saved({ revision: 4 })] });
    const out = await saveMany('org', [{ ...saved(), revision: 3 }]);
    expect(out[0]!.revision).toBe(4);
    expect(calls[0]!.method).toBe('PATCH');
    expect(JSON.parse(String(calls[0]!.body))).toHaveProperty('services.0.revision', 3);
  });

  it('uploads evidence as raw bytes with the file type and name', async () => {
    const calls = answer(201, { sha256: 'x', reference: 'evidence:sha256:x' });
    const file = new File(['hello'], 'policy v1.pdf', { type: 'application/pdf' });
    const ev = await uploadEvidence('org', file);
    expect(ev.reference).toBe('evidence:sha256:x');
    expect(calls[0]!.url).toBe('/api/v1/orgs/org/evidence?filename=policy%20v1.pdf');
    expect(calls[0]!.headers['Content-Type']).toBe('application/pdf');
    expect(calls[0]!.body).toBe(file);
  });

  it('sends a custom service trimmed, without blank sourcing', () => {
    const body = customServiceBody({ id: ' X-2 ', category: 'D', name: { en: ' Name ', ja: '名前' }, description: { en: '', ja: '' }, sourcing: null });
    expect(body).toEqual({ id: 'X-2', category: 'D', name: { en: 'Name', ja: '名前' }, description: { en: '', ja: '' } });
  });
});
