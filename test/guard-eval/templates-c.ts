import type { Template } from "./generator";

/**
 * Template set C, written 2026-11-30 after tuning on batches a1 and b1 and before batch "c1" was
 * generated and scored. Shorter, chattier messages; names alone; formats neither A nor B used.
 */
export const POSITIVES_C: Record<string, Template[]> = {
  person_name: [
    (p) => { const n = p.first(); return { text: `${n} is back in detox. Third time since spring.`, findings: [["person_name", n]] }; },
    (p) => { const n = p.first(); return { text: `Has anyone successfully gotten SSI approved on the first try? Asking for ${n}, who has been denied twice.`, findings: [["person_name", n]] }; },
    (p) => { const n = p.first(); return { text: `i really think ${n.toLowerCase()}'s dad is using again but she won't say it out loud`, findings: [["person_name", n.toLowerCase()]] }; },
    (p) => { const n = p.first(), s = p.last(); return { text: `${s}, ${n} — intake Tuesday, needs Somali interpreter, mom is primary contact.`, findings: [["person_name", `${s}, ${n}`]] }; },
    (p) => { const n = p.first(); return { text: `So proud of ${n} today!! She walked into court and read her own statement.`, findings: [["person_name", n]] }; },
    (p) => { const n = p.wordName(); return { text: `The foster parents call her ${n} but her birth name is different; which do I use in the report?`, findings: [["person_name", n]] }; },
    (p) => { const n = p.first(); return { text: `Anyone know how to get a replacement Social Security card fast? ${n} lost everything in the fire.`, findings: [["person_name", n]] }; },
    (p) => { const n = p.last(); return { text: `Dr. Lee wants to discharge Mrs ${n} tomorrow but there's no one at home to help her.`, findings: [["person_name", `Mrs ${n}`]] }; },
  ],
  location: [
    (p) => { const { town, state } = p.town(); return { text: `The family is in a motel outside ${town}, ${state}. Any rapid rehousing programs out that way?`, findings: [["location", `${town}, ${state}`]] }; },
    (p) => { const n = p.last(); return { text: `My client has been sleeping at the ${n} Street shelter since the eviction.`, findings: [["location", `${n} Street shelter`]] }; },
    (p) => { const n = p.last(); return { text: `She grew up on the ${n} Reservation and wants a Native counselor. Any referrals?`, findings: [["location", `${n} Reservation`]] }; },
    (p) => { const { town } = p.town(); return { text: `My client won first prize at the ${town} Fall Festival pie contest 🥧 made my whole week`, findings: [["location", `${town} Fall Festival`]] }; },
  ],
  address: [
    (p) => { const n = p.int(1, 99), box = p.int(100, 999); return { text: `Mail for my client goes to HC ${n} Box ${box}; the county keeps returning it.`, findings: [["address", `HC ${n} Box ${box}`]] }; },
  ],
  record_number: [
    (p) => { const n = `E${p.digits(8)}`; return { text: `Enrollment ID ${n} for my client's Head Start slot got lost in the system again.`, findings: [["record_number", n]] }; },
    (p) => { const n = p.digits(10); return { text: `Client's benefit ID ${n} shows as terminated but she never got a notice.`, findings: [["record_number", n]] }; },
  ],
  device_or_ip: [
    (p) => { const n = `SN${p.digits(9)}`; return { text: `The tablet we loaned my client (serial # ${n}) came back broken — who pays?`, findings: [["device_or_ip", n]] }; },
    (p) => { const n = `fe80::${p.digits(2)}ab:${p.digits(3)}f`; return { text: `Her ex logs into her accounts from ${n}; can the advocate use that for the protective order?`, findings: [["device_or_ip", n]] }; },
  ],
  url_personal: [
    (p) => { const h = `${p.first().toLowerCase()}${p.digits(2)}`; return { text: `My client's whole life is on linktr.ee/${h} — she doesn't get why that's risky.`, findings: [["url_personal", `linktr.ee/${h}`]] }; },
    (p) => { const h = `@${p.first().toLowerCase()}-${p.digits(3)}`; return { text: `Client asked folks to venmo ${h} for the bus pass. Is fundraising like that against policy?`, findings: [["url_personal", h]] }; },
  ],
  email: [
    (p) => { const e = `${p.first().toLowerCase()}${p.digits(2)} [at] outlook [dot] com`; return { text: `Her email is ${e}, she wrote it like that so the app won't block it lol`, findings: [["email", e]] }; },
  ],
  age_over_89: [
    (p) => { const n = p.last(), age = p.int(90, 103); return { text: `Mr. ${n}, ${age}, is still doing his own taxes. Love this guy.`, findings: [["person_name", `Mr. ${n}`], ["age_over_89", String(age)]] }; },
    (p) => { const age = p.int(92, 99); return { text: `Client celebrates her ${age}th birthday Friday and her kids are not visiting. Ideas to make it special?`, findings: [["age_over_89", `${age}th`]] }; },
  ],
  date: [
    (p) => { const m = p.pick(["Jan", "Feb", "Aug", "Nov"]), d = p.int(2, 28); return { text: `Client's court date got moved to ${m} ${d}th and her lawyer didn't tell her.`, findings: [["date", `${m} ${d}th`]] }; },
  ],
  license_or_plate: [
    (p) => { const n = `${p.letters(1)}${p.digits(3)}-${p.digits(4)}-${p.digits(4)}`; return { text: `His driver's license number ${n} is flagged for unpaid fines; any relief programs?`, findings: [["license_or_plate", n]] }; },
  ],
};

