import { fail } from "./errors";
import { LIMITS } from "./text-limits";

const TAG = /^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u;

/** `#Ethics`, `ethics,` and `ETHICS` are the same tag: lowercase, without `#` or trailing punctuation. */
export const normalizeTag = (raw: string): string => {
  const name = raw.trim().replace(/^#+/, "").replace(/[.,;:!?]+$/, "").toLowerCase();
  if (!name) fail("INVALID_TAG", "A tag needs at least one letter or number after the #.");
  if (name.length > LIMITS.tag) fail("INVALID_TAG", `The tag #${name.slice(0, 20)}… is too long; tags are at most ${LIMITS.tag} characters.`);
  if (!TAG.test(name)) {
    fail("INVALID_TAG", `The tag "${raw.trim().slice(0, 40)}" has characters tags can't use. Use letters, numbers, - and _ (for example #child-welfare).`);
  }
  return name;
};

/** Normalizes, de-duplicates and caps a list of tags, accepting `#a #b`, `a, b` and arrays of either. */
export const normalizeTags = (raw: readonly string[] | string | undefined): string[] => {
  const parts = (typeof raw === "string" ? [raw] : (raw ?? [])).flatMap((t) => t.split(/[\s,]+/)).filter((t) => t.trim());
  const tags = [...new Set(parts.map(normalizeTag))];
  if (tags.length > LIMITS.tags) fail("TOO_MANY_TAGS", `That's ${tags.length} tags; please use at most ${LIMITS.tags}.`);
  return tags;
};

export const hashtags = (tags: readonly string[]): string => tags.map((t) => `#${t}`).join(" ");
