import type { Template } from "./generator";

/**
 * Template set A, written 2026-11-30 before batch "a1" was generated and scored. Positive families
 * are kinds of finding; negative families are the policy's exception classes.
 */
export const POSITIVES_A: Record<string, Template[]> = {
  person_name: [
    (p) => { const n = p.first(); return { text: `My client ${n} wants to move back in with her mom. How do I assess whether that's safe?`, findings: [["person_name", n]] }; },
    (p) => { const n = p.first(); return { text: `${n} relapsed over the weekend and is asking to restart treatment. Anyone know a detox with open beds?`, findings: [["person_name", n]] }; },
    (p) => { const n = p.first().toLowerCase(); return { text: `ugh, ${n} no-showed again. third time this month. how do you handle that with teens?`, findings: [["person_name", n]] }; },
    (p) => { const n = `${p.first()} ${p.last()}`; return { text: `Need feedback on a court letter for ${n} — I'm not sure my tone is neutral enough.`, findings: [["person_name", n]] }; },
    (p) => { const n = p.first(); return { text: `Worried about ${n}. Her boyfriend keeps showing up at the program and she won't talk about it.`, findings: [["person_name", n]] }; },
    (p) => { const n = p.first(); return { text: `Small win: ${n}'s grandmother finally agreed to family therapy!`, findings: [["person_name", n]] }; },
    (p) => { const n = p.wordName(); return { text: `My client ${n} just got her GED and I'm so proud of her.`, findings: [["person_name", n]] }; },
    (p) => { const n = p.last(); return { text: `Mr. ${n} is refusing the home health aide again. How hard should I push?`, findings: [["person_name", `Mr. ${n}`]] }; },
    (p) => { const a = p.first(), b = p.first(); return { text: `Group tonight went well — ${a} and ${b} finally stopped talking over each other.`, findings: [["person_name", a], ["person_name", b]] }; },
    (p) => { const n = p.first(); return { text: `Supervision q: ${n} (15) disclosed that her stepdad hits her mom. I've filed, but what do I say to her next session?`, findings: [["person_name", n]] }; },
    (p) => { const n = p.first(); return { text: `Does anyone have a good sliding-scale dentist? ${n} has been in pain for weeks and his Medicaid dental ran out.`, findings: [["person_name", n]] }; },
    (p) => { const n = p.last(); return { text: `the ${n} family is being evicted friday, any emergency rental assistance still open?`, findings: [["person_name", n]] }; },
  ],
  location: [
    (p) => { const { town, state } = p.town(); return { text: `My client lives out in ${town}, ${state} and the nearest food pantry is 40 minutes away. Ideas?`, findings: [["location", `${town}, ${state}`]] }; },
    (p) => { const { town } = p.town(); return { text: `Her family just moved to ${town} and the new school won't enroll her without records. What can I do?`, findings: [["location", town]] }; },
    (p) => { const n = p.last(); return { text: `Client is staying at the ${n} Motel until the voucher comes through. Anyone know if they take pets?`, findings: [["location", `${n} Motel`]] }; },
    (p) => { const n = p.last(); return { text: `He's a 7th grader at ${n} Middle School and the bullying is getting physical.`, findings: [["location", `${n} Middle School`]] }; },
    (p) => { const n = p.last(); return { text: `My client's mom works the overnight at the ${n} County jail and can't make daytime meetings.`, findings: [["location", `${n} County`]] }; },
  ],
  address: [
    (p) => { const num = p.int(100, 9999), st = p.last(); return { text: `Can someone drop off the hygiene kit for my client at ${num} ${st} Rd? She has no car.`, findings: [["address", `${num} ${st} Rd`]] }; },
    (p) => { const rr = p.int(1, 9), box = p.int(10, 400); return { text: `Client's mailing address is RR ${rr} Box ${box}, so the benefits letters keep going astray.`, findings: [["address", `RR ${rr} Box ${box}`]] }; },
  ],
  record_number: [
    (p) => { const n = `${p.digits(3)}-${p.digits(3)}-${p.digits(3)}`; return { text: `Her Medicaid ID is ${n} but the pharmacy says it's inactive. Who do I call?`, findings: [["record_number", n]] }; },
    (p) => { const n = `${p.int(20, 25)}-JV-${p.digits(5)}`; return { text: `Anyone familiar with the judge on docket ${n}? My client's hearing got moved.`, findings: [["record_number", n]] }; },
    (p) => { const n = `A${p.digits(9)}`; return { text: `My client's A-number is ${n} — does the asylum office need it on the cover letter?`, findings: [["record_number", n]] }; },
  ],
  license_or_plate: [
    (p) => { const n = `${p.letters(3)}${p.digits(10)}`; return { text: `Client's green card # ${n} expired last month; does she still qualify for SNAP while it's renewed?`, findings: [["license_or_plate", n]] }; },
    (p) => { const n = `${p.letters(1)}${p.digits(7)}`; return { text: `His work permit number is ${n} and HR keeps saying it doesn't verify. Any tips?`, findings: [["license_or_plate", n]] }; },
  ],
  device_or_ip: [
    (p) => { const n = `${p.digits(5)}-${p.letters(1)}`; return { text: `My client's ankle monitor serial ${n} keeps losing signal at the shelter. Who do I report that to?`, findings: [["device_or_ip", n]] }; },
    (p) => { const n = `2001:db8:${p.digits(2)}a:${p.int(1, 9)}::${p.digits(2)}`; return { text: `The harassing messages to my client all come from ${n}, does the police need that?`, findings: [["device_or_ip", n]] }; },
  ],
  url_personal: [
    (p) => { const h = `${p.first().toLowerCase()}.${p.digits(2)}`; return { text: `My client sells her art at https://www.etsy.com/shop/${h} — ok to share with the group?`, findings: [["url_personal", `https://www.etsy.com/shop/${h}`]] }; },
    (p) => { const h = `$${p.first().toLowerCase()}${p.digits(2)}`; return { text: `Client asked if anyone could send a few dollars to her cash app ${h} for diapers. Is that ever ok?`, findings: [["url_personal", h]] }; },
  ],
  email: [
    (p) => { const e = `${p.first().toLowerCase()} dot ${p.int(80, 99)} at gmail dot com`; return { text: `My client gave me her email as ${e} — can I send the release there?`, findings: [["email", e]] }; },
  ],
  age_over_89: [
    (p) => { const n = p.last(); const age = p.int(90, 104); return { text: `Mrs. ${n} (${age}) wants to stay in her home but can't manage stairs anymore.`, findings: [["person_name", `Mrs. ${n}`], ["age_over_89", String(age)]] }; },
    (p) => { const age = p.int(91, 99); return { text: `My client turned ${age} last week and her son wants to move her to memory care.`, findings: [["age_over_89", String(age)]] }; },
  ],
  date: [
    (p) => { const m = p.pick(["March", "April", "June", "October"]), d = p.int(2, 28); return { text: `My client was released from county on ${m} ${d} and still has no ID.`, findings: [["date", `${m} ${d}`]] }; },
  ],
};

