import { z } from "zod";
import type { Features } from "../text-model/feature-hash";
import { LinearModel } from "../text-model/linear-model";
import type { WordClusters } from "../text-model/word-clusters";
import { candidateFeatures, messageContext, type MessageContext } from "./candidate-features";
import { viewMessage, type Candidate, type MessageView } from "./candidates";
import { isCommonWord, isGivenName } from "./lexicon";
import { CUE_CLASS_NAMES } from "./cue-words";
import { COMBINATION_CUES } from "./detect-multilingual";
import type { Finding } from "./guard-types";
import { stripMarkup } from "./strip-markup";

/**
 * The learned decision layer of the confidentiality guard. Two logistic models trained by
 * `npm run guard:train`: one scores each candidate span (is this a client's detail?), one decides the
 * message from the candidates' scores and message-wide cues (a rare or notorious combination, a
 * role-play, a shout-out). The warning quotes the candidates that scored high.
 */
export const GUARD_MODEL_VERSION = 1;

const MODEL_FILE = z.object({
  kind: z.literal("peerloop-guard-model"),
  version: z.literal(GUARD_MODEL_VERSION),
  seed: z.number().int(),
  trainedOn: z.array(z.object({ source: z.string(), messages: z.number().int() })),
  candidate: z.unknown(),
  message: z.unknown(),
  threshold: z.number().min(0).max(1),
  spanThreshold: z.number().min(0).max(1),
});
export type GuardModelFile = z.infer<typeof MODEL_FILE>;

export class GuardModel {
  constructor(readonly candidate: LinearModel, readonly message: LinearModel, readonly threshold: number, readonly spanThreshold: number) {}

  /** Validates a model file's contents; `what` names the file in any error. */
  static parse(data: unknown, what: string): GuardModel {
    const parsed = MODEL_FILE.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`${what} is not a guard model of version ${GUARD_MODEL_VERSION} (${issue.path.join(".") || "file"}: ${issue.message})`);
    }
    const m = parsed.data;
    return new GuardModel(LinearModel.fromJSON(m.candidate, `${what} (candidate model)`), LinearModel.fromJSON(m.message, `${what} (message model)`), m.threshold, m.spanThreshold);
  }
}

/** A message read for the models: its candidates, their features, and the message's own context. */
export interface Featurized {
  view: MessageView;
  ctx: MessageContext;
  candidates: Features[];
}

export const featurize = (original: string, clusters: WordClusters): Featurized => {
  const { text } = stripMarkup(original);
  const view = viewMessage(text);
  const ctx = messageContext(view);
  return { view, ctx, candidates: view.candidates.map((c) => candidateFeatures(c, ctx, clusters)) };
};

const pBucket = (logit: number) => Math.max(0, Math.min(9, Math.floor(10 / (1 + Math.exp(-logit)))));
const clip = (x: number) => Math.max(-8, Math.min(8, x));

/** The message model's features, from the candidates' log-odds. */
export const messageFeatures = ({ view, ctx }: Featurized, logits: readonly number[]): Features => {
  const sorted = [...logits].sort((a, b) => b - a);
  const top = sorted[0] ?? -8, second = sorted[1] ?? -8;
  const best = logits.indexOf(top);
  const out: (string | readonly [string, number])[] = [
    ["top", clip(top)], ["second", clip(second)], `topb:${pBucket(top)}`, `secondb:${pBucket(second)}`,
    `n50:${Math.min(4, logits.filter((l) => l > 0).length)}`, `client:${ctx.client}`, `fiction:${ctx.fiction}`,
  ];
  if (best >= 0) out.push(`toptype:${view.candidates[best]!.type}`, `toptype:${view.candidates[best]!.type}:${pBucket(top)}`);
  if (view.decided.length) out.push("dec:any", ...new Set(view.decided.map((d) => `dec:${d.type}`)));
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
const STREET_FLOOR = -2;
const clientStreetAddresses = (view: MessageView, logits: readonly number[]): Candidate[] =>
  view.candidates.filter((c, i) => logits[i]! > STREET_FLOOR && c.decided?.type === "address" && c.decided.rule === "places" && c.start === c.decided.start && c.end === c.decided.end && /^\d/.test(view.text.slice(c.start, c.end)));

/**
 * A detail found in pieces is quoted whole: a date ("May", "1987" → "2 May 1987"), so the hint can say
 * what to keep, and a name whose longer reading the model also takes for a client's ("Hyun-woo" →
 * "Hyun-woo Cha").
 */
const whole = (c: Candidate, ranked: { c: Candidate; logit: number }[], cut: number): Candidate => {
  let best = c;
  for (const { c: d, logit } of ranked) {
    if (d.start > c.start || d.end < c.end || d.end - d.start <= best.end - best.start) continue;
    const date = d.type === "date" && d.sources.has("shape:date");
    const name = c.type === "person_name" && d.type === "person_name" && logit >= cut && !/[\n,;:]/.test(d.tokens.map((t) => t.text).join(" "));
    if (date || name) best = d;
  }
  return best;
};

const plainWord = (c: Candidate) =>
  c.type === "person_name" && c.sources.size === 1 && c.sources.has("tok:lower") && c.tokens.length === 1 && isCommonWord(c.tokens[0]!.text) && !isGivenName(c.tokens[0]!.text);

/** Findings for a message: nothing unless the message model says it could identify a client. */
export const learnedFindings = (original: string, model: GuardModel, clusters: WordClusters): Finding[] => {
  const f = featurize(original, clusters);
  const logits = f.candidates.map((c) => model.candidate.logit(c));
  const streets = clientStreetAddresses(f.view, logits);
  if (model.message.probability(messageFeatures(f, logits)) < model.threshold && !streets.length) return [];
  const cut = Math.log(model.spanThreshold / (1 - model.spanThreshold));
  const ranked = f.view.candidates.map((c, i) => ({ c, logit: logits[i]! })).sort((a, b) => b.logit - a.logit);
  const chosen: typeof ranked = streets.map((c) => ({ c, logit: Infinity }));
  for (const r of ranked) {
    if (chosen.length && r.logit < cut) break;
    // A common word in a person's slot ("born", "quiet") is not quoted as a name beside a real finding.
    if (chosen.length && plainWord(r.c)) continue;
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
