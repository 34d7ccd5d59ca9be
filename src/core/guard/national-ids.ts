import isIdentityCard from "validator/lib/isIdentityCard.js";
import isTaxID from "validator/lib/isTaxID.js";
import { before, mentionsClient, sentenceAround } from "./context";
import type { FindingType, Push } from "./guard-types";
import { auMedicare, auTfn, bcPhn, brPis, clRut, curp, frNir, inPan, luhn, mbi, nhsNumber, nzNhi, ramq, sgNric, ukNino, zaId } from "./id-checks";

/**
 * Identity, tax and health numbers of many countries, found by their published formats and check
 * digits. A number whose shape is distinctive (letters and digits in fixed places: CURP, NINO, MBI,
 * PAN, NRIC, RAMQ) counts on its own once its check holds; an all-digit number (SIN, NHS, Aadhaar,
 * TFN, PESEL...) also needs its keyword nearby or a client in the sentence, since a phone number or a
 * ticket can pass a check digit by chance.
 */
export interface IdSpec {
  id: string;
  type: FindingType;
  /** The number as written, separators allowed. */
  pattern: RegExp;
  /** Whether the number (separators removed, upper case) passes its specification. */
  valid: (compact: string) => boolean;
  /** Its name, in the languages people write it in. */
  keyword: RegExp;
  /** Letters and digits in fixed places: a match that passes is a number of this kind without a keyword. */
  distinctive: boolean;
}

const safe = (check: () => boolean) => {
  try {
    return check();
  } catch {
    return false;
  }
};

