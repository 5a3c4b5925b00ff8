// What the audit screen says about the audit log's hash chains: the answer of
// GET …/orgs/{org}/audit/verify (one organisation's chain) or GET /api/v1/audit/verify (every
// chain, for site administrators), reduced to one line: verified, or broken at which record.
import type { MessageKey } from './messages';
import type { AuditChain, AuditVerification } from './types';

export type ChainBreakKind = NonNullable<AuditChain['broken']>['kind'];

export interface ChainStatus {
  ok: boolean;
  key: MessageKey;
  params: Record<string, number>;
  /** Why the chain is broken (a message key per kind), when it is. */
  kind?: ChainBreakKind;
  /** The broken chain's organisation; null for the site-wide chain. */
  org?: string | null;
  /** The server's own words on the break (English). */
  detail?: string;
}

export function chainStatus(answer: AuditChain | AuditVerification): ChainStatus {
  const all = 'chains' in answer;
  const chains = all ? answer.chains : [answer];
  const broken = chains.find((c) => c.broken);
  if (!broken?.broken) {
    const records = chains.reduce((n, c) => n + c.records, 0);
    return all
      ? { ok: true, key: 'admin.audit.chainsVerified', params: { chains: chains.length, records } }
      : { ok: true, key: 'admin.audit.chainVerified', params: { records } };
  }
  return {
    ok: false,
    key: all ? 'admin.audit.chainBrokenIn' : 'admin.audit.chainBroken',
    params: { id: broken.broken.record_id },
    kind: broken.broken.kind,
    org: broken.org,
    detail: broken.broken.message,
  };
}
