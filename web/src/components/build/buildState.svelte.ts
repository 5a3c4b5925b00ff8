// The state one build screen works on: the organisation's entries as shown and per service
// whether it is saving, saved or failed. Edits are saved through the save queue the matrix uses
// too (lib/serviceEntries' ServiceEntrySaves: at once, one after another per service, with the revision);
// a 409 queues a conflict for the dialog, with the user's edit kept until they choose.
import { ApiError, get } from '../../lib/api';
import {
  bulkBody,
  categoriesOf,
  defaultSourcing,
  nodesById,
  templateBody,
  withCatalogueData,
  type BulkChange,
  type BulkItem,
  type LevelChange,
  type SavedServiceEntry,
} from '../../lib/build';
import type { Choice, Difference } from '../../lib/conflicts';
import { ServiceEntrySaves, addCustomService, chosenEntry, loadServices, removeCustomService, saveMany, type CustomServiceInput } from '../../lib/serviceEntries';
import { session } from '../../lib/session.svelte';
import type { CatalogueDocument, ServiceEntry, Sourcing, Vocabulary } from '../../lib/types';

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'error' | 'conflict';

export interface PendingConflict {
  id: number;
  service: string;
  mine: ServiceEntry;
  current: ServiceEntry;
  differences: Difference[];
}

/** A bulk write refused because someone changed one of the entries: they were reloaded. */
export class StaleBulkError extends Error {
  constructor() {
    super('stale');
    this.name = 'StaleBulkError';
  }
}

let conflictIds = 0;

export class BuildState {
  readonly org: string;
  loading = $state(true);
  loadError = $state<unknown>(null);
  entries = $state.raw<ServiceEntry[]>([]);
  catalogue = $state.raw<CatalogueDocument | null>(null);
  catalogueId = $state('');
  status = $state<Record<string, SaveStatus>>({});
  errors = $state<Record<string, unknown>>({});
  conflicts = $state.raw<PendingConflict[]>([]);
  nodes = $derived(nodesById(this.catalogue));
  categories = $derived(categoriesOf(this.catalogue));

  private index = new Map<string, number>();
  private defaults = new Map<string, Sourcing | null>();
  private readonly saves: ServiceEntrySaves;

  constructor(org: string) {
    this.org = org;
    this.saves = new ServiceEntrySaves(org, {
      merge: (saved, before) => this.merge(saved, before),
      saving: (service) => (this.status[service] = 'saving'),
      saved: (service, entry) => {
        this.show(entry);
        this.status[service] = 'saved';
      },
      conflict: (service, c) => {
        this.status[service] = 'conflict';
        this.conflicts = [...this.conflicts, { id: ++conflictIds, service, ...c }];
      },
      failed: (service, error) => {
        this.errors[service] = error;
        this.status[service] = 'error';
      },
    });
  }

  get vocabulary(): Vocabulary | null {
    return session.vocabulary;
  }

  get canEdit(): boolean {
    return session.canEdit(this.org);
  }

  async load(): Promise<void> {
    this.loading = true;
    this.loadError = null;
    try {
      if (!session.vocabulary) session.vocabulary = await get<Vocabulary>('/api/v1/vocabulary');
      const answer = await loadServices(this.org);
      this.catalogueId = answer.catalog;
      this.catalogue = await session.catalogue(answer.catalog);
      this.adopt(answer.services);
    } catch (e) {
      this.loadError = e;
    } finally {
      this.loading = false;
    }
  }

  /** Reads every entry again (after custom services change, or a refused bulk write). */
  async reload(): Promise<void> {
    const answer = await loadServices(this.org);
    this.adopt(answer.services);
  }

  private adopt(list: ServiceEntry[]): void {
    this.index = new Map(list.map((e, i) => [e.service, i]));
    this.saves.adopt(list);
    this.defaults = new Map(list.map((e) => [e.service, defaultSourcing(e, this.nodes.get(e.service), this.vocabulary)]));
    this.entries = list;
  }

