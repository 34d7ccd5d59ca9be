import { before, sentenceAround } from "./context";
import { PROFESSIONAL_NEAR } from "./name-context";
import type { Push } from "./guard-types";

/**
 * Dates, ages, addresses and titled names as they are written in Spanish, French, Portuguese, Polish,
 * German, Tagalog, Vietnamese and Arabic (English forms are the other detectors'). These are
 * candidates: the learned layer decides from their context whether they are a client's.
 */
const MONTHS = [
  "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre",
  "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre",
  "janeiro|fevereiro|março|marco|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro",
  "stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|wrzesnia|października|pazdziernika|listopada|grudnia|styczeń|luty|marzec|kwiecień|maj|czerwiec|lipiec|sierpień|wrzesień|październik|listopad|grudzień",
  "januar|jänner|februar|märz|maerz|april|mai|juni|juli|august|september|oktober|november|dezember",
  "pebrero|marso|hunyo|hulyo|setyembre|oktubre|nobyembre|disyembre",
].join("|");
const AR_MONTHS = "يناير|فبراير|مارس|أبريل|إبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر|كانون الثاني|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين الأول|تشرين الثاني|كانون الأول";
const DAY = String.raw`(?:[12]\d|3[01]|0?[1-9]|1er|1ᵉʳ|premier)`;
const YEAR = String.raw`(?:1[89]\d\d|20\d\d)`;
const B = String.raw`(?<![\p{L}\p{N}])`, E = String.raw`(?![\p{L}\p{N}])`;

export const DATE_FORMS = new RegExp([
  // 3 de mayo (de 2024), 3 mai 2006, 3. Mai, 5 maja 2019, ika-3 ng Mayo
  String.raw`${B}(?:(?:el|le|o|dia|am|ika-?)\s*)?${DAY}\.?\s+(?:de\s+|del\s+|ng\s+)?(?:${MONTHS})(?:\s+(?:de\s+|del\s+)?${YEAR})?${E}`,
  // Mayo 3 (Tagalog and American-style order in other languages)
  String.raw`${B}(?:${MONTHS})\s+${DAY}(?:,?\s+${YEAR})?${E}`,
  // ngày 3 tháng 5 (năm 2006)
  String.raw`${B}ngày\s+\d{1,2}(?:\s*(?:tháng|\/)\s*\d{1,2})(?:\s*(?:năm|\/)\s*${YEAR})?${E}|${B}\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+${YEAR})?${E}`,
  // ٣ مايو / 3 مايو 2006
  String.raw`[\d٠-٩]{1,2}\s+(?:${AR_MONTHS})(?:\s+[\d٠-٩]{4})?`,
].join("|"), "giu");

/** Words that tie a date to someone's life or case, in the languages above. */
export const PERSONAL_EVENT_ML = /(?<![\p{L}])(?:nació|nacida|nacido|nacimiento|f\. ?nac|cumpleaños|cumple|ingres[óo]|ingresada|ingresado|alta|audiencia|juicio|falleci[óo]|muri[óo]|cita|née?|naissance|anniversaire|admise?|hospitalisée?|sortie|audience|décédée?|rendez-vous|nasceu|nascid[ao]|nascimento|aniversário|internad[ao]|audiência|faleceu|morreu|consulta|urodzon[ay]|urodził[ao]?|urodzenia|urodziny|przyjęt[ay]|wypis\w*|rozpraw\w*|zmarł[ao]?|wizyt\w*|geboren|geburtsdatum|geburtstag|aufgenommen|entlassen|verhandlung|gestorben|termin|ipinanganak|kaarawan|na-admit|pagdinig|namatay|sinh|nhập viện|xuất viện|qua đời|ولد|ولدت|الميلاد|ميلاد|دخل|خرجت|خرج|توفي|توفيت|جلسة)(?![\p{L}])/iu;

export const detectMultilingualDates = (text: string, push: Push): void => {
  for (const m of text.matchAll(DATE_FORMS)) {
    const start = m.index! + (m[0].length - m[0].trimStart().length), end = m.index! + m[0].length;
    // "Mayo" alone or "mai 2024" are months; a day number is what makes a date.
    if (!/\d|premier/.test(m[0])) continue;
    if (PERSONAL_EVENT_ML.test(sentenceAround(text, start, end))) push({ type: "date", start, end });
  }
};

