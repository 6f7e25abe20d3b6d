/**
 * Work under way, at most `limit` pieces at once: `add` waits while that many run. A failure is
 * never lost: the first is thrown by the next `add` or by `drain`, whenever it happened.
 */
export class BoundedWork {
  readonly #running = new Set<Promise<unknown>>();
  #failure: { error: unknown } | undefined;

  constructor(private readonly limit: number) {}

  async add(work: Promise<unknown>): Promise<void> {
    this.#throwFailure();
    this.#running.add(work);
    work.then(
      () => void this.#running.delete(work),
      (error: unknown) => {
        this.#running.delete(work);
        this.#failure ??= { error };
      },
    );
    while (this.#running.size >= this.limit) await Promise.race(this.#running).catch(() => undefined);
    this.#throwFailure();
  }

  /** Waits for all the work under way; throws the first failure. */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.#running]);
    this.#throwFailure();
  }

  #throwFailure(): void {
    if (this.#failure) throw this.#failure.error;
  }
}
