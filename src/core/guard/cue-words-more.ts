/**
 * Cue words in the languages the seventh hand brought (Italian, Dutch, Romanian, Russian, Ukrainian,
 * Turkish, Hindi, Urdu, Persian, Chinese, Korean, Japanese, Hebrew, Greek, Swahili, Haitian Creole,
 * Somali), by the same roles as cue-words.ts, from each language's ordinary words for the people a
 * social worker serves, their kin and the titles before a name. Words in scripts written without
 * spaces (Han, kana, Hangul) match inside a run of text (see findCues).
 */
export const MORE_CUES = {
  client: [
    "utente", "utenti", "assistito", "assistita", "beneficiario", "beneficiaria", "ospite",
    "cliënt", "cliënte", "cliënten", "bewoner", "bewoonster", "jongere", "pupil",
    "beneficiar", "beneficiara", "beneficiarul", "clientul", "clienta", "pacientul", "pacienta", "asistatul", "asistata",
    "клиент", "клиентка", "клиентки", "клиента", "подопечный", "подопечная", "подопечного", "подопечной", "подопечную", "пациент", "пациентка",
    "клієнт", "клієнтка", "клієнта", "підопічний", "підопічна", "підопічного", "підопічної", "отримувач", "отримувачка",
    "danışan", "danışanım", "danışanımın", "danışanımız", "hastam", "müracaatçı", "yararlanıcı",
    "क्लाइंट", "लाभार्थी", "मरीज़", "मरीज", "client ka", "client ki", "client ke",
    "کلائنٹ", "مریض", "مستفید", "مددجو", "مددجوی", "مددجویم", "مراجع", "مراجعه‌کننده",
    "服务对象", "服務對象", "案主", "个案", "個案", "受助人", "患者", "病人",
    "이용자", "대상자", "클라이언트", "내담자", "환자", "어르신",
    "利用者", "クライアント", "相談者", "対象者",
    "מטופל", "מטופלת", "לקוח", "לקוחה", "פונה",
    "ωφελούμενος", "ωφελούμενη", "ωφελούμενου", "πελάτης", "πελάτισσα", "ασθενής",
    "mteja", "mgonjwa", "mnufaika", "kliyan", "pasyan", "benefisyè", "macmiil", "bukaan",
  ],
  kin: [
    "madre", "figlio", "figlia", "nonna", "nonno", "nipote", "moglie", "zia", "zio",
    "moeder", "vader", "zoon", "dochter", "broer", "zus",
    "mama", "tatăl", "fiul", "fiica", "bunica", "bunicul", "nepotul", "nepoata", "soțul", "soția",
    "мама", "мать", "отец", "папа", "сын", "дочь", "бабушка", "дедушка", "внук", "внучка", "муж", "жена", "баба",
    "батько", "син", "донька", "бабуся", "дідусь", "онук", "онука", "чоловік", "дружина",
    "anne", "annesi", "baba", "babası", "oğlu", "kızı", "nine", "dede", "eşi",
    "माँ", "पिता", "बेटा", "बेटी", "दादी", "दादा", "पति", "पत्नी",
    "ماں", "بیٹا", "بیٹی", "دادی", "نانی", "مادر", "پدر", "پسر", "دختر", "مادربزرگ", "پدربزرگ", "شوهر", "همسر",
    "奶奶", "爷爷", "阿姨", "阿嬤", "阿嬷", "妈妈", "媽媽", "爸爸", "儿子", "女儿", "兒子", "女兒",
    "할머니", "할아버지", "엄마", "아빠", "아들", "딸",
    "おばあちゃん", "おじいちゃん", "息子", "娘",
    "אמא", "אבא", "סבתא", "סבא", "γιαγιά", "παππούς", "μητέρα", "πατέρας", "γιος", "κόρη",
    "mama yake", "baba yake", "manman", "papa", "hooyo", "aabo",
  ],
  honorific: [
    "sig.", "sig.ra", "signora", "signor", "meneer", "mevrouw", "mevr.", "dhr.", "doamna", "domnul", "tanti", "nea",
    "пані", "пан", "bey", "hanım", "teyze", "amca", "श्री", "श्रीमती", "خانم", "آقای", "بی بی", "씨", "さん", "גברת", "מר", "κυρία", "κύριος", "κ.",
  ],
} as const;

/** Han, kana and Hangul: scripts whose words are not set apart by spaces or whose particles join the word. */
export const UNSPACED = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;
