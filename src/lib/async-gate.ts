/**
 * One holder at a time, first come first served. SQLite gives the bot a single connection: the gate
 * keeps one caller's transaction from seeing another caller's statements land inside it.
 */
export class AsyncGate {
  private holder = false;
  private readonly waiting: (() => void)[] = [];

  get held(): boolean {
    return this.holder;
  }

  /** Resolves with the release, to be called exactly once (later calls do nothing). */
  acquire(): Promise<() => void> {
    if (!this.holder) {
      this.holder = true;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve) => this.waiting.push(() => resolve(this.releaser())));
  }

  async run<T>(work: () => T | Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.holder = false;
    };
  }
}