  entry(service: string): ServiceEntry | undefined {
    const i = this.index.get(service);
    return i === undefined ? undefined : this.entries[i];
  }

  /** The catalogue's default sourcing answers for a service (null when it has none). */
  defaultSourcing(service: string): Sourcing | null {
    return this.defaults.get(service) ?? null;
  }

  private show(...list: ServiceEntry[]): void {
    const next = this.entries.slice();
    for (const e of list) {
      const i = this.index.get(e.service);
      if (i !== undefined) next[i] = e;
    }
    this.entries = next;
  }

  private merge(saved: SavedServiceEntry, before: ServiceEntry): ServiceEntry {
    return withCatalogueData(saved, before);
  }

  /** Changes one service and saves it; the change is shown at once. */
  edit(service: string, change: (entry: ServiceEntry) => ServiceEntry): void {
    const current = this.entry(service);
    if (!current || !this.canEdit) return;
    const mine = change(current);
    if (mine === current) return;
    this.show(mine);
    delete this.errors[service];
    this.saves.save(service, mine);
  }

  /** Saves again what the screen shows for a service (after an error). */
  retry(service: string): void {
    const shown = this.entry(service);
    if (!shown) return;
    delete this.errors[service];
    this.saves.save(service, shown);
  }

  /** Drops an unsaved edit: the service shows what is saved. */
  revert(service: string): void {
    const saved = this.saves.savedEntry(service);
    if (saved) this.show(saved);
    delete this.errors[service];
    this.status[service] = 'idle';
  }

  /** The conflict dialog's answer: save the chosen values over the current entry. */
  resolveConflict(conflict: PendingConflict, choices: Record<string, Choice>): void {
    this.conflicts = this.conflicts.filter((c) => c.id !== conflict.id);
    const chosen = chosenEntry(conflict.mine, conflict.current, choices);
    this.show(chosen);
    this.saves.save(conflict.service, chosen);
  }

  /** The conflict dialog's other answer: keep what the other person saved. */
  discardConflict(conflict: PendingConflict): void {
    this.conflicts = this.conflicts.filter((c) => c.id !== conflict.id);
    this.show(conflict.current);
    this.status[conflict.service] = 'idle';
  }

  /** Writes many entries at once (all or nothing), from what is saved. */
  private async patch(items: BulkItem[]): Promise<number> {
    if (items.length === 0) return 0;
    for (const item of items) this.status[item.service] = 'saving';
    try {
      const written = await saveMany(this.org, items);
      const merged = written.map((w) => this.merge(w, this.saves.savedEntry(w.service) ?? (this.entry(w.service) as ServiceEntry)));
      for (const m of merged) {
        this.saves.remember(m);
        this.status[m.service] = 'saved';
        delete this.errors[m.service];
      }
      this.show(...merged);
      return merged.length;
    } catch (e) {
      for (const item of items) this.status[item.service] = 'idle';
      if (e instanceof ApiError && e.code === 'conflict') {
        await this.reload();
        throw new StaleBulkError();
      }
      throw e;
    }
  }

  private savedOf(services: readonly string[]): ServiceEntry[] {
    return services.map((s) => this.saves.savedEntry(s)).filter((e): e is ServiceEntry => e !== undefined);
  }

  /** Sets assignment / owner / provider on many services; answers how many changed. */
  applyBulk(services: readonly string[], change: BulkChange): Promise<number> {
    return this.patch(bulkBody(this.savedOf(services), change, this.vocabulary).services);
  }

  /** Applies a template's levels; answers how many changed. */
  applyTemplate(changes: readonly LevelChange[]): Promise<number> {
    return this.patch(templateBody(this.savedOf(changes.map((c) => c.service)), changes).services);
  }

  async addCustom(input: CustomServiceInput): Promise<void> {
    await addCustomService(this.org, input);
    await this.reload();
  }

  async removeCustom(service: string): Promise<void> {
    await removeCustomService(this.org, service);
    await this.reload();
  }
}
