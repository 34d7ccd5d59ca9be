import { fail } from "./errors";

export const LIMITS = {
  note: 1_000,
  question: 2_000,
  /** A thread reply, in every door: as long as a question may be. */
  reply: 2_000,
  outcomeNote: 1_000,
  title: 200,
  url: 2_000,
  tags: 10,
  tag: 40,
  query: 200,
} as const;

/** Trims and rejects text over `max` characters with a message saying by how much. */
export const boundedText = (value: string, max: number, what: string, code: "NOTE_TOO_LONG" | "TEXT_TOO_LONG"): string => {
  const text = value.trim();
  if (text.length > max) {
    fail(code, `Your ${what} is ${text.length.toLocaleString("en-US")} characters; please keep it under ${max.toLocaleString("en-US")}.`);
  }
  return text;
};
