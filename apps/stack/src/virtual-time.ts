/**
 * Time for a simulation: a wall clock that stands still until moved, and a latency
 * stopwatch that runs in real time plus whatever virtual waiting was done (a fault
 * drill's added latency), so slowness shows in the data without anyone waiting for it.
 */
export class VirtualTime {
  #now: number;
  #waited = 0;
  #appSteps = 0;
  #dice: number | null;
  #modelled = 0;

  /**
   * With `latencySeed`, the stopwatch leaves real time out: each reading adds a seeded
   * service time of 10–50 ms instead, so a call's latency is that plus its virtual waits.
   * The drill times calls this way, so a loaded machine cannot look like a latency
   * regression and the same seed measures the same latencies.
   */
  constructor(start: Date, options: { latencySeed?: number | undefined } = {}) {
    this.#now = start.getTime();
    this.#dice = options.latencySeed === undefined ? null : options.latencySeed >>> 0;
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
  readonly stopwatch = (): number => {
    if (this.#dice === null) return performance.now() + this.#waited;
    const u = this.#roll();
    this.#modelled += 10 + 40 * u * u;
    return this.#modelled + this.#waited;
  };

  /** Waits `ms` of virtual time without waiting in real time. */
  readonly sleep = async (ms: number): Promise<void> => {
    this.#waited += ms;
  };

  /** Moves the wall clock to `at`. */
  set(at: Date): void {
    this.#now = at.getTime();
    this.#appSteps = 0;
  }

  /** mulberry32, as the fault drill's dice. */
  #roll(): number {
    this.#dice = ((this.#dice ?? 0) + 0x6d2b79f5) >>> 0;
    let t = this.#dice;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}
