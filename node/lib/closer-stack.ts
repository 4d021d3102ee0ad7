// What a process opened, closed in reverse order: on stop, and on any failure half-way through a start.

/** One thing to close, with the name its failure is logged under. */
interface Closer {
  name: string;
  close: () => unknown;
}

/**
 * A stack of closers. Each resource is pushed right after it is opened; `unwind` closes them
 * last-opened first, each once, and goes on past one that fails (reported to `onError`).
 *
 * @example
 * const closers = new CloserStack();
 * const redis = createRedis(url, name);
 * closers.push('redis', () => redis.quit());
 * try { await next(); } catch (err) { await closers.unwind(); throw err; }
 */
export class CloserStack {
  readonly #stack: Closer[] = [];

  /** Registers what closes a resource that is now open. */
  push(name: string, close: Closer['close']): void {
    this.#stack.push({ name, close });
  }

  /** Closes everything pushed so far, newest first; never throws. */
  async unwind(onError: (name: string, err: unknown) => void = () => undefined): Promise<void> {
    for (let c = this.#stack.pop(); c; c = this.#stack.pop()) {
      try {
        await c.close();
      } catch (err) {
        onError(c.name, err);
      }
    }
  }
}
