/**
 * Which of faker's locales feed the guard's name lists. The rest are held out: the evaluation's
 * generator draws names only from HELD_OUT_NAME_LOCALES, so its score says how the guard does on names
 * it has never seen (the generator also drops any name that reached the lexicon by another source).
 */
export const DETECTOR_NAME_LOCALES = [
  "en", "en_US", "en_GB", "en_AU", "en_CA", "en_IE", "en_IN", "en_ZA", "en_NG", "yo_NG", "es", "es_MX", "fr", "fr_CA",
  "de", "it", "pt_BR", "pt_PT", "pl", "nl", "sv", "nb_NO", "da", "vi",
] as const;

export const HELD_OUT_NAME_LOCALES = [
  "tr", "hr", "lv", "id_ID", "ro", "sk", "hu", "uz_UZ_latin", "ku_kmr_latin", "zu_ZA", "en_GH", "az", "fi", "cs_CZ",
  "sl_SI", "sr_RS_latin", "af_ZA", "cy",
] as const;
