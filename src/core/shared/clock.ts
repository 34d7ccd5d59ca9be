/** Injected everywhere time matters, so jobs can run "as of" any moment and tests are deterministic. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export const fixedClock = (at: Date | string): Clock & { set(at: Date | string): void; advance(ms: number): void } => {
  let t = new Date(at).getTime();
  return {
    now: () => new Date(t),
    set: (next) => void (t = new Date(next).getTime()),
    advance: (ms) => void (t += ms),
  };
};

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
