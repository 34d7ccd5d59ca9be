import { JOB_NAMES } from "../../jobs/job-names";
import { randomBytes } from "node:crypto";
import readline from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { PeerloopApp } from "../../app/peerloop-app";
import type { Actor } from "../../core/shared/context";
import type { Message, Outcome } from "../../core/shared/message";
import { OUTCOMES, type ThreadOutcome } from "../../core/threads/thread-types";
import type { ShellButton, ShownButton } from "./shell-courier";
import { audienceLabel, renderMessage } from "./shell-render";

export interface ShellJobs {
  /** Runs a job as of `now` and returns the lines to print. */
  run(job: string, now: Date | undefined): Promise<string[]>;
}

export interface ShellOptions {
  app: PeerloopApp;
  input: Readable;
  output: Writable;
  user: string;
  /** The member who administers the local community. */
  admin?: string;
  jobs?: ShellJobs;
  channel?: string;
  /** Buttons shown so far, shared with the shell's courier so a job's buttons are pressable too. */
  buttons?: ShownButton[];
  /** After each line: send what it queued for the outbox (email) at once, as a local shell should. */
  afterEach?: () => Promise<void>;
}


/** A list to choose from becomes numbered buttons, one per entry and one for all of them, before the message's own. */
const withListButtons = (m: Message): Message & { buttons?: ShellButton[] } => {
  if (!m.select) return m;
  const { ref, options } = m.select;
  const entries: ShellButton[] = options.map((o) => ({ action: "welcome", value: ref, label: o.detail ? `${o.label} (${o.detail})` : o.label, pick: { ref, values: [o.value] } }));
  const all: ShellButton[] = options.length > 1 ? [{ action: "welcome", value: ref, label: "All of these", pick: { ref, values: options.map((o) => o.value) } }] : [];
  return { ...m, select: undefined, buttons: [...entries, ...all, ...(m.buttons ?? [])] };
};

const HELP = [
  "Shell commands:",
  "  /<command> ...                      run a Peerloop command (try /peerloop help)",
  "  :as <name>                          act as another member",
  "  :in <channel>                       move to another channel",
  "  :reply <thread> <text>              reply in a question's thread",
  "  :react <thread> ✅                  react to a question (the asker's ✅ resolves it)",
  "  :resolve <thread> <resolved|partly|still_open> [@helper ...] [-- note]",
  "  :mark <reply>                       mark a reply as the answer (asker only)",
  "  :press <button>                     press a button shown as → :press N",
  "  :press <N> <N> ...                  choose several from one list at once (a welcome step)",
  "  :join <name>                        <name> joins the community (and you act as them): their welcome",
  "  :jobs run <route|unanswered|roundup|digests> [--now ISO]",
  "  :help, :quit",
];

/**
 * The local door: lines in, rendered replies out, through the same PeerloopApp as Slack and
 * Discord. Works interactively and with piped stdin (lines are handled one at a time, in order).
 */
export class ShellDoor {
  private user: string;
  private channel: string;
  /** Buttons shown so far (a job's too: the courier shares this list), each with the message it was on (`:press N` claims that message once). */
  private readonly buttons: ShownButton[];
  private cards = 0;
  /** Message references outlive this process (their claims are stored): each run numbers its own. */
  private readonly session = randomBytes(4).toString("hex");
  private readonly community = { platform: "shell" as const, communityExternalId: "local", communityName: "Local community" };

  constructor(private readonly opts: ShellOptions) {
    this.user = opts.user;
    this.buttons = opts.buttons ?? [];
    this.channel = opts.channel ?? "general";
  }

  /** Resolves when input ends or :quit is typed. */
  async run(): Promise<void> {
    // A person at a terminal gets a prompt and line editing; piped input gets neither.
    const interactive = Boolean((this.opts.input as { isTTY?: boolean }).isTTY);
    const rl = readline.createInterface({ input: this.opts.input, output: interactive ? this.opts.output : undefined, terminal: interactive, crlfDelay: Infinity });
    const prompt = () => interactive && (rl.setPrompt(`${this.user}@#${this.channel}> `), rl.prompt());
    this.print(`Peerloop local shell. You are ${this.user} in #${this.channel}. Type :help for commands, /peerloop help for Peerloop's.`);
    prompt();
    for await (const line of rl) {
      const keepGoing = await this.handle(line.trim()).catch((e: unknown) => {
        this.print(`✖ ${e instanceof Error ? e.message : String(e)}`);
        return true;
      });
      await this.opts.afterEach?.().catch((e: unknown) => this.print(`✖ ${e instanceof Error ? e.message : String(e)}`));
      if (!keepGoing) break;
      prompt();
    }
    rl.close();
  }

