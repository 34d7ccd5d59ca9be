import {
  detectEmails, detectIpv6, detectNetworkIds, detectObfuscatedEmails, detectPaymentHandles, detectPersonalUrls, detectPhones, detectSsn,
} from "./detect-contacts";
import { detectAgeWords, detectAges, detectDates } from "./detect-dates";
import { detectKeyedIdentifiers, detectVehicles } from "./detect-identifiers";
import { detectMultilingualAddresses, detectMultilingualAges, detectMultilingualDates, detectTitledNames } from "./detect-multilingual";
import { detectNames } from "./detect-names";
import { detectPlaceForms, detectPlaces } from "./detect-places";
import type { Finding, Push } from "./guard-types";
import { detectNationalIds } from "./national-ids";

type Detector = (text: string, push: Push, clientNamed: boolean) => void;

// Order matters only for overlaps: a span claimed by an earlier, more specific detector wins.
// Names come last (below): they are found first, because a named client changes how places and dates read.
const DETECTORS: [string, Detector][] = [
  ["emails", detectEmails], ["obfuscated-emails", detectObfuscatedEmails], ["personal-urls", detectPersonalUrls],
  ["payment-handles", detectPaymentHandles], ["national-ids", detectNationalIds], ["ssn", detectSsn], ["network-ids", detectNetworkIds],
  ["ipv6", detectIpv6], ["vehicles", detectVehicles], ["keyed-ids", detectKeyedIdentifiers], ["phones", detectPhones], ["ages", detectAges],
  ["age-words", detectAgeWords], ["ml-ages", detectMultilingualAges], ["dates", detectDates], ["ml-dates", detectMultilingualDates],
  ["place-forms", detectPlaceForms], ["places", detectPlaces], ["ml-addresses", detectMultilingualAddresses],
];

/** A rule's finding, with the rule that made it. */
export type RuleFinding = Omit<Finding, "text"> & { rule: string };

/**
 * What the rules say about a (markup-stripped) text: every rule's raw findings, overlapping or not,
 * and the rules' own decision (the non-overlapping set, earlier rules first) that the guard used
 * before it learned. The learned layer reads both as features.
 */
export const ruleFindings = (text: string): { raw: RuleFinding[]; decided: RuleFinding[] } => {
  const raw: RuleFinding[] = [];
  const names: RuleFinding[] = [];
  detectNames(text, (f) => void names.push({ ...f, rule: "names" }));
  detectTitledNames(text, (f) => void names.push({ ...f, rule: "titled-names" }));
  const decided: RuleFinding[] = [];
  const claim = (f: RuleFinding) => {
    raw.push(f);
    if (f.end <= f.start || decided.some((d) => f.start < d.end && d.start < f.end)) return;
    decided.push(f);
  };
  for (const [rule, detect] of DETECTORS) detect(text, (f) => claim({ ...f, rule }), names.length > 0);
  names.forEach(claim);
  return { raw, decided: decided.sort((a, b) => a.start - b.start) };
};
