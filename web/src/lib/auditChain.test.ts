import { describe, expect, it } from 'vitest';
import { chainStatus } from './auditChain';
import type { AuditChain } from './types';

const chain = (over: Partial<AuditChain> = {}): AuditChain => ({
  chain: 'org:1',
  org: 'kasumi',
  records: 12,
  head_id: 40,
  head_hash: 'a'.repeat(64),
  verified: true,
  broken: null,
  ...over,
});
const broken = (id: number, org: string | null): AuditChain =>
  chain({ org, chain: org ? 'org:2' : 'site', verified: false, broken: { record_id: id, kind: 'removed', message: `records were removed before record ${id}` } });

describe('chainStatus', () => {
  it('says an organisation’s chain verified with its record count', () => {
    expect(chainStatus(chain())).toEqual({ ok: true, key: 'admin.audit.chainVerified', params: { records: 12 } });
  });

  it('names the record an organisation’s chain breaks at, and why', () => {
    expect(chainStatus(broken(17, 'kasumi'))).toEqual({
      ok: false,
      key: 'admin.audit.chainBroken',
      params: { id: 17 },
      kind: 'removed',
      org: 'kasumi',
      detail: 'records were removed before record 17',
    });
  });

  it('counts every chain and record when all verify', () => {
    expect(chainStatus({ verified: true, chains: [chain(), chain({ chain: 'site', org: null, records: 3 })] })).toEqual({
      ok: true,
      key: 'admin.audit.chainsVerified',
      params: { chains: 2, records: 15 },
    });
  });

  it('names the first broken chain of all, the site-wide one included', () => {
    const status = chainStatus({ verified: false, chains: [chain(), broken(5, null), broken(9, 'beta')] });
    expect(status.ok).toBe(false);
    expect(status.key).toBe('admin.audit.chainBrokenIn');
    expect(status.params).toEqual({ id: 5 });
    expect(status.org).toBeNull();
  });
});