const AGE_NUMBER = String.raw`(?:9\d|1[01]\d|12[0-4])`;
export const AGE_FORMS = new RegExp([
  // 95 años, 97 ans, 97 anos, 97 lat, 97 Jahre, 95 taong gulang, 95 tuổi, 95 عاما
  String.raw`${B}${AGE_NUMBER}\s*(?:años|anos|ans|lat|lata|jahre|jahren|taong gulang|taon|tuổi|عاما|عامًا|عام|سنة|سنوات|ani)${E}`,
  // cumple 95, a 97 ans, tem 97, ma 97, wird 97, ay 95 na
  String.raw`${B}(?:cumple|cumplió|cumplirá|tiene|tenía|a eu|aura|tem|tinha|fez|fará|completa|completou|ma|miała|skończyła|skończył|wird|wurde|ist|ay)\s+${AGE_NUMBER}${E}`,
  // 97-letnia, 97-jährige, 97enne
  String.raw`${B}${AGE_NUMBER}-?(?:letni|letnia|letniej|letniego|jährige|jähriger|jährigen|enne|anni)\w*`,
  // عمرها ٩٦ سنة: Arabic, with Arabic-Indic digits too
  String.raw`(?:عمره|عمرها|عمر)\s+(?:[9٩][\d٠-٩]|1[01]\d|١[٠١][٠-٩])(?:\s*(?:سنة|عاما|عامًا|سنوات))?`,
  // in words
  String.raw`${B}(?:noventa(?:\s+y\s+\p{L}+|\s+e\s+\p{L}+)?|quatre-vingt-(?:dix|onze|douze|treize|quatorze|quinze|seize|dix-sept|dix-huit|dix-neuf)|nonante(?:-\p{L}+)?|dziewięćdziesi\p{L}*|\p{L}*undneunzig|neunzig|siyamnapu(?:'t\s+\p{L}+)?|chín mươi(?:\s+\p{L}+)?|تسعين|تسعون)${E}`,
  String.raw`${B}(?:centenari[oa]|centenaire|centenári[oa]|stulat(?:ka|ek|kę)|hundertjährige\w*|ultracentenari[oa])${E}`,
].join("|"), "giu");

export const detectMultilingualAges = (text: string, push: Push): void => {
  for (const m of text.matchAll(AGE_FORMS)) {
    // Populations, not a person: "más de 90 años", "plus de 90 ans", "ponad 90 lat", "über 90 Jahre".
    if (/(?:más de|mayores de|plus de|de plus de|mais de|acima de|ponad|powyżej|über|ab|higit sa|trên|أكثر من|فوق)\s*$/iu.test(before(text, m.index!, 16))) continue;
    push({ type: "age_over_89", start: m.index!, end: m.index! + m[0].length });
  }
};

