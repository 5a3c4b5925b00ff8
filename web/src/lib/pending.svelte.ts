// What a screen's buttons are doing: which item is being changed, what went wrong and what was
// done. `run` does one change at a time and keeps the sentence to show when it worked, or the
// failure for ErrorNotice (lib/loading.svelte.ts does the same for what a screen fetches).
export class Pending<K = string> {
  busy = $state<K | null>(null);
  error = $state<unknown>(null);
  done = $state('');

  /** Runs `work` for `key`; it answers the sentence to show when it worked. False on failure. */
  async run(key: K, work: () => Promise<string>): Promise<boolean> {
    this.busy = key;
    this.error = null;
    this.done = '';
    try {
      this.done = await work();
      return true;
    } catch (e) {
      this.error = e;
      return false;
    } finally {
      this.busy = null;
    }
  }
}
