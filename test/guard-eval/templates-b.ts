import type { Template } from "./generator";

/**
 * Template set B, written 2026-11-30 after tuning on batch a1 and before batch "b1" was generated
 * and scored: other phrasings, other slots, other formats than set A.
 */
export const POSITIVES_B: Record<string, Template[]> = {
  person_name: [
    (p) => { const n = p.first(); return { text: `Anyone else have a kid who only opens up in the car? ${n} talks more on the drive to visits than in a whole session.`, findings: [["person_name", n]] }; },
    (p) => { const n = p.first(); return { text: `${n}'s caseworker changed again, that's four in a year. How do I advocate for some continuity?`, findings: [["person_name", n]] }; },
    (p) => { const n = p.first().toLowerCase(); return { text: `spent the whole afternoon at the ER with ${n}, she's ok but the wait was 9 hours`, findings: [["person_name", n]] }; },
    (p) => { const n = p.first(), s = p.last(); return { text: `Referral for ${n} ${s} bounced back from the housing authority — does anyone know who reviews appeals?`, findings: [["person_name", `${n} ${s}`]] }; },
    (p) => { const n = p.wordName(); return { text: `Quick one: ${n} told me she's pregnant and doesn't want her parents to know. She's 16. What are my obligations?`, findings: [["person_name", n]] }; },
    (p) => { const n = p.first(); return { text: `Home visit today: mom was sober, the apartment was clean, and little ${n} showed me every drawing he made this week 💛`, findings: [["person_name", n]] }; },
    (p) => { const n = p.last(); return { text: `Ms ${n} keeps calling the front desk asking for me by name. Boundaries help?`, findings: [["person_name", `Ms ${n}`]] }; },
    (p) => { const n = p.first(); return { text: `Can I get eyes on this progress note? "${n} presented as guarded and declined to discuss the incident at school."`, findings: [["person_name", n]] }; },
    (p) => { const a = p.first(), b = p.first(); return { text: `Siblings ${a} and ${b} were placed in separate homes and the visits keep getting cancelled.`, findings: [["person_name", a], ["person_name", b]] }; },
    (p) => { const n = p.first(); return { text: `Been thinking about ${n} all weekend. He aged out last month with nowhere to go.`, findings: [["person_name", n]] }; },
  ],
  location: [
    (p) => { const { town, state } = p.town(); return { text: `Does anyone know a DV shelter that takes teen boys near ${town}, ${state}? My client won't leave without her son.`, findings: [["location", `${town}, ${state}`]] }; },
    (p) => { const { town } = p.town(); return { text: `Client grew up in ${town} and everyone there knows her family, so she won't go to the local clinic.`, findings: [["location", town]] }; },
    (p) => { const n = p.last(); return { text: `The youth I'm working with sleeps at ${n} Village Apartments some nights and in his car the rest.`, findings: [["location", `${n} Village Apartments`]] }; },
    (p) => { const n = p.last(); return { text: `My client's daughter got into ${n} Academy on a scholarship and the family is thrilled.`, findings: [["location", `${n} Academy`]] }; },
  ],
  address: [
    (p) => { const n = p.last(), num = p.int(10, 900); return { text: `Client wants the food stamps mailed to Calle ${n} ${num} while she stays with her cousin. Is that allowed?`, findings: [["address", `Calle ${n} ${num}`]] }; },
    (p) => { const num = p.int(100, 9999), st = p.last(); return { text: `Her new place is ${num} ${st} Street, apt 2B, right next to the bus line.`, findings: [["address", `${num} ${st} Street, apt 2B`]] }; },
  ],
  record_number: [
    (p) => { const n = `${p.letters(2)}${p.digits(7)}`; return { text: `Her SNAP case number is ${n}; the recert was sent to the wrong address. Who fixes that?`, findings: [["record_number", n]] }; },
    (p) => { const n = p.digits(8); return { text: `Student ID ${n} — my client's school keeps mixing him up with another boy. How do I request a records correction?`, findings: [["record_number", n]] }; },
  ],
  license_or_plate: [
    (p) => { const n = `${p.digits(3)}-${p.digits(2)}-${p.digits(6)}`; return { text: `Client's birth certificate number is ${n}, and the state says there's no record. Any tips?`, findings: [["license_or_plate", n]] }; },
    (p) => { const n = `${p.letters(3)}-${p.digits(4)}`; return { text: `Someone keeps parking outside my client's house, plate ${n}. Should she call the police or the court?`, findings: [["license_or_plate", n]] }; },
  ],
  device_or_ip: [
    (p) => { const n = `${p.digits(15)}`; return { text: `The phone the program gave my client (IMEI ${n}) was stolen; do I report the IMEI?`, findings: [["device_or_ip", n]] }; },
  ],
  url_personal: [
    (p) => { const h = `${p.first().toLowerCase()}_${p.digits(3)}`; return { text: `My client's TikTok is @${h} and she's been posting about her placement. How do I bring it up?`, findings: [["url_personal", `@${h}`]] }; },
    (p) => { const h = `${p.first().toLowerCase()}${p.digits(2)}`; return { text: `Client set up a fundraiser at gofundme.com/f/${h}-rent-help, can our agency share it?`, findings: [["url_personal", `gofundme.com/f/${h}-rent-help`]] }; },
  ],
  email: [
    (p) => { const e = `${p.first().toLowerCase()}${p.digits(4)}@yahoo.com`; return { text: `Her lawyer wants my client's email, it's ${e}. Ok to pass along with her consent?`, findings: [["email", e]] }; },
  ],
  phone: [
    (p) => { const n = `(${p.int(200, 989)}) ${p.int(200, 989)}-${p.digits(4)}`; return { text: `My client changed her number to ${n}, please update the group text list.`, findings: [["phone", n]] }; },
  ],
  age_over_89: [
    (p) => { const age = p.int(91, 98); return { text: `My client will be ${age} next month and she still wants to drive herself to dialysis.`, findings: [["age_over_89", String(age)]] }; },
    () => ({ text: "We're planning a small party for my client's ninety-fifth birthday at the day program.", findings: [["age_over_89", "ninety-fifth"]] }),
  ],
  date: [
    (p) => { const d = `${p.int(1, 12)}/${p.int(1, 28)}/${p.int(1940, 2015)}`; return { text: `Client's DOB is ${d} and the school has it wrong on the IEP.`, findings: [["date", d]] }; },
  ],
};

