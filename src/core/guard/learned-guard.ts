import { z } from "zod";
import type { Features } from "../text-model/feature-hash";
import { LinearModel } from "../text-model/linear-model";
import type { WordClusters } from "../text-model/word-clusters";
import { candidateFeatures, messageContext, type MessageContext } from "./candidate-features";
import { extendView, viewMessage, type Candidate, type MessageView } from "./candidates";
import { isKnownPlace, isWorldPlace } from "./lexicon";
import { taggedSpans, tagWithModel } from "./token-tagger";
import type { Token } from "./tokens";
import { CUE_CLASS_NAMES } from "./cue-words";
import { COMBINATION_CUES } from "./detect-multilingual";
import type { Finding, FindingType } from "./guard-types";
import { stripMarkup } from "./strip-markup";

/**
 * The learned decision layer of the confidentiality guard. Two logistic models trained by
 * `npm run guard:train`: one scores each candidate span (is this a client's detail?), one decides the
 * message from the candidates' scores and message-wide cues (a rare or notorious combination, a
 * role-play, a shout-out). The warning quotes the candidates that scored high.
 */
export const GUARD_MODEL_VERSION = 2;

const MODEL_FILE = z.object({
  kind: z.literal("peerloop-guard-model"),
  version: z.literal(GUARD_MODEL_VERSION),
  seed: z.number().int(),
  trainedOn: z.array(z.object({ source: z.string(), messages: z.number().int() })),
  tagger: z.unknown(),
  candidate: z.unknown(),
  message: z.unknown(),
  threshold: z.number().min(0).max(1),
  spanThreshold: z.number().min(0).max(1),
});
export type GuardModelFile = z.infer<typeof MODEL_FILE>;

export class GuardModel {
  constructor(readonly tagger: LinearModel, readonly candidate: LinearModel, readonly message: LinearModel, readonly threshold: number, readonly spanThreshold: number) {}

  /** Validates a model file's contents; `what` names the file in any error. */
  static parse(data: unknown, what: string): GuardModel {
    const parsed = MODEL_FILE.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`${what} is not a guard model of version ${GUARD_MODEL_VERSION} (${issue.path.join(".") || "file"}: ${issue.message})`);
    }
    const m = parsed.data;
    return new GuardModel(LinearModel.fromJSON(m.tagger, `${what} (token tagger)`), LinearModel.fromJSON(m.candidate, `${what} (candidate model)`), LinearModel.fromJSON(m.message, `${what} (message model)`), m.threshold, m.spanThreshold);
  }
}

/** A message read for the models: its candidates, their features, and the message's own context. */
export interface Featurized {
  view: MessageView;
  ctx: MessageContext;
  candidates: Features[];
  /** The token tagger's margin for each token of the message. */
  margins: number[];
}

/** What a message is before the tagger has read it (training reads each post once, and tags it per fold). */
export interface MessageRead {
  view: MessageView;
  ctx: MessageContext;
  base: Map<Candidate, Features>;
}

export const readMessage = (original: string, clusters: WordClusters): MessageRead => {
  const { text } = stripMarkup(original);
  const view = viewMessage(text);
  const ctx = messageContext(view);
  return { view, ctx, base: new Map(view.candidates.map((c) => [c, candidateFeatures(c, ctx, clusters)])) };
};

const marginBucket = (m: number) => (m > 2 ? "hi" : m > 0 ? "pos" : m > -1 ? "near" : "neg");

/** The tagger's spans join the candidates; every candidate learns what the tagger said of its words. */
export const withTagger = (read: MessageRead, margins: number[], clusters: WordClusters): Featurized => {
  const spans = taggedSpans(read.view, margins).map((s) => ({ ...taggedSpan(s.tokens, s.start, s.end, read.view.text), source: "tagger" }));
  const view = extendView(read.view, spans);
  const ctx = { ...read.ctx, view };
  const candidates = view.candidates.map((c) => {
    const own = [...(read.base.get(c) ?? [...read.base].find(([k]) => k.start === c.start && k.end === c.end)?.[1] ?? candidateFeatures(c, ctx, clusters))];
    const inside = read.view.tokens.flatMap((t, i) => (t.start >= c.start && t.end <= c.end ? [margins[i]!] : []));
    if (inside.length) {
      const max = Math.max(...inside), min = Math.min(...inside);
      own.push(`tg:max:${marginBucket(max)}`, `tg:min:${marginBucket(min)}`, `tg:max:${marginBucket(max)}&type:${c.type}`, ["tg", Math.max(-4, Math.min(4, max)) / 4]);
    } else own.push("tg:none");
    if (c.sources.has("tagger")) own.push("tg:span", `tg:span&n:${c.sources.size}`);
    return own;
  });
  return { view, ctx, candidates, margins };
};

export const featurize = (original: string, clusters: WordClusters, tagger: LinearModel): Featurized => {
  const read = readMessage(original, clusters);
  return withTagger(read, tagWithModel(tagger, read.view, clusters), clusters);
};

const STREET = /^(?:street|st|avenue|ave|road|rd|lane|ln|drive|dr|boulevard|blvd|way|court|ct|place|pl|terrace|circle|highway|hwy|strasse|straße|calle|rue|rua|ulica|ul|via|straat|laan|sokak|caddesi|cadde)$/i;

