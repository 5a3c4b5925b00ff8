// What a screen fetches before it can show anything: whether that is still under way and what
// went wrong. `run` loads (the first time, and again on a retry) and keeps the failure for the
// screen to show (components/Loaded.svelte shows the three states).
export class Loading {
  loading = $state(true);
  error = $state<unknown>(null);

  /** Runs `load`, which stores what it got; a failure becomes `error`. */
  async run(load: () => Promise<void>): Promise<void> {
    this.loading = true;
    this.error = null;
    try {
      await load();
    } catch (e) {
      this.error = e;
    } finally {
      this.loading = false;
    }
  }
}
