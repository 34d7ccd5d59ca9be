import { SeededRandom } from "../../src/core/text-model/seeded-random";

/** A seeded random source (mulberry32), so a failing fuzz run reproduces from its seed. */
export class Rng extends SeededRandom {
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
}
