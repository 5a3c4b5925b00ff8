import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, onUnauthenticated, orgPath, request, setCsrfToken } from './api';

function answer(status: number, body: unknown, type = 'application/json'): Response {
  return new Response(body === null ? null : typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': type },
  });
}

describe('api', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    fetchMock.mockReset();
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('tok');
  });
  afterEach(() => vi.unstubAllGlobals());

  it('sends JSON with the CSRF token and If-Match on writes, not on reads', async () => {
    fetchMock.mockImplementation(() => Promise.resolve(answer(200, { ok: true })));
    await request('PUT', '/api/v1/x', { a: 1 }, { revision: 7 });
    const [, init] = fetchMock.mock.calls[0]!;
    const headers = init!.headers as Record<string, string>;
    expect(headers['Content-Type']).toBe('application/json');
    expect(headers['X-CSRF-Token']).toBe('tok');
    expect(headers['If-Match']).toBe('"7"');
    expect(init!.body).toBe('{"a":1}');

    await request('GET', '/api/v1/x');
    const readHeaders = fetchMock.mock.calls[1]![1]!.headers as Record<string, string>;
    expect(readHeaders['X-CSRF-Token']).toBeUndefined();
  });

  it('turns the error shape into an ApiError with code, field and the current record', async () => {
    fetchMock.mockResolvedValue(
      answer(409, { error: { code: 'conflict', message: 'changed', field: 'revision' }, current: { revision: 5 } }),
    );
    const error = await request('PUT', '/api/v1/x', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: 'conflict', field: 'revision', current: { revision: 5 }, message: 'changed' });
  });

  it('keeps the status when the answer is not JSON', async () => {
    fetchMock.mockResolvedValue(answer(502, '<html>bad gateway</html>', 'text/html'));
    const error = await request('GET', '/api/v1/x').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, code: 'http_502' });
  });

  it('reports a network failure as code "network"', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    const error = await request('GET', '/api/v1/x').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, code: 'network' });
  });

  it('tells listeners when a session ends (401), except for sign-in itself', async () => {
    const ended = vi.fn();
    const stop = onUnauthenticated(ended);
    fetchMock.mockResolvedValue(answer(401, { error: { code: 'unauthenticated', message: 'sign in' } }));
    await request('GET', '/api/v1/orgs').catch(() => undefined);
    expect(ended).toHaveBeenCalledTimes(1);
    fetchMock.mockResolvedValue(answer(401, { error: { code: 'unauthenticated', message: 'wrong' } }));
    await request('POST', '/api/v1/session', {}).catch(() => undefined);
    expect(ended).toHaveBeenCalledTimes(1);
    stop();
  });

  it('sends raw bodies (file uploads) with their type', async () => {
    fetchMock.mockResolvedValue(answer(201, { sha256: 'x' }));
    const file = new Blob(['%PDF-1.4'], { type: 'application/pdf' });
    await request('POST', '/api/v1/orgs/a/evidence?filename=a.pdf', undefined, { raw: file, contentType: 'application/pdf' });
    const [, init] = fetchMock.mock.calls[0]!;
    expect((init!.headers as Record<string, string>)['Content-Type']).toBe('application/pdf');
    expect(init!.body).toBe(file);
  });

  it('answers undefined for 204', async () => {
    fetchMock.mockResolvedValue(answer(204, null));
    await expect(request('DELETE', '/api/v1/session')).resolves.toBeUndefined();
  });

  it('encodes each part of an organisation path', () => {
    expect(orgPath('acme', 'services', 'A-1')).toBe('/api/v1/orgs/acme/services/A-1');
    expect(orgPath('a b', 'evaluations', '2026/1')).toBe('/api/v1/orgs/a%20b/evaluations/2026%2F1');
  });
});
