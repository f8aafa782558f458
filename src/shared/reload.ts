// Reloading something that many events can ask for (typing, a checkout, a commit): one load at a
// time, a request during a load runs exactly one more load after it, and `soon()` waits for a quiet
// moment first so that a burst of events loads once.

/** How long things must be quiet before `soon()` loads. */
export const QUIET_MS = 250;

export class Reload {
  private running: Promise<void> | undefined;
  private again = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly load: () => Promise<void>,
    private readonly quietMs = QUIET_MS,
  ) {}

  /** Loads now, or once more after the load that is running; resolves when the data is fresh. */
  now(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.load();
      } while (this.again);
    })().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Resolves when no load is running. */
  idle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  /** Loads after a quiet moment, if `still()` then says the load is still wanted. */
  soon(still: () => boolean = () => true): void {
    this.cancel();
    this.timer = setTimeout(() => {
      if (still()) void this.now();
    }, this.quietMs);
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