export const ID_SPECS: IdSpec[] = [
  { id: "us-mbi", type: "record_number", pattern: /(?<![\w-])[1-9][A-Z][A-Z\d]\d-?[A-Z][A-Z\d]\d-?[A-Z]{2}\d{2}(?![\w-])/gi, valid: mbi, keyword: /\b(?:mbi|medicare)\b/i, distinctive: true },
  { id: "uk-nhs", type: "record_number", pattern: /(?<![\w-])\d{3}[ -]?\d{3}[ -]?\d{4}(?![\w-])/g, valid: nhsNumber, keyword: /\b(?:nhs|chi|h&c|health and care)\b/i, distinctive: false },
  { id: "uk-nino", type: "ssn", pattern: /(?<![\w-])[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![\w-])/g, valid: ukNino, keyword: /\b(?:ni|nino|national insurance)\b/i, distinctive: true },
  { id: "ie-ppsn", type: "ssn", pattern: /(?<![\w-])\d{7}[A-W][AHW]?(?![\w-])/gi, valid: (s) => safe(() => isTaxID(s, "en-IE")), keyword: /\b(?:pps|ppsn|personal public service)\b/i, distinctive: true },
  { id: "ca-sin", type: "ssn", pattern: /(?<![\w-])\d{3}[ -]?\d{3}[ -]?\d{3}(?![\w-])/g, valid: (s) => safe(() => isTaxID(s, "en-CA")), keyword: /\b(?:sin|nas|social insurance|assurance sociale)\b/i, distinctive: false },
  { id: "ca-ohip", type: "record_number", pattern: /(?<![\w-])\d{4}[ -]?\d{3}[ -]?\d{3}(?:[ -]?[A-Z]{2})?(?![\w-])/g, valid: (s) => luhn(s.replace(/[A-Z]+$/, "")), keyword: /\b(?:ohip|health card|health number|version code)\b/i, distinctive: false },
  { id: "ca-bc-phn", type: "record_number", pattern: /(?<![\w-])9\d{3}[ -]?\d{3}[ -]?\d{3}(?![\w-])/g, valid: bcPhn, keyword: /\b(?:phn|personal health number|carecard|services card|msp)\b/i, distinctive: false },
  { id: "ca-ramq", type: "record_number", pattern: /(?<![\w-])[A-Z]{4}[ -]?\d{4}[ -]?\d{4}(?![\w-])/g, valid: ramq, keyword: /\b(?:ramq|carte soleil|assurance maladie|health card)\b/i, distinctive: true },
  { id: "au-medicare", type: "record_number", pattern: /(?<![\w-])[2-6]\d{3}[ -]?\d{5}[ -]?\d(?:[ -/]?\d)?(?![\w-])/g, valid: auMedicare, keyword: /\b(?:medicare)\b/i, distinctive: false },
  { id: "au-tfn", type: "ssn", pattern: /(?<![\w-])\d{3}[ -]?\d{3}[ -]?\d{2,3}(?![\w-])/g, valid: auTfn, keyword: /\b(?:tfn|tax file)\b/i, distinctive: false },
  { id: "nz-nhi", type: "record_number", pattern: /(?<![\w-])[A-Z]{3}[ -]?\d{2}(?:\d{2}|[A-Z]{2})(?![\w-])/g, valid: nzNhi, keyword: /\b(?:nhi|national health index)\b/i, distinctive: true },
  { id: "in-aadhaar", type: "ssn", pattern: /(?<![\w-])[2-9]\d{3}[ -]?\d{4}[ -]?\d{4}(?![\w-])/g, valid: (s) => safe(() => isIdentityCard(s, "IN")), keyword: /\b(?:aadhaa?r|uidai|uid)\b/i, distinctive: false },
  { id: "in-pan", type: "ssn", pattern: /(?<![\w-])[A-Z]{5}\d{4}[A-Z](?![\w-])/g, valid: inPan, keyword: /\b(?:pan)\b/i, distinctive: true },
  { id: "mx-curp", type: "ssn", pattern: /(?<![\w-])[A-Z]{4}\d{6}[HMX][A-Z]{5}[A-Z\d]\d(?![\w-])/g, valid: curp, keyword: /\b(?:curp)\b/i, distinctive: true },
  { id: "es-dni", type: "ssn", pattern: /(?<![\w-])(?:\d{8}|[XYZ]-?\d{7})-?[A-Z](?![\w-])/gi, valid: (s) => safe(() => isTaxID(s, "es-ES")), keyword: /\b(?:dni|nie|nif|documento)\b/i, distinctive: true },
  { id: "fr-nir", type: "ssn", pattern: /(?<![\w-])[12378] ?\d{2} ?\d{2} ?(?:\d{2}|2A|2B) ?\d{3} ?\d{3} ?\d{2}(?![\w-])/g, valid: frNir, keyword: /\b(?:nir|sécu|sécurité sociale|numéro de sécurité|carte vitale|insee)\b/i, distinctive: true },
  { id: "br-cpf", type: "ssn", pattern: /(?<![\w-.])\d{3}\.?\d{3}\.?\d{3}-?\d{2}(?![\w-])/g, valid: (s) => safe(() => isTaxID(s, "pt-BR")), keyword: /\b(?:cpf)\b/i, distinctive: false },
  { id: "pl-pesel", type: "ssn", pattern: /(?<![\w-])\d{11}(?![\w-])/g, valid: (s) => safe(() => isTaxID(s, "pl-PL")), keyword: /\b(?:pesel)\b/i, distinctive: false },
  { id: "za-id", type: "ssn", pattern: /(?<![\w-])\d{6} ?\d{4} ?\d{2} ?\d(?![\w-])/g, valid: zaId, keyword: /\b(?:id number|identity number|id no|sa id|rsa id)\b/i, distinctive: false },
  { id: "ar-cuil", type: "ssn", pattern: /(?<![\w-])(?:20|23|24|27|30|33|34)-?\d{8}-?\d(?![\w-])/g, valid: (s) => safe(() => isTaxID(s, "es-AR")), keyword: /\b(?:cuil|cuit)\b/i, distinctive: true },
  { id: "mx-nss", type: "ssn", pattern: /(?<![\w-])\d{2}[ -]?\d{2}[ -]?\d{2}[ -]?\d{4}[ -]?\d(?![\w-])/g, valid: luhn, keyword: /\b(?:nss|imss|seguro social|número de seguridad social)\b/i, distinctive: false },
  { id: "br-pis", type: "ssn", pattern: /(?<![\w-.])\d{3}\.?\d{5}\.?\d{2}-?\d(?![\w-])/g, valid: brPis, keyword: /\b(?:pis|pasep|nis|nit|cadúnico|cadunico)\b/i, distinctive: false },
  { id: "cl-rut", type: "ssn", pattern: /(?<![\w-.])\d{1,2}\.?\d{3}\.?\d{3}-[\dkK](?![\w-])/g, valid: clRut, keyword: /\b(?:rut|run)\b/i, distinctive: true },
  { id: "pt-nif", type: "ssn", pattern: /(?<![\w-])[1-35-9]\d{8}(?![\w-])/g, valid: (s) => safe(() => isTaxID(s, "pt-PT")), keyword: /\b(?:nif|contribuinte|cartão de cidadão|nº de utente|número de utente)\b/i, distinctive: false },
  { id: "it-cf", type: "ssn", pattern: /(?<![\w-])[A-Z]{6}\d{2}[A-Z]\d{2}[A-Z]\d{3}[A-Z](?![\w-])/g, valid: (s) => safe(() => isTaxID(s, "it-IT")), keyword: /\b(?:codice fiscale|cf)\b/i, distinctive: true },
  { id: "de-steuer", type: "ssn", pattern: /(?<![\w-])[1-9]\d{1} ?\d{3} ?\d{3} ?\d{3}(?![\w-])/g, valid: (s) => safe(() => isTaxID(s, "de-DE")), keyword: /\b(?:steuer-?id|steueridentifikationsnummer|idnr)\b/i, distinctive: false },
  { id: "sg-nric", type: "ssn", pattern: /(?<![\w-])[STFGM]\d{7}[A-Z](?![\w-])/g, valid: sgNric, keyword: /\b(?:nric|fin|ic)\b/i, distinctive: true },
];

/** One candidate number, with what its specification and its surroundings say. */
export interface IdCandidate {
  spec: IdSpec;
  start: number;
  end: number;
  valid: boolean;
  keyword: boolean;
  clientNear: boolean;
}

const compact = (s: string) => s.replace(/[\s.-]/g, "").toUpperCase();

/** Every number shaped like an identifier of some country, whether or not its check holds. */
export const idCandidates = (text: string): IdCandidate[] => {
  const out: IdCandidate[] = [];
  for (const spec of ID_SPECS) {
    for (const m of text.matchAll(spec.pattern)) {
      const start = m.index!, end = start + m[0].length;
      // Letters in a distinctive shape must be capitals as written ("xyz12ab" is a word, not an NHI).
      if (spec.distinctive && /[a-z]/.test(m[0]) && spec.id !== "es-dni") continue;
      const near = before(text, start, 45) + " " + text.slice(end, end + 20);
      out.push({
        spec, start, end, valid: spec.valid(compact(m[0])), keyword: spec.keyword.test(near),
        clientNear: mentionsClient(sentenceAround(text, start, end)),
      });
    }
  }
  return out;
};

/** The rule: a valid number of a distinctive shape, or a valid number named by its keyword. */
export const detectNationalIds = (text: string, push: Push): void => {
  for (const c of idCandidates(text)) {
    if (c.valid && (c.spec.distinctive || c.keyword)) push({ type: c.spec.type, start: c.start, end: c.end });
  }
};
