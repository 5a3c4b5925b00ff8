// The one way the UI talks to the server: JSON in and out, the CSRF token on every write, the
// API's error shape turned into an ApiError the screens can explain in the user's language.

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | null;
  /** On 409: the record as it is now on the server. */
  readonly current: unknown;
  /** On 429: the seconds to wait before trying again (Retry-After), else null. */
  readonly retryAfter: number | null;

  constructor(status: number, code: string, message: string, field: string | null, current: unknown, retryAfter: number | null = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
    this.current = current;
    this.retryAfter = retryAfter;
  }
}

let csrfToken = '';
const unauthenticatedListeners = new Set<() => void>();

export function setCsrfToken(token: string | null): void {
  csrfToken = token ?? '';
}

/** Called when any request answers 401 (the session ended): the app shows the sign-in page. */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

export interface RequestOptions {
  /** The revision edited, sent as If-Match. */
  revision?: number;
  /** A raw body (file upload) instead of JSON, with its type. */
  raw?: Blob | ArrayBuffer;
  contentType?: string;
  signal?: AbortSignal;
}

/** Turns an answer that is not 2xx into an ApiError (exported for tests). */
export async function errorFrom(response: Response): Promise<ApiError> {
  let code = 'http_' + response.status;
  let message = response.statusText;
  let field: string | null = null;
  let current: unknown = null;
  try {
    const body = (await response.json()) as {
      error?: { code?: string; message?: string; field?: string };
      current?: unknown;
    };
    if (body.error) {
      code = body.error.code ?? code;
      message = body.error.message ?? message;
      field = body.error.field ?? null;
    }
    current = body.current ?? null;
  } catch {
    // Not JSON (a proxy's page, say): keep the status.
  }
  const wait = Number.parseInt(response.headers?.get('Retry-After') ?? '', 10);
  return new ApiError(response.status, code, message, field, current, Number.isFinite(wait) && wait > 0 ? wait : null);
}

export async function request<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let payload: BodyInit | undefined;
  if (options.raw !== undefined) {
    payload = options.raw;
    headers['Content-Type'] = options.contentType ?? 'application/octet-stream';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['Content-Type'] = 'application/json';
  }
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (options.revision !== undefined) headers['If-Match'] = `"${options.revision}"`;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: payload ?? null,
      credentials: 'same-origin',
      signal: options.signal ?? null,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e), null, null);
  }
  if (!response.ok) {
    const error = await errorFrom(response);
    if (response.status === 401 && path !== '/api/v1/session')
      for (const listener of unauthenticatedListeners) listener();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('Content-Type') ?? '';
  if (type.startsWith('application/json')) return (await response.json()) as T;
  return (await response.text()) as T;
}

/** GETs started before the screen that needs them exists, kept for a few seconds. */
const prefetched = new Map<string, { at: number; answer: Promise<unknown> }>();

/**
 * Starts GETs now, in parallel, for a screen that will ask for them shortly (the first page of a
 * visit, while the session is still being checked): its `get` then takes the answer already on
 * its way. A prefetch that fails is forgotten, and the screen's own request reports the error.
 */
export function prefetch(...paths: string[]): void {
  const now = Date.now();
  for (const path of paths) {
    const answer = fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' }).then(
      async (response) => {
        if (!response.ok) throw await errorFrom(response);
        return response.json() as Promise<unknown>;
      },
    );
    answer.catch(() => prefetched.delete(path));
    prefetched.set(path, { at: now, answer });
  }
}

function takePrefetched(path: string): Promise<unknown> | null {
  const found = prefetched.get(path);
  if (!found) return null;
  prefetched.delete(path);
  return Date.now() - found.at < 10_000 ? found.answer : null;
}

export const get = <T>(path: string, signal?: AbortSignal): Promise<T> => {
  const early = takePrefetched(path);
  if (early) return early.then((answer) => answer as T, () => request<T>('GET', path, undefined, signal ? { signal } : {}));
  return request<T>('GET', path, undefined, signal ? { signal } : {});
};
export const post = <T>(path: string, body?: unknown, options?: RequestOptions): Promise<T> =>
  request<T>('POST', path, body ?? {}, options);
export const put = <T>(path: string, body: unknown, options?: RequestOptions): Promise<T> =>
  request<T>('PUT', path, body, options);
export const patch = <T>(path: string, body: unknown, options?: RequestOptions): Promise<T> =>
  request<T>('PATCH', path, body, options);
export const del = <T>(path: string, options?: RequestOptions): Promise<T> =>
  request<T>('DELETE', path, undefined, options);

/** Path of an organisation's resource, each part percent-encoded. */
export function orgPath(org: string, ...rest: string[]): string {
  return ['/api/v1/orgs', encodeURIComponent(org), ...rest.map(encodeURIComponent)].join('/');
}
