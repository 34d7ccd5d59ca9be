import { aboutClient, before, mentionsClient, EVENT_CUE, PERSON_PRONOUN, sentenceAround } from "./context";
import type { Push } from "./guard-types";
import { isCommonWord, isDictionaryWord, isKnownPlace, isNonName, isRegionName, STATE_CODES } from "./lexicon";
import { NOT_CLIENT_BEFORE } from "./name-context";


const SUFFIX = String.raw`(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Dr|Drive|Ln|Lane|Ct|Court|Way|Pl|Place|Ter|Terrace|Cir|Circle|Pkwy|Parkway|Hwy|Highway|Trl|Trail|Loop|Row|Sq|Square|Pike|Plaza)\b\.?`;
const UNIT = String.raw`(?:,?\s*(?:Apt|Apartment|Unit|Suite|Ste|Lot|Rm|#)\.?\s*#?[A-Z0-9-]+)?`;
const STREET = new RegExp(String.raw`\b\d{1,6}\s+(?:[NSEW]\.?\s+|North\s+|South\s+|East\s+|West\s+)?(?:[\p{Lu}0-9][\p{L}\d'-]*\s+){1,3}${SUFFIX}${UNIT}`, "gu");
const BARE_STREET = new RegExp(String.raw`\b(?:on|off|at|near|by)\s+((?:\p{Lu}[\p{L}'-]*\s+){1,2}${SUFFIX})`, "gu");
const LIVES_AT = /\b(?:lives|living|staying|stays|moved|moving|sleeps|address is|address:|home is)\s+(?:at|to|on)?\s*(\d{1,5}\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})/g;
/** The author's own workplace: "Our office moved to 403 Main St". */
const OWN_SITE = /\b(?:our|my)\s+(?:office|offices|agency|clinic|program|building|center|centre|team|practice|org|organi[sz]ation|site|headquarters|hq)\b|\b(?:find|reach|visit|see) (?:me|us)\b|\b(?:i'm|i am|we're|we are) (?:at|located)\b/i;
const PO_BOX = /\bP\.?\s?O\.?\s?Box\s+\d+\b/gi;
const INTERSECTION = /\b(?:corner of\s+)?(\d+(?:st|nd|rd|th)|[A-Z][a-z]+)\s+(?:and|&|\/)\s+(\d+(?:st|nd|rd|th)|[A-Z][a-z]+)\b(?=[\s,.!?]|$)/g;
const SITE_WORDS = String.raw`(?:[Aa]partments?|[Aa]pts|[Tt]errace|[Hh]omes|[Vv]illage|[Cc]ourts|[Tt]owers|[Mm]anor|[Gg]ardens|[Ee]states|[Tt]railer park|[Mm]obile home park|[Mm]otel|[Hh]otel|[Ii]nn|[Ss]helter|[Ee]ncampment|[Cc]amp|[Pp]lant|[Ff]actory|[Ww]arehouse|[Ss]tore|[Ll]ot|[Pp]arking lot|[Mm]iddle|[Mm]iddle school|[Ee]lementary|[Ee]lementary school|[Hh]igh school|[Hh]igh|[Aa]cademy|[Pp]rep|[Cc]harter|[Nn]ursing home|[Gg]roup home|[Rr]esidence|[Rr]esidences|[Cc]ommons|[Ll]ofts|[Ff]lats|[Hh]all|[Jj]ail|[Dd]etention center|[Ll]odge|[Mm]ission|[Rr]escue [Mm]ission|[Ss]afe [Hh]ouse|[Hh]alfway [Hh]ouse|[Rr]ecovery [Hh]ouse|[Ss]ober [Ll]iving|[Pp]rojects|[Cc]omplex|[Pp]laza|[Tt]railer [Cc]ourt|RV [Pp]ark|[Cc]ampground|[Rr]anch|[Ff]arm|[Dd]airy|[Oo]rchard|[Cc]asino|[Mm]all|[Mm]ill|[Mm]ine|[Pp]ackers|[Pp]oultry|[Cc]annery|[Dd]istribution [Cc]enter|[Ff]ulfillment [Cc]enter|[Cc]hurch|[Tt]emple|[Mm]osque|[Cc]hapel|[Ff]air|[Ff]estival|[Rr]odeo|[Pp]owwow|[Pp]ow [Ww]ow|[Cc]arnival|[Pp]arade)`;
const NAMED_SITE = new RegExp(String.raw`(?<![\p{L}])(?:the\s+)?((?:\p{Lu}[\p{L}\d'&.-]*\s+){1,3})${SITE_WORDS}(?![\p{L}])(?:\s+(?:in|on|at|off)\s+(?:\p{Lu}[\p{L}'-]*)(?:\s+\p{Lu}[\p{L}'-]*)?)?`, "gu");
const UNIQUE_SITE = /\bthe only\s+[\w\s-]{2,30}?\s+in\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?/g;
const PLACE_AFTER = /\b(?:in|to|at|from|near|outside|around|lives in|living in|moved to|moving to|relocating to|relocated to|back to|up in|out in|down in)\s+((?:\p{Lu}[\p{Ll}'-]+)(?:\s+\p{Lu}[\p{Ll}'-]+){0,2}(?:\s+(?:County|Parish|Township|Borough|City|Village|Heights|Springs|Falls))?)(?![\p{L}])/gu;
const ZIP = /\b(?:zip(?:\s*code)?|zipcode|in|area|near|around)\s+(\d{5}(?:-\d{4})?)\b/gi;
const AGENCY_AFTER = /^\s*(?:cps|dcfs|dss|dhs|hhs|social services|human services|court|courts|jail|sheriff|probation|schools?|district|health|hospital|library|government|office|department|dept|public|board|commission|mental health|behavioral health|housing authority)\b/i;

