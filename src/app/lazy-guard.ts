import type { Guard } from "../core/guard/guard-types";

/**
 * The guard, loaded when a process first needs it: its detectors (and libphonenumber's metadata) cost
 * memory that the jobs and the web never use. `ready()` must resolve before a door takes commands; a
 * call before that is a bug and fails loudly (the member gets the usual apology, nothing is posted).
 */
export const lazyGuard = (load: () => Promise<Guard>): { guard: Guard; ready: () => Promise<Guard> } => {
  let impl: Guard | undefined;
  let loading: Promise<Guard> | undefined;
  // Loading reads and checks the word lists and the model: a missing or damaged file fails here, at start.
  const ready = () => (loading ??= load().then((g) => (g.warm?.(), (impl = g))));
  return {
    ready,
    guard: {
      inspect(text) {
        if (!impl) throw new Error("the confidentiality guard was used before it was loaded");
        return impl.inspect(text);
      },
      warm() {
        void ready().then((g) => g.warm?.());
      },
    },
  };
};
