// Fixtures the unit tests share (imported by *.test.ts only): a service entry and a finding with
// every field the API sends, so that a test names only the fields it is about.
import { DERIVED_FIELDS, type SavedServiceEntry } from './build';
import type { Finding, ServiceEntry, Vocabulary } from './types';

/** Input limits deliberately narrower than the server's, so a test passes only if the code reads them. */
export const narrowLimits: Vocabulary['limits'] = {
  organisation_id: { pattern: '^[a-z]+$', max_length: 8 },
  evaluation_interval_days: { min: 1, max: 10, default: 5 },
  username: { pattern: '^[a-z]+$', max_length: 8 },
  password: { min_length: 4, max_bytes: 16 },
  token_lifetime_days: { min: 1, max: 10, default: 5 },
};

/** A service entry as GET /services sends it: undecided, unassigned, unscored, outside the catalogue. */
export function serviceEntry(service: string, over: Partial<ServiceEntry> = {}): ServiceEntry {
  return {
    service,
    name: { en: 'Service ' + service, ja: 'Service ' + service + '（ja）' },
    category: service.split('-')[0]!,
    phase: 'strategic',
    custom: false,
    level: null,
    assignment: 'unassigned',
    owner: '',
    provider: '',
    sourcing: null,
    insource: { as_is: null, to_be: null },
    outsource: { as_is: null, to_be: null },
    unassigned: { as_is: null, to_be: null },
    rationale: '',
    evidence: [],
    capacity: '',
    capability: '',
    revision: 1,
    updated_at: '2026-01-01T00:00:00Z',
    updated_by: 'someone',
    quadrant: null,
    quadrant_mismatch: null,
    in_catalogue: false,
    scored: false,
    score_pairs: ['unassigned'],
    gaps: { insource: null, outsource: null, unassigned: null },
    gap: null,
    profile_issues: [],
    ...over,
  };
}

/** What the server answers for a saved entry (PUT, PATCH, a 409's current): the stored fields only. */
export function savedEntry(service: string, over: Partial<SavedServiceEntry> = {}): SavedServiceEntry {
  const stored = Object.entries(serviceEntry(service)).filter(([field]) => !(DERIVED_FIELDS as readonly string[]).includes(field));
  return { ...(Object.fromEntries(stored) as SavedServiceEntry), ...over };
}

/** A finding of the profile evaluation about one service, with no figures. */
export function finding(over: Partial<Finding> & Pick<Finding, 'code' | 'service'>): Finding {
  return {
    evaluation: 'profile',
    severity: 'error',
    level: null,
    reference_level: null,
    assignment: null,
    quadrant: null,
    as_is: null,
    to_be: null,
    message: { en: '', ja: '' },
    ...over,
  };
}
