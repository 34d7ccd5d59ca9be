import type { WordClusters } from "../text-model/word-clusters";
import type { WordVectors } from "../text-model/word-vectors";

/**
 * How the related-answers search reads a question: content words reduced to a stem, the field's
 * abbreviations and synonyms folded to one concept ("CPS", "child protective services" and "DCFS"
 * are one), and each word's class from pretrained vectors, so a paraphrase that shares no word can
 * still share meaning ("teen" and "adolescent" fall in one class).
 */

/** Field vocabulary: each group is one concept; multi-word phrases are matched before single words. */
const CONCEPTS: [string, string[]][] = [
  ["cps", ["cps", "dcfs", "dss", "dcf", "dhs", "child protective services", "child protection", "child welfare", "children's services", "social services", "the department"]],
  ["dv", ["dv", "ipv", "domestic violence", "intimate partner violence", "domestic abuse", "abusive partner", "abusive relationship", "batterer"]],
  ["suicide", ["si", "suicidal ideation", "suicidal", "suicidality", "suicidal thoughts", "suicide", "wants to die", "kill herself", "kill himself", "kill themselves"]],
  ["selfharm", ["self-harm", "self harm", "self-injury", "self injury", "cutting", "nssi"]],
  ["sud", ["sud", "substance use", "substance abuse", "addiction", "drug use", "using drugs", "alcohol use", "drinking problem", "relapse", "relapsed", "sobriety", "sober", "recovery"]],
  ["mat", ["mat", "moud", "medication assisted treatment", "medication-assisted treatment", "suboxone", "buprenorphine", "methadone", "vivitrol", "naltrexone"]],
  ["aps", ["aps", "adult protective services", "elder abuse", "elder neglect", "financial exploitation"]],
  ["roi", ["roi", "release of information", "release form", "consent to release", "authorization to disclose"]],
  ["privacy", ["hipaa", "ferpa", "42 cfr", "confidentiality", "privacy", "confidential"]],
  ["iep", ["iep", "individualized education program", "individualized education plan", "504", "504 plan", "special education", "sped"]],
  ["tpr", ["tpr", "termination of parental rights", "parental rights terminated"]],
  ["gal", ["gal", "guardian ad litem", "casa", "court appointed special advocate"]],
  ["mandated", ["mandated reporter", "mandated reporting", "mandatory reporting", "mandatory reporter", "duty to report", "hotline report", "make a report", "file a report", "report to cps"]],
  ["safetyplan", ["safety plan", "safety planning", "crisis plan", "stanley-brown"]],
  ["teen", ["teen", "teens", "teenager", "teenagers", "adolescent", "adolescents", "youth", "minor", "minors", "high schooler", "15-year-old", "16-year-old", "17-year-old", "14-year-old"]],
  ["child", ["kid", "kids", "child", "children", "toddler", "preschooler", "little one"]],
  ["parent", ["parent", "parents", "mom", "mother", "dad", "father", "caregiver", "guardian", "grandparent raising"]],
  ["kinship", ["kinship", "relative placement", "kin placement", "grandparents raising grandchildren"]],
  ["foster", ["foster", "foster care", "out-of-home care", "out of home care", "placement", "group home", "residential placement"]],
  ["document", ["document", "documentation", "documenting", "note", "notes", "case note", "case notes", "progress note", "charting", "chart", "record", "write up", "write-up"]],
  ["sign", ["sign", "signs", "signature", "won't sign", "refuses to sign", "refused to sign", "signed"]],
  ["housing", ["housing", "shelter", "homeless", "homelessness", "unhoused", "eviction", "evicted", "rent", "landlord", "section 8", "voucher"]],
  ["benefits", ["benefits", "snap", "food stamps", "ebt", "tanf", "wic", "ssi", "ssdi", "welfare", "public assistance"]],
  ["insurance", ["medicaid", "medicare", "insurance", "insurer", "coverage", "prior authorization"]],
  ["supervision", ["supervisor", "supervision", "supervisee", "clinical supervision"]],
  ["burnout", ["burnout", "burned out", "burnt out", "compassion fatigue", "vicarious trauma", "secondary trauma", "exhausted"]],
  ["deescalate", ["de-escalate", "de-escalation", "deescalate", "calm down", "agitated", "aggressive", "escalating"]],
  ["noshow", ["no-show", "no show", "no-shows", "missed appointment", "missed appointments", "doesn't show up", "didn't show", "cancels"]],
  ["interpreter", ["interpreter", "translator", "interpretation", "language access", "limited english", "lep"]],
  ["immigration", ["immigrant", "undocumented", "refugee", "asylum", "asylum seeker", "ice", "deportation", "visa", "daca"]],
  ["grief", ["grief", "grieving", "bereavement", "loss", "died", "death", "passed away"]],
  ["hospice", ["hospice", "end of life", "end-of-life", "palliative", "dying", "comfort care"]],
  ["dementia", ["dementia", "alzheimer's", "alzheimers", "memory loss", "cognitive decline"]],
  ["capacity", ["capacity", "competency", "guardianship", "conservatorship", "power of attorney", "poa", "decision-making"]],
  ["court", ["court", "hearing", "judge", "testify", "testimony", "subpoena", "custody"]],
  ["school", ["school", "teacher", "classroom", "truancy", "truant", "attendance", "suspended", "expelled"]],
  ["therapy", ["therapy", "therapist", "counseling", "counselling", "counselor", "cbt", "dbt", "emdr"]],
  ["trauma", ["trauma", "ptsd", "traumatic", "trauma-informed", "aces"]],
  ["boundaries", ["boundary", "boundaries", "dual relationship", "gift", "gifts", "friend request", "social media"]],
  ["ethics", ["ethics", "ethical", "code of ethics", "nasw"]],
  ["disclosure", ["disclosure", "disclosed", "disclose", "told me", "tells me", "historical abuse", "years ago"]],
  ["transition", ["aging out", "aged out", "age out", "transition age", "turns 18", "turning 18", "independent living"]],
  ["disability", ["disability", "disabled", "idd", "intellectual disability", "autism", "autistic", "asd", "adhd"]],
  ["mentalhealth", ["depression", "depressed", "anxiety", "anxious", "bipolar", "schizophrenia", "psychosis", "mental health", "mental illness"]],
  ["discharge", ["discharge", "discharged", "discharge planning", "snf", "skilled nursing", "rehab placement"]],
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const PHRASES = CONCEPTS.flatMap(([c, words]) => words.map((w) => [w, c] as const)).sort((a, b) => b[0].length - a[0].length);
const PHRASE_RE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${PHRASES.map(([w]) => escape(w)).join("|")})(?![\\p{L}\\p{N}])`, "gu");
const CONCEPT_OF = new Map(PHRASES.map(([w, c]) => [w, c]));

/** Words that carry no topic in a question. */
const STOP = new Set(("a an the and or but if then so of to in on at by for with from about as into over after before between " +
  "is are was were be been being am do does did doing have has had having can could would should will shall may might must " +
  "i me my mine we us our you your he him his she her they them their it its this that these those there here what which who whom " +
  "whose when where why how any anyone anybody some someone something all each every both either neither no not nor only own same " +
  "than too very just also still even ever really please thanks thank hi hey hello folks everyone anybody y'all get got getting go going " +
  "know knows knew think thought want wants need needs needed like tips tip advice ideas idea help helps question questions " +
  "way ways thing things one two lot lots much many more most other others else new good best bad work working worked do done " +
  "use used using make makes made say says said tell tried try trying").split(/\s+/));

/** A light English stemmer: enough that "documenting", "documented" and "documents" meet. */
export const stem = (w: string): string => {
  if (w.length <= 3) return w;
  if (w.endsWith("ies") && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith("ing") && w.length > 5) return w.slice(0, -3).replace(/(.)\1$/, "$1");
  if (w.endsWith("ed") && w.length > 4) return w.slice(0, -2).replace(/(.)\1$/, "$1");
  if (w.endsWith("es") && /(?:ss|sh|ch|x|z)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) return w.slice(0, -1);
  return w;
};

/** A question (or an answer, or a resource's title and note) as the search reads it. */
export interface ReadText {
  /** Content-word stems, in order (repeats kept, for term frequency). */
  stems: string[];
  /** Field concepts named in it. */
  concepts: string[];
  /** Word classes of its content words ("~412"). */
  classes: string[];
  /** Adjacent stem pairs. */
  pairs: string[];
  /** Its content words as written (lower case). */
  words: string[];
  /** The meaning of its content words: their vectors' mean, rarer words weighing more (null: no known word). */
  vector: Float32Array | null;
}

export const readText = (text: string, clusters: WordClusters, vectors?: WordVectors): ReadText => {
  const low = text.toLowerCase().replace(/[’‘]/g, "'");
  const concepts: string[] = [];
  for (const m of low.matchAll(PHRASE_RE)) concepts.push(CONCEPT_OF.get(m[0])!);
  const words = (low.match(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu) ?? []).map((w) => w.replace(/'s$/, "").replace(/^'+|'+$/g, ""));
  const content = words.filter((w) => w.length > 1 && !STOP.has(w) && !/^\d+$/.test(w));
  const stems = content.map(stem);
  const classes: string[] = [];
  for (const w of content) {
    const c = clusters.of(w);
    if (c && c.band >= 3) classes.push(`~${c.fine}`); // the most frequent words' classes say little
  }
  const pairs = stems.slice(1).map((s, i) => `${stems[i]}_${s}`);
  // Frequent words say little about meaning: weight by the word's frequency band (0 most frequent, 15 rarest).
  const vector = vectors?.sentence(content, (w) => 0.2 + (clusters.of(w)?.band ?? 15) / 15) ?? null;
  return { stems, concepts, classes, pairs, vector, words: content };
};

/**
 * The index terms of a text: what a question is found by. Stems and concepts always; classes only
 * for rarer words, so "~412" is not a term shared by half the archive.
 */
export const indexTerms = (t: ReadText): string[] => [...new Set([...t.stems, ...t.concepts.map((c) => `#${c}`), ...t.classes])];
