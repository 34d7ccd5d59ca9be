import type { Button, Message } from "../shared/message";
import { hashtags } from "../shared/tags";
import type { WelcomeStep } from "./welcome-types";

/** One choice a step offers: its label, and the value a button or select carries back. */
export interface Choice {
  label: string;
  value: string;
  detail?: string;
}

/** The norms in two lines (the seed's "never a detail that could identify a client, never venting that disparages"). */
export const NORMS = [
  "Never post a detail that could identify a client: no names, birth dates, addresses or case numbers, even in passing.",
  "Disagree with ideas, not people: no venting that disparages clients, colleagues or the profession.",
] as const;

const ref = (round: number, step: WelcomeStep) => `${round}:${step}`;
const button = (round: number, step: WelcomeStep, choice: string, label: string, style?: Button["style"]): Button =>
  ({ action: "welcome", value: `${ref(round, step)}:${choice}`, label, ...(style ? { style } : {}) });
const skip = (round: number, step: WelcomeStep) => button(round, step, "skip", "Skip");

/** A step with a list to choose from: a native multi-select on Slack and Discord, numbered buttons in the shell. */
const pickStep = (round: number, step: WelcomeStep, title: string, text: string, placeholder: string, choices: Choice[]): Message => ({
  title,
  text,
  select: { action: "welcome", ref: ref(round, step), placeholder, options: choices },
  buttons: [skip(round, step)],
});

export const interestsStep = (round: number, tags: string[]): Message =>
  pickStep(round, "interests", "1 · Your interests",
    "These are the community's most active topics. Choose any and you'll follow them: new resources and questions with them reach you.",
    "Choose topics to follow", tags.map((t) => ({ label: `#${t}`, value: t })));

export const peopleStep = (round: number, people: Choice[], tags: string[]): Message =>
  pickStep(round, "people", "2 · People worth following",
    `The members who helped most${tags.length ? ` with ${hashtags(tags)}` : ""} in the last 90 days (credited answers, endorsed shares). Follow any to hear when they share or answer.`,
    "Choose people to follow", people);

export const sourcesStep = (round: number, sources: Choice[], tags: string[]): Message =>
  pickStep(round, "sources", "3 · Trusted publishers",
    `The publishers and feeds the community trusts${tags.length ? ` for ${hashtags(tags)}` : ""}. Follow any to hear about their new items.`,
    "Choose publishers to follow", sources);

export const notificationsStep = (round: number): Message => ({
  title: "4 · How news reaches you",
  text: "How often should what you follow reach you? Choose one. By e-mail: /notify email you@example.org; by text: /notify sms +15555550123; quiet hours: /peerloop quiet 21:00-07:00.",
  buttons: [
    button(round, "notifications", "instant", "Right away", "primary"),
    button(round, "notifications", "daily", "Daily digest"),
    button(round, "notifications", "weekly", "Weekly digest"),
    skip(round, "notifications"),
  ],
});

export const normsStep = (round: number, normsUrl: string | null): Message => ({
  title: "5 · How we talk here",
  text: `${NORMS[0]}\n${NORMS[1]}${normsUrl ? "" : "\nAsk an organiser for the longer version."}`,
  links: normsUrl ? [{ label: "The community's norms in full", url: normsUrl }] : undefined,
  buttons: [button(round, "norms", "ok", "Got it", "primary"), skip(round, "norms")],
});

export const firstStepStep = (round: number): Message => ({
  title: "6 · A first step",
  text: "Introduce yourself, or share one resource you found useful this month.",
  buttons: [button(round, "first-step", "introduce", "Introduce myself", "primary"), button(round, "first-step", "share", "Share a resource"), skip(round, "first-step")],
});

export const FIRST_STEP_HINT: Record<string, string> = {
  introduce: "Say hello in the community's channel: who you are and what you work on (never a client's details).",
  share: "Share it with /share <link> #tag and a line on why it helped, e.g. /share https://example.org/guide #ethics Clear and short.",
};

const NOTIFY_LABEL: Record<string, string> = { instant: "right away", daily: "a daily digest", weekly: "a weekly digest" };

/** The one message at the end that confirms every choice. */
export const summary = (a: Partial<Record<WelcomeStep, string[]>>): Message => {
  const list = (values: string[] | undefined, show: (v: string[]) => string) => (values?.length ? show(values) : "skipped");
  const first = a["first-step"]?.[0];
  return {
    title: "You're set up",
    text: `Here is what you chose. Change any of it later (/follow, /notify, /peerloop me), or go through the steps again with /peerloop start.${first ? ` ${FIRST_STEP_HINT[first] ?? ""}` : ""}`,
    fields: [
      { label: "Topics", value: list(a.interests, hashtags) },
      { label: "People", value: list(a.people, (v) => v.join(", ")) },
      { label: "Publishers", value: list(a.sources, (v) => v.join(", ")) },
      { label: "Notifications", value: list(a.notifications, (v) => NOTIFY_LABEL[v[0]!] ?? v[0]!) },
      { label: "Norms", value: a.norms?.length ? "read" : "skipped" },
      { label: "First step", value: first === "introduce" ? "introduce yourself" : first === "share" ? "share a resource" : "skipped" },
    ],
    tone: "success",
  };
};
