/**
 * The tone check's vocabulary, by role. Each is a regular-expression source matched on lowercased
 * text at word boundaries; the rules in detect-tone.ts combine them with whom they are aimed at.
 */

/** People a social worker serves, as members write about them. */
export const CLIENT_WORDS = String.raw`clients?|caseload|famil(?:y|ies)|parents?|moms?|mothers?|dads?|fathers?|bio moms?|teens?|kids?|youth|patients?|consumers?|residents?|regulars?|my \d{1,2}(?::\d\d)?\s?(?:am|pm)|victims?|survivors?|folks|these people|those people|he|she|they|him|her|them|his|guy|girl|woman|man|grandma|grandpa`;

/** Colleagues, supervisors, other professionals and agencies. */
export const COLLEAGUE_WORDS = String.raw`sup|supervisors?|boss|investigator|discharge planners?|planners?|staff|manager|director|clinical director|team lead|lead|coworkers?|co-workers?|colleagues?|intern|interns|worker|case ?manager|cm|sw|np|nurse|psychiatrist|therapist at|po liaison|liaison|po|staff at|everyone at|admin|hr|billing|@m+`;

/** The profession as a whole, or a branch or licence of it. */
export const PROFESSION_WORDS = String.raw`social work(?:ers?)?|our (?:whole )?field|this field|the field|our profession|this profession|the profession|msws?|lcsws?|bsws?|lmsws?|school social workers?|the people in this field|people in this field|therapy|most therapists|therapists in this field|case management|case managers|our whole profession`;

/** Systems, policy and institutions: anger at these is never a nudge. */
export const SYSTEM_WORDS = String.raw`county|state|legislature|legislators?|congress|policy|policies|bill|budget|funding|grant|system|bureaucracy|paperwork|insurance|insurers?|medicaid|medicare|ssi|snap|housing authority|hospital|hospitals|court|courts|dcfs|cps|probation|agency'?s? (?:software|system|policy|form)|software|form|forms|fax|printer|printers|copier|scanner|portals?|ehr|emr|website|wi-?fi|voicemail|login|password|caseload cap|caseloads|productivity|requirements?|redetermination|waitlist|contract|reviewer|ice`;

/** Labels that dehumanize or mock clients or client groups. */
export const CLIENT_LABELS = String.raw`junkies|junkie|crackheads?|crack ?heads?|tweakers?|methheads?|druggies|addicts don'?t want help|welfare queens?|freeloaders?|moochers?|leeches|parasites|scammers|scumbags?|lowlifes?|low-lifes?|trailer ?trash|trailer park (?:families|people|trash)|white trash|ghetto|hood rats?|thugs?|animals|savages|crazies|the crazy ones|psychos?|a little psycho|schizos?|the schizo \w+|nutjobs?|nut ?cases?|loons?|lunatics?|retards?|retarded|cutters|attention[- ]seekers?|attention-seeking|frequent flyers|drama queens?|pathological liars?|manipulative|entitled|lazy|deadbeats?|bums|degenerates?|breeders|pop(?:ping)? out kids|breed drama|walking cautionary tales?|can'?t fix stupid|too dumb|so dumb|dumb as|stupid|idiots?|morons?|nutcases?|nut jobs?|gomers?|vegetables|hillbill(?:y|ies)(?: clan)?|rednecks?|baby mamas?|baby daddies|professional victims|(?:family|families|client|clients|parents?|mom|dad) from hell|the bipolar ones|the borderlines?|the schizos|career (?:criminals|addicts)|losers?|slobs?|pigs|hoarder lady|crazy (?:lady|man|guy|ones)|cat lady`;

