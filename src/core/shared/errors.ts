/**
 * An error the member can fix: a stable code for doors and tests, and a message written for the
 * member (the door shows it privately). Anything that is not a PeerloopError is a bug or an outage.
 */
export type ErrorCode =
  | "INVALID_URL"
  | "NOTE_TOO_LONG"
  | "TEXT_TOO_LONG"
  | "EMPTY_QUESTION"
  | "INVALID_TAG"
  | "TOO_MANY_TAGS"
  | "MISSING_OPTION"
  | "INVALID_OPTION"
  | "UNKNOWN_COMMAND"
  | "UNKNOWN_RESOURCE"
  | "UNKNOWN_THREAD"
  | "UNKNOWN_MEMBER"
  | "NOT_ASKER"
  | "ALREADY_RESOLVED"
  | "ALREADY_ENDORSED"
  | "NOT_FOLLOWING"
  | "ALREADY_FOLLOWING"
  | "NOT_ADMIN"
  | "INVALID_SETTING"
  | "CONFIDENTIAL"
  | "STALE_BUTTON"
  | "BAD_REQUEST"
  | "BUSY"
  | "WEB_OFF"
  | "TONE"
  // Not a mistake: earlier answers may already cover a question; the member chooses before it goes out.
  | "RELATED"
  | "NOT_ALLOWED"
  | "UNKNOWN_SOURCE"
  | "SOURCE_UNREADABLE"
  | "ALREADY_ADDED"
  | "NOT_FOLLOWABLE"
  | "ALREADY_TRACKED";

export class PeerloopError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra structured detail a door may render (the guard's findings, for example). */
    readonly detail?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "PeerloopError";
  }
}

export const fail = (code: ErrorCode, message: string, detail?: Record<string, unknown>): never => {
  throw new PeerloopError(code, message, detail);
};

export const isPeerloopError = (e: unknown): e is PeerloopError => e instanceof PeerloopError;
