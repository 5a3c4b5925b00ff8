// The shapes of the JSON API (docs/api.md); only what the UI reads.

export type Lang = 'en' | 'ja';
export interface Text { en: string; ja: string }

export type Level = 'not_required' | 'basic' | 'standard' | 'advanced' | 'optional';
export type Assignment = 'insource' | 'outsource' | 'both' | 'unassigned';
export type Phase = 'strategic' | 'operation' | 'response';
export type Cycle = 'short' | 'long';
export type Role = 'admin' | 'assessor' | 'approver' | 'viewer';
export type ScoreValue = '1' | '2' | '3' | '4' | '5' | 'n/a';
export type Severity = 'error' | 'warning' | 'info';
export type EvaluationKind = 'catalogue' | 'profile' | 'portfolio';

export interface User {
  username: string;
  display_name: string;
  is_admin: boolean;
  disabled: boolean;
  lang: Lang;
  created_at: string;
}

export interface Membership { org: string; org_name: string; user: string; role: Role }

export interface Session {
  user: User;
  csrf_token: string | null;
  memberships: Membership[];
}

export interface Organisation {
  id: string;
  name: string;
  catalog: string;
  reference_template: string;
  evaluation_interval_days: number;
  custom_services: number;
  revision: number;
  created_at: string;
  role?: Role | null;
}

export interface ScorePair { as_is: ScoreValue | null; to_be: ScoreValue | null }
/** The score pairs of an entry: one per rubric, plus the Unassigned pair. */
export type RubricKey = 'insource' | 'outsource' | 'unassigned';
/** What the profile evaluation says about a row (its finding codes). */
export type ProfileIssue = 'unassigned' | 'quadrant_mismatch' | 'missing_owner' | 'missing_provider';
export interface Sourcing { information: 'internal' | 'external'; specialist_skill: boolean }

/** One service's entry in the organisation's matrix (GET /orgs/{org}/services). */
export interface ServiceEntry {
  service: string;
  name: Text;
  category: string;
  phase: Phase;
  custom: boolean;
  level: Level | null;
  assignment: Assignment;
  owner: string;
  provider: string;
  sourcing: Sourcing | null;
  insource: ScorePair;
  outsource: ScorePair;
  unassigned: ScorePair;
  rationale: string;
  evidence: string[];
  capacity: string;
  capability: string;
  revision: number;
  updated_at: string;
  updated_by: string;
  quadrant: 'I' | 'II' | 'III' | 'IV' | null;
  quadrant_mismatch: Text | null;
  /** Decided by the server's domain, never re-derived here (docs/api.md). */
  in_catalogue: boolean;
  scored: boolean;
  score_pairs: RubricKey[];
  gaps: Record<RubricKey, number | null>;
  gap: number | null;
  profile_issues: ProfileIssue[];
}

export interface Aggregate {
  counted: number;
  not_applicable: number;
  incomplete: number;
  as_is: number | null;
  to_be: number | null;
  gap: number | null;
}

export interface CategoryScore extends Aggregate { id: string; name: Text; phase: Phase }

export interface Finding {
  evaluation: EvaluationKind;
  severity: Severity;
  code: string;
  service: string | null;
  level: Level | null;
  reference_level: Level | null;
  assignment: Assignment | null;
  quadrant: string | null;
  as_is: number | null;
  to_be: number | null;
  message: Text;
}

export interface Change { service: string; field: string; before: string | null; after: string | null }

export interface TrendPoint { evaluation: string; date: string; value: Aggregate }
export interface Trend { scope: string; points: TrendPoint[] }

export interface TriggerEvent { id?: number; date: string; kind: string; note: string; created_at?: string; created_by?: string }
export interface Due {
  evaluation: EvaluationKind;
  last_done: string | null;
  events: TriggerEvent[];
  scheduled_date: string | null;
}

export interface ActionHistory { date: string; what: string; from: string; to: string; note: string }
export interface Action {
  id: string;
  title: string;
  services: string[];
  phase: Phase;
  phase_overridden: boolean;
  cycle: Cycle;
  owner: string;
  due: string | null;
  status: 'open' | 'in_progress' | 'done' | 'cancelled';
  resources: string;
  finding: string | null;
  history: ActionHistory[];
  revision?: number;
  updated_at?: string;
  updated_by?: string;
  /** Still to be worked on (open or in progress), and past its due date as of the server's today. */
  open: boolean;
  overdue: boolean;
}