/** What a tagged span would be reported as, and where it starts: "12 Oak Street" keeps its house number. */
const taggedSpan = (tokens: Token[], start: number, end: number, text: string): { start: number; end: number; type: FindingType } => {
  if (tokens.length > 1 && tokens.some((t) => STREET.test(t.text))) {
    const number = /\d{1,5}[a-z]?,?\s+$/i.exec(text.slice(Math.max(0, start - 8), start));
    return { start: number ? start - number[0].length : start, end, type: "address" };
  }
  if (tokens.some((t) => isKnownPlace(t.text) || isWorldPlace(t.text))) return { start, end, type: "location" };
  return { start, end, type: "person_name" };
};

const pBucket = (logit: number) => Math.max(0, Math.min(9, Math.floor(10 / (1 + Math.exp(-logit)))));
const clip = (x: number) => Math.max(-8, Math.min(8, x));

/** The message model's features, from the candidates' log-odds. */
export const messageFeatures = ({ view, ctx, margins }: Featurized, logits: readonly number[]): Features => {
  const sorted = [...logits].sort((a, b) => b - a);
  const top = sorted[0] ?? -8, second = sorted[1] ?? -8;
  const best = logits.indexOf(top);
  const out: (string | readonly [string, number])[] = [
    ["top", clip(top)], ["second", clip(second)], `topb:${pBucket(top)}`, `secondb:${pBucket(second)}`,
    `n50:${Math.min(4, logits.filter((l) => l > 0).length)}`, `client:${ctx.client}`, `fiction:${ctx.fiction}`,
  ];
  if (best >= 0) out.push(`toptype:${view.candidates[best]!.type}`, `toptype:${view.candidates[best]!.type}:${pBucket(top)}`);
  if (view.decided.length) out.push("dec:any", ...new Set(view.decided.map((d) => `dec:${d.type}`)));
  const tagged = margins.filter((m) => m > 0).length;
  out.push(`tg:n:${Math.min(3, tagged)}`, `tg:top:${pBucket(Math.max(-8, ...margins))}`);
  for (const k of ctx.combination) out.push(`combo:${k}`, `combo:${k}&client:${ctx.client}`);
  for (const cls of CUE_CLASS_NAMES) if (ctx.cues.has(cls)) out.push(`mcue:${cls}`);
  return out;
};

/**
 * A client's street address with its house number ("12 Oak Street" in a post about a client) is
 * flagged whatever the message model says, when the candidate model reads it as a client's: the rule
 * that finds it already leaves out organisations', venues' and the author's own addresses, and no
 * context makes a client's home address safe to post.
 */
export const clientStreetAddresses = (view: MessageView, logits: readonly number[]): { start: number; end: number }[] =>
  view.candidates.filter((c, i) => logits[i]! > 0 && c.decided?.type === "address" && c.decided.rule === "places" && c.start === c.decided.start && c.end === c.decided.end && /^\d/.test(view.text.slice(c.start, c.end)));

/**
 * A detail found in pieces is quoted whole: a date ("May", "1987" → "2 May 1987"), so the hint can say
 * what to keep, and a name whose longer reading the model also takes for a client's ("Hyun-woo" →
 * "Hyun-woo Cha").
 */
const whole = (c: Candidate, ranked: { c: Candidate; logit: number }[], cut: number): Candidate => {
  let best = c;
  for (const { c: d, logit } of ranked) {
    if (d.start > c.start || d.end < c.end || d.end - d.start <= best.end - best.start) continue;
    const date = d.type === "date" && (d.sources.has("shape:date") || d.overlapping.has("dates") || d.overlapping.has("ml-dates"));
    const name = c.type === "person_name" && d.type === "person_name" && logit >= cut && !/[\n,;:]/.test(d.tokens.map((t) => t.text).join(" "));
    if (date || name) best = d;
  }
  return best;
};

/** Findings for a message: nothing unless the message model says it could identify a client. */
export const learnedFindings = (original: string, model: GuardModel, clusters: WordClusters): Finding[] => {
  const f = featurize(original, clusters, model.tagger);
  const logits = f.candidates.map((c) => model.candidate.logit(c));
  const streets = clientStreetAddresses(f.view, logits);
  if (model.message.probability(messageFeatures(f, logits)) < model.threshold && !streets.length) return [];
  const cut = Math.log(model.spanThreshold / (1 - model.spanThreshold));
  const ranked = f.view.candidates.map((c, i) => ({ c, logit: logits[i]! })).sort((a, b) => b.logit - a.logit);
  const chosen: typeof ranked = [];
  for (const s of streets) {
    const c = f.view.candidates.find((x) => x.start === s.start && x.end === s.end);
    if (c) chosen.push({ c, logit: Infinity });
  }
  for (const r of ranked) {
    if (chosen.length && r.logit < cut) break;
    const c = whole(r.c, ranked, cut);
    if (!chosen.some((x) => x.c.start < c.end && c.start < x.c.end)) chosen.push({ c, logit: r.logit });
  }
  const findings: Finding[] = chosen.map(({ c }) => ({ type: c.type, start: c.start, end: c.end, text: original.slice(c.start, c.end) }));
  // A combination that singles someone out, with no single identifier standing out: quote the phrase.
  if (!chosen.length || chosen[0]!.logit < cut) {
    for (const re of Object.values(COMBINATION_CUES)) {
      const m = re.exec(f.view.text);
      if (m) {
        findings.length = 0;
        findings.push({ type: "combination", start: m.index, end: m.index + m[0].length, text: original.slice(m.index, m.index + m[0].length) });
        break;
      }
    }
  }
  return findings.sort((a, b) => a.start - b.start);
};
