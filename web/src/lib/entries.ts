// The organisation's service entries over the API: loading them, saving one with the revision it
// was loaded at (a 409 becomes the differences to offer), saving many at once, custom services,
// evidence files and the reference data the build flow reads.
import { ApiError, del, get, orgPath, patch, post, put } from './api';
import { CONFLICT_FIELDS, entryBody, flatten, type BulkItem, type SavedEntry } from './build';
import { differences, type Difference } from './conflicts';
import type { Crosswalk, Evidence, Level, Library, ServiceEntry, Sourcing, TemplateSummary, Text } from './types';

export interface ServicesAnswer {
  org: string;
  catalog: string;
  services: ServiceEntry[];
}

export function loadServices(org: string, signal?: AbortSignal): Promise<ServicesAnswer> {
  return get<ServicesAnswer>(orgPath(org, 'services'), signal);
}

/** The outcome of saving one entry: saved, or refused because someone else saved it first. */
export type SaveOutcome =
  | { kind: 'saved'; entry: SavedEntry }
  | { kind: 'conflict'; current: SavedEntry; differences: Difference[] };

/** The differences between my edit and the entry as it is now, given what I started from. */
export function conflictDifferences(base: SavedEntry, mine: SavedEntry, current: SavedEntry): Difference[] {
  return differences(flatten(base), flatten(mine), flatten(current), [...CONFLICT_FIELDS]);
}

/**
 * PUT one entry with the revision it was loaded at. A 409 carrying the current entry is answered
 * as a conflict with the differences to choose from; any other error is thrown.
 */
export async function saveEntry(org: string, base: SavedEntry, mine: SavedEntry): Promise<SaveOutcome> {
  try {
    const entry = await put<SavedEntry>(orgPath(org, 'services', mine.service), entryBody(mine), { revision: base.revision });
    return { kind: 'saved', entry };
  } catch (e) {
    if (e instanceof ApiError && e.code === 'conflict' && isEntry(e.current)) {
      return { kind: 'conflict', current: e.current, differences: conflictDifferences(base, mine, e.current) };
    }
    throw e;
  }
}

function isEntry(value: unknown): value is SavedEntry {
  return typeof value === 'object' && value !== null && 'service' in value && 'revision' in value && 'assignment' in value;
}

/** PATCH many entries at once, all or nothing. */
export async function saveMany(org: string, services: BulkItem[]): Promise<SavedEntry[]> {
  const answer = await patch<{ services: SavedEntry[] }>(orgPath(org, 'services'), { services });
  return answer.services;
}

// ---------------------------------------------------------------------------------------------
// Custom services

export interface CustomServiceInput {
  id: string;
  category: string;
  name: Text;
  description: Text;
  sourcing?: Sourcing | null;
}

/** The body of POST /orgs/{org}/custom-services from the form's values (blank sourcing left out). */
export function customServiceBody(input: CustomServiceInput): CustomServiceInput {
  const body: CustomServiceInput = {
    id: input.id.trim(),
    category: input.category,
    name: { en: input.name.en.trim(), ja: input.name.ja.trim() },
    description: { en: input.description.en.trim(), ja: input.description.ja.trim() },
  };
  if (input.sourcing) body.sourcing = input.sourcing;
  return body;
}

export function addCustomService(org: string, input: CustomServiceInput): Promise<SavedEntry> {
  return post<SavedEntry>(orgPath(org, 'custom-services'), customServiceBody(input));
}

export function removeCustomService(org: string, service: string): Promise<void> {
  return del<void>(orgPath(org, 'custom-services', service));
}

// ---------------------------------------------------------------------------------------------
// Evidence

export function listEvidence(org: string): Promise<Evidence[]> {
  return get<{ evidence: Evidence[] }>(orgPath(org, 'evidence')).then((a) => a.evidence);
}

export function uploadEvidence(org: string, file: File): Promise<Evidence> {
  return post<Evidence>(orgPath(org, 'evidence') + '?filename=' + encodeURIComponent(file.name), undefined, {
    raw: file,
    contentType: file.type || 'application/octet-stream',
  });
}

export function evidenceHref(org: string, sha256: string): string {
  return orgPath(org, 'evidence', sha256);
}

// ---------------------------------------------------------------------------------------------
// Reference data: templates and the crosswalk to FIRST

export function loadLibrary(): Promise<Library> {
  return get<Library>('/api/v1/catalogs');
}

export interface TemplateDocument {
  template: TemplateSummary & { audience?: Text };
  levels: { service: string; name: Text; level: Level }[];
}

export function loadTemplate(id: string): Promise<TemplateDocument> {
  return get<TemplateDocument>('/api/v1/templates/' + encodeURIComponent(id));
}

export interface CrosswalkDocument extends Omit<Crosswalk, 'unmatched_from' | 'unmatched_to'> {
  unmatched_from: { id: string; note: Text }[] | null;
  unmatched_to: { id: string; note: Text }[] | null;
}

export function loadCrosswalk(id: string): Promise<CrosswalkDocument> {
  return get<CrosswalkDocument>('/api/v1/crosswalks/' + encodeURIComponent(id));
}