export const NEGATIVES_C: Record<string, Template[]> = {
  public_figure: [
    () => ({ text: "Simone Biles talking about the twisties is such a good way into a mental health conversation with athletes." }),
    () => ({ text: "Taylor Swift tickets as a group incentive? My teens would riot (in a good way)." }),
  ],
  colleague_by_role: [
    (p) => ({ text: `${p.first()} from billing says the new codes start in January, FYI.` }),
    (p) => ({ text: `Huge thanks to ${p.first()} ${p.last()} for running the Narcan training today!` }),
    (p) => ({ text: `I'm covering for ${p.first()} this week, so send her cases to me.` }),
  ],
  citation: [
    (p) => ({ text: `Loved the ${p.last()} & ${p.last()} (2018) article on cultural humility — anyone have the PDF?` }),
  ],
  vignette: [
    (p) => ({ text: `Exam prep: ${p.first()} is a 45-year-old veteran with PTSD who misses appointments. What's the best intervention?` }),
    (p) => ({ text: `In the chapter the ${p.last()} family's story shows how poverty and trauma overlap. Great for discussion.` }),
  ],
  own_things: [
    (p) => ({ text: `Find me at ${p.int(10, 999)} Elm Street, Suite 200, Tuesdays and Thursdays for walk-in supervision.` }),
    () => ({ text: "I was born on 4/2 and my supervisor got me a cake, so that's nice." }),
  ],
  event_venue: [
    (p) => { const { town, state } = p.town(); return { text: `Harm reduction summit in ${town}, ${state} this spring — registration opens next week.` }; },
    () => ({ text: "Support group meets at First Baptist on Tuesdays at 6; childcare provided." }),
  ],
  resource_link: [
    (p) => ({ text: `Solid episode: https://open.spotify.com/episode/${p.letters(4)}${p.digits(6)} on vicarious trauma.` }),
    (p) => ({ text: `The CDC ACEs page https://www.cdc.gov/aces/${p.digits(4)}/index.html has the new numbers.` }),
  ],
  population: [
    () => ({ text: "Most of my caseload this year are elders in their nineties living alone." }),
    () => ({ text: "Any groups for dads 18-24 in the county?" }),
  ],
  org_contact: [
    () => ({ text: "The county's after-hours number is 555-0147 and they do answer, promise." }),
    () => ({ text: "Send ROIs to records@countyhealth.org and cc the front desk." }),
  ],
  general: [
    () => ({ text: "How long do you keep case notes after a client transfers out?" }),
    () => ({ text: "Feeling burnt out and guilty about it. Does that ever go away?" }),
    () => ({ text: "What do you say when a parent asks if you have kids?" }),
  ],
};
