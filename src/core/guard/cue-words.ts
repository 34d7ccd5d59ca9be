/**
 * Words that say who a detail belongs to, by role and in the languages the policy names (English,
 * Spanish, French, Portuguese, Polish, German, Tagalog, Vietnamese, Arabic). Each class becomes one
 * feature of the learned guard whatever the language, so a model that learned "my client X" from
 * English posts reads "mi cliente X", "ma cliente X" and "moja klientka X" the same way.
 * Written from the policy and the languages' grammar, not from any evaluation set.
 */
export const CUE_CLASSES = {
  /** The people a social worker serves. */
  client: [
    "client", "clients", "client's", "patient", "patients", "patient's", "pt", "resident", "consumer", "participant", "mentee", "youth", "teen",
    "kid", "foster child", "foster kid", "foster youth", "caseload", "service user", "person served", "tenant", "referral", "survivor",
    "cliente", "clientes", "clienta", "paciente", "pacientes", "usuario", "usuaria", "usuarios", "beneficiario", "beneficiaria", "residente",
    "menor", "adolescente", "joven", "chavo", "chava", "asistido", "asistida", "mi caso",
    "ma cliente", "mon client", "patiente", "bénéficiaire", "usager", "usagère", "résident", "résidente", "jeune", "suivi", "suivie",
    "utente", "usuário", "usuária", "assistido", "assistida", "acolhido", "acolhida", "atendido", "atendida",
    "klient", "klientka", "klienta", "klientki", "klientką", "pacjent", "pacjentka", "pacjenta", "podopieczny", "podopieczna", "podopiecznej", "podopiecznego",
    "klientin", "klienten", "patientin", "bewohner", "bewohnerin", "betreute", "betreuter", "jugendliche", "jugendlicher", "mandant", "mandantin",
    "kliyente", "pasyente", "alaga",
    "thân chủ", "khách hàng", "bệnh nhân", "người bệnh",
    "عميل", "عميلة", "عميلي", "عميلتي", "موكل", "موكلة", "موكلي", "موكلتي", "مريض", "مريضة", "مريضي", "مريضتي", "المستفيد", "المستفيدة", "الحالة",
  ],
  /** A client's family and household (the author's own family is told apart by "my own"). */
  kin: [
    "mom", "mum", "mother", "dad", "father", "son", "daughter", "grandma", "grandpa", "grandmother", "grandfather", "grandson", "granddaughter",
    "aunt", "uncle", "sister", "brother", "husband", "wife", "partner", "boyfriend", "girlfriend", "baby", "stepdad", "stepmom", "foster mom",
    "foster dad", "caregiver", "guardian", "nephew", "niece", "cousin",
    "madre", "mamá", "mama", "padre", "papá", "hijo", "hija", "abuela", "abuelo", "abuelita", "abuelito", "nieto", "nieta", "tía", "tío",
    "esposo", "esposa", "marido", "hermano", "hermana", "novio", "novia", "bebé", "sobrino", "sobrina",
    "mère", "maman", "père", "fils", "fille", "grand-mère", "grand-père", "mamie", "papi", "épouse", "mari", "frère", "sœur", "soeur", "conjoint", "conjointe", "bébé",
    "mãe", "pai", "filho", "filha", "avó", "avô", "vovó", "vovô", "neto", "neta", "irmão", "irmã", "companheiro", "companheira",
    "matka", "mama", "ojciec", "tata", "syn", "córka", "babcia", "dziadek", "wnuczka", "wnuk", "mąż", "żona", "siostra", "brat", "córki", "syna",
    "mutter", "vater", "sohn", "tochter", "oma", "opa", "großmutter", "großvater", "enkel", "enkelin", "ehemann", "ehefrau", "bruder", "schwester",
    "nanay", "tatay", "anak", "apo", "asawa", "kapatid", "pamangkin",
    "mẹ", "bố", "cha", "con gái", "con trai", "cháu", "chồng", "vợ",
    "أم", "أب", "ابن", "ابنة", "بنت", "جدة", "جد", "زوج", "زوجة", "أخت", "أخ", "والدة", "والد",
  ],
  /** Titles and terms of address that come right before a person's name. */
  honorific: [
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx", "mx.", "auntie", "nana", "granny", "grandma", "grandpa", "aunty",
    "don", "doña", "dona", "sr", "sr.", "sra", "sra.", "srta", "srta.", "señor", "señora", "señorita", "abuela", "abuelo", "tía", "tío", "doñita",
    "m.", "mme", "mme.", "mlle", "mlle.", "monsieur", "madame", "mademoiselle", "mamie", "papi", "tatie", "tonton",
    "seu", "sr.ª", "sra.ª", "dom", "vó", "vô", "tia", "tio",
    "pani", "pan", "panna", "pana", "panią", "panem", "babcia", "dziadek",
    "frau", "herr", "herrn", "fräulein", "oma", "opa",
    "lola", "lolo", "aling", "mang", "tita", "tito", "ate", "kuya", "manang", "manong", "nanay", "tatay",
    "ông", "bà", "cô", "chú", "anh", "chị", "em", "bác", "cụ",
    "السيد", "السيدة", "الحاج", "الحاجة", "أم", "أبو", "الأستاذ", "الأستاذة", "hajja", "hajji", "haja", "umm", "abu",
  ],
  /** Colleagues and other professionals: a name after these is a co-worker's, not a client's. */
  colleague: [
    "supervisor", "coworker", "co-worker", "colleague", "colleagues", "teammate", "intern", "manager", "director", "coordinator", "nurse", "doctor", "dr",
    "dr.", "therapist", "counselor", "counsellor", "psychiatrist", "psychologist", "advocate", "case manager", "caseworker", "social worker", "team lead",
    "clinical lead", "our new", "new hire", "staff", "volunteer", "chaplain", "mentor", "trainer", "facilitator", "presenter", "speaker", "host",
    "compañera", "compañero", "colega", "colegas", "supervisora", "doctora", "dra", "dra.", "enfermera", "enfermero", "trabajadora social",
    "trabajador social", "coordinadora", "directora", "psicóloga", "psicólogo", "terapeuta", "becaria", "practicante", "nuestra nueva", "nuestro nuevo",
    "collègue", "collègues", "infirmière", "infirmier", "docteur", "docteure", "superviseure", "superviseur", "coordinatrice", "coordonnateur",
    "directrice", "travailleuse sociale", "travailleur social", "stagiaire", "éducatrice", "éducateur", "notre nouvelle", "notre nouveau", "intervenante",
    "enfermeira", "enfermeiro", "doutora", "doutor", "coordenadora", "diretora", "assistente social", "estagiária", "estagiário", "nossa nova", "nosso novo",
    "koleżanka", "kolega", "pielęgniarka", "lekarz", "lekarka", "doktor", "kierowniczka", "kierownik", "koordynatorka", "pracownik socjalny",
    "pracowniczka socjalna", "stażystka", "stażysta", "psycholog", "terapeutka",
    "kollegin", "kollege", "kollegen", "ärztin", "arzt", "leiterin", "leiter", "koordinatorin", "sozialarbeiterin", "sozialarbeiter", "praktikantin",
    "praktikant", "pflegerin", "betreuerin", "unsere neue", "unser neuer",
    "katrabaho", "kasamahan", "kasama ko", "superbisor", "nars",
    "đồng nghiệp", "bác sĩ", "y tá", "chị quản lý",
    "زميلتي", "زميلي", "زميلة", "زميل", "الدكتور", "الدكتورة", "الممرضة", "المشرفة", "المشرف", "الأخصائية",
  ],
  /** Thanks, welcomes and congratulations: the register of shout-outs and staff announcements. */
  praise: [
    "thanks", "thank you", "thx", "shout-out", "shout out", "shoutout", "kudos", "props", "welcome", "congrats", "congratulations", "huge thanks",
    "big thanks", "grateful", "appreciate", "please welcome", "farewell", "retiring", "retirement", "joins us", "joining us", "joined our team",
    "gracias", "muchas gracias", "bienvenida", "bienvenido", "bienvenidos", "felicidades", "felicitaciones", "enhorabuena", "agradecemos", "se une",
    "merci", "bienvenue", "félicitations", "bravo", "chapeau", "rejoint", "remercier", "remerciements",
    "obrigado", "obrigada", "bem-vinda", "bem-vindo", "parabéns", "agradecemos", "juntou-se",
    "dziękuję", "dzięki", "dziękujemy", "witamy", "gratulacje", "brawa", "brawo",
    "danke", "vielen dank", "willkommen", "herzlich willkommen", "glückwunsch", "herzlichen glückwunsch", "verabschieden",
    "salamat", "maraming salamat", "maligayang pagdating", "congrats po",
    "cảm ơn", "chào mừng", "chúc mừng",
    "شكرا", "شكراً", "مرحبا", "أهلا", "مبروك", "نرحب",
  ],
  /** Role-plays, simulations, textbook cases, exam questions: invented people. */
  fiction: [
    "role-play", "roleplay", "role play", "sim lab", "simulation", "simulated", "standardized patient", "standardised patient", "vignette", "case study",
    "case studies", "textbook", "hypothetical", "exam question", "practice question", "fictional", "fictitious", "made-up", "made up", "pseudonym",
    "mock", "scenario", "actor", "actress", "character", "novel", "movie", "film", "episode", "tv show", "series",
    "juego de roles", "simulación", "caso práctico", "caso hipotético", "viñeta", "ficticio", "ficticia", "personaje", "telenovela", "película",
    "jeu de rôle", "jeu de rôles", "mise en situation", "cas fictif", "étude de cas", "fictif", "fictive", "personnage", "roman",
    "dramatização", "simulação", "estudo de caso", "caso fictício", "fictício", "fictícia", "personagem", "novela",
    "odgrywanie ról", "symulacja", "studium przypadku", "fikcyjny", "fikcyjna", "postać",
    "rollenspiel", "simulation", "fallbeispiel", "fallstudie", "fiktiv", "fiktive", "fiktiver", "figur",
    "halimbawa", "kathang-isip", "tình huống giả định", "giả định", "نموذج", "افتراضية", "افتراضي", "تمثيل",
  ],
  /** Public roles: a name after these belongs to a public figure. */
  public: [
    "senator", "mayor", "governor", "president", "minister", "secretary", "congresswoman", "congressman", "councilmember", "councillor", "mp", "author",
    "poet", "actor", "singer", "rapper", "celebrity", "journalist", "reporter", "judge", "justice", "saint", "st", "st.", "king", "queen", "prince", "princess",
    "alcalde", "alcaldesa", "senadora", "senador", "ministra", "ministro", "presidenta", "escritora", "escritor", "autora", "autor", "cantante", "actriz",
    "maire", "ministre", "sénatrice", "sénateur", "députée", "député", "présidente", "président", "autrice", "auteure", "auteur", "écrivaine", "écrivain",
    "chanteuse", "chanteur", "actrice", "prefeito", "prefeita", "deputada", "deputado", "cantora", "cantor", "atriz", "escritora",
    "burmistrz", "prezydent", "premier", "posłanka", "poseł", "autorka", "pisarka", "pisarz", "piosenkarka", "aktorka", "aktor",
    "bürgermeisterin", "bürgermeister", "ministerin", "präsidentin", "präsident", "abgeordnete", "autorin", "schriftstellerin", "sängerin", "schauspielerin",
    "pangulo", "senador", "alkalde", "tổng thống", "thị trưởng", "الرئيس", "الوزير", "الوزيرة",
  ],
  /** The author speaking of themself: their own birthday, town or family is not a client's. */
  self: [
    "my own", "i was born", "i'm from", "i am from", "i live in", "i grew up", "my birthday", "my bday", "my dob", "my hometown", "my town",
    "my grandma", "my grandmother", "my mom", "my mum", "my dad", "my kids", "my son", "my daughter", "my husband", "my wife", "my family", "i turn", "i turned",
    "mi propio", "mi propia", "nací", "soy de", "vivo en", "mi cumpleaños", "mi pueblo", "mi abuela", "mi mamá", "mi madre", "mi hijo", "mi hija", "cumplo",
    "je suis né", "je suis née", "j'habite", "je vis à", "mon anniversaire", "ma grand-mère", "ma mère", "mon fils", "ma fille", "mon propre", "ma propre",
    "nasci", "moro em", "meu aniversário", "minha avó", "minha mãe", "meu filho", "minha filha", "meu próprio", "minha própria",
    "urodziłam", "urodziłem", "mieszkam w", "moje urodziny", "moja babcia", "moja mama", "mój syn", "moja córka", "mój własny",
    "ich bin geboren", "ich wohne in", "mein geburtstag", "meine oma", "meine mutter", "mein sohn", "meine tochter", "mein eigener",
    "ipinanganak ako", "taga", "ang lola ko", "ang nanay ko", "tôi sinh", "bà tôi", "mẹ tôi", "ولدت في", "جدتي", "أمي",
  ],
  /** Words for years of age, after a number: "95 años", "97 ans", "97 lat". */
  years: [
    "years old", "year old", "yrs old", "yo", "y/o", "y.o.", "años", "anos", "ans", "lat", "lata", "jahre", "jahren", "jahre alt", "taong gulang", "taon",
    "tuổi", "عاما", "عامًا", "عام", "سنة", "سنوات", "ani",
  ],
  /** Places: the word before a town, a site or an address. */
  at: [
    "in", "at", "from", "near", "lives in", "living in", "moved to", "en", "de", "desde", "cerca de", "vive en", "à", "près de", "habite", "em", "no", "na",
    "mora em", "w", "we", "z", "ze", "koło", "mieszka w", "aus", "bei", "nach", "wohnt in", "sa", "taga", "ở", "tại", "từ", "في", "من",
  ],
  /** Street words, in any language: an address follows or precedes them. */
  street: [
    "street", "st", "st.", "avenue", "ave", "road", "rd", "drive", "dr", "lane", "ln", "boulevard", "blvd", "court", "ct", "way", "close", "crescent",
    "terrace", "apt", "apartment", "unit", "flat", "lot", "calle", "c/", "avenida", "av", "av.", "avda", "plaza", "carrera", "colonia", "col.", "piso",
    "rue", "boulevard", "bd", "chemin", "allée", "impasse", "appartement", "rua", "travessa", "praça", "bairro", "apto", "ulica", "ul.", "aleja",
    "al.", "osiedle", "os.", "mieszkanie", "straße", "strasse", "str.", "weg", "platz", "allee", "gasse", "wohnung", "barangay", "brgy", "brgy.", "purok",
    "sitio", "kalye", "đường", "phố", "phường", "quận", "شارع", "حي",
  ],
  /** Words that introduce an identifying number: its keyword in any language. */
  idword: [
    "ssn", "sin", "nhs", "nino", "ni number", "ppsn", "pps", "ohip", "health card", "medicare", "medicaid", "mbi", "tfn", "nhi", "aadhaar", "aadhar", "pan", "curp",
    "dni", "nie", "nir", "cpf", "pesel", "nric", "fin", "id number", "id no", "id", "número", "numero", "numéro", "nº", "n°", "no.", "nr", "nr.", "número de",
    "seguridad social", "sécurité sociale", "carte vitale", "sécu", "seguro social", "cartão sus", "sus", "rg", "dowód", "dowodu", "steuer-id", "versichertennummer",
    "krankenversicherung", "philhealth", "sss", "tin", "umid", "căn cước", "cccd", "cmnd", "بطاقة", "رقم", "هوية", "mrn", "case", "expediente", "dossier",
    "prontuário", "processo", "sygnatura", "aktenzeichen", "folio", "rut", "carné", "carnet", "passport", "pasaporte", "passeport", "passaporte",
  ],
} as const;

