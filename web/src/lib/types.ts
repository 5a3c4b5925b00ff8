// The shapes of the JSON API, named for the UI: aliases of the types generated from the server's
// OpenAPI document (api-types.ts, made by scripts/api-types.mjs from `cdcwb openapi`), never
// written by hand — a field the server renames or drops fails `npm run check`.
import type { components, operations } from './api-types';

type Schemas = components['schemas'];
/** The JSON answer of an operation (by its operationId) with the given status. */
export type Answer<Op extends keyof operations, Status extends number = 200> = operations[Op]['responses'] extends Record<
  Status,
  { content: { 'application/json': infer T } }
>
  ? T
  : never;

export type Lang = Schemas['Lang'];
export type Text = Schemas['LocalizedText'];

export type Level = Schemas['Level'];
export type Assignment = Schemas['Assignment'];
export type Phase = Schemas['Phase'];
export type Cycle = Schemas['Cycle'];
export type ActionStatus = Schemas['ActionStatus'];
export type Role = Schemas['Role'];
export type ScoreValue = Schemas['Score'];
export type Severity = Schemas['Severity'];
export type EvaluationKind = Schemas['EvaluationKind'];

export type User = Schemas['User'];
export type Membership = Schemas['Membership'];
export type Session = Answer<'getSession'>;

/** An organisation; as listed (GET /api/v1/orgs) it also carries the caller's role there. */
export type Organisation = Schemas['Organisation'] & Partial<Pick<Answer<'listOrganisations'>['organisations'][number], 'role'>>;

export type ScorePair = Schemas['ScorePair'];
/** The score pairs of an entry: one per rubric, plus the Unassigned pair. */
export type RubricKey = Schemas['ScoreSlot'];
/** What the profile evaluation says about a row (its finding codes). */
export type ProfileIssue = Schemas['ProfileIssue'];
export type Sourcing = Schemas['Sourcing'];
/** One service's entry in the organisation's matrix (GET /orgs/{org}/services). */
export type ServiceEntry = Schemas['ServiceEntry'];

export type Aggregate = Schemas['Aggregate'];
export type CategoryScore = Schemas['Review']['scores']['categories'][number];
export type Finding = Schemas['Finding'];
export type Change = Schemas['Change'];
export type Trend = Answer<'listTrends'>['trends'][number];
export type TrendPoint = Trend['points'][number];

export type TriggerEvent = Schemas['Event'];
export type Due = Schemas['DueEvaluation'];

export type ActionHistory = Schemas['ActionValue']['history'][number];
/** An action: a saved one (with its revision) or a draft (GET /orgs/{org}/action-drafts). */
export type Action = Schemas['ActionValue'] & Partial<Omit<Schemas['Action'], keyof Schemas['ActionValue']>>;
/** A draft action: the action, its texts in both languages and its finding's figures. */
export type DraftAction = Schemas['DraftAction'] & Partial<Omit<Schemas['Action'], keyof Schemas['ActionValue']>>;

export type ReviewService = Schemas['Review']['services'][number];
/** The live evaluation (GET /orgs/{org}/review). */
export type Review = Schemas['Review'];

export type EvaluationSummary = Schemas['EvaluationSummary'];
export type Evaluation = Schemas['Evaluation'];

export type CatalogueNode = Schemas['CatalogueDocument']['nodes'][number];
export type CatalogueDocument = Schemas['CatalogueDocument'];
export type Library = Schemas['Library'];
export type CatalogueSummary = Library['catalogs'][number];
export type TemplateSummary = Library['templates'][number];
export type Crosswalk = Answer<'getCrosswalk'>;
export type CrosswalkLink = Crosswalk['links'][number];

/** GET /api/v1/vocabulary: the domain's tables, so the UI never re-derives a rule. */
export type Vocabulary = Schemas['Vocabulary'];
export type Named = Vocabulary['levels'][number];
export type Quadrant = Vocabulary['quadrants'][number];

export type Token = Schemas['Token'];
export type SessionInfo = Schemas['SessionInfo'];
export type AuditRecord = Schemas['AuditRecord'];
export type AuditChain = Schemas['AuditChain'];
export type AuditVerification = Schemas['AuditVerification'];
export type Evidence = Schemas['Evidence'];
