export const FINDING_TYPES = [
  "person_name", "date", "age_over_89", "phone", "email", "address", "location", "ssn",
  "record_number", "license_or_plate", "device_or_ip", "url_personal", "combination",
] as const;
export type FindingType = (typeof FINDING_TYPES)[number];

/** One piece of text that could identify a client, with where it sits in the inspected text. */
export interface Finding {
  type: FindingType;
  text: string;
  start: number;
  end: number;
}

/** How a detector reports a candidate: its kind and where it sits; the guard cuts the text. */
export type Push = (f: Omit<Finding, "text">) => void;

/** Decides whether a text could identify a client. Pure and synchronous: no I/O, no downloads. */
export interface Guard {
  inspect(text: string): Finding[];
  /** Loads whatever it reads lazily, now (after start-up, before the first member needs it). */
  warm?(): void;
}