/** Put-downs of a person's competence or character. */
export const INSULTS = String.raw`idiots?|morons?|imbeciles?|dumb(?: as (?:a (?:box of )?rocks?|hell|a brick|dirt|a post))?|stupid|useless|incompetent|clueless|brainless|witch|bitch|nightmare|dinosaur|narcissistic|power-tripping|waste of (?:space|oxygen|air)|lazy(?: af)?|joke|clowns?|dumbass|halfwit|tool|hack|can'?t read (?:a|an) [\w -]+|couldn'?t organi[sz]e (?:a|an) [\w -]+|like a drunk toddler[\w -]*|couldn'?t find (?:their|his|her) own [\w -]+|airheads?|slobs?|spineless|suck-ups?|yes-m[ae]n|lightweights?|brain-?dead|laziest|dumbest|garbage|trash|hypocrites?|self-righteous|mediocre|bunch of (?:clowns|idiots|morons|hypocrites|amateurs|lazy \w+)|run by (?:a bunch of )?(?:clowns|idiots|morons|amateurs)|writes? like a [\w -]+grader|couldn'?t (?:parent|manage|run|lead|organi[sz]e|find) (?:a|an) [\w -]+|wouldn'?t refer my worst enemy|power-hungry|condescending|clowns?`;

/** What makes a statement about the profession contemptuous, rather than critical. */
export const PROFESSION_CONTEMPT = String.raw`(?:is|are) (?:a |an )?(?:joke|scam|fraud|fake|worthless|useless|pointless|a waste)|(?:fake|scam|worthless|useless|joke) (?:profession|degree|field|job)|most worthless|clown (?:car|show)|glorified (?:babysitters|secretaries|paper ?pushers)|hall monitors|failed (?:psychologists|therapists|counselors|nurses)|useless do-gooders|do-gooders|bleeding hearts|couldn'?t hack (?:it|nursing|a real [\w ]+)|deserves? to die(?: out)?|incompetence gets you promoted|nobody in it knows|prove it daily|burnt-out martyrs|real profession|cops in cardigans|fake job|(?:mostly|basically|just) a scam|mediocre(?: at best)?|self-righteous hypocrites|bunch of (?:hypocrites|frauds|amateurs|clowns)|don'?t actually do anything|paper ?pushers|embarr?assed to be one`;

/** Sarcasm and eye-rolls that sneer at the person just mentioned. */
export const SNEERS = String.raw`sure (?:buddy|jan|pal|thing|sweetie|honey|champ)|you'?ve met them|genius|aka waiting to die|truly a mystery|what a mystery|some people just need an audience|no offense but|never again|shoes optional|teeth optional|recovering from what|lol ok|lmao ok|yeah ok|yeah right|ok sure|shocker|you know the type|of course (?:she|he|they) did|as if|riiight|on (?:their|my|your) bingo card|gold from the waiting room|never a dull day|not a tissue dispenser|(?:they're|he's|she's) not lol|they love the drama|her usual dramatic self|his usual|(?:\(|\s)again\)|again\. 🙄|another one of those|one of those parents|the voices told me`;

/** Emoji and shortcodes that roll eyes or laugh at someone. */
export const CONTEMPT_EMOJI = String.raw`🙄|🤡|😂|🤣|🤦|💅|:roll_eyes:|:clown_face:|:clown:|:joy:|:rofl:|:face_palm:|:facepalm:|:eyes:`;

/**
 * Likening people to objects, animals or small children: "the IQ of a houseplant", "basically toddlers",
 * "basically furniture", "the manners of a goat". Applied to clients or colleagues by whom the sentence is about.
 */
export const LIKENINGS = String.raw`(?:the )?(?:iq|brains?|intelligence|maturity|manners|personality|work ethic|attention span|emotional range) of an? [\w -]{2,20}|(?:basically|just|literally|all) (?:toddlers|babies|children|animals|vegetables|furniture|zombies|houseplants|cattle|sheep|robots)(?: w(?:ith|/) an? [\w ]+)?|(?:smelled|smells|acts?|acted|behaves?|lives?) like (?:a |an )?(?:barn|pig|pigs|animals?|zoo|toddler|child)[\w ]*|one \w+ away from being a news story`;
