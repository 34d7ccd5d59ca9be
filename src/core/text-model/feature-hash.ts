/**
 * Feature hashing: a feature is a string ("w-1=client", "shape=Xx"), mapped to one of 2^bits weights
 * by FNV-1a. No vocabulary is stored, so a model file is its weights and nothing else; collisions are
 * rare at 2^18 and cost little accuracy.
 */
export const hashFeature = (feature: string, bits: number): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < feature.length; i++) {
    h ^= feature.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & ((1 << bits) - 1);
};

/** A feature with a value other than 1 ("maxProb", 0.83). */
export type Weighted = readonly [feature: string, value: number];
export type Features = readonly (string | Weighted)[];
