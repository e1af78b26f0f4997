// How bindings requests are ordered on the client: generation commands wait
// for the one before (never interleaving), previews keep only the newest
// pending refresh (a burst of edits becomes one generation, after the current).

/** Runs tasks one at a time, in the order they were given. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  /** How many tasks are queued or running. */
  get size(): number {
    return this.waiting;
  }

  run<T>(task: () => Promise<T>): Promise<T> {
    this.waiting++;
    const result = this.tail.then(task, task);
    const done = () => void this.waiting--;
    this.tail = result.then(done, done);
    return result;
  }
}

/**
 * Runs at most one task at a time and keeps at most one waiting: a newer task
 * replaces the waiting one, whose promise resolves with the newer one's result
 * (callers only ever want the latest state).
 */
export class LatestOnly<T> {
  private running: Promise<T> | undefined;
  private next: { task: () => Promise<T>; promise: Promise<T> } | undefined;

  run(task: () => Promise<T>): Promise<T> {
    if (!this.running) return this.start(task);
    if (this.next) {
      this.next.task = task;
      return this.next.promise;
    }
    const slot = { task, promise: undefined as unknown as Promise<T> };
    slot.promise = this.running
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        this.next = undefined;
        return this.start(slot.task);
      });
    this.next = slot;
    return slot.promise;
  }

  private start(task: () => Promise<T>): Promise<T> {
    const p = task();
    this.running = p;
    const clear = () => {
      if (this.running === p) this.running = undefined;
    };
    p.then(clear, clear);
    return p;
  }
}