/** A proposed action (GET /action-drafts, review.draft_actions): worded in both languages. */
export interface DraftAction extends Action {
  texts: { title: Text; resources: Text };
  parameters: { code: string; service: string; from: number | null; to: number | null; quadrant: string | null };
}

export interface ReviewService {
  id: string;
  name: Text;
  category: string;
  custom: boolean;
  level: Level | null;
  in_catalogue: boolean;
  assignment: Assignment;
  owner: string;
  provider: string;
  quadrant: string | null;
  score_state: string;
  as_is: number | null;
  to_be: number | null;
  gap: number | null;
}

/** The live evaluation (GET /orgs/{org}/review). */
export interface Review {
  date: string;
  organisation: { id: string; name: string };
  catalog: string;
  reference_template: string | null;
  scores: {
    overall: Aggregate;
    phases: Record<Phase, Aggregate>;
    categories: CategoryScore[];
  };
  summary: Record<Severity, number>;
  findings: Finding[];
  services: ReviewService[];
  changes_since: { evaluation: string; date: string; changes: Change[] } | null;
  /** As GET /trends, but each point's numbers are flat (not under `value`). */
  trends: { scope: string; points: (Aggregate & { evaluation: string; date: string })[] }[];
  due: Due[];
  actions: Action[];
  draft_actions: DraftAction[];
}

export interface EvaluationSummary {
  id: string;
  date: string;
  kinds: EvaluationKind[];
  note: string;
  reference_template: string;
  approved_by: string | null;
  approved_on: string | null;
  findings_count: Record<Severity, number>;
  created_at: string;
  created_by: string;
}
export interface Evaluation extends EvaluationSummary { findings: Finding[]; services: ServiceEntry[] }

export interface CatalogNode {
  id: string;
  kind: 'category' | 'service' | 'area' | 'function' | 'internal' | string;
  parent: string | null;
  name: Text;
  description: Text;
  aliases: { lang: string; name: string; source: string }[];
  phase?: Phase;
  sourcing?: Sourcing | null;
}
export interface CatalogDocument {
  catalog: { id: string; title: Text; version: string; edition_date: string; publisher: Text; licence_note: Text };
  nodes: CatalogNode[];
}
export interface CatalogSummary {
  id: string;
  title: Text;
  version: string;
  counts: Record<string, number>;
}
export interface TemplateSummary { id: string; catalog: string; name: Text }
export interface Library {
  catalogs: CatalogSummary[];
  crosswalks: { id: string; from: string; to: string; links: number }[];
  templates: TemplateSummary[];
}
export interface CrosswalkLink { from: string; to: string; relation: string; note?: string }
export interface Crosswalk {
  id: string;
  from_catalog: string;
  to_catalog: string;
  links: CrosswalkLink[];
  unmatched_from: { id: string; note: Text }[] | null;
  unmatched_to: { id: string; note: Text }[] | null;
}

export interface Named { id: string; name: Text }
export interface Quadrant {
  id: 'I' | 'II' | 'III' | 'IV';
  balance: string;
  guidance: Text;
  mismatch: Record<Assignment, Text | null>;
}
/** GET /api/v1/vocabulary: the domain's tables, so the UI never re-derives a rule. */
export interface Vocabulary {
  levels: Named[];
  /** Each with the score pairs it is scored with and the names it needs to be accountable. */
  assignments: (Named & { score_pairs: RubricKey[]; needs_owner: boolean; needs_provider: boolean })[];
  phases: Named[];
  cycles: Named[];
  evaluation_kinds: Named[];
  trigger_kinds: Named[];
  severities: Named[];
  rubrics: Record<'insource' | 'outsource', { name: Text; levels: Record<ScoreValue, Text> }>;
  quadrants: Quadrant[];
  quadrant_of: { information: 'internal' | 'external'; specialist_skill: boolean; quadrant: string }[];
  /** The server's input rules, for forms to check before sending (the server checks again). */
  limits: {
    organisation_id: { pattern: string; max_length: number };
    evaluation_interval_days: { min: number; max: number; default: number };
  };
}

export interface Token {
  id: number;
  user: string;
  name: string;
  prefix: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuditRecord {
  id: number;
  at: string;
  actor: string;
  org: string | null;
  entity: string;
  entity_id: string;
  operation: string;
  before: unknown;
  after: unknown;
}

export interface Evidence {
  sha256: string;
  reference: string;
  filename: string;
  media_type: string;
  size: number;
  created_at: string;
  created_by: string;
}