/** Places that could locate a client: street addresses, small towns, named sites, ZIP codes. */
export const detectPlaces = (text: string, push: Push, clientNamed = false): void => {
  // A place is specific enough that a client mentioned anywhere in the message ties it to them.
  const clientMessage = clientNamed || mentionsClient(text);
  // A person (a pronoun) who lives, stays or studies somewhere makes the place theirs.
  const RESIDES = /\b(?:stay|staying|stays|stayed|live|lives|living|lived|sleep|sleeps|sleeping|slept|moved|moving|attends|goes to|enrolled|works at|working at)\b/i;
  const about = (start: number, end: number) => {
    const s = sentenceAround(text, start, end);
    return { s, client: aboutClient(s, text) || clientMessage || (PERSON_PRONOUN.test(s) && RESIDES.test(s)), event: EVENT_CUE.test(s) };
  };
  for (const re of [STREET, PO_BOX]) {
    for (const m of text.matchAll(re)) {
      const { event, client, s } = about(m.index!, m.index! + m[0].length);
      if (event && !client) continue;
      // An organisation's or venue's own address.
      if ((OWN_SITE.test(s) || /\b(?:located at|venue|hosted at|donations?)\b/i.test(s)) && !mentionsClient(s.replace(/\brefer\w*\s+(?:\w+\s+){0,2}(?:clients?|teens?|kids?|youth|families)\b/gi, ""))) continue;
      push({ type: "address", start: m.index!, end: m.index! + m[0].replace(/[\s,.]+$/, "").length });
    }
  }
  for (const m of text.matchAll(LIVES_AT)) {
    const start = m.index! + m[0].lastIndexOf(m[1]!);
    if (OWN_SITE.test(before(text, m.index!, 40)) && !mentionsClient(sentenceAround(text, start, start + m[1]!.length))) continue;
    push({ type: "address", start, end: start + m[1]!.length });
  }
  for (const m of text.matchAll(BARE_STREET)) {
    const start = m.index! + m[0].indexOf(m[1]!);
    const { client, event } = about(start, start + m[1]!.length);
    if (client && !event) push({ type: "address", start, end: start + m[1]!.replace(/[\s.]+$/, "").length });
  }
  for (const m of text.matchAll(INTERSECTION)) {
    const [, a = "", b = ""] = m;
    if (!(/\d/.test(a) || /\d/.test(b))) continue; // "5th and Harrison"; two bare words are too often not streets
    const { client, event } = about(m.index!, m.index! + m[0].length);
    if (client && !event) push({ type: "location", start: m.index!, end: m.index! + m[0].length });
  }
  for (const re of [NAMED_SITE, UNIQUE_SITE]) {
    for (const m of text.matchAll(re)) {
      const { client, event } = about(m.index!, m.index! + m[0].length);
      if (!client || event) continue;
      if (/^the\s/i.test(m[0]) || re === UNIQUE_SITE || /\b(in|on|at)\s+[A-Z]/.test(m[0]) || /\b(middle|elementary|high|academy)\b/i.test(m[0])) {
        push({ type: "location", start: m.index!, end: m.index! + m[0].trimEnd().length });
      }
    }
  }
  for (const m of text.matchAll(PLACE_AFTER)) {
    const place = m[1]!;
    const start = m.index! + m[0].lastIndexOf(place), end = start + place.length;
    if (isRegionName(place) || AGENCY_AFTER.test(text.slice(end)) || /^\s+v\.?\s/.test(text.slice(end))) continue; // "Haaland v. Brackeen" is case law
    if (/^(St|Mt|Ft|Dr|Mr|Mrs|Ms)$/.test(place)) continue; // "St. Mary's": an abbreviation, not a place name
    // "Thanks to Maria": a person. A place is a word no dictionary has, or one the gazetteer knows.
    if (NOT_CLIENT_BEFORE.test(before(text, m.index!, 30)) || place.split(/\s+/).some((w) => isNonName(w))) continue;
    if (!isKnownPlace(place) && !place.includes(" ") && isDictionaryWord(place) && isCommonWord(place)) continue;
    const { client, event } = about(start, end);
    if (!client || event) continue;
    if (/\b(my|our)\s+(office|agency|county|area|state|city|team)\b/i.test(before(text, start, 40))) continue;
    push({ type: "location", start, end });
  }
  for (const m of text.matchAll(ZIP)) {
    const start = m.index! + m[0].lastIndexOf(m[1]!);
    const { client } = about(start, start + m[1]!.length);
    if (client || /zip/i.test(m[0])) push({ type: "location", start, end: start + m[1]!.length });
  }
};

