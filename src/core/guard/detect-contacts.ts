import { findPhoneNumbersInText } from "libphonenumber-js";
import { after, before, mentionsClient, ORG_CUE, PERSON_PRONOUN, sentenceAround } from "./context";
import type { Push } from "./guard-types";


const ROLE_MAILBOX = /^(info|careers?|jobs|hr|intake|referrals?|admin|contact|support|office|help|hello|team|frontdesk|reception|admissions|volunteer|press|media|events?|training|billing|no-?reply|noreply|inquiries|enquiries|webmaster)$/i;
const FREE_MAIL = /@(gmail|googlemail|yahoo|ymail|hotmail|outlook|live|msn|icloud|me|mac|aol|proton(mail)?|pm|gmx|zoho|comcast|att|verizon|sbcglobal|mail)\.[a-z.]+$/i;
const SELF = /\b(my|our)\s+(work\s+|office\s+|professional\s+)?(e-?mail|email address|address|number|phone|cell|line|ext\.?|extension)\b|\b(reach|email|contact|call|text)\s+me\b/i;

export const detectEmails = (text: string, push: Push): void => {
  for (const m of text.matchAll(/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g)) {
    const start = m.index!, end = start + m[0].length;
    const local = m[0].split("@")[0]!;
    const context = sentenceAround(text, start, end);
    if (ROLE_MAILBOX.test(local)) continue;
    if (SELF.test(before(text, start, 50)) && !mentionsClient(before(text, start, 50))) continue;
    // A personal mailbox, or any mailbox in a message about a client.
    if (FREE_MAIL.test(m[0]) || mentionsClient(context) || PERSON_PRONOUN.test(context)) push({ type: "email", start, end });
  }
};

const TOLL_FREE = /^(\+?1[\s.-]*)?\(?(800|888|877|866|855|844|833)\)?/;
const US_PHONE = /(?<![\w.])(\+?1[\s.-]?)?(\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?:\s*(?:ext\.?|x|extension)\s*\d{1,5})?(?![\w-])|(?<![\w.])\d{10}(?![\w.])/g;

