import type { Template } from "./generator";

/**
 * Template set D, written 2026-11-30 after tuning on a1, b1 and c1 and before batch "d1" was generated
 * and scored: chat markup, run-on vents, names as the only detail, and hard negatives that mix a
 * client cue with a name that is not a client's.
 */
export const POSITIVES_D: Record<string, Template[]> = {
  person_name: [
    (p) => { const n = p.first(); return { text: `**vent** ${n} threw a chair in group today and now the program wants to discharge him. he has nowhere else`, findings: [["person_name", n]] }; },
    (p) => { const n = p.first(); return { text: `How do I tell ${n} that her mom's parental rights were terminated? She's 9.`, findings: [["person_name", n]] }; },
    (p) => { const n = p.first(); return { text: `Update: ${n} got the bed at the recovery house 🎉`, findings: [["person_name", n]] }; },
    (p) => { const n = p.first(); return { text: `Does anyone have experience getting a fee waiver for a name change? ${n} wants to go by his chosen name at school.`, findings: [["person_name", n]] }; },
    (p) => { const n = p.first(), s = p.last(); return { text: `> ${n} ${s} was seen today for follow-up\nIs "was seen" too passive for court notes?`, findings: [["person_name", `${n} ${s}`]] }; },
    (p) => { const n = p.first(); return { text: `Drove ${n} to the DMV this morning and we waited three hours. The system is broken.`, findings: [["person_name", n]] }; },
    (p) => { const n = p.first().toLowerCase(); return { text: `my client ${n} keeps asking if she can stay with me over the holidays. how do you say no kindly?`, findings: [["person_name", n]] }; },
    (p) => { const n = p.wordName(); return { text: `${n} (the 14yo I mentioned) got suspended again. School won't do a manifestation review.`, findings: [["person_name", n]] }; },
  ],
  location: [
    (p) => { const { town, state } = p.town(); return { text: `Client moved from ${town}, ${state} after the flood and lost all her documents.`, findings: [["location", `${town}, ${state}`]] }; },
    (p) => { const n = p.last(); return { text: `He's been staying at the ${n} Inn for three weeks on a hotel voucher.`, findings: [["location", `${n} Inn`]] }; },
    (p) => { const n = p.last(); return { text: `My client's son started at ${n} Elementary and already has a behavior plan.`, findings: [["location", `${n} Elementary`]] }; },
  ],
  address: [
    (p) => { const num = p.int(100, 9999), st = p.last(); return { text: `Client's new address: ${num} ${st} Ln, Lot 14. Can the mobile pantry stop there?`, findings: [["address", `${num} ${st} Ln, Lot 14`]] }; },
  ],
  record_number: [
    (p) => { const n = `${p.int(20, 25)}CV${p.digits(5)}`; return { text: `Eviction case ${n} — my client's hearing is next week and she has no lawyer.`, findings: [["record_number", n]] }; },
    (p) => { const n = p.digits(9); return { text: `Client's Medicaid # ${n} shows terminated but she just recertified.`, findings: [["record_number", n]] }; },
  ],
  ssn: [
    (p) => { const n = `${p.int(100, 665)}-${p.int(10, 99)}-${p.digits(4)}`; return { text: `The SSA letter has my client's SSN as ${n} but one digit is wrong. How do we fix it?`, findings: [["ssn", n]] }; },
  ],
  license_or_plate: [
    (p) => { const n = `${p.letters(1)}${p.digits(8)}`; return { text: `Her passport number ${n} is in the asylum packet; do I redact it before sending to the clinic?`, findings: [["license_or_plate", n]] }; },
  ],
  device_or_ip: [
    (p) => { const n = `${p.int(11, 223)}.${p.int(0, 255)}.${p.int(0, 255)}.${p.int(1, 254)}`; return { text: `My client's ex keeps logging into her email from ${n}. Can the advocate use that?`, findings: [["device_or_ip", n]] }; },
  ],
  url_personal: [
    (p) => { const h = `${p.first().toLowerCase()}.${p.digits(2)}`; return { text: `Client's insta is ${h} and she's posting her location daily. Scary.`, findings: [["url_personal", h]] }; },
  ],
  email: [
    (p) => { const e = `${p.first().toLowerCase()}.${p.last().toLowerCase()}${p.digits(2)}@hotmail.com`; return { text: `Please send the intake packet to my client at ${e}.`, findings: [["email", e]] }; },
  ],
  phone: [
    (p) => { const n = `${p.int(200, 989)}.${p.int(200, 989)}.${p.digits(4)}`; return { text: `Client's aunt is the emergency contact, ${n}, if anyone on nights needs her.`, findings: [["phone", n]] }; },
  ],
  age_over_89: [
    (p) => { const age = p.int(90, 99); return { text: `My ${age}yo client wants to move in with her boyfriend. Family is furious. Thoughts?`, findings: [["age_over_89", `${age}yo`]] }; },
  ],
  date: [
    (p) => { const d = `${p.int(1, 12)}/${p.int(1, 28)}`; return { text: `My client was discharged ${d} with no meds and no follow-up appointment.`, findings: [["date", d]] }; },
  ],
};

export const NEGATIVES_D: Record<string, Template[]> = {
  public_figure: [
    () => ({ text: "My teens quote Kendrick Lamar constantly, so we used his lyrics for a coping skills group." }),
    () => ({ text: "Bernie Sanders' op-ed on Medicaid cuts is worth sharing with clients who ask what's changing." }),
  ],
  colleague_by_role: [
    (p) => ({ text: `My client really likes her new therapist, ${p.first()} ${p.last()}, LCSW. Good referral if you need one.` }),
    (p) => ({ text: `Our new peer specialist ${p.first()} starts Monday; she has lived experience with recovery.` }),
  ],
  citation: [
    (p) => ({ text: `${p.last()} and ${p.last()} (2017) have a great framework for supervising new workers.` }),
  ],
  vignette: [
    (p) => ({ text: `For the role-play: ${p.first()} is a 16-year-old whose mom just went to prison. You're her school social worker.` }),
  ],
  own_things: [
    (p) => ({ text: `My office is at ${p.int(100, 9999)} Pine Ave, Suite 3 — come by for the donation drive.` }),
    () => ({ text: "My son turns 9 on Saturday so I'm off; my client calls go to the on-call line." }),
  ],
  event_venue: [
    (p) => { const { town, state } = p.town(); return { text: `Anyone going to the foster parent appreciation dinner in ${town}, ${state}? Carpool?` }; },
    () => ({ text: "The coalition meets at the public library, 2nd floor, every first Wednesday." }),
  ],
  resource_link: [
    (p) => ({ text: `Handout: https://www.ncbi.nlm.nih.gov/pmc/articles/PMC${p.digits(7)}/ has a good table on ACEs.` }),
  ],
  population: [
    () => ({ text: "Clients aged 90 and older are the fastest-growing group at our senior center." }),
    () => ({ text: "Our teen parents group (16-19) needs a new facilitator." }),
  ],
  org_contact: [
    () => ({ text: "The tenant hotline is 1-877-555-0123 for anyone facing eviction." }),
  ],
  general: [
    () => ({ text: "My client finally got her housing voucher after two years on the waitlist!!" }),
    () => ({ text: "Anyone have a good script for explaining mandated reporting to a new client?" }),
    () => ({ text: "How do you handle a client who shows up to session high?" }),
  ],
};
