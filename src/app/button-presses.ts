import { createHash } from "node:crypto";
import type { Actor, Place } from "../core/shared/context";
import type { ActionName, Outcome } from "../core/shared/message";
import { privately, reply } from "../core/shared/message";

/**
 * Where presses are claimed: the table of handled platform events (a button press is one more event
 * a member must not get twice), under its own prefix, kept as long as events are (RETENTION).
 */
export interface PressClaims {
  /** true for the first claim of `key`, false for any later one, across replicas. */
  claim(key: string, at: Date): Promise<boolean>;
  /** Gives a claim back (the press failed, so pressing again is not "already done"). */
  release(key: string): Promise<void>;
}

/** A press as a door hands it over: which button, its value, and the message it was on. */
export interface Press {
  action: string;
  value: string;
  /**
   * The message the button was on (Slack: channel and message ts; Discord: the message id; the
   * shell: the printed message's number). Every button on one message is one choice per member:
   * "This answers it" after "Post my question" on the same card is already done. Absent, the
   * button's value stands in (each press of the same button is still one).
   */
  card?: string;
}

/** What a button may call on the app; `import type` keeps the registry free of a cycle with PeerloopApp. */
export interface ButtonHost {
  endorse(actor: Actor, resourceId: string): Promise<Outcome>;
  postAnyway(actor: Actor, place: Place, value: string): Promise<Outcome>;
  postAsIs(actor: Actor, place: Place, value: string): Promise<Outcome>;
  editDraft(): Promise<Outcome>;
  postQuestion(actor: Actor, place: Place, value: string): Promise<Outcome>;
  answersIt(actor: Actor, value: string): Promise<Outcome>;
  openInvitation(actor: Actor, threadId: string): Promise<Outcome>;
  declineInvitation(actor: Actor, threadId: string): Promise<Outcome>;
}

type Run = (app: ButtonHost, actor: Actor, place: Place, value: string) => Promise<Outcome>;

/**
 * A button that acts: what it runs; `changesNothing` for one that leaves the choice open (Edit);
 * `ownRecord` for one whose service keeps the choice in its own row and answers a second press
 * itself, more precisely than "already done" ("Not for me" on an invitation).
 */
export interface ButtonAction {
  run: Run;
  changesNothing?: true;
  ownRecord?: true;
}

/**
 * Every button that acts, in one place: a door hands any press to `PeerloopApp.press`, which claims
 * it once per message and member before running it. A new button opts in with one entry here (and
 * its name in ActionName); no door changes. "resolve" is absent: it opens a form (its submission is
 * once by the question's status).
 */
export const BUTTON_ACTIONS: Partial<Record<ActionName, ButtonAction>> = {
  "endorse": { run: (app, actor, _place, value) => app.endorse(actor, value) },
  "post-anyway": { run: (app, actor, place, value) => app.postAnyway(actor, place, value) },
  "post-as-is": { run: (app, actor, place, value) => app.postAsIs(actor, place, value) },
  // "Edit" posts nothing: the author may still choose "Post as is" on the same note afterwards.
  "edit": { run: (app) => app.editDraft(), changesNothing: true },
  "post-question": { run: (app, actor, place, value) => app.postQuestion(actor, place, value) },
  "answers-it": { run: (app, actor, _place, value) => app.answersIt(actor, value) },
  // An invitation to answer (issue 37): "Open the thread" only shows the way in, so it may be pressed
  // again (even after "Not for me"); "Not for me" is the card's one choice.
  "route-open": { run: (app, actor, _place, value) => app.openInvitation(actor, value), changesNothing: true },
  "route-decline": { run: (app, actor, _place, value) => app.declineInvitation(actor, value), ownRecord: true },
};

/** The names of buttons the doors route to `press` (Slack's action matcher is built from them). */
export const PRESSABLE: readonly string[] = Object.keys(BUTTON_ACTIONS);

/** The claim's key: one per community, member and message, hashed so any platform reference fits. */
export const pressKey = (actor: Pick<Actor, "communityId" | "memberId">, card: string): string =>
  `button:${createHash("sha256").update(`${actor.communityId}\u0000${actor.memberId}\u0000${card}`).digest("base64url")}`;

export const ALREADY_DONE = "Already done: you answered this message's buttons before, so nothing changed. Run the command again for a fresh choice.";

export const alreadyDone = (): Outcome => reply(privately({ text: ALREADY_DONE, tone: "info" }));

/** A failed press (a stale value, your own share, a database hiccup) leaves the choice open. */
export const failed = (outcome: Outcome): boolean => outcome.messages.some((m) => m.to.kind === "actor" && m.message.tone === "error");

/** Claims held in this process only: for a PeerloopApp built without a database (core tests). */
export const memoryClaims = (): PressClaims => {
  const held = new Set<string>();
  return {
    claim: async (key) => (held.has(key) ? false : (held.add(key), true)),
    release: async (key) => void held.delete(key),
  };
};