const STREET_FIRST = /(?<![\p{L}])(?:calle|c\/|avenida|av\.|avda\.?|carrera|cra\.?|rua|r\.|travessa|praça|ul\.|ulica|al\.|aleja|osiedle|os\.|rue|bd|boulevard|chemin|allée|impasse|đường|phố)\s+[\p{L}'’. -]{2,40}?,?\s*(?:n[º°o]\.?\s*|#\s*)?\d{1,5}[\p{L}]?(?:\s*[/,-]\s*\d{1,4}[\p{L}]?)?(?![\p{N}])/giu;
const NUMBER_FIRST = /(?<![\p{L}\p{N}])\d{1,5}(?:\s*(?:bis|ter))?,?\s+(?:rue|bd|boulevard|avenue|av\.|chemin|allée|impasse|place|đường|phố)\s+(?:de\s+la\s+|des\s+|du\s+|de\s+l['’]|de\s+)?[\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+)?/gu;
const GERMAN_STREET = /(?<![\p{L}])[\p{Lu}][\p{L}-]*(?:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|ufer)\s+\d{1,4}\s?[a-z]?(?![\p{L}\p{N}])/gu;
const BARANGAY = /(?<![\p{L}])(?:brgy\.?|barangay|purok|sitio)\s+(?:\d{1,3}|[\p{Lu}][\p{L}'’.-]+(?:\s+[\p{Lu}][\p{L}'’.-]+){0,2})/gu;
const ARABIC_STREET = /(?:شارع|حي)\s+[\p{L}]+(?:\s+[\p{L}]+)?/gu;

export const detectMultilingualAddresses = (text: string, push: Push): void => {
  for (const re of [STREET_FIRST, NUMBER_FIRST, GERMAN_STREET, BARANGAY, ARABIC_STREET]) {
    for (const m of text.matchAll(re)) push({ type: re === BARANGAY ? "location" : "address", start: m.index!, end: m.index! + m[0].trimEnd().length });
  }
};

// Titles in either case ("don Tiberio", "Doña Remedios"); the name after them must be capitalised.
const HONORIFIC = String.raw`(?:[Mm]r|[Mm]rs|[Mm]s|[Mm]x|[Mm]iss|[Dd]on|[Dd]oña|[Dd]ona|[Dd]ña|[Ss]r|[Ss]ra|[Ss]rta|[Ss]eñor|[Ss]eñora|[Ss]eñorita|Seu|[Ss]r\.ª|[Ss]ra\.ª|Dom|M\.|[Mm]me|[Mm]lle|[Mm]onsieur|[Mm]adame|[Mm]ademoiselle|[Pp]ani|Pan|[Pp]anna|[Ff]rau|[Hh]err|[Hh]errn|[Ll]ola|[Ll]olo|[Aa]ling|[Mm]ang|[Tt]ita|[Tt]ito|Ate|[Kk]uya|[Mm]anang|[Mm]anong|Ông|Bà|Cô|Chú|Bác|Cụ|[Aa]untie|[Aa]unty|[Nn]ana|[Gg]ranny|[Aa]buela|[Aa]buelo|[Vv]ó|[Vv]ô|[Mm]amie|[Pp]api|Oma|Opa|[Bb]abcia|[Dd]ziadek|[Hh]ajja|[Hh]ajji|[Hh]aja|Umm|[Aa]bu)`;
const TITLED_NAME = new RegExp(String.raw`${B}${HONORIFIC}\.?\s+(\p{Lu}[\p{L}\p{M}'’-]+(?:\s+(?:de|del|da|dos|das|van|von|le|la)?\s*\p{Lu}[\p{L}\p{M}'’-]+){0,2}|\p{Lu}\.)`, "gu");
const ARABIC_TITLED = /(?:السيد|السيدة|الحاج|الحاجة|الحجة|أم|أبو|اسمه|اسمها|عميلتي|عميلي|موكلتي|موكلي|مريضتي|مريضي)\s+([\p{L}]{2,}(?:\s+[\p{L}]{2,})?)/gu;

/** "Doña Remedios", "Mme Tremblay", "Pani Zofia", "Lola Caring", "السيدة فاطمة": a title and the name after it. */
export const detectTitledNames = (text: string, push: Push): void => {
  // "her caseworker at DCFS, Ms. Patterson": a professional, titled (the learned layer weighs the rest).
  for (const m of text.matchAll(TITLED_NAME)) if (!PROFESSIONAL_NEAR.test(before(text, m.index!, 45))) push({ type: "person_name", start: m.index!, end: m.index! + m[0].replace(/['’]s$/, "").length });
  for (const m of text.matchAll(ARABIC_TITLED)) {
    const start = m.index! + m[0].indexOf(m[1]!);
    push({ type: "person_name", start, end: start + m[1]!.split(/\s+/)[0]!.length });
  }
};

/** Quasi-identifiers that single one person out together: rarity, notoriety, a distinctive look, a photo. */
export const COMBINATION_CUES = {
  rarity: /\b(?:the only|only one|the one|single|lone|sole)\b[^.!?\n]{0,60}\b(?:in|at|of)\s+(?:a|our|the|this|that|his|her|their)?\s*(?:small |tiny |little |rural )?(?:town|village|county|island|reserve|reservation|parish|hamlet|community|school|district|building|complex|unit|ward|clinic|church|congregation|tribe|pueblo)\b|\b(?:town|village|community|island|county|school|reserve)\s+of\s+(?:about\s+|around\s+|just\s+|only\s+|maybe\s+)?[\d,.]{2,7}\b|\b(?:el único|la única|el unico|la unica|le seul|la seule|o único|a única|jedyn[ayi]|der einzige|die einzige|nag-iisang|duy nhất|الوحيد|الوحيدة)\b|\b(?:pueblo|aldea|village|cidade|vila|wioska|miasteczko|dorf|baryo|làng|قرية)\s+(?:de|of|z|mit|ng|có|من)\s+[\d.,]{2,7}\b/iu,
  notoriety: /\b(?:viral|went viral|all over (?:the )?(?:local )?(?:news|tiktok|facebook|instagram|twitter|social media)|on the (?:local )?news|in the (?:local )?(?:news|paper|papers)|made the news|news story|front page|headlines|infamous|notorious|everyone (?:in town )?knows (?:him|her|them|who)|the (?:kid|girl|boy|guy|woman|man|lady|teen) (?:from|in|on|who) the\b[^.!?\n]{0,40}\b(?:video|news|story|article|case|fire|crash|shooting|accident)|noticias|en las noticias|salió en|periódico|viral en|les infos|aux infos|dans le journal|fait divers|nas notícias|no jornal|w wiadomościach|w gazecie|in den nachrichten|in der zeitung|sa balita|trên báo|lên báo|في الأخبار)\b/iu,
  look: /\b(?:tattoo(?:ed)?|face tattoo|neck tattoo|birthmark|port-wine stain|scar across|missing (?:an? )?(?:eye|arm|leg|hand|fingers?)|one (?:arm|leg|eye)|amputee|seven feet|7 feet|7 ft|albino|bright (?:pink|blue|green|purple) hair|red mohawk|tatuaje|tatouage|tatuagem|tatuaż|tätowierung)\b/iu,
  photo: /\b(?:photo|picture|pic|screenshot|selfie|video|image)\s+of\s+(?:my|the|our|a)?\s*(?:client|patient|resident|kid|teen|youth|family|mom|dad)\b|\b(?:attached|here(?:'s| is)|sharing)\s+(?:a\s+)?(?:photo|picture|pic|screenshot|selfie)\b[^.!?\n]{0,40}\b(?:client|patient|resident|her|him|them)\b|\b(?:foto|photo)\s+(?:de|da|do|du)\s+(?:mi|ma|mon|minha|meu|la|le|el)?\s*(?:cliente|client|paciente|patiente|usuária)\b/iu,
} as const;