export const detectPhones = (text: string, push: Push): void => {
  const spans: [number, number][] = [];
  for (const m of text.matchAll(US_PHONE)) spans.push([m.index!, m.index! + m[0].length]);
  for (const p of findPhoneNumbersInText(text, { defaultCountry: "US" })) {
    if (!spans.some(([a, b]) => p.startsAt < b && a < p.endsAt)) spans.push([p.startsAt, p.endsAt]);
  }
  for (const [start, end] of spans) {
    const raw = text.slice(start, end).trim();
    if (TOLL_FREE.test(raw)) continue; // organisations' lines
    const near = before(text, start, 70) + " " + after(text, end, 30);
    const context = sentenceAround(text, start, end);
    // An organisation's line, unless one particular client is named as its owner ("for clients in crisis" is not one).
    if (ORG_CUE.test(near) && !/\b(client|client's|pt|patient|mom|dad|her|his)\b/i.test(before(text, start, 70))) continue;
    if (/\b(ssn|social security|id|mrn|medicaid|medicare|case|account|member|claim|serial|imei)\b/i.test(before(text, start, 25))) continue;
    if (mentionsClient(context) || PERSON_PRONOUN.test(context) || /\b(call|text|reach|callback|number|cell|phone)\b/i.test(near)) {
      push({ type: "phone", start, end: start + text.slice(start, end).trimEnd().length });
    }
  }
};

export const detectSsn = (text: string, push: Push): void => {
  for (const m of text.matchAll(/(?<![\w-])\d{3}[- ]\d{2}[- ]\d{4}(?![\w-])/g)) {
    if (/\b(ticket|order|invoice|room|ext)\b/i.test(before(text, m.index!, 25))) continue;
    push({ type: "ssn", start: m.index!, end: m.index! + m[0].length });
  }
  for (const m of text.matchAll(/(?<![\w-])\d{9}(?![\w-])/g)) {
    if (/\b(ssn|social security|ss#|ss #|soc sec)\b/i.test(before(text, m.index!, 120) + after(text, m.index! + 9, 40))) {
      push({ type: "ssn", start: m.index!, end: m.index! + 9 });
    }
  }
};

export const detectNetworkIds = (text: string, push: Push): void => {
  for (const m of text.matchAll(/(?<![\d.])(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}(?!\d|\.\d)/g)) {
    push({ type: "device_or_ip", start: m.index!, end: m.index! + m[0].length });
  }
  for (const m of text.matchAll(/(?<![\w:])([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}(?![\w:])/g)) {
    push({ type: "device_or_ip", start: m.index!, end: m.index! + m[0].length });
  }
  for (const m of text.matchAll(/\b(imei|meid|serial(?: number| no\.?| #)?|s\/n|sn|device id|udid|tracker id)[\s:#-]*(?:is\s+|was\s+|number\s+)?([A-Z0-9][A-Z0-9-]{5,})\b/gi)) {
    const token = m[2]!;
    if (!/\d/.test(token)) continue;
    const start = m.index! + m[0].lastIndexOf(token);
    push({ type: "device_or_ip", start, end: start + token.length });
  }
};

/** Hosts whose pages belong to one person: profiles, link-in-bio pages, shops, fundraisers, payment links. */
const PERSONAL_HOSTS = [
  "facebook\\.com", "fb\\.com", "instagram\\.com", "instagr\\.am", "tiktok\\.com", "twitter\\.com", "x\\.com", "snapchat\\.com",
  "linkedin\\.com\\/in", "youtube\\.com\\/@", "youtube\\.com\\/c(?:hannel)?", "threads\\.net", "bsky\\.app", "venmo\\.com", "cash\\.app",
  "paypal\\.me", "paypal\\.com\\/paypalme", "gofund\\.me", "gofundme\\.com", "givebutter\\.com", "spot\\.fund", "onlyfans\\.com",
  "fansly\\.com", "reddit\\.com\\/u(?:ser)?", "pinterest\\.com", "twitch\\.tv", "kick\\.com", "medium\\.com\\/@", "linktr\\.ee",
  "beacons\\.ai", "bio\\.link", "carrd\\.co", "[\\w-]+\\.carrd\\.co", "lnk\\.bio", "campsite\\.bio", "allmylinks\\.com",
  "etsy\\.com\\/shop", "[\\w-]+\\.etsy\\.com", "depop\\.com", "poshmark\\.com\\/closet", "mercari\\.com\\/u", "ebay\\.com\\/usr",
  "vinted\\.com\\/member", "ko-fi\\.com", "patreon\\.com", "buymeacoffee\\.com", "throne\\.com", "amazon\\.com\\/hz\\/wishlist",
  "soundcloud\\.com", "[\\w-]+\\.bandcamp\\.com", "spotify\\.com\\/user", "github\\.com", "discord\\.gg", "t\\.me", "wa\\.me",
  "[\\w-]+\\.substack\\.com", "[\\w-]+\\.blogspot\\.com", "[\\w-]+\\.wordpress\\.com", "[\\w-]+\\.wixsite\\.com",
  "[\\w-]+\\.weebly\\.com", "[\\w-]+\\.square\\.site", "[\\w-]+\\.myshopify\\.com", "[\\w-]+\\.godaddysites\\.com", "sites\\.google\\.com",
  "[\\w-]+\\.tumblr\\.com", "vsco\\.co", "cameo\\.com", "twitch\\.tv",
];
const PERSONAL_SITES = new RegExp(String.raw`\b((?:https?:\/\/)?(?:www\.|m\.)?(?:${PERSONAL_HOSTS.join("|")})\/?[^\s<>|)]*)`, "gi");
const OWN = /\b(my|i wrote|i made|i posted|wrote a|our|excited to share|i published)\b/i;
const SOCIAL = /\b(insta(?:gram)?|ig|tiktok|tik tok|snap(?:chat)?|twitter|x|facebook|fb|handle|username|account|profile|page|posted|dm'?d|messaged|followed)\b/i;

export const detectPersonalUrls = (text: string, push: Push): void => {
  for (const m of text.matchAll(PERSONAL_SITES)) {
    const start = m.index!, end = start + m[0].replace(/[.,!?:;]+$/, "").length;
    const host = m[0].toLowerCase();
    // A site's home page is not a person's; a path to a profile or fundraiser is.
    if (!/\.(?:com|me|app|net|tv|ee|ai|link|co|bio|am|gg|fund|site)\/.+|\.(?:substack|blogspot|wordpress|wixsite|weebly|square|myshopify|godaddysites|tumblr|carrd|etsy|bandcamp)\./.test(host)) continue;
    if (OWN.test(before(text, start, 60)) && !mentionsClient(before(text, start, 60))) continue;
    push({ type: "url_personal", start, end });
  }
  // A handle written without @: "her snap username is jayy.dreamz".
  for (const m of text.matchAll(/\b(?:user ?name|handle|screen ?name|gamertag|insta(?:gram)?|ig|snap(?:chat)?|tik ?tok|twitter|discord)\s*(?:is|:|=|-)\s*@?([A-Za-z0-9_.]{3,30}[A-Za-z0-9_])/gi)) {
    const handle = m[1]!;
    if (!/[._\d]/.test(handle) && !mentionsClient(sentenceAround(text, m.index!, m.index! + m[0].length))) continue;
    const start = m.index! + m[0].lastIndexOf(handle);
    if (mentionsClient(text) || PERSON_PRONOUN.test(sentenceAround(text, start, start + handle.length))) push({ type: "url_personal", start, end: start + handle.length });
  }
  // @handles: colleagues are @mentioned all the time; a client's handle comes with client and social cues.
  for (const m of text.matchAll(/(?<![\p{L}\d_@])@([\p{L}\d_.]{2,30}[\p{L}\d_])/gu)) {
    const start = m.index!, end = start + m[0].length;
    const context = sentenceAround(text, start, end);
    if (mentionsClient(context) && SOCIAL.test(before(text, start, 40)) && !/\b(thanks|thank you|shout ?out|by|for|cc)\b\s*$/i.test(before(text, start, 12))) {
      push({ type: "url_personal", start, end });
    }
  }
};

const FREE_HOSTS = "gmail|googlemail|yahoo|ymail|hotmail|outlook|live|msn|icloud|aol|proton(?:mail)?|gmx|zoho|comcast|att|verizon|sbcglobal|mail";
/** "name dot x at gmail dot com", "jdoe [at] yahoo [dot] com": an address written to dodge filters. */
const OBFUSCATED_EMAIL = new RegExp(String.raw`\b[A-Za-z0-9_]+(?:\s*(?:\.|\(dot\)|\[dot\]|\{dot\}|\sdot\s)\s*[A-Za-z0-9_]+)*\s*(?:@|\(at\)|\[at\]|\{at\}|\sat\s)\s*(?:${FREE_HOSTS}|[A-Za-z0-9-]+)\s*(?:\.|\(dot\)|\[dot\]|\{dot\}|\sdot\s)\s*(?:com|net|org|edu|us|co|me|io)\b`, "gi");

export const detectObfuscatedEmails = (text: string, push: Push): void => {
  for (const m of text.matchAll(OBFUSCATED_EMAIL)) {
    // Only the spelled-out forms: a plain address is the e-mail detector's.
    if (!/\b(?:dot|at)\b|\[|\(|\{/i.test(m[0])) continue;
    const start = m.index!, end = start + m[0].length;
    const free = new RegExp(String.raw`(?:${FREE_HOSTS})`, "i").test(m[0]);
    if (free || mentionsClient(sentenceAround(text, start, end)) || PERSON_PRONOUN.test(sentenceAround(text, start, end))) push({ type: "email", start, end });
  }
};

const IPV6 = /(?<![\w:])(?:(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}|(?:[0-9A-Fa-f]{1,4}:){1,7}:|(?:[0-9A-Fa-f]{1,4}:){1,6}:[0-9A-Fa-f]{1,4}|(?:[0-9A-Fa-f]{1,4}:){1,5}(?::[0-9A-Fa-f]{1,4}){1,2}|(?:[0-9A-Fa-f]{1,4}:){1,4}(?::[0-9A-Fa-f]{1,4}){1,3}|(?:[0-9A-Fa-f]{1,4}:){1,3}(?::[0-9A-Fa-f]{1,4}){1,4}|(?:[0-9A-Fa-f]{1,4}:){1,2}(?::[0-9A-Fa-f]{1,4}){1,5}|[0-9A-Fa-f]{1,4}:(?::[0-9A-Fa-f]{1,4}){1,6}|::(?:[0-9A-Fa-f]{1,4}:){0,5}[0-9A-Fa-f]{1,4})(?![\w:])/g;

/** IPv6 addresses: at least three groups, and a hex letter or "::" so clock times are not taken for one. */
export const detectIpv6 = (text: string, push: Push): void => {
  for (const m of text.matchAll(IPV6)) {
    if ((m[0].match(/:/g) ?? []).length < 3 || !(/[a-f]/i.test(m[0]) || m[0].includes("::"))) continue;
    push({ type: "device_or_ip", start: m.index!, end: m.index! + m[0].length });
  }
};

/** "$jaylen2009" (Cash App), "venmo @maria-g", "zelle her at ...": a person's payment handle. */
const CASHTAG = /(?<![\w$])\$([A-Za-z][A-Za-z0-9_-]{1,19})\b/g;
const PAYMENT_HANDLE = /\b(?:venmo|cash ?app|cashapp|paypal|zelle|chime|apple pay)\b\s*(?:is|:|=|-|handle|name|username|me|her|him|them|at|@)*\s*(@?[\p{L}\d][\p{L}\d_.-]{2,29})/giu;

export const detectPaymentHandles = (text: string, push: Push): void => {
  for (const m of text.matchAll(CASHTAG)) {
    if (/^(?:USD|CAD|AUD|EUR|GBP)$/i.test(m[1]!)) continue;
    const sentence = sentenceAround(text, m.index!, m.index! + m[0].length);
    if (!mentionsClient(text) && !/\b(?:cash ?app|send|sent|pay|paid|donat\w*|fundrais\w*|chip in)\b/i.test(sentence)) continue;
    push({ type: "url_personal", start: m.index!, end: m.index! + m[0].length });
  }
  for (const m of text.matchAll(PAYMENT_HANDLE)) {
    const handle = m[1]!;
    if (!/[\d_.@-]/.test(handle) && !/^@/.test(handle)) continue; // "venmo account", "zelle transfer": not a handle
    if (OWN.test(before(text, m.index!, 40)) && !mentionsClient(before(text, m.index!, 60))) continue;
    const start = m.index! + m[0].lastIndexOf(handle);
    push({ type: "url_personal", start, end: start + handle.length });
  }
};
