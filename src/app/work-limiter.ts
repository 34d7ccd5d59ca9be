/**
 * Bounds how much acknowledged work runs at once. Platforms need an answer within seconds, so a
 * door acknowledges at once and works after; under a burst the work waits here in order (a small
 * closure each) instead of piling up as hundreds of concurrent database conversations.
 */
export const workLimiter = (concurrency: number) => {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    running--;
    waiting.shift()?.();
  };
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (running >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await work();
    } finally {
      release();
    }
  };
};
