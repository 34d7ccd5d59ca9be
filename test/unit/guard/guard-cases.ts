/**
 * Cases written for the policy in ../shared/privacy (HIPAA Safe Harbor identifiers, applied to
 * clients only), with names, formats and phrasings that do not appear in the dev corpus.
 * [message, kind of finding, the text that must be found]
 */
export const IDENTIFYING: Record<string, [string, string][]> = {
  person_name: [
    ["My client Priyanka keeps cancelling on Mondays. Any engagement ideas?", "Priyanka"],
    ["client: Tomasz Wójcik — 17, just moved into kinship care. Thoughts on first-week check-ins?", "Tomasz Wójcik"],
    ["Ms. Adeyemi asked me to help with her SNAP recert. Which form is it now?", "Ms. Adeyemi"],
    ["Any tips for working with the Castellanos family? Dad is deployed and mom is struggling.", "Castellanos"],
    ["Feedback on my note: 'Marcus, 12, presented with flat affect and reported poor sleep.'", "Marcus"],
    ["jaylen skipped group again and his grandma says he's been staying out late", "jaylen"],
    ["Quick q — Imani's foster mom wants to take her out of state for Thanksgiving. Do I need court approval?", "Imani"],
    ["I'm referring Bogdan to the vocational program next week; any intake tips?", "Bogdan"],
    ["Teens in my Tuesday group: Aaliyah, Dmitri, Ngozi and Henrik. Icebreakers that work across cultures?", "Aaliyah"],
    ["Mr. Oyelaran's daughter called again about his meds. How do I set boundaries with family?", "Mr. Oyelaran"],
    ["i'm so proud of brianna, she finally told her mom about the abuse", "brianna"],
  ],
  date: [
    ["Client's DOB is 07/19/1958 but the insurer has 1958-09-07. How do I fix the mismatch?", "07/19/1958"],
    ["My client was discharged from the psych unit on Sept 3rd and has no follow-up yet.", "Sept 3rd"],
    ["Her son passed away on 12 March and the anniversary is coming up. Grief resources for her?", "12 March"],
    ["My client's eviction hearing is on 6/14 — anyone know a tenant lawyer who does pro bono?", "6/14"],
  ],
  age_over_89: [
    ["My 96 year old client wants to stop dialysis. How do I support her decision?", "96"],
    ["Client is a 102-year-old veteran who wants his story recorded. Any oral history programs?", "102"],
    ["He turned ninety-four last week and still walks to the senior center every day, my client says.", "ninety-four"],
  ],
  phone: [
    ["My client's number changed, it's 412-555-0187 now; can someone on nights update the sheet?", "412-555-0187"],
    ["Client's sister asked for a call back at (919) 555-0122 about the custody paperwork.", "(919) 555-0122"],
  ],
  email: [
    ["My client wants updates sent to marisol.quintero77@hotmail.com instead of by mail. OK to do that?", "marisol.quintero77@hotmail.com"],
  ],
  address: [
    ["Can someone drop a food box at 77 Birchwood Ave, Apt 3C for my client this week?", "77 Birchwood Ave, Apt 3C"],
    ["Client is staying with her aunt at 1540 N Kedzie Blvd until the shelter has space.", "1540 N Kedzie Blvd"],
    ["My client lives at 88 Chestnut, second floor. Landlord won't fix the heat.", "88 Chestnut"],
  ],
  location: [
    ["Client lives in Walden, a town of 900 people, so everyone knows her business. How do I protect her privacy?", "Walden"],
    ["My client sleeps at the bus shelter on 3rd and Pine most nights.", "3rd and Pine"],
    ["Anyone have contacts at Lincoln Elementary? My client's son is being bullied there.", "Lincoln Elementary"],
    ["My client moved to zip code 97217 and needs a new food pantry.", "97217"],
  ],
  ssn: [
    ["The benefits office rejected my client's form because the SSN 401-88-2290 didn't match.", "401-88-2290"],
  ],
  record_number: [
    ["Can anyone at County check case no. 24-DP-01882 for my client? The hearing got moved.", "24-DP-01882"],
    ["Client's Medicare number is 1EG4-TE5-MK72 and the pharmacy can't find it.", "1EG4-TE5-MK72"],
    ["My client's member ID is QHP88120045 — does Molina cover this?", "QHP88120045"],
    ["Her Medicaid ID ends in 4471 — is that enough for the pharmacy to look it up?", "4471"],
  ],
  license_or_plate: [
    ["Client's car, plate KZR 4412, was towed from the shelter lot. How does she get it back?", "KZR 4412"],
    ["My client's driver's license number D412-7781-0093 is suspended over fines. Where do we start?", "D412-7781-0093"],
  ],
  device_or_ip: [
    ["My client thinks her ex tracks her phone; the IMEI is 356938035643809. Can police check it?", "356938035643809"],
    ["Our portal flagged my client's login from 98.42.117.6 — should I tell her?", "98.42.117.6"],
  ],
  url_personal: [
    ["My client started a fundraiser for her rent at https://www.gofundme.com/f/help-rosalind-stay-housed — can I share it?", "gofundme.com/f/help-rosalind-stay-housed"],
    ["A teen client DM'd me on tiktok from @lil.mikey_2009 — how do I handle it?", "@lil.mikey_2009"],
    ["The teen I work with posts everything on snap, username is jayy.dreamz — should I be worried about her?", "jayy.dreamz"],
  ],
};

