/** The only source of "now" in the app, so that tests and schedules can set the time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that tests move by hand. `running: true` lets it tick on from where it was set, as the
 * sandbox's clock does between moves; tests keep it still.
 */
export class FixedClock implements Clock {
  private anchor: number | undefined;

  constructor(
    private current: Date,
    options: { running?: boolean } = {},
  ) {
    this.anchor = options.running ? Date.now() : undefined;
  }

  now(): Date {
    return new Date(this.current.getTime() + (this.anchor === undefined ? 0 : Date.now() - this.anchor));
  }

  set(to: Date | string): void {
    this.current = new Date(to);
    if (this.anchor !== undefined) this.anchor = Date.now();
  }

  advance(ms: number): void {
    this.set(new Date(this.now().getTime() + ms));
  }
}