export const NEGATIVES_A: Record<string, Template[]> = {
  public_figure: [
    () => ({ text: "Brené Brown's talk on shame is still the best intro for new group members." }),
    () => ({ text: "Anyone read the new Bryan Stevenson piece? Just Mercy should be required for child welfare workers." }),
    () => ({ text: "Michelle Obama's podcast episode on anxiety is a nice share for parents." }),
  ],
  colleague_by_role: [
    (p) => ({ text: `My supervisor ${p.first()} says we can bill for collateral contacts — does that match your agency's policy?` }),
    (p) => ({ text: `Thanks to ${p.first()} from the county for the training on safety planning!` }),
    (p) => ({ text: `Shout out to our intern ${p.first()} who rebuilt the resource binder.` }),
  ],
  citation: [
    (p) => ({ text: `${p.last()} (2019) found that peer support cut readmissions in half. Has anyone tried it?` }),
    (p) => ({ text: `Re-reading ${p.last()} and ${p.last()}'s chapter on motivational interviewing for my team.` }),
  ],
  vignette: [
    (p) => ({ text: `Practice question for the ASWB: ${p.first()}, 34, reports low mood for two weeks. What is the FIRST thing the social worker should do?` }),
    (p) => ({ text: `Case study for class: the ${p.last()} family has three kids and a parent in recovery. What would you assess first?` }),
  ],
  own_things: [
    (p) => ({ text: `Our office moved to ${p.int(100, 999)} Main St, Suite 4 — update your referral forms please.` }),
    () => ({ text: "It's my birthday on March 12 and I'm taking the day off, so nights is covered by the on-call team." }),
    (p) => ({ text: `My license number is LCSW ${p.digits(6)} if anyone needs it for the supervision log.` }),
  ],
  event_venue: [
    (p) => { const { town, state } = p.town(); return { text: `Regional conference is in ${town}, ${state} on May 3 — who's going?` }; },
    () => ({ text: "The trauma-informed care webinar is Thursday 4/17 at noon ET, register on the NASW site." }),
  ],
  resource_link: [
    (p) => ({ text: `Great episode: https://podcasts.example.org/episodes/${p.digits(7)}/burnout-and-boundaries` }),
    (p) => ({ text: `The SAMHSA toolkit is here: https://store.samhsa.gov/product/${p.digits(5)} — very practical.` }),
  ],
  population: [
    () => ({ text: "Anyone have resources for clients over 90 who are still living alone?" }),
    () => ({ text: "Teens 13-17 in rural counties are the hardest for us to reach. What has worked for you?" }),
  ],
  org_contact: [
    () => ({ text: "The 988 Lifeline also takes texts, and the Trevor Project line is 1-866-488-7386." }),
    () => ({ text: "Our intake line is 503-555-0100, ext. 2 for Spanish." }),
  ],
  general: [
    () => ({ text: "How do you all handle documentation when a session runs long?" }),
    () => ({ text: "Burnout is real this week. How do you protect your evenings?" }),
    () => ({ text: "Does anyone have a Spanish-language version of the PHQ-9 that isn't a bad translation?" }),
  ],
};
