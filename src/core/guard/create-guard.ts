import { stripMarkup } from "./strip-markup";
import {
  detectEmails, detectIpv6, detectNetworkIds, detectObfuscatedEmails, detectPaymentHandles, detectPersonalUrls, detectPhones, detectSsn,
} from "./detect-contacts";
import { detectAgeWords, detectAges, detectDates } from "./detect-dates";
import { detectKeyedIdentifiers, detectVehicles } from "./detect-identifiers";
import { detectNames } from "./detect-names";
import { detectPlaceForms, detectPlaces } from "./detect-places";
import type { Finding, Guard } from "./guard-types";
import { useLexicon, warmLexicon, type LexiconData } from "./lexicon";

type Push = (f: Omit<Finding, "text">) => void;
type Detector = (text: string, push: Push, clientNamed: boolean) => void;

// Order matters only for overlaps: a span claimed by an earlier, more specific detector wins.
// Names come last (below): they are found first, because a named client changes how places and dates read.
const DETECTORS: Detector[] = [
  detectEmails, detectObfuscatedEmails, detectPersonalUrls, detectPaymentHandles, detectSsn, detectNetworkIds, detectIpv6,
  detectVehicles, detectKeyedIdentifiers, detectPhones, detectAges, detectAgeWords, detectDates, detectPlaceForms, detectPlaces,
];

/**
 * The confidentiality guard: policy rules (HIPAA Safe Harbor identifiers, applied to clients only)
 * over candidates found by shape, vocabulary and patterns. Pure, synchronous, offline: the word lists
 * come from `lexicon` (the bundled JSON, or the composition root's reader), read on first use.
 */
export const createGuard = (lexicon: () => LexiconData): Guard => (useLexicon(lexicon), {
  warm: warmLexicon,
  inspect(original: string): Finding[] {
    const { text } = stripMarkup(original);
    // A client named in the message makes its places and dates theirs, even with no other cue.
    const names: Omit<Finding, "text">[] = [];
    detectNames(text, (f) => void names.push(f));
    const found: Finding[] = [];
    const push: Push = ({ type, start, end }) => {
      if (end <= start || found.some((f) => start < f.end && f.start < end)) return;
      found.push({ type, start, end, text: original.slice(start, end) });
    };
    for (const detect of DETECTORS) detect(text, push, names.length > 0);
    names.forEach(push);
    return found.sort((a, b) => a.start - b.start);
  },
});