export type CueClass = keyof typeof CUE_CLASSES;
export const CUE_CLASS_NAMES = Object.keys(CUE_CLASSES) as CueClass[];

/** A cue found in a message: its class and where it sits (offsets into the text as given). */
export interface Cue {
  cls: CueClass;
  start: number;
  end: number;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const PATTERNS = CUE_CLASS_NAMES.map((cls) => {
  const phrases = [...new Set(CUE_CLASSES[cls].map((w) => w.toLowerCase()))].sort((a, b) => b.length - a.length);
  return [cls, new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${phrases.map(escape).join("|")})(?![\\p{L}\\p{M}\\p{N}])`, "gu")] as const;
});

/** Lowercases without moving any offset (a few letters change length when lowercased). */
export const lowerKeepingOffsets = (s: string): string => {
  const l = s.toLowerCase();
  return l.length === s.length ? l : [...s].map((c) => { const x = c.toLowerCase(); return x.length === c.length ? x : c; }).join("");
};

let memo: { text: string; cues: Cue[] } = { text: "", cues: [] };

/** Every cue in a text, by class. */
export const findCues = (text: string): Cue[] => {
  if (memo.text === text) return memo.cues;
  const low = lowerKeepingOffsets(text);
  const cues: Cue[] = [];
  for (const [cls, re] of PATTERNS) for (const m of low.matchAll(re)) cues.push({ cls, start: m.index!, end: m.index! + m[0].length });
  memo = { text, cues };
  return cues;
};
