/**
 * The neutral message every service replies with. Each door renders it in its own format
 * (Block Kit, embeds, terminal text); nothing here knows which door will.
 */
export interface Message {
  title?: string;
  /** Plain text written by the bot; member-written text is kept in `quote`/fields and escaped by doors. */
  text: string;
  fields?: Field[];
  links?: Link[];
  buttons?: Button[];
  /** A list to choose several from at once: a native multi-select on Slack and Discord, numbered buttons in the shell. */
  select?: Select;
  /** Free-form list items (search results, roundup sections). */
  items?: Item[];
  /** Text a member wrote, shown as written but never able to ping or link beyond what it says. */
  quote?: string;
  tone?: "info" | "success" | "warning" | "error";
}

export interface Field {
  label: string;
  value: string;
}

export interface Link {
  label: string;
  url: string;
}

export interface Item {
  title: string;
  url?: string;
  detail?: string;
  /** Where it was posted; doors render a channel mention or a link to the message. */
  place?: { channelId: string; messageRef?: string };
}

/** A button carries an action name and a value the dispatcher understands. */
export interface Button {
  action: ActionName;
  value: string;
  label: string;
  style?: "primary" | "danger";
}

/** Several choices answered at once; the door hands back `ref` and the chosen values. */
export interface Select {
  action: "welcome";
  ref: string;
  placeholder: string;
  options: { label: string; value: string; detail?: string }[];
}

export type ActionName = "endorse" | "resolve" | "post-anyway" | "post-as-is" | "edit" | "post-question" | "answers-it" | "welcome" | "route-open" | "route-decline";

/** Who sees a message. */
export type Audience =
  | { kind: "actor" } // privately, to whoever triggered the command (ephemeral where the platform can)
  | { kind: "channel" } // publicly, where the command was used
  | { kind: "thread"; threadRef: string; channelId?: string } // publicly, inside a platform thread
  | { kind: "member"; memberId: string; externalId: string } // a direct message
  | { kind: "post"; channelId: string } // publicly, in a named channel (jobs, roundups)
  | { kind: "email"; memberId: string; address: string; purpose: "confirm" | "notification" | "digest" | "roundup" } // an email, through the outbox
  | { kind: "edit"; channelId: string; messageRef: string } // replaces a card the bot posted earlier (a link preview arrived)
  | { kind: "sms"; memberId: string; to: string; purpose: "confirm" | "alert" | "summary" }; // a text message, through the outbox

/** What a public post is about, so the door can report back the platform's message reference. */
export type Anchor = { kind: "resource" | "thread"; id: string };

export interface Outgoing {
  to: Audience;
  message: Message;
  anchor?: Anchor;
  /**
   * Where the anchored record lives on the platform, when that is known before posting (a message
   * tracked as a question in place): recorded once this message is posted; if it cannot be, the
   * record is discarded like an unposted card.
   */
  attach?: { messageRef: string; threadRef: string };
}

export interface Outcome {
  messages: Outgoing[];
}

export const privately = (message: Message): Outgoing => ({ to: { kind: "actor" }, message });
export const reply = (...messages: Outgoing[]): Outcome => ({ messages });
