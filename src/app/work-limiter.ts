/**
 * Bounds how much acknowledged work runs at once. Platforms need an answer within seconds, so a
 * door acknowledges at once and works after; under a burst the work waits here in order (a small
 * closure each) instead of piling up as hundreds of concurrent database conversations.
 *
 * Acks come first: queued work starts from setImmediate, after the event loop has read waiting
 * sockets, so a new request's ack never waits behind work already queued. A door asks `busy()` before
 * it accepts more, and `drain()` on shutdown waits for everything accepted to finish.
 */
export interface WorkLimiter {
  <T>(work: () => Promise<T>): Promise<T>;
  /** Work accepted and not finished: running plus waiting. */
  pending(): number;
  /** More waiting than this door should accept: tell the member to try again instead. */
  busy(): boolean;
  /** Resolves when nothing is pending, or false when the deadline comes first. */
  drain(deadlineMs: number): Promise<boolean>;
}

export const workLimiter = (concurrency: number, maxWaiting = concurrency * 12): WorkLimiter => {
  let running = 0;
  const waiting: (() => void)[] = [];
  const idle: (() => void)[] = [];
  // A finished task hands its slot straight to the next waiting one, so no newcomer can slip in between.
  const release = () => {
    const next = waiting.shift();
    if (next) return void setImmediate(next);
    running--;
    if (running === 0) idle.splice(0).forEach((f) => f());
  };
  const limit = (async <T>(work: () => Promise<T>): Promise<T> => {
    if (running >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    else {
      running++;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    try {
      return await work();
    } finally {
      release();
    }
  }) as WorkLimiter;
  limit.pending = () => running + waiting.length;
  limit.busy = () => waiting.length >= maxWaiting;
  limit.drain = (deadlineMs) =>
    limit.pending() === 0
      ? Promise.resolve(true)
      : new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), deadlineMs);
        idle.push(() => {
          clearTimeout(timer);
          resolve(true);
        });
      });
  return limit;
};
