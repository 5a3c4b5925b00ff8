// The organisation's service entries over the API: loading them, saving one with the revision it
// was loaded at (a 409 becomes the differences to offer), the save queue the build steps and the
// matrix share (ServiceEntrySaves), saving many at once, custom services,
// evidence files and the reference data the build flow reads.
import { ApiError, del, get, orgPath, patch, post, put } from './api';
import { CONFLICT_FIELDS, entryBody, flatten, unflatten, type BulkItem, type SavedServiceEntry } from './build';
import { differences, resolve, type Choice, type Difference } from './conflicts';
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
  | { kind: 'saved'; entry: SavedServiceEntry }
  | { kind: 'conflict'; current: SavedServiceEntry; differences: Difference[] };

/** The differences between my edit and the entry as it is now, given what I started from. */
export function conflictDifferences(base: SavedServiceEntry, mine: SavedServiceEntry, current: SavedServiceEntry): Difference[] {
  return differences(flatten(base), flatten(mine), flatten(current), [...CONFLICT_FIELDS]);
}

/**
 * PUT one entry with the revision it was loaded at. A 409 carrying the current entry is answered
 * as a conflict with the differences to choose from; any other error is thrown.
 */
export async function saveServiceEntry(org: string, base: SavedServiceEntry, mine: SavedServiceEntry): Promise<SaveOutcome> {
  try {
    const entry = await put<SavedServiceEntry>(orgPath(org, 'services', mine.service), entryBody(mine), { revision: base.revision });
    return { kind: 'saved', entry };
  } catch (e) {
    if (e instanceof ApiError && e.code === 'conflict' && isServiceEntry(e.current)) {
      return { kind: 'conflict', current: e.current, differences: conflictDifferences(base, mine, e.current) };
    }
    throw e;
  }
}

function isServiceEntry(value: unknown): value is SavedServiceEntry {
  return typeof value === 'object' && value !== null && 'service' in value && 'revision' in value && 'assignment' in value;
}

/** What the save queue tells the screen using it. */
export interface ServiceEntrySaveHooks {
  /** A server answer made a shown entry again (catalogue data, quadrant advice kept or looked up). */
  merge: (saved: SavedServiceEntry, before: ServiceEntry) => ServiceEntry;
  /** The service is being sent. */
  saving: (service: string) => void;
  /** Saved, and no later edit is waiting: show this. */
  saved: (service: string, entry: ServiceEntry) => void;
  /** Someone else saved it first: the user chooses between `mine` and `current`, field by field. */
  conflict: (service: string, conflict: { mine: ServiceEntry; current: ServiceEntry; differences: Difference[] }) => void;
  /** Refused or not sent; `mine` is what was being saved. */
  failed: (service: string, error: unknown, mine: ServiceEntry) => void;
}

/**
 * The save queue of service entries that the build steps and the matrix share. Every edit is
 * saved at once with the revision it was made on; edits to one service go one after another,
 * never in parallel (the second would meet the first's new revision), the latest edit including
 * the earlier ones. A 409 becomes a conflict over CONFLICT_FIELDS, with the user's edit kept.
 */
export class ServiceEntrySaves {
  private saved = new Map<string, ServiceEntry>();
  private queued = new Map<string, ServiceEntry>();
  private running = new Set<string>();

  constructor(
    private readonly org: string,
    private readonly hooks: ServiceEntrySaveHooks,
  ) {}

  /** The entries as loaded: what the next edits are made on. */
  adopt(list: readonly ServiceEntry[]): void {
    this.saved = new Map(list.map((e) => [e.service, e]));
  }

  /** An entry saved some other way (a bulk write). */
  remember(entry: ServiceEntry): void {
    this.saved.set(entry.service, entry);
  }

  /** The entry as the server last confirmed it. */
  savedEntry(service: string): ServiceEntry | undefined {
    return this.saved.get(service);
  }

  /** Whether an edit is waiting or on its way. */
  busy(): boolean {
    return this.queued.size > 0 || this.running.size > 0;
  }

  /** Saves `mine` (the whole entry as the user now has it) after any save of it on its way. */
  save(service: string, mine: ServiceEntry): void {
    this.queued.set(service, mine);
    void this.drain(service);
  }

  private async drain(service: string): Promise<void> {
    if (this.running.has(service)) return;
    this.running.add(service);
    try {
      for (let mine = this.queued.get(service); mine; mine = this.queued.get(service)) {
        this.queued.delete(service);
        this.hooks.saving(service);
        const base = this.saved.get(service) ?? mine;
        try {
          const outcome = await saveServiceEntry(this.org, base, mine);
          if (outcome.kind === 'saved') {
            const merged = this.hooks.merge(outcome.entry, base);
            this.saved.set(service, merged);
            if (!this.queued.has(service)) this.hooks.saved(service, merged);
          } else {
            const current = this.hooks.merge(outcome.current, base);
            this.saved.set(service, current);
            // A later edit made while this one was on its way includes this one: offer that.
            const latest = this.queued.get(service) ?? mine;
            this.queued.delete(service);
            const differences = latest === mine ? outcome.differences : conflictDifferences(base, latest, outcome.current);
            if (differences.length === 0) this.hooks.saved(service, current);
            else this.hooks.conflict(service, { mine: latest, current, differences });
          }
        } catch (e) {
          this.queued.delete(service);
          this.hooks.failed(service, e, mine);
        }
      }
    } finally {
      this.running.delete(service);
    }
  }
}

/** The entry to save after a conflict: the current one, with my value wherever I chose mine. */
export function chosenEntry(mine: ServiceEntry, current: ServiceEntry, choices: Record<string, Choice>): ServiceEntry {
  return unflatten(current, resolve(flatten(mine), flatten(current), choices));
}

/** PATCH many entries at once, all or nothing. */
export async function saveMany(org: string, services: BulkItem[]): Promise<SavedServiceEntry[]> {
  const answer = await patch<{ services: SavedServiceEntry[] }>(orgPath(org, 'services'), { services });
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

export function addCustomService(org: string, input: CustomServiceInput): Promise<SavedServiceEntry> {
  return post<SavedServiceEntry>(orgPath(org, 'custom-services'), customServiceBody(input));
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
