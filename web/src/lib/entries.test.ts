import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api';
import type { SavedEntry } from './build';
import { customServiceBody, saveEntry, saveMany, uploadEvidence } from './entries';

function saved(over: Partial<SavedEntry> = {}): SavedEntry {
  return {
    service: 'A-1',
    level: 'basic',
    assignment: 'insource',
    owner: 'SOC',
    provider: '',
    sourcing: null,
    insource: { as_is: '3', to_be: '5' },
    outsource: { as_is: null, to_be: null },
    unassigned: { as_is: null, to_be: null },
    rationale: '',
    evidence: [],
    capacity: '',
    capability: '',
    revision: 3,
    updated_at: '2026-01-01T00:00:00Z',
    updated_by: 'alice',
    ...over,
  };
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

describe('saveEntry', () => {
  it('PUTs the whole entry with the revision it was loaded at', async () => {
    const calls = answer(200, saved({ owner: 'CSIRT', revision: 4 }));
    const base = saved();
    const outcome = await saveEntry('org 1', base, { ...base, owner: 'CSIRT' });
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
    const outcome = await saveEntry('org', base, mine);
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
    const error = await saveEntry('org', base, base).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).field).toBe('owner');
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
