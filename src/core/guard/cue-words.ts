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
    "family", "familia", "famille", "família", "rodzina", "rodziny", "familie", "pamilya", "gia đình", "عائلة", "أسرة",
    "madre", "mamá", "mama", "padre", "papá", "hijo", "hija", "abuela", "abuelo", "abuelita", "abuelito", "nieto", "nieta", "tía", "tío",
    "esposo", "esposa", "marido", "hermano", "hermana", "novio", "novia", "bebé", "sobrino", "sobrina",
    "mère", "maman", "père", "fils", "fille", "grand-mère", "grand-père", "mamie", "papi", "épouse", "mari", "frère", "sœur", "soeur", "conjoint", "conjointe", "bébé",
    "mãe", "pai", "filho", "filha", "avó", "avô", "vovó", "vovô", "neto", "neta", "irmão", "irmã", "companheiro", "companheira",
    "matka", "mama", "ojciec", "tata", "syn", "córka", "babcia", "dziadek", "wnuczka", "wnuk", "mąż", "żona", "siostra", "brat", "córki", "syna",
    "mutter", "vater", "sohn", "tochter", "oma", "opa", "großmutter", "großvater", "enkel", "enkelin", "ehemann", "ehefrau", "bruder", "schwester",
    "nanay", "tatay", "anak", "apo", "asawa", "kapatid", "pamangkin", "lola", "lolo",
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
    "السيد", "السيدة", "الحاج", "الحاجة", "الحجة", "الحجي", "أم", "أبو", "الأستاذ", "الأستاذة", "اسمه", "اسمها", "hajja", "hajji", "haja", "umm", "abu",
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
    "katrabaho", "kasamahan", "kasama ko", "superbisor", "nars", "profa", "profa.", "prof.", "prof", "professora", "professor", "profesora", "profesor",
    "professeure", "lic.", "licenciada", "mtra.", "maestra", "maestro",
    "đồng nghiệp", "bác sĩ", "y tá", "chị quản lý", "ts.", "ths.", "pgs.", "gs.", "thầy", "giảng viên", "cheffe", "cheffe de service", "chef de service",
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
    "mock", "scenario", "actor", "actress", "character", "novel", "movie", "film", "episode", "tv show", "series", "composite", "not real",
    "invented", "made up", "practice exam", "exam q", "inventado", "inventada", "inventados", "todo inventado", "es inventado", "ejercicio", "caso de estudio",
    "inventé", "inventée", "exercice", "cas pratique", "vinheta", "exercício", "tudo inventado", "ćwiczenie", "zmyślony", "zmyślona", "erfunden",
    "übung", "gawa-gawa", "ví dụ", "مثال",
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
    "la mía", "el mío", "la mienne", "le mien", "mine", "me siento", "je me sens", "me sinto", "czuję się", "ich fühle mich", "yo nací", "moi aussi",
    "ipinanganak ako", "ang lola ko", "ang nanay ko", "tôi sinh", "bà tôi", "mẹ tôi", "ولدت في", "جدتي", "أمي",
  ],
  /** Words for years of age, after a number: "95 años", "97 ans", "97 lat". */
  years: [
    "years old", "year old", "yrs old", "yo", "y/o", "y.o.", "años", "anos", "ans", "lat", "lata", "jahre", "jahren", "jahre alt", "taong gulang", "taon",
    "tuổi", "عاما", "عامًا", "عام", "سنة", "سنوات", "ani", "عمره", "عمرها",
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
  /** Verbs only a person does, right after a name: "no vino", "n'est pas venue", "nie przyszedł", "ist nicht gekommen". */
  personverb: [
    "no vino", "no llegó", "faltó", "se escapó", "se fue", "dijo", "me dijo", "recayó", "está embarazada", "fue detenido", "fue detenida", "no quiere",
    "n'est pas venu", "n'est pas venue", "ne vient plus", "a fugué", "m'a dit", "a rechuté", "est enceinte", "refuse", "ne veut pas",
    "não veio", "faltou", "fugiu", "me disse", "recaiu", "está grávida", "não quer", "foi preso", "foi presa",
    "nie przyszedł", "nie przyszła", "uciekł", "uciekła", "powiedział", "powiedziała", "nie chce", "jest w ciąży",
    "ist nicht gekommen", "kam nicht", "kommt nicht", "ist abgehauen", "hat gesagt", "will nicht", "ist schwanger",
    "hindi dumating", "hindi pumasok", "tumakas", "sinabi", "ayaw", "buntis", "không đến", "bỏ học", "bỏ trốn", "nói", "không chịu", "لم يحضر", "لم تحضر", "هربت", "هرب",
  ],
  /** A child or young person, as members write of one: "la nena", "le petit", "o menino", "das Mädchen". */
  child: [
    "the kid", "the boy", "the girl", "the baby", "the toddler", "little", "lil", "niño", "niña", "nena", "nene", "pibe", "piba", "chavo", "chava", "chamaco",
    "chamaca", "muchacho", "muchacha", "pequeño", "pequeña", "chico", "chica", "petit", "petite", "gamin", "gamine", "enfant", "garçon", "ado",
    "menino", "menina", "garoto", "garota", "miúdo", "miúda", "moleque", "dziecko", "chłopiec", "dziewczynka", "chłopak", "dziewczyna", "kind", "junge",
    "mädchen", "bata", "batang", "dalagita", "binatilyo", "đứa bé", "cháu bé", "bé", "طفل", "طفلة", "الصغير", "الصغيرة",
  ],
  /** Neighbourhoods and settlements: the name after them is a place. */
  area: [
    "barrio", "colonia", "col.", "fraccionamiento", "vereda", "comuna", "población", "villa", "asentamiento", "quartier", "cité", "lotissement", "hameau",
    "bairro", "favela", "comunidade", "ocupação", "vila", "osiedle", "dzielnica", "wieś", "stadtteil", "viertel", "siedlung", "dorf", "barangay", "purok",
    "sitio", "phường", "xã", "ấp", "thôn", "حي", "مخيم", "قرية", "township", "estate", "suburb", "neighbourhood", "neighborhood", "hamlet", "village",
    "pueblo", "aldea", "reserve", "reservation", "rez", "halting site", "caravan park", "trailer park",
  ],
  /** Places where one person lives, studies or works: the name after them is that site's. */
  site: [
    "hogar", "albergue", "refugio", "casa de acogida", "residencia", "escuela", "colegio", "liceo", "guardería", "école", "collège", "lycée", "foyer",
    "ehpad", "internat", "abrigo", "casa de acolhimento", "lar", "escola", "creche", "dom dziecka", "schronisko", "szkoła", "przedszkole", "heim",
    "wohnheim", "schule", "kita", "frauenhaus", "paaralan", "trường", "مدرسة", "دار", "empacadora", "fábrica", "usine", "fabryka", "fabrik", "rancho",
    "group home", "care home", "nursing home", "shelter", "motel", "school", "academy", "primary", "high school", "hostel",
  ],
  /** The author's or the team's own organisation: its numbers, lines and address are not a client's. */
  orgown: [
    "our agency", "our office", "our center", "our centre", "our org", "our organisation", "our organization", "our ngo", "our charity", "our team",
    "our program", "our programme", "our service", "our clinic", "our unit", "our department", "our abn", "our ein", "our charity number",
    "our registration", "our address", "our main line", "our front desk", "our new office", "our building", "our site", "our hq",
    "nuestra oficina", "nuestro centro", "nuestra asociación", "nuestra fundación", "nuestro servicio", "nuestra sede",
    "notre bureau", "notre association", "notre centre", "notre service", "nos locaux", "notre siège",
    "nossa organização", "nosso centro", "nossa sede", "nossa associação", "o nosso serviço",
    "nasza fundacja", "nasze biuro", "nasz ośrodek", "nasza siedziba", "unsere beratungsstelle", "unser verein", "unsere einrichtung", "unser büro",
    "opisina namin", "aming opisina", "văn phòng chúng tôi", "مكتبنا", "جمعيتنا",
  ],
  /** Opening hours and front desks: the register of an agency's notice, not of a client's story. */
  hours: [
    "opening hours", "open monday", "open mon", "mon-fri", "monday to friday", "monday-friday", "walk-ins", "walk-in", "office hours", "9-5", "9am-5pm",
    "de lunes a viernes", "lunes a viernes", "horario", "horarios", "atienden", "atención al público", "recepción", "de 9 a", "de 8 a", "cambió de oficinas",
    "se mudó", "nueva dirección", "du lundi au vendredi", "lundi au vendredi", "horaires", "accueil", "a déménagé", "déménage", "numéro principal",
    "de segunda a sexta", "segunda a sexta", "atendimento", "mudou de endereço", "novo endereço", "od poniedziałku do piątku", "godziny otwarcia",
    "öffnungszeiten", "montag bis freitag", "sprechzeiten", "ist umgezogen", "lunes hanggang biyernes", "giờ làm việc", "ساعات العمل",
  ],
  /** Laws, programmes, holidays and institutions: a capitalised run with these in it names a thing, not a person. */
  official: [
    "act", "law", "bill", "statute", "section", "article", "art.", "ley", "loi", "lei", "gesetz", "ustawa", "batas", "luật", "قانون", "decreto", "décret",
    "programa", "programme", "program", "pensión", "pension", "pensão", "bono", "beca", "día", "jour", "dia", "ngày", "tag", "dzień", "national",
    "nacional", "national", "federal", "estatuto", "code", "código", "codigo", "convention", "convención", "ministerio", "ministère", "ministério",
    "consulado", "consulat", "embassy", "embajada", "secretaría", "instituto", "institut", "fundación", "fondation", "fundação", "fundacja", "stiftung",
  ],
  /** Meetings and calls: their ids, passcodes and dial-ins are not a client's. */
  meeting: [
    "zoom", "teams link", "meeting id", "meeting", "passcode", "password", "webinar", "dial-in", "dial in", "conference call", "meet.google", "invite",
    "calendar", "agenda", "reunión", "réunion", "reunião", "spotkanie", "sitzung", "besprechung", "pulong",
  ],
  /** Talk about public life and media: a name here is a public figure's more often than a client's. */
  media: [
    "interview", "interviews", "documentary", "podcast", "book", "memoir", "biography", "famous", "legend", "icon", "celebrity", "obituary", "wikipedia",
    "ted talk", "song", "album", "lyrics", "speech", "op-ed", "article", "column", "quote", "quoted", "entrevista", "documental",
    "reading", "read", "watching", "listening to", "leer", "leyendo", "escuchar", "lire", "écouter", "ler", "ouvir", "czytać", "lesen", "hören",
    "libro", "canción", "entretien", "documentaire", "livre", "chanson", "discours", "livro", "música", "wywiad", "książka", "piosenka", "buch", "lied", "rede",
  ],
  /** The author says plainly the post is not about a client. */
  notclient: [
    "not a client", "not my client", "not about a client", "no client", "no clients", "personal q", "personal question", "not work related",
    "no es cliente", "no es un caso", "pas un client", "ce n'est pas un client", "não é cliente", "nie klient", "kein klient", "keine klientin", "hindi kliyente",
  ],
} as const;

