/**
 * Cases for issue 10's kinds of misses and false alarms, with names and places that appear in no
 * corpus or batch: rare given names, word-names, lowercase names in a person slot, small places,
 * keyword-anchored identifiers, obfuscated contacts and ages over 89 in every written form.
 * [message, the text that must be found]
 */
export const GENERALIZATION_IDENTIFYING: Record<string, [string, string][]> = {
  person_name: [
    ["Dechen missed her appointment again and her phone is off.", "Dechen"],
    ["Worried about Ayaanle, he hasn't eaten since the raid.", "Ayaanle"],
    ["Small win: Nkauj Hli's grandma agreed to come to the school meeting.", "Nkauj Hli"],
    ["My client Autumn finally got her own place!", "Autumn"],
    ["spent the afternoon with wambli at the clinic, he's doing better", "wambli"],
    ["Court letter for Oksana Hrytsenko is due Friday — can someone review my tone?", "Oksana Hrytsenko"],
    ["Siblings Chidubem and Adaeze were split up at placement; visits keep getting cancelled.", "Adaeze"],
  ],
  location: [
    ["My client's family lives in Tuba City, AZ and the closest clinic is an hour away.", "Tuba City, AZ"],
    ["She grew up on the Wind River Reservation and wants a Native counselor.", "Wind River Reservation"],
    ["My client is staying at the Starlite Motel until her voucher comes through.", "Starlite Motel"],
  ],
  address: [
    ["Mail for my client goes to RR 3 Box 118, and the county keeps returning it.", "RR 3 Box 118"],
    ["My client is staying at Calle Girasol 214 with her cousin for now.", "Calle Girasol 214"],
  ],
  record_number: [
    ["Her enrollment ID E44190072 for Head Start vanished from the portal.", "E44190072"],
    ["My client's A-number is A208551934; does the asylum office need it?", "A208551934"],
  ],
  license_or_plate: [
    ["Client's birth certificate number 141-88-004512 doesn't match the state's record.", "141-88-004512"],
  ],
  device_or_ip: [
    ["The messages to my client come from 2001:db8:4f2a::9c, can police trace that?", "2001:db8:4f2a::9c"],
    ["My client's ankle monitor serial 77310-C keeps dropping signal.", "77310-C"],
  ],
  email: [
    ["My client's email is tashi dot lhamo at gmail dot com if you need to reach her.", "tashi dot lhamo at gmail dot com"],
  ],
  url_personal: [
    ["My client sells her beadwork at linktr.ee/beadsbyrosa22 — ok to share?", "linktr.ee/beadsbyrosa22"],
    ["Client asked if people could send money to her cash app $kiyah2011 for diapers.", "$kiyah2011"],
  ],
  age_over_89: [
    ["Mrs. Villanueva (94) wants to stay in her home.", "94"],
    ["My client turns 96 next month and wants to stop dialysis.", "96"],
    ["We're planning my client's hundredth birthday at the day program.", "hundredth"],
    ["My client is in her late 90s and still lives alone.", "in her late 90s"],
  ],
};

/** [message, the exception class it belongs to] */
export const GENERALIZATION_NOT_IDENTIFYING: [string, string][] = [
  ["Serena Williams talking about postpartum complications is a great share for our moms' group.", "public figures"],
  ["Shout out to our intern Tsering who rebuilt the resource binder!", "colleagues by role"],
  ["Nakamura (2020) found that peer support halved readmissions.", "citations"],
  ["ASWB practice question: Dechen, 34, reports low mood for two weeks. What should the social worker do first?", "vignettes"],
  ["My practice is at 4410 Alder Avenue if anyone wants to refer teens with anxiety.", "the author's own address"],
  ["It's my birthday on May 9 so I'm off; the on-call team has nights.", "the author's own birthday"],
  ["Great episode: https://podcasts.example.org/episodes/8841207/burnout-and-boundaries", "resource link ids"],
  ["Textbook chapter 6 follows the Okonkwo family through reunification; discussion questions?", "textbook families"],
  ["Harm reduction summit in Tuba City, AZ this spring — registration opens next week.", "events and venues"],
  ["Our hospice sees a lot of clients over 90 now; how are you staffing for that?", "generic populations"],
  ["Our clinic uses Duolingo-style microlearning for staff training.", "products"],
];
