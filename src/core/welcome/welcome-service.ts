import type { MemberService } from "../members/member-service";
import { NOTIFY_FREQUENCIES, type NotifyFrequency } from "../members/member-types";
import type { PeopleService } from "../people/people-service";
import type { ResourceService } from "../resources/resource-service";
import type { Clock } from "../shared/clock";
import type { Actor } from "../shared/context";
import { fail, isPeerloopError } from "../shared/errors";
import { privately, reply, type Message, type Outcome, type Outgoing } from "../shared/message";
import { normalizeTag } from "../shared/tags";
import type { SourceService } from "../sources/source-service";
import type { Store } from "../store";
import {
  FIRST_STEP_HINT, firstStepStep, interestsStep, normsStep, notificationsStep, peopleStep, sourcesStep, summary, type Choice,
} from "./welcome-messages";
import {
  PEOPLE_SUGGESTED, REJOIN_DAYS, WELCOME_LOOKBACK_DAYS, WELCOME_STEPS, type JoinResult, type WelcomeRepository, type WelcomeState, type WelcomeStep,
} from "./welcome-types";

const DAY_MS = 86_400_000;
const TAGS_OFFERED = 10;
const SOURCES_OFFERED = 10;
/** More than any step offers: a tampered payload cannot make us follow hundreds of things. */
const MAX_PICKED = 25;
const WELCOMED_CACHE = 10_000;

export interface WelcomeDeps {
  store: Store;
  clock: Clock;
  members: MemberService;
  people: PeopleService;
  sources: SourceService;
  resources: ResourceService;
}

/** Who joined, as the door saw them. */
export interface Joiner {
  /** A bot or an app joining gets nothing. */
  isBot: boolean;
}

const stale = (): never => fail("STALE_BUTTON", "That welcome button is out of date. Open the steps again with /peerloop start.");

/**
 * The welcome a new member gets, once per member and community, and its six steps (issue 36): each
 * answered in one click, each skippable, confirmed in one message at the end. Follows, people,
 * publishers and notifications go through the services that own them (/follow, /source follow, /notify).
 */
export class WelcomeService {
  /** Members known to have had their welcome: their later commands cost no lookup. Bounded, oldest first out. */
  private readonly welcomed = new Set<string>();

  constructor(private readonly deps: WelcomeDeps) {}

  private repo(): WelcomeRepository {
    return this.deps.store.welcomes ?? fail("UNKNOWN_COMMAND", "The welcome is not available here.");
  }

  /** A member joined: the welcome as a direct message, or nothing (a bot, welcome off, welcomed already, back within 30 days). */
  async joined(actor: Actor, who: Joiner): Promise<{ result: JoinResult | "bot"; outcome: Outcome }> {
    if (who.isBot) return { result: "bot", outcome: reply() };
    const settings = await this.repo().settings(actor.communityId);
    if (!settings.enabled) return { result: "off", outcome: reply() };
    const result = await this.repo().claim(actor.communityId, actor.memberId, this.deps.clock.now(), REJOIN_DAYS);
    if (result !== "welcomed") return { result, outcome: reply() };
    const state = (await this.repo().get(actor.communityId, actor.memberId))!;
    const first = await this.opening(actor, state, settings.text);
    return { result, outcome: reply(...first.map((message): Outgoing => ({ to: { kind: "member", memberId: actor.memberId, externalId: actor.externalId }, message }))) };
  }

  /**
   * Where the platform cannot tell us of joins (Discord without the Server Members intent): a member
   * who joined within the last 30 days and was never welcomed is welcomed at their first command.
   */
  async atFirstCommand(actor: Actor, joinedAt: Date | null, who: Joiner): Promise<Outcome> {
    if (who.isBot || !joinedAt || this.deps.clock.now().getTime() - joinedAt.getTime() > REJOIN_DAYS * DAY_MS) return reply();
    const key = `${actor.communityId}:${actor.memberId}`;
    if (this.welcomed.has(key)) return reply();
    const remember = () => {
      if (this.welcomed.size >= WELCOMED_CACHE) this.welcomed.delete(this.welcomed.values().next().value!);
      this.welcomed.add(key);
    };
    if (await this.repo().get(actor.communityId, actor.memberId)) {
      remember();
      return reply();
    }
    const { outcome } = await this.joined(actor, who);
    remember();
    return reply(...outcome.messages.map((m) => ({ ...m, to: { kind: "actor" as const } })));
  }

  /** The platform said the member left: a return within 30 days is then not welcomed again. */
  async left(actor: Actor): Promise<void> {
    await this.repo().left(actor.communityId, actor.memberId, this.deps.clock.now());
  }

  /** `/peerloop start`: the steps again from the first, at any time (older buttons go out of date). */
  async start(actor: Actor): Promise<Outcome> {
    const [state, settings] = await Promise.all([this.repo().reopen(actor.communityId, actor.memberId, this.deps.clock.now()), this.repo().settings(actor.communityId)]);
    return reply(...(await this.opening(actor, state, settings.text)).map(privately));
  }

