/**
 * Time for a simulation: a wall clock that stands still until moved, and a latency
 * stopwatch that runs in real time plus whatever virtual waiting was done (a fault
 * drill's added latency), so slowness shows in the data without anyone waiting for it.
 */
export class VirtualTime {
  #now: number;
  #waited = 0;
  #appSteps = 0;

  constructor(start: Date) {
    this.#now = start.getTime();
  }

  /** The simulated wall clock. */
  readonly clock = (): Date => new Date(this.#now);

  /**
   * The app's clock: the simulated time plus one second per reading since the clock was
   * last set. A persona's actions then happen one after another, not all in the same
   * instant; otherwise rows created in one tick tie on their timestamps and lists would
   * order them by random ids, and the same seed would not replay the same day.
   */
  readonly appClock = (): Date => new Date(this.#now + this.#appSteps++ * 1000);

  /** Milliseconds for latency measurement: real elapsed time plus virtual waits. */
  readonly stopwatch = (): number => performance.now() + this.#waited;

  /** Waits `ms` of virtual time without waiting in real time. */
  readonly sleep = async (ms: number): Promise<void> => {
    this.#waited += ms;
  };

  /** Moves the wall clock to `at`. */
  set(at: Date): void {
    this.#now = at.getTime();
    this.#appSteps = 0;
  }
}