const STATE_NAMES = String.raw`(?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|Ontario|Quebec|Alberta|Manitoba)`;
const TOWN = String.raw`[A-Z][\p{L}'.-]+(?:\s+[A-Z][\p{L}'.-]+){0,2}`;
/** "Noel, MO", "Pine Ridge, South Dakota": a town named with its state. */
const TOWN_STATE = new RegExp(String.raw`\b(${TOWN}),\s*(?:([A-Z]{2})\b(?!\s*\d{3})|${STATE_NAMES}\b)`, "gu");
/** "Adair County", "Pine Ridge Reservation", "Pueblo of Zuni": counties, parishes, tribal lands. */
const DIVISION = new RegExp(String.raw`\b(?:${TOWN})\s+(?:County|Parish|Borough|Township|Reservation|Rez|Rancheria|Pueblo|Nation|Reserve|First Nation|Indian Community|Tribal Lands|Census Area)\b|\bPueblo of\s+${TOWN}`, "gu");
/** Rural routes, highway contract boxes and county roads: "RR 2 Box 14", "HC 65 Box 212", "County Road 17". */
const RURAL = /\b(?:RR|R\.R\.|Rural Route|HC|H\.C\.|Star Route|County Road|CR|Co\.? Rd\.?|FM|Farm to Market Road|Ranch Road)\s*#?\s*\d{1,4}(?:\s*,?\s*(?:Box|Bx)\s*#?\s*\d{1,5})?\b/g;
/** Spanish-style addresses: "Calle Luna 45", "Av. Juárez 120, Col. Centro", "Carrera 7 # 45-12". */
const SPANISH = /\b(?:Calle|C\/|Avenida|Av\.|Avda\.?|Carrera|Cra\.?|Carretera|Camino|Paseo|Callej[oó]n|Privada|Cerrada|Boulevard|Blvd\.)\s+[\p{L}\d][\p{L}\d'.]*(?:\s+(?:de\s+|del\s+|la\s+|las\s+|los\s+)?[\p{L}][\p{L}'.]*){0,3}\s*(?:#|No\.?|N[uú]m\.?|n\.?º)?\s*\d{1,5}[A-Za-z]?(?:\s*-\s*\d{1,4})?(?:\s*,\s*(?:Col\.?|Colonia|Barrio|Urb\.?|Urbanizaci[oó]n|Sector)\s+[\p{L}][\p{L}'.]*(?:\s+[\p{L}][\p{L}'.]*){0,2})?/gu;

/** Places named in forms the street and lead-in rules miss. */
export const detectPlaceForms = (text: string, push: Push, clientNamed = false): void => {
  const clientMessage = clientNamed || mentionsClient(text);
  // A place this specific, in a sentence about one person ("She grew up on the … Reservation"), is theirs.
  const tied = (start: number, end: number) => {
    const s = sentenceAround(text, start, end);
    // At an event ("appreciation dinner in Wilkinson, IN") only an explicit client ties the place to one.
    if (EVENT_CUE.test(s) && !/\b(?:client|patient|pt|my (?:youth|kid|teen|student))\b/i.test(s)) return false;
    return aboutClient(s, text) || clientMessage || PERSON_PRONOUN.test(s);
  };
  for (const m of text.matchAll(TOWN_STATE)) {
    if (m[2] !== undefined && !STATE_CODES.has(m[2])) continue;
    const town = m[1]!.replace(/^(?:In|At|From|Near|To|The)\s+/, "");
    const start = m.index! + m[0].indexOf(town), end = m.index! + m[0].length;
    if (isRegionName(town) || /\b(?:our|my)\s+(?:office|agency|clinic|practice|program)\b/i.test(before(text, start, 40))) continue;
    if (tied(start, end)) push({ type: "location", start, end });
  }
  for (const m of text.matchAll(DIVISION)) {
    const start = m.index!, end = start + m[0].length;
    if (/\b(?:our|my)\s+$/i.test(before(text, start, 6)) || /^\s+(?:DSS|DHS|CPS|DCFS|Social Services|Health|Court|Jail|Sheriff|Schools?|Library|Department|Dept|Board|Commission|Mental Health|Behavioral Health|Housing Authority|Public)\b/.test(text.slice(end, end + 30))) continue;
    if (tied(start, end)) push({ type: "location", start, end });
  }
  for (const re of [RURAL, SPANISH]) {
    for (const m of text.matchAll(re)) {
      if (tied(m.index!, m.index! + m[0].length)) push({ type: "address", start: m.index!, end: m.index! + m[0].trimEnd().length });
    }
  }
};