  /**
   * A button or select of a step: `ref` is "round:step" (a button adds ":choice"), `picked` a select's
   * values. A step already answered in this round changes nothing and says so.
   */
  async answer(actor: Actor, ref: string, picked?: readonly string[]): Promise<Outcome> {
    const m = typeof ref === "string" ? /^(\d{1,6}):([a-z-]{1,20})(?::([\s\S]{1,200}))?$/.exec(ref) : null;
    const step = m?.[2] as WelcomeStep | undefined;
    if (!m || !step || !WELCOME_STEPS.includes(step) || (picked === undefined && m[3] === undefined)) return stale();
    const round = Number(m[1]);
    const state = await this.repo().get(actor.communityId, actor.memberId);
    if (!state || state.round !== round) return stale();
    if (state.answers[step] !== undefined) {
      return reply(privately({ text: `You already answered "${step}" in this welcome; nothing changed. To go through the steps again: /peerloop start.`, tone: "info" }));
    }
    const choices = picked !== undefined ? [...picked] : m[3] === "skip" ? [] : [m[3]!];
    if (choices.length > MAX_PICKED) return stale();
    const { values, notes } = await this.apply(actor, step, choices);
    const next: WelcomeStep | "done" = WELCOME_STEPS[WELCOME_STEPS.indexOf(step) + 1] ?? "done";
    const recorded = await this.repo().answer(actor.communityId, actor.memberId, round, step, values, next, this.deps.clock.now());
    if (!recorded) return reply(privately({ text: `You already answered "${step}" in this welcome; nothing changed.`, tone: "info" }));
    const after = { ...state, answers: { ...state.answers, [step]: values }, step: next };
    const rest = await this.from(actor, after);
    return reply(...(notes.length ? [privately({ text: notes.join(" "), tone: "warning" })] : []), ...rest.map(privately));
  }

  /** `/peerloop welcome [on|off|text <line>|norms <link>]`: organisers only. */
  async command(actor: Actor, setting?: string, value?: string): Promise<Outcome> {
    if (!actor.isAdmin) fail("NOT_ALLOWED", "Only the community's admins can change the welcome. /peerloop start shows it to you.");
    const line = value?.trim();
    let settings;
    if (setting === "on" || setting === "off") {
      if (line) fail("INVALID_OPTION", `/peerloop welcome ${setting} takes nothing after it.`);
      settings = await this.repo().updateSettings(actor.communityId, { enabled: setting === "on" });
    } else if (setting === "text") {
      if (line && line.length > 300) fail("INVALID_OPTION", "Keep the welcome line to 300 characters.");
      settings = await this.repo().updateSettings(actor.communityId, { text: line && !/^(off|none)$/i.test(line) ? line : null });
    } else if (setting === "norms") {
      let url: URL | null = null;
      try {
        url = line && !/^(off|none)$/i.test(line) ? new URL(line) : null;
      } catch { /* reported below */ }
      if (line && !/^(off|none)$/i.test(line) && (!url || !/^https?:$/.test(url.protocol))) fail("INVALID_URL", "Give the norms' longer version as a link, e.g. /peerloop welcome norms https://example.org/our-norms");
      settings = await this.repo().updateSettings(actor.communityId, { normsUrl: url ? url.toString() : null });
    } else {
      settings = await this.repo().settings(actor.communityId);
    }
    return reply(privately({
      title: "The welcome for new members",
      text: "Change with /peerloop welcome on|off, /peerloop welcome text <your line> (or text off), /peerloop welcome norms <link>.",
      fields: [
        { label: "Welcome", value: settings.enabled ? "on: new members get it once, privately" : "off: nobody is welcomed (/peerloop start still works)" },
        { label: "Your line", value: settings.text ?? "none" },
        { label: "Norms in full", value: settings.normsUrl ?? "not set" },
      ],
      tone: setting ? "success" : "info",
    }));
  }

  /** The first message: the greeting (and the organisers' line) on top of the first step with something to choose. */
  private async opening(actor: Actor, state: WelcomeState, line: string | null): Promise<Message[]> {
    const community = await this.deps.store.communities.get(actor.communityId);
    const rest = await this.from(actor, state);
    const hello: Message = {
      title: `Welcome to ${community?.name ?? "the community"}, ${actor.displayName}`,
      text: "Six short steps to set you up, each one click and each skippable: topics, people, publishers, notifications, the norms, a first step. Open them again any time with /peerloop start.",
      ...(line ? { quote: line } : {}),
    };
    return [hello, ...rest];
  }

  /**
   * The message for the state's current step. A list step with nothing to offer yet (no topics, no
   * helpers, no publishers) is answered with nothing and the next one shown instead.
   */
  private async from(actor: Actor, state: WelcomeState): Promise<Message[]> {
    let s = state;
    const skipped: string[] = [];
    while (s.step !== "done") {
      const step = s.step;
      const message = await this.stepMessage(actor, s, step);
      if (message) return skipped.length ? [{ ...message, text: `(${skipped.join(" ")}) ${message.text}` }] : [message];
      skipped.push(EMPTY[step] ?? "");
      const next: WelcomeStep | "done" = WELCOME_STEPS[WELCOME_STEPS.indexOf(step) + 1] ?? "done";
      if (!(await this.repo().answer(actor.communityId, actor.memberId, s.round, step, [], next, this.deps.clock.now()))) break;
      s = { ...s, answers: { ...s.answers, [step]: [] }, step: next };
    }
    const final = (await this.repo().get(actor.communityId, actor.memberId)) ?? s;
    return [summary(final.answers)];
  }

