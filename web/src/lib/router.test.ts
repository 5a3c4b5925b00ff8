import { describe, expect, it } from 'vitest';
import { match, orgHref } from './router.svelte';

describe('router', () => {
  it('names each screen and its parameters', () => {
    expect(match('/').name).toBe('home');
    expect(match('/signin', '?next=%2Forgs%2Fx').query.get('next')).toBe('/orgs/x');
    expect(match('/orgs/acme')).toMatchObject({ name: 'overview', params: { org: 'acme' } });
    expect(match('/orgs/acme/build/profile')).toMatchObject({ name: 'profile', params: { org: 'acme' } });
    expect(match('/orgs/acme/evaluations/2026-H1')).toMatchObject({
      name: 'evaluation',
      params: { org: 'acme', evaluation: '2026-H1' },
    });
    expect(match('/orgs/acme/compare', '?from=a&to=b').query.get('to')).toBe('b');
    expect(match('/admin/audit').name).toBe('site-audit');
    expect(match('/orgs/acme/audit').name).toBe('org-audit');
  });

  it('decodes parameters and tolerates a trailing slash', () => {
    expect(match('/orgs/a%20b/matrix/').params).toEqual({ org: 'a b' });
  });

  it('answers not-found for unknown paths and malformed encodings', () => {
    expect(match('/orgs').name).toBe('not-found');
    expect(match('/orgs/acme/nothing').name).toBe('not-found');
    expect(match('/orgs/%E0%A4%A/matrix').name).toBe('not-found');
  });

  it('builds organisation paths with each part encoded', () => {
    expect(orgHref('acme')).toBe('/orgs/acme');
    expect(orgHref('a/b', 'matrix')).toBe('/orgs/a%2Fb/matrix');
    expect(orgHref('acme', 'compare', { from: '2025-H2', to: 'current' })).toBe('/orgs/acme/compare?from=2025-H2&to=current');
    expect(match(orgHref('a/b', 'matrix')).params).toEqual({ org: 'a/b' });
  });
});
