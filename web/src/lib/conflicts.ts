// A write refused with 409 carries the record as it is now. The user's edit is never lost: each
// field where their value and the saved one differ is offered as a choice, defaulting to theirs
// where only the other person changed it and to mine where only I did.

export type Choice = 'mine' | 'theirs';

export interface Difference {
  field: string;
  mine: unknown;
  theirs: unknown;
  /** Which value to keep unless the user says otherwise. */
  suggested: Choice;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The fields (of `fields`) where my edit and the saved record differ. */
export function differences<T extends object>(base: T, mine: T, theirs: T, fields: (keyof T & string)[]): Difference[] {
  const out: Difference[] = [];
  for (const field of fields) {
    const m = mine[field];
    const th = theirs[field];
    if (same(m, th)) continue;
    const iChanged = !same(m, base[field]);
    out.push({ field, mine: m, theirs: th, suggested: iChanged ? 'mine' : 'theirs' });
  }
  return out;
}

/** The record to save: the saved one, with my value wherever I chose mine. */
export function resolve<T extends object>(mine: T, theirs: T, choices: Record<string, Choice>): T {
  const out = { ...theirs };
  for (const [field, choice] of Object.entries(choices))
    if (choice === 'mine') (out as Record<string, unknown>)[field] = (mine as Record<string, unknown>)[field];
  return out;
}
