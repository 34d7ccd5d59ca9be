import { aboutClient, before, mentionsClient, EVENT_CUE, sentenceAround } from "./context";
import type { Push } from "./guard-types";
import { isGivenName, isRegionName } from "./lexicon";


const SUFFIX = String.raw`(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Dr|Drive|Ln|Lane|Ct|Court|Way|Pl|Place|Ter|Terrace|Cir|Circle|Pkwy|Parkway|Hwy|Highway|Trl|Trail|Loop|Row|Sq|Square|Pike|Plaza)\b\.?`;
const UNIT = String.raw`(?:,?\s*(?:Apt|Apartment|Unit|Suite|Ste|Lot|Rm|#)\.?\s*#?[A-Z0-9-]+)?`;
const STREET = new RegExp(String.raw`\b\d{1,6}\s+(?:[NSEW]\.?\s+|North\s+|South\s+|East\s+|West\s+)?(?:[A-Z0-9][\w'-]*\s+){1,3}${SUFFIX}${UNIT}`, "g");
const BARE_STREET = new RegExp(String.raw`\b(?:on|off|at|near|by)\s+((?:[A-Z][\w'-]*\s+){1,2}${SUFFIX})`, "g");
const LIVES_AT = /\b(?:lives|living|staying|stays|moved|moving|sleeps|address is|address:|home is)\s+(?:at|to|on)?\s*(\d{1,5}\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})/g;
const PO_BOX = /\bP\.?\s?O\.?\s?Box\s+\d+\b/gi;
const INTERSECTION = /\b(?:corner of\s+)?(\d+(?:st|nd|rd|th)|[A-Z][a-z]+)\s+(?:and|&|\/)\s+(\d+(?:st|nd|rd|th)|[A-Z][a-z]+)\b(?=[\s,.!?]|$)/g;
const SITE_WORDS = String.raw`(?:[Aa]partments?|[Aa]pts|[Tt]errace|[Hh]omes|[Vv]illage|[Cc]ourts|[Tt]owers|[Mm]anor|[Gg]ardens|[Ee]states|[Tt]railer park|[Mm]obile home park|[Mm]otel|[Hh]otel|[Ii]nn|[Ss]helter|[Ee]ncampment|[Cc]amp|[Pp]lant|[Ff]actory|[Ww]arehouse|[Ss]tore|[Ll]ot|[Pp]arking lot|[Mm]iddle|[Mm]iddle school|[Ee]lementary|[Ee]lementary school|[Hh]igh school|[Hh]igh|[Aa]cademy|[Pp]rep|[Cc]harter|[Nn]ursing home|[Gg]roup home|[Rr]esidence|[Rr]esidences|[Cc]ommons|[Ll]ofts|[Ff]lats|[Hh]all|[Jj]ail|[Dd]etention center)`;
const NAMED_SITE = new RegExp(String.raw`\b(?:the\s+)?((?:[A-Z][\w'&.-]*\s+){1,3})${SITE_WORDS}\b(?:\s+(?:in|on|at|off)\s+(?:[A-Z][\w'-]*)(?:\s+[A-Z][\w'-]*)?)?`, "g");
const UNIQUE_SITE = /\bthe only\s+[\w\s-]{2,30}?\s+in\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?/g;
const PLACE_AFTER = /\b(?:in|to|at|from|near|outside|around|lives in|living in|moved to|moving to|relocating to|relocated to|back to|up in|out in|down in)\s+((?:[A-Z][a-z'-]+)(?:\s+[A-Z][a-z'-]+){0,2}(?:\s+(?:County|Parish|Township|Borough|City|Village|Heights|Springs|Falls))?)\b/g;
const ZIP = /\b(?:zip(?:\s*code)?|zipcode|in|area|near|around)\s+(\d{5}(?:-\d{4})?)\b/gi;
const AGENCY_AFTER = /^\s*(?:cps|dcfs|dss|dhs|hhs|social services|human services|court|courts|jail|sheriff|probation|schools?|district|health|hospital|library|government|office|department|dept|public|board|commission|mental health|behavioral health|housing authority)\b/i;

/** Places that could locate a client: street addresses, small towns, named sites, ZIP codes. */
export const detectPlaces = (text: string, push: Push, clientNamed = false): void => {
  // A place is specific enough that a client mentioned anywhere in the message ties it to them.
  const clientMessage = clientNamed || mentionsClient(text);
  const about = (start: number, end: number) => {
    const s = sentenceAround(text, start, end);
    return { s, client: aboutClient(s, text) || clientMessage, event: EVENT_CUE.test(s) };
  };
  for (const re of [STREET, PO_BOX]) {
    for (const m of text.matchAll(re)) {
      const { event, client, s } = about(m.index!, m.index! + m[0].length);
      if (event && !client) continue;
      // An organisation's or venue's own address.
      if (/\b(?:our|my)\s+(?:office|agency|clinic|program|building|center|centre|team)\b|\b(?:located at|venue|hosted at|donations?)\b/i.test(s) && !mentionsClient(s)) continue;
      push({ type: "address", start: m.index!, end: m.index! + m[0].replace(/[\s,.]+$/, "").length });
    }
  }
  for (const m of text.matchAll(LIVES_AT)) {
    const start = m.index! + m[0].lastIndexOf(m[1]!);
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
    // "Thanks to Maria": a person. A town named like a person needs a place word ("Charlotte County").
    if (isGivenName(place.split(/\s+/)[0]!) && !/\s(County|Parish|Township|Borough|City|Village|Heights|Springs|Falls)$/.test(place)) continue;
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