export const NEGATIVES_B: Record<string, Template[]> = {
  public_figure: [
    () => ({ text: "Mister Rogers had it right: look for the helpers. Needed that reminder today." }),
    () => ({ text: "Watching the Oprah Winfrey interview with Bessel van der Kolk again — great for psychoeducation." }),
  ],
  colleague_by_role: [
    (p) => ({ text: `Our on-call worker ${p.first()} covered the crisis line all weekend; please thank her if you see her.` }),
    (p) => ({ text: `Welcome ${p.first()} ${p.last()}, our new clinical director! She starts Monday.` }),
    (p) => ({ text: `cc ${p.first()} — can you add the new forms to the shared drive?` }),
  ],
  citation: [
    (p) => ({ text: `According to ${p.last()} et al. (2021), motivational interviewing works for adolescents too.` }),
    (p) => ({ text: `${p.last()}'s model of grief is worth revisiting for the bereavement group.` }),
  ],
  vignette: [
    (p) => ({ text: `Role-play for training: you are meeting ${p.first()}, a 19-year-old who just lost her job. Start with engagement.` }),
    (p) => ({ text: `Textbook chapter 6 follows the ${p.last()} family through a reunification — anyone have discussion questions?` }),
  ],
  own_things: [
    (p) => ({ text: `My practice is at ${p.int(100, 9999)} Oak Avenue if anyone wants to refer teens with anxiety.` }),
    () => ({ text: "Turning 40 on June 3rd and spending it at a CE workshop, living the dream." }),
  ],
  event_venue: [
    (p) => ({ text: `Peer support training at the ${p.last()} Community Center on Saturday, 9 to noon. Free parking.` }),
    () => ({ text: "NASW chapter meeting moved to Tuesday the 14th, same Zoom link." }),
  ],
  resource_link: [
    (p) => ({ text: `This episode on moral injury is worth it: https://www.podbean.com/ew/pb-${p.letters(5).toLowerCase()}-${p.digits(6)}` }),
    (p) => ({ text: `Form I-${p.int(100, 999)} instructions are here: https://www.uscis.gov/forms — check the edition date.` }),
  ],
  population: [
    () => ({ text: "Our hospice census is mostly clients in their 90s now; how are other teams staffing for that?" }),
    () => ({ text: "Kids 10-14 in foster care have the highest placement disruption rates in our county." }),
  ],
  org_contact: [
    () => ({ text: "For after-hours crises our mobile team is at 1-888-555-0199, 24/7." }),
    () => ({ text: "Email referrals@ourclinic.org for intakes, not my personal inbox please." }),
  ],
  general: [
    () => ({ text: "What's your favorite icebreaker for a new group of dads?" }),
    () => ({ text: "Anyone else feel like the documentation load doubled this year? I'm exhausted." }),
    () => ({ text: "Looking for a good handout on sleep hygiene written at a 5th grade reading level." }),
  ],
};
