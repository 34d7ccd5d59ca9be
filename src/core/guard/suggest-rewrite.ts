import type { Finding, FindingType } from "./guard-types";

const GENERIC: Record<FindingType, string> = {
  person_name: "my client",
  date: "a rough time (\"last spring\")",
  age_over_89: "in their 90s",
  phone: "their phone number",
  email: "their email address",
  address: "their home",
  location: "a small town in the county",
  ssn: "their SSN",
  record_number: "their case number",
  license_or_plate: "their ID number",
  device_or_ip: "their device",
  url_personal: "their social media",
  combination: "fewer details that together point to one person (a town's size, a news story, a look)",
};

const TITLE = /^((?:M(?:rs?|s|iss|x)|Mister)\.?)\s+/i;

/** Initials keep a story readable without naming anyone: "Jae-won Park" → "J.P.", "Mrs. Okafor" → "Mrs. O.". */
const initials = (name: string): string => {
  const title = name.match(TITLE)?.[1];
  const rest = name.replace(TITLE, "").replace(/['’]s$/, "");
  const letters = rest.split(/\s+/).filter(Boolean).map((w) => `${w[0]!.toUpperCase()}.`).join("");
  return title ? `${title} ${letters}` : letters;
};

/**
 * A de-identified rewrite of one finding's span, for the warning: what the author could write instead.
 * Pure: it reads the finding's text and kind only.
 */
export const suggestRewrite = (finding: Pick<Finding, "type" | "text">): string => {
  const { type, text } = finding;
  if (type === "person_name") return `${initials(text)} or "${GENERIC.person_name}"`;
  if (type === "location" && /\b(?:County|Parish|Borough)\b/.test(text)) return "a county in the state";
  if (type === "location" && /\b(?:Reservation|Rez|Rancheria|Pueblo|Nation|Reserve)\b/.test(text)) return "tribal land in the region";
  if (type === "location" && /\b(?:school|middle|elementary|high|academy)\b/i.test(text)) return "their school";
  if (type === "location" && /\b(?:apartments?|motel|shelter|homes|village|courts|manor|towers|trailer)\b/i.test(text)) return "where they live";
  // Say what to keep: the year of a full date; of a year alone, the decade.
  const year = /(?<!\d)(1[89]\d{2}|20\d{2})(?!\d)/.exec(text)?.[1];
  if (type === "date" && year && text.trim() === year) return `the decade ("the ${year.slice(0, 3)}0s")`;
  if (type === "date" && year) return `the year only ("${year}"), if it matters`;
  return GENERIC[type];
};

/** One line of the warning: the exact words found, their kind, and what to write instead. */
export const findingField = (finding: Pick<Finding, "type" | "text">): { label: string; value: string } => ({
  label: finding.type.replace(/_/g, " "),
  value: `"${finding.text}" → try ${suggestRewrite(finding)}`,
});