/** [message, the hard-negative family it belongs to] */
export const NOT_IDENTIFYING: [string, string][] = [
  ["Great chapter in Judith Herman's *Trauma and Recovery* on the stages of recovery.", "authors and citations"],
  ["See Shulman (2016) on tuning in; also Gitterman & Knight's work on group skills.", "authors and citations"],
  ["Fun fact: Frances Perkins was the first woman in a US cabinet and a social worker.", "public figures"],
  ["Thanks <@U07PQ2MNB> and @Dolores for the supervision notes — super helpful!", "colleagues and mentions"],
  ["My supervisor Renata says to document every collateral contact. Agree?", "colleagues and mentions"],
  ["Her caseworker at DCFS, Ms. Patterson, never calls me back. How do I escalate?", "colleagues and mentions"],
  ["Can someone cover for Jerome on Friday's intake shift?", "colleagues and mentions"],
  ["Catholic Charities and the Salvation Army both run winter coat drives.", "organizations"],
  ["Thanks to Maria and José for covering intake while I was out sick!", "colleagues and mentions"],
  ["For clients in crisis, the county mobile crisis team is (555) 234-5678, staffed 24/7.", "public hotlines and agency lines"],
  ["My client asked if she can bring her service dog, Lola, to group. Policy?", "pets"],
  ["The Veterans Crisis Line is 988 then press 1, or text 838255.", "public hotlines and agency lines"],
  ["Our clinic's front desk is (503) 555-0110 for referrals to the teen program.", "public hotlines and agency lines"],
  ["You can reach me at my work email j.alvarez@northsidecmhc.org or ext. 318.", "the author's own contact"],
  ["Useful NIMH page: https://www.nimh.nih.gov/health/topics/post-traumatic-stress-disorder-ptsd", "resource links"],
  ["My blog post on burnout: https://medium.com/@keishawrites/burnout-isnt-weakness-1a2b3c", "the author's own URL"],
  ["Ethics webinar is Thursday 10/9 at noon; register by 10/6.", "event and deadline dates"],
  ["Training on motivational interviewing, March 14, 2026, 9am-4pm at the Hilton, 400 Main St.", "event and deadline dates"],
  ["The new fee schedule takes effect in 2026.", "years alone"],
  ["Adolescents 12-17 are eligible for the summer program.", "generic populations"],
  ["What do you do when clients over 95 refuse hospice?", "generic populations"],
  ["My client is 89 and still lives alone. How do you assess safety?", "client ages up to 89"],
  ["Billing uses F32.1 with CPT 90791 for the intake; is that right?", "DSM/ICD/CPT codes"],
  ["Under 42 CFR Part 2, can I share SUD records with the court?", "statutes and regulations"],
  ["HB 1127 would raise the age of extended foster care to 23.", "statutes and regulations"],
  ["Please use form DCF-1460 for all new referrals.", "forms"],
  ["IT ticket RITM0098812 is still open for the printer.", "IT tickets"],
  ["Peer consult Zoom: meeting ID 845 2210 7781.", "meeting IDs"],
  ["Group is in room 214 this week.", "room numbers"],
  ["The copay went up to $45 and the deductible is $2,500.", "money"],
  ["Let's meet at 3:30 instead of 4.", "times"],
  ["My daughter Lucy has the flu so I'm working from home today.", "the author's own family"],
  ["Practice exam vignette: 'Mr. Alvarez, 45, presents with insomnia...' What's the best first step?", "fictional or placeholder clients"],
  ["Consult: Client X (details changed) is a teen in a rural county who wants to leave home.", "fictional or placeholder clients"],
  ["Anyone know whether Ohio requires a second signature on safety plans?", "states"],
  ["The Hennepin County Social Services office closes early on Fridays.", "organizations"],
];