  private async stepMessage(actor: Actor, s: WelcomeState, step: WelcomeStep): Promise<Message | null> {
    const tags = s.answers.interests ?? [];
    switch (step) {
      case "interests": {
        const offered = await this.deps.resources.popularTags(actor.communityId, TAGS_OFFERED);
        return offered.length ? interestsStep(s.round, offered) : null;
      }
      case "people": {
        const people = await this.helpers(actor, tags);
        return people.length ? peopleStep(s.round, people, tags) : null;
      }
      case "sources": {
        const all = (await this.deps.store.sources?.list(actor.communityId)) ?? [];
        const fitting = all.filter((x) => !x.pausedAt && (!tags.length || x.tags.some((t) => tags.includes(t)))).slice(0, SOURCES_OFFERED);
        return fitting.length ? sourcesStep(s.round, fitting.map((x) => ({ label: x.name, value: x.name, detail: x.tags.map((t) => `#${t}`).join(" ") })), tags) : null;
      }
      case "notifications": return notificationsStep(s.round);
      case "norms": return normsStep(s.round, (await this.repo().settings(actor.communityId)).normsUrl);
      case "first-step": return firstStepStep(s.round);
    }
  }

  /** Up to five members who helped most with the tags lately, whom this member may follow (never a forgotten or unlisted one). */
  private async helpers(actor: Actor, tags: string[]): Promise<Choice[]> {
    const repo = this.deps.store.people;
    if (!repo) return [];
    const since = new Date(this.deps.clock.now().getTime() - WELCOME_LOOKBACK_DAYS * DAY_MS);
    const score = new Map<string, { name: string; points: number }>();
    for (const tag of tags.length ? tags : [null]) {
      for (const h of await repo.helpers(actor.communityId, since, tag, PEOPLE_SUGGESTED * 2)) {
        const was = score.get(h.memberId);
        score.set(h.memberId, { name: h.displayName, points: (was?.points ?? 0) + h.answers * 2 + h.endorsements });
      }
    }
    const ranked = [...score.entries()].filter(([id]) => id !== actor.memberId).sort((a, b) => b[1].points - a[1].points || a[1].name.localeCompare(b[1].name));
    const out: Choice[] = [];
    for (const [id] of ranked) {
      if (out.length >= PEOPLE_SUGGESTED) break;
      const member = await this.deps.store.members.get(actor.communityId, id);
      if (!member || !(await repo.privacy(actor.communityId, id)).followable) continue;
      out.push({ label: member.displayName, value: member.externalId });
    }
    return out;
  }

  /** Does what the answer says through the owning services; returns what took (to confirm) and what did not (to say). */
  private async apply(actor: Actor, step: WelcomeStep, choices: string[]): Promise<{ values: string[]; notes: string[] }> {
    const values: string[] = [];
    const notes: string[] = [];
    const attempt = async (value: string, work: () => Promise<unknown>) => {
      try {
        await work();
        values.push(value);
      } catch (error) {
        if (!isPeerloopError(error)) throw error;
        if (error.code === "ALREADY_FOLLOWING") values.push(value);
        else notes.push(error.message);
      }
    };
    switch (step) {
      case "interests":
        for (const raw of choices) {
          let tag: string;
          try {
            tag = normalizeTag(raw);
          } catch {
            continue;
          }
          if (!values.includes(tag)) await attempt(tag, () => this.deps.members.follow(actor, tag));
        }
        break;
      case "people":
        for (const ref of choices) {
          const member = await this.deps.store.members.findByExternalId(actor.communityId, ref);
          if (member) await attempt(member.displayName, () => this.deps.people.follow(actor, member.externalId));
        }
        break;
      case "sources":
        for (const name of choices) await attempt(name, () => this.deps.sources.follow(actor, name));
        break;
      case "notifications":
        if (choices[0] && !(NOTIFY_FREQUENCIES as readonly string[]).includes(choices[0])) stale();
        if (choices[0]) await attempt(choices[0], () => this.deps.members.setNotify(actor, choices[0] as NotifyFrequency));
        break;
      case "norms":
        if (choices[0]) values.push("read");
        break;
      case "first-step":
        if (choices[0] && !FIRST_STEP_HINT[choices[0]]) stale();
        if (choices[0]) values.push(choices[0]);
        break;
    }
    return { values, notes };
  }
}

const EMPTY: Partial<Record<WelcomeStep, string>> = {
  interests: "No topics yet: follow one later with /follow #tag.",
  people: "Nobody has been credited with help on these topics lately.",
  sources: "No trusted publishers for these topics yet.",
};