  /** Handles one line; false means quit. */
  async handle(line: string): Promise<boolean> {
    if (!line || line.startsWith("#!")) return true;
    if (line.startsWith("/")) {
      const [, command = "", rest = ""] = /^\/(\S*)\s*([\s\S]*)$/.exec(line) ?? [];
      await this.show(await this.opts.app.command(await this.actor(), this.place(), { command, input: { text: rest } }));
      return true;
    }
    if (!line.startsWith(":")) {
      this.print("Commands start with / (Peerloop) or : (the shell). Type :help.");
      return true;
    }
    const [verb = "", ...args] = line.slice(1).split(/\s+/);
    const rest = line.slice(1).replace(/^\S+\s*/, "");
    switch (verb.toLowerCase()) {
      case "help": this.print(...HELP); return true;
      case "quit": case "exit": return false;
      case "as": return this.switchUser(rest);
      case "in": this.channel = rest.replace(/^#/, "") || this.channel; this.print(`You are in #${this.channel}.`); return true;
      case "reply": return this.reply(args[0], rest.replace(/^\S+\s*/, ""));
      case "react": return this.show(await this.opts.app.react(await this.actor(), args[0] ?? "", args[1] ?? "")).then(() => true);
      case "resolve": return this.resolve(args[0], rest.replace(/^\S+\s*/, ""));
      case "mark": return this.show(await this.opts.app.markAnswer(await this.actor(), args[0] ?? "")).then(() => true);
      case "press": return args.length > 1 ? this.pressMany(args) : this.press(args[0]);
      case "join": return this.join(rest);
      case "jobs": return this.jobs(args);
      default: this.print(`Unknown shell command :${verb}. Type :help.`); return true;
    }
  }

  private async switchUser(name: string): Promise<boolean> {
    if (!/^[\p{L}\p{N}._-]{1,40}$/u.test(name)) {
      this.print("Give a member name of letters, numbers, dots, dashes or underscores, e.g. :as maria");
      return true;
    }
    this.user = name;
    this.print(`You are now ${name}.`);
    return true;
  }

  private async reply(threadRef: string | undefined, text: string): Promise<boolean> {
    if (!threadRef || !text) {
      this.print("Usage: :reply <thread> <text>, e.g. :reply 3fa9c2 We use a warm handoff checklist.");
      return true;
    }
    const ref = `reply-${randomBytes(3).toString("hex")}`;
    const outcome = await this.opts.app.threadReply(await this.actor(), { threadRef, platformMessageId: ref, channelId: this.channel, text });
    // A refused reply (too long) is not posted in the shell's thread: only the reason is shown.
    const refused = outcome.messages.some((m) => m.to.kind === "actor" && m.message.tone === "error");
    if (!refused) this.print(`#${this.channel} › thread ${threadRef} │ ${this.user}: ${text}   (message ${ref})`);
    await this.show(outcome);
    return true;
  }

  private async resolve(key: string | undefined, rest: string): Promise<boolean> {
    const [head = "", note] = rest.split(/\s+--\s+/, 2);
    const [outcome, ...helpers] = head.split(/\s+/).filter(Boolean);
    if (!key || !OUTCOMES.includes(outcome as ThreadOutcome)) {
      this.print(`Usage: :resolve <thread> <${OUTCOMES.join("|")}> [@helper ...] [-- note]`);
      return true;
    }
    await this.show(await this.opts.app.resolve(await this.actor(), key, {
      outcome: outcome as ThreadOutcome, helpers: helpers.map((h) => h.replace(/^@/, "")), note,
    }));
    return true;
  }

  private async press(which: string | undefined): Promise<boolean> {
    const shown = this.buttons[Number(which) - 1];
    if (!shown) {
      this.print(`No button ${which ?? ""}. Buttons show as → :press N under a message.`);
      return true;
    }
    const { button, card } = shown;
    const actor = await this.actor();
    if (button.action === "welcome") {
      // A welcome step keeps its own state: a step already answered says so and changes nothing.
      await this.show(await this.opts.app.welcomeAnswer(actor, button.pick?.ref ?? button.value, button.pick?.values));
      return true;
    }
    if (button.action === "resolve") {
      // Resolve opens a form elsewhere; here it says what to type, with the question's short id.
      const check = await this.opts.app.prepareResolve(actor, button.value);
      if (!check.ok) await this.show(check.outcome);
      else this.print(`To resolve, say how it went and whom to credit: :resolve ${check.ref} resolved @name -- what helped`);
      return true;
    }
    await this.show(await this.opts.app.press(actor, this.place(), { action: button.action, value: button.value, card }));
    return true;
  }

  /** `:press 1 3`: several entries of one welcome list, answered together (as a multi-select would). */
  private async pressMany(which: string[]): Promise<boolean> {
    const picked = which.map((w) => this.buttons[Number(w) - 1]?.button);
    const ref = picked[0]?.pick?.ref;
    if (!ref || picked.some((b) => !b?.pick || b.pick.ref !== ref)) {
      this.print("Press several at once only for entries of the same list, e.g. :press 1 3. Otherwise press one button: :press N.");
      return true;
    }
    const values = [...new Set(picked.flatMap((b) => b!.pick!.values))];
    await this.show(await this.opts.app.welcomeAnswer(await this.actor(), ref, values));
    return true;
  }

  /** `:join NAME`: a member joins the local community; the shell acts as them, and shows their welcome. */
  private async join(name: string): Promise<boolean> {
    if (!/^[\p{L}\p{N}._-]{1,40}$/u.test(name)) {
      this.print("Give the new member's name, e.g. :join maria");
      return true;
    }
    this.user = name;
    this.print(`${name} joined the community. You are now ${name}.`);
    await this.show(await this.opts.app.memberJoined(await this.actor(), { isBot: false }));
    return true;
  }

  private async jobs(args: string[]): Promise<boolean> {
    const [sub, job, ...rest] = args;
    const nowAt = rest.indexOf("--now");
    const now = nowAt >= 0 ? new Date(rest[nowAt + 1] ?? "") : undefined;
    if (sub !== "run" || !job || (now && Number.isNaN(now.getTime()))) {
      this.print(`Usage: :jobs run <${JOB_NAMES.join("|")}> [--now 2026-12-01T09:00:00Z]`);
      return true;
    }
    if (!this.opts.jobs) {
      this.print("Jobs are not available in this shell.");
      return true;
    }
    this.print(...(await this.opts.jobs.run(job, now)));
    return true;
  }

  private actor(): Promise<Actor> {
    return this.opts.app.resolveActor({
      ...this.community, memberExternalId: this.user, displayName: this.user, isAdmin: this.user === (this.opts.admin ?? this.opts.user),
    });
  }

  private place() {
    return { channelId: this.channel };
  }

  /** Prints every message of an outcome; public cards get a short reference that threads hang off. */
  async show(outcome: Outcome): Promise<void> {
    for (const out of outcome.messages) {
      let ref: string | undefined;
      if (out.anchor) {
        ref = randomBytes(3).toString("hex");
        const actor = await this.actor();
        await this.opts.app.posted(actor.communityId, out.anchor, this.channel, ref);
      }
      const label = audienceLabel(out.to, this.channel, ref && `${out.anchor?.kind} ${ref}`);
      const card = `shell-${this.session}-${++this.cards}`;
      const message = withListButtons(out.message);
      const lines = renderMessage(message, (i) => `:press ${this.buttons.push({ button: message.buttons![i]!, card })}`);
      this.print(`${label} │ ${lines[0]}`, ...lines.slice(1));
    }
  }

  private print(...lines: string[]): void {
    this.opts.output.write(`${lines.join("\n")}\n`);
  }
}
