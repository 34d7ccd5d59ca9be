/**
 * Posts written from the policy for the learned guard (any country, any language), none taken from a
 * training file. They are regression cases: `npm run guard:eval -- --cases` also makes them training posts.
 */
export const LEARNED_IDENTIFYING: [string, string][] = [
  ["Doña Remedios no quiere salir de casa desde que murió su hijo. ¿Cómo la acompaño?", "Remedios"],
  ["Mme Tremblay refuse encore les soins à domicile, sa fille est à bout.", "Tremblay"],
  ["Lola Caring stopped taking her maintenance meds, the family says she's tired of them.", "Caring"],
  ["Bartek W. znowu nie przyszedł na terapię. Jak z nim rozmawiać?", "Bartek W."],
  ["Mi clienta tiene 97 años y vive sola en un cuarto piso sin ascensor.", "97 años"],
  ["Ma cliente est née le 2 février 1940 et la caisse a une autre date.", "2 février 1940"],
  ["Client's NHS number 943 476 5919 pulls up someone else at the GP surgery.", "943 476 5919"],
  ["O CPF da minha usuária é 529.982.247-25 e está bloqueado.", "529.982.247-25"],
];

export const LEARNED_NOT_IDENTIFYING: [string, string][] = [
  ["Bienvenida a Rosalba Quintero, nuestra nueva trabajadora social. ¡Qué alegría tenerte!", "a colleague welcomed"],
  ["Huge shout-out to Deborah on the duty desk for covering three referrals yesterday!", "a colleague thanked"],
  ["My own grandmother turned 96 last week, which is why end-of-life planning is on my mind.", "the author's family"],
  ["Role-play for Thursday: Mrs. Okonkwo, 93, refuses help at home. Who plays the daughter?", "a role-play"],
  ["Our office moved to 12 Harbour Road, Suite 4, open Monday to Friday 9-5.", "the agency's own address"],
];
