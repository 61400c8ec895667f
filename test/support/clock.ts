/**
 * A clock that moves only when told: epoch milliseconds, starting at the real time (JWT `exp` values are
 * minted against it). Given to the service as ServiceOptions.now.
 */
export class ManualClock {
  #now: number;

  constructor(start = Date.now()) {
    this.#now = start;
  }

  readonly now = (): number => this.#now;

  advance(ms: number): void {
    this.#now += ms;
  }

  /** Whole seconds, as JWTs count time. */
  get seconds(): number {
    return Math.floor(this.#now / 1000);
  }
}
