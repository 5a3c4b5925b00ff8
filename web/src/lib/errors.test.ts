import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { explain, fieldLabel } from './errors';
import { i18n } from './i18n.svelte';

describe('errors', () => {
  beforeEach(() => i18n.set('en'));

  it('names the field the server names, in the user language', () => {
    const e = new ApiError(400, 'invalid_input', 'score 9 is out of range', 'insource.as_is', null);
    expect(explain(e).message).toBe('“As-is (insourced)” was not accepted: score 9 is out of range');
    i18n.set('ja');
    expect(explain(e).message).toBe('「現状（インソース）」が受け付けられませんでした：score 9 is out of range');
    expect(explain(e).detail).toBe('score 9 is out of range');
  });

  it('reads indexed and nested field names', () => {
    expect(fieldLabel('services[3].level')).toBe('Level');
    expect(fieldLabel('services.A-2.insource')).toBe('Insource scores (as-is and to-be)');
    expect(fieldLabel('services.A-2.insource.as_is')).toBe('As-is (insourced)');
    expect(fieldLabel('something.owner')).toBe('Owner');
    expect(fieldLabel('mystery')).toBe('mystery');
  });

  it('explains each error code in words, in both languages', () => {
    for (const [code, status] of [['forbidden', 403], ['not_found', 404], ['conflict', 409], ['unavailable', 503], ['network', 0], ['payload_too_large', 413]] as const) {
      i18n.set('en');
      const en = explain(new ApiError(status, code, 'x', null, null)).message;
      i18n.set('ja');
      const ja = explain(new ApiError(status, code, 'x', null, null)).message;
      expect(en).not.toBe(ja);
      expect(en.length).toBeGreaterThan(10);
      expect(ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
  });

  it('says how long to wait when sign-ins are delayed (429 with Retry-After)', () => {
    const e = new ApiError(429, 'too_many_requests', 'too many failed sign-ins; try again in 8 seconds', 'username', null, 8);
    i18n.set('en');
    expect(explain(e).message).toContain('8 seconds');
    i18n.set('ja');
    expect(explain(e).message).toContain('8秒');
  });

  it('explains an unknown code with its status', () => {
    expect(explain(new ApiError(418, 'teapot', 'x', null, null)).message).toContain('418');
    expect(explain(new Error('boom')).detail).toBe('boom');
  });
});