export type CueClass = keyof typeof CUE_CLASSES | "ownkin";
export const CUE_CLASS_NAMES = [...Object.keys(CUE_CLASSES), "ownkin"] as CueClass[];

/** A cue found in a message: its class and where it sits (offsets into the text as given). */
export interface Cue {
  cls: CueClass;
  start: number;
  end: number;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const PATTERNS = (Object.keys(CUE_CLASSES) as (keyof typeof CUE_CLASSES)[]).map((cls) => {
  const phrases = [...new Set(CUE_CLASSES[cls].map((w) => w.toLowerCase()))].sort((a, b) => b.length - a.length);
  return [cls, new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${phrases.map(escape).join("|")})(?![\\p{L}\\p{M}\\p{N}])`, "gu")] as const;
});

/** Lowercases without moving any offset (a few letters change length when lowercased). */
export const lowerKeepingOffsets = (s: string): string => {
  const l = s.toLowerCase();
  return l.length === s.length ? l : [...s].map((c) => { const x = c.toLowerCase(); return x.length === c.length ? x : c; }).join("");
};

// "my grandpa", "ma grand-mère", "moja babcia", "meine Oma", "lola ko": the author's own family.
const POSSESSIVE = "my|our|my own|our own|mi|mis|nuestra|nuestro|nuestros|nuestras|ma|mon|mes|notre|nos|minha|meu|meus|minhas|nossa|nosso|moja|mój|moi|moje|mojej|mojego|meine|mein|meiner|meinem|meinen|unsere|unser";
const KIN_WORDS = [...new Set(CUE_CLASSES.kin.map((w) => w.toLowerCase()).filter((w) => /^\p{L}/u.test(w)))].sort((a, b) => b.length - a.length).map(escape).join("|");
const OWN_KIN = new RegExp(`(?<![\\p{L}\\p{M}])(?:(?:${POSSESSIVE})\\s+(?:${KIN_WORDS})|(?:${KIN_WORDS})\\s+(?:ko|tôi|của tôi))(?![\\p{L}\\p{M}])`, "gu");

let memo: { text: string; cues: Cue[] } = { text: "", cues: [] };

/** Every cue in a text, by class. */
export const findCues = (text: string): Cue[] => {
  if (memo.text === text) return memo.cues;
  const low = lowerKeepingOffsets(text);
  const cues: Cue[] = [];
  for (const [cls, re] of PATTERNS) for (const m of low.matchAll(re)) cues.push({ cls, start: m.index!, end: m.index! + m[0].length });
  for (const m of low.matchAll(OWN_KIN)) cues.push({ cls: "ownkin", start: m.index!, end: m.index! + m[0].length });
  memo = { text, cues };
  return cues;
};
