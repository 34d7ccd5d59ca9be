import { auMedicare, brPis, clRut, luhn, nhsNumber, ukNino } from "../../src/core/guard/id-checks";
import isTaxID from "validator/lib/isTaxID.js";
import type { Picks, Template } from "./generator";

/**
 * Template set F, written 2026-12-04 after the leave-one-hand-out first look and after reading its
 * errors on ../shared/privacy/train/: the KINDS of post it missed (neighbourhoods and sites named in
 * other languages, nicknames, family surnames, fundraisers, dates in words, Latin American numbers)
 * and the hard negatives beside them (the author's own details, colleagues with titles, public
 * figures with their ages, fictional cases with well-formed numbers, laws, hotlines, meetings).
 * Each post is worded anew with other people, places and numbers: none paraphrases a training post.
 * Every leave-one-hand-out figure trained with this set is a tuned figure, not a first look.
 * Training data for test/guard-eval/own/, not an evaluation.
 */
const tax = (locale: string) => (s: string) => { try { return isTaxID(s, locale); } catch { return false; } };
const d = (p: Picks, n: number) => p.digits(n);
const dni = (p: Picks) => p.valid(() => `${d(p, 8)}${p.letters(1)}`, tax("es-ES"));
const cpf = (p: Picks) => p.valid(() => `${d(p, 3)}.${d(p, 3)}.${d(p, 3)}-${d(p, 2)}`, tax("pt-BR"));
const cuil = (p: Picks) => p.valid(() => `${p.pick(["20", "27", "23"])}-${d(p, 8)}-${d(p, 1)}`, tax("es-AR"));
const nis = (p: Picks) => p.valid(() => `${d(p, 3)}.${d(p, 5)}.${d(p, 2)}-${d(p, 1)}`, brPis);
const rut = (p: Picks) => p.valid(() => `${p.int(5, 24)}.${d(p, 3)}.${d(p, 3)}-${p.pick(["1", "2", "3", "4", "5", "6", "7", "8", "9", "K", "0"])}`, clRut);
const nss = (p: Picks) => p.valid(() => `${d(p, 11)}`, luhn);
const nhs = (p: Picks) => p.valid(() => `${d(p, 3)} ${d(p, 3)} ${d(p, 4)}`, nhsNumber);
const nino = (p: Picks) => p.valid(() => `${p.letters(2)}${d(p, 6)}${"ABCD"[p.int(0, 3)]}`, ukNino);
const medicare = (p: Picks) => p.valid(() => `${p.int(2, 6)}${d(p, 3)} ${d(p, 5)} ${d(p, 1)}`, auMedicare);
const day = (p: Picks) => p.int(2, 28);

export const POSITIVES_F: Record<string, Template[]> = {
  person_name: [
    (p) => { const n = p.first(), s = p.last(); return { text: `Les cuento que ${n} ${s}, la vecina de ${p.worldTown("AR")} que atiendo, por fin consiguió turno en el hospital.`, findings: [["person_name", `${n} ${s}`]] }; },
    (p) => { const s = p.last(); return { text: `La familia ${s} vive en un cuarto prestado y la nena no va a la escuela desde marzo.`, findings: [["person_name", s]] }; },
    (p) => { const n = p.first(); return { text: `Al Flaco ${n} lo echaron otra vez del comedor comunitario; ¿alguien sabe de otro lugar que lo reciba?`, findings: [["person_name", `Flaco ${n}`]] }; },
    (p) => { const n = p.first(); return { text: `La petite ${n}, 6 ans, refuse de rentrer chez son père après le week-end. Je fais un signalement ?`, findings: [["person_name", n]] }; },
    (p) => { const s = p.last(); return { text: `Bonne nouvelle : les ${s} ont obtenu un logement social après deux ans d'attente !`, findings: [["person_name", s]] }; },
    (p) => { const n = p.first(); return { text: `O ${n} (15) não volta para a escola desde a Páscoa e a tia diz que ele dorme na rua.`, findings: [["person_name", n]] }; },
    (p) => { const n = p.first(); return { text: `Fizemos uma rifa para a Dona ${n} comprar a cadeira de rodas, quem puder ajudar me chama.`, findings: [["person_name", `Dona ${n}`]] }; },
    (p) => { const n = p.first(); return { text: `${n}, lat 15, znowu uciekła z placówki. Sąd rodzinny chce opinii do piątku.`, findings: [["person_name", n]] }; },
    (p) => { const n = p.first(); return { text: `Der kleine ${n} (6) kam heute wieder ohne Frühstück in die Kita. Wie spreche ich das bei der Mutter an?`, findings: [["person_name", n]] }; },
    (p) => { const n = p.first(); return { text: `Si ${n}, 14, ay hindi na pumapasok mula noong Agosto. Paano ko kakausapin ang tatay niya?`, findings: [["person_name", n]] }; },
    (p) => { const n = p.first(); return { text: `Em ${n} 13 tuổi lại bỏ học tuần này. Mọi người có kinh nghiệm làm việc với gia đình không?`, findings: [["person_name", n]] }; },
    () => ({ text: "الطفلة سلمى لم تحضر إلى المدرسة منذ أسبوعين، والأم لا ترد على الهاتف.", findings: [["person_name", "سلمى"]] }),
    (p) => { const n = p.pick(["Duke", "Chief", "Doc", "Biscuit", "Sunny", "Boss", "Cookie", "Ace"]); return { text: `Our residents' favourite, known to everyone on the floor as ${n}, finally got his hearing aids today!`, findings: [["person_name", n]] }; },
    (p) => { const n = low(p.first()); return { text: `so proud of ${n}, she stood up in court today and read her own statement`, findings: [["person_name", n]] }; },
    (p) => { const n = p.first(); return { text: `Nana ${n}, as the day program calls her, keeps wandering to the bus stop at 4pm. Ideas?`, findings: [["person_name", `Nana ${n}`]] }; },
    (p) => { const n = p.first(); const s = p.last(); return { text: `Update on ${n} ${s.slice(0, 1)}. — court granted the kinship order today!! 8 months of work.`, findings: [["person_name", `${n} ${s.slice(0, 1)}.`]] }; },
    (p) => { const s = p.last(); return { text: `The ${s}-${p.last()} twins' adoption hearing got pushed again, third time this year.`, findings: [["person_name", s]] }; },
  ],
  location: [
    (p) => { const t = p.last(); return { text: `Hago acompañamiento a una joven del barrio ${t} que quiere dejar la escuela.`, findings: [["location", t]] }; },
    (p) => { const t = p.worldTown("MX"); return { text: `Su esposo trabaja en el aserradero de ${t} y llega borracho cada viernes.`, findings: [["location", t]] }; },
    (p) => { const t = p.last(); return { text: `La señora duerme en el refugio ${t} desde que la sacaron de su casa.`, findings: [["location", `refugio ${t}`]] }; },
    (p) => { const t = p.worldTown("FR"); return { text: `Ma cliente est hébergée au foyer de ${t} depuis juin, elle veut rentrer chez elle.`, findings: [["location", t]] }; },
    (p) => { const t = p.last(); return { text: `A família vive na Comunidade ${t}, perto do córrego, e a casa alagou de novo.`, findings: [["location", `Comunidade ${t}`]] }; },
    (p) => { const t = p.worldTown("BR"); return { text: `O senhor mora em ${t}, sozinho, e a filha só aparece no dia do pagamento.`, findings: [["location", t]] }; },
    (p) => { const t = p.worldTown("PL"); return { text: `Rodzina mieszka w ${t}, w jednym pokoju, bez ogrzewania. Gdzie szukać pomocy?`, findings: [["location", t]] }; },
    (p) => { const t = p.worldTown("PH"); return { text: `Nasa Barangay ${t} si Lola at wala siyang kasama sa bahay.`, findings: [["location", `Barangay ${t}`]] }; },
    (p) => { const t = p.last(); return { text: `My Year 11 lad just got a place at ${t} Academy's sixth form!!`, findings: [["location", `${t} Academy`]] }; },
    (p) => { const t = p.worldTown("IE"); return { text: `The family's caravan is parked outside ${t} and the school won't enrol the kids.`, findings: [["location", t]] }; },
    (p) => { const t = p.worldTown("AU"); return { text: `Client finally signed a lease in ${t}, close to her mum's place.`, findings: [["location", t]] }; },
    (p) => { const t = p.worldTown("ZA"); return { text: `The grandmother in ${t} is caring for four grandchildren on one grant.`, findings: [["location", t]] }; },
    (p) => { const t = p.worldTown("GB"); return { text: `He's on the ${p.last()} estate in ${t}, the only lad there with a wheelchair, and the lift's broken again.`, findings: [["location", t]] }; },
  ],
  address: [
    (p) => { const n = p.int(2, 90); const s = p.last(); return { text: `Voy a llevarle la despensa a la señora, vive en Cerrada ${s} ${n}, ¿alguien conoce la zona?`, findings: [["address", `Cerrada ${s} ${n}`]] }; },
    (p) => { const a = `manzana ${p.int(1, 40)}, lote ${p.int(1, 30)}`; return { text: `Quedaron en un cuarto en la ${a}, sin luz ni agua.`, findings: [["address", a]] }; },
    (p) => { const n = p.int(2, 90); const s = p.last(); return { text: `La famille a été relogée au ${n} avenue ${s}, 3e étage sans ascenseur.`, findings: [["address", `${n} avenue ${s}`]] }; },
    (p) => { const n = p.int(2, 90); const s = p.last(); return { text: `Client's staying at her cousin's, ${n} ${s} Grove, until the refuge has space.`, findings: [["address", `${n} ${s} Grove`]] }; },
    (p) => { const e = `${p.letters(1)}${p.int(10, 99)} ${p.letters(1)}${p.int(1, 9)}${p.letters(1)}${p.int(1, 9)}`; return { text: `Her Eircode is ${e}, can the PHN call out this week?`, findings: [["address", e]] }; },
  ],
  date: [
    (p) => { const x = day(p); return { text: `A mi usuaria le dan el alta el jueves ${x} y no tiene a dónde ir.`, findings: [["date", `jueves ${x}`]] }; },
    (p) => { const x = day(p); return { text: `La chava cumple 18 el ${x} de agosto y se queda sin la beca.`, findings: [["date", `${x} de agosto`]] }; },
    (p) => { const x = day(p); return { text: `A utente foi internada a ${x} de abril e ainda ninguém da família apareceu.`, findings: [["date", `${x} de abril`]] }; },
    (p) => { const x = day(p); return { text: `Sa ${x} ng Mayo ang kaarawan ni Lola, gusto ng pamilya na makauwi siya bago noon.`, findings: [["date", `${x} ng Mayo`]] }; },
    (p) => { const x = day(p); return { text: `The child protection conference for the family is on the ${x}th of May and mum wants an advocate.`, findings: [["date", `${x}th of May`]] }; },
    () => ({ text: "Her son was killed on New Year's Eve and she wants to move before the anniversary.", findings: [["date", "New Year's Eve"]] }),
    (p) => { const r = `${p.int(1, 12)}/${day(p)}`; return { text: `The kids came into care on ${r} and mum's first supervised visit still hasn't happened.`, findings: [["date", r]] }; },
    (p) => { const r = `${p.int(1, 12)}/${day(p)}`; const what = p.pick(["custody hearing", "court date", "discharge", "IEP meeting", "sentencing", "detox intake"]); return { text: `My client's ${what} is ${p.pick(["on ", ""])}${r} and she has no ride. Any volunteer drivers?`, findings: [["date", r]] }; },
  ],
  age_over_89: [
    (p) => { const a = p.int(90, 104); return { text: `Acompaño a un señor de ${a} años que vive solo y no quiere ir a una residencia.`, findings: [["age_over_89", `${a} años`]] }; },
    (p) => { const a = p.int(90, 104); return { text: `Mon patient de ${a} ans veut rentrer chez lui malgré les chutes. Comment respecter son choix ?`, findings: [["age_over_89", `${a} ans`]] }; },
    (p) => { const a = p.int(90, 104); return { text: `Pan Józef skończył ${a} lat i nadal sam pali w piecu. Jak z nim rozmawiać o opiece?`, findings: [["age_over_89", `${a}`]] }; },
    (p) => { const a = p.int(90, 104); return { text: `Meine ${a}-jährige Klientin will nicht ins Heim. Wie argumentiert ihr mit der Betreuerin?`, findings: [["age_over_89", `${a}-jährige`]] }; },
    (p) => { const y = p.int(1920, 1934); return { text: `My client was born in ${y} and still does her own shopping; the family wants her in care.`, findings: [["age_over_89", `born in ${y}`]] }; },
    (p) => { const a = p.int(90, 104); return { text: `Best interests meeting tomorrow for a ${a} yo lady who wants to stay at home.`, findings: [["age_over_89", `${a} yo`]] }; },
  ],
  ssn: [
    (p) => { const n = cuil(p); return { text: `Necesito ayuda: el CUIL de mi usuario (${n}) figura con otro nombre en ANSES.`, findings: [["ssn", n]] }; },
    (p) => { const n = nss(p); return { text: `El NSS de la señora es ${n} pero en la clínica no la encuentran.`, findings: [["ssn", n]] }; },
    (p) => { const n = nis(p); return { text: `O NIS do rapaz (${n}) não aparece no CadÚnico, como resolvo?`, findings: [["ssn", n]] }; },
    (p) => { const n = rut(p); return { text: `El RUT de mi usuaria es ${n} y no le aparece el bono en la página.`, findings: [["ssn", n]] }; },
    (p) => { const n = nino(p); return { text: `his NI no. ${n} is on someone else's UC claim apparently. who do I ring at DWP?`, findings: [["ssn", n]] }; },
  ],
  record_number: [
    (p) => { const n = nhs(p); return { text: `Discharge summary has the wrong NHS no. (${n}), GP surgery can't find her.`, findings: [["record_number", n]] }; },
    (p) => { const n = medicare(p); return { text: `Her Medicare card ${n} got cancelled when she moved states. Centrelink says wait 6 weeks.`, findings: [["record_number", n]] }; },
    (p) => { const n = `${p.int(2020, 2025)}-${d(p, 5)}-${p.letters(1)}`; return { text: `Children's Aid file ${n} was transferred and nobody told the foster parents.`, findings: [["record_number", n]] }; },
    (p) => { const n = `${d(p, 4)} ${d(p, 4)} ${d(p, 4)}`; return { text: `Son numéro CMU est ${n} mais la pharmacie dit qu'il n'est pas actif.`, findings: [["record_number", n]] }; },
    (p) => { const n = `${d(p, 7)}`; return { text: `Oranga Tamariki ref ${n} for the whānau — still no FGC date.`, findings: [["record_number", n]] }; },
  ],
  url_personal: [
    (p) => { const h = `${low(p.first())}.${low(p.last())}_${d(p, 2)}`; return { text: `O adolescente posta tudo no TikTok (@${h}), inclusive onde está dormindo.`, findings: [["url_personal", `@${h}`]] }; },
    (p) => { const slug = `ayuda-para-${low(p.first())}-${low(p.last())}`; return { text: `La familia no puede pagar el alquiler y abrió una colecta: gofundme.com/f/${slug}`, findings: [["url_personal", `gofundme.com/f/${slug}`]] }; },
  ],
  combination: [
    (p) => ({ text: `Es la única mujer que maneja taxi en ${p.worldTown("MX")}, todos la conocen.`, findings: [["combination", "la única mujer que maneja taxi"]] }),
    () => ({ text: "Mon client est le seul médecin du village et tout le monde saura s'il va en cure.", findings: [["combination", "le seul médecin du village"]] }),
    () => ({ text: "Ela é a única professora da aldeia e todo mundo sabe da situação dela com o marido.", findings: [["combination", "a única professora da aldeia"]] }),
    () => ({ text: "The woman from the viral supermarket video last month has just been referred to us.", findings: [["combination", "The woman from the viral supermarket video"]] }),
    () => ({ text: "She's the only resident on the unit with a parrot, so any story about her gives her away.", findings: [["combination", "the only resident on the unit with a parrot"]] }),
  ],
};

export const NEGATIVES_F: Record<string, Template[]> = {
  own: [
    (p) => ({ text: `Hoy cumplo 41, nací el ${day(p)} de octubre, y ya me duele todo jaja.` }),
    () => ({ text: "Mi propio NSS lo tramité en línea en 10 minutos, les paso el link." }),
    (p) => ({ text: `My abuela is ${p.int(90, 99)} and still makes tamales for the whole block every December 🥹` }),
    (p) => ({ text: `Not a client, my own nan is ${p.int(90, 98)} and has just gone into a care home — how do families cope with the guilt?` }),
    (p) => ({ text: `It's my birthday today (${p.int(1, 12)}/${day(p)}), first one as a supervisor, cake in the break room!` }),
    (p) => ({ text: `Me llamaron 'Sra. ${p.last()}' en la junta y todavía no me acostumbro a mi apellido de casada jaja.` }),
    (p) => ({ text: `Mon grand-père a ${p.int(90, 99)} ans et vit encore seul, alors ce fil me parle beaucoup.` }),
  ],
  colleague: [
    (p) => ({ text: `His ${p.pick(["probation officer", "therapist", "caseworker at the county", "teacher", "psychiatrist"])}, ${p.pick(["Mr.", "Ms.", "Mrs.", "Dr."])} ${p.last()}, hasn't returned a single call this month. How do I escalate?` }),
    (p) => ({ text: `The ${p.pick(["judge", "GAL", "school principal", "landlord's attorney"])}, ${p.pick(["Ms.", "Mr."])} ${p.last()}, wants the report by Friday.` }),
    (p) => ({ text: `Palestra sobre violência doméstica com a Dra. ${p.first()} ${p.last()} na sexta, às 14h, no auditório.` }),
    (p) => ({ text: `Salamat kay Ate ${p.first()} from the parish office for translating the forms!` }),
    (p) => ({ text: `My supervisor ${p.first()} ${p.last()} thinks I should stop texting clients after 6pm. Thoughts?` }),
    (p) => ({ text: `Reminder: ${p.first()} ${p.last()} is covering the duty desk while I'm on leave.` }),
    (p) => ({ text: `For the housing list, ask my colleague ${p.first()} at ${low(p.first())}.${low(p.last())}@agency-example.org.` }),
    (p) => ({ text: `Felicitaciones a la Lic. ${p.last()} por su nuevo cargo de coordinadora del centro. ¡Se lo merece!` }),
    (p) => ({ text: `@${p.first()} ${p.last()} sí, el formulario nuevo está en la carpeta compartida.` }),
  ],
  public_figure: [
    () => ({ text: "Me emocionó ver a Chavela Vargas cantar a sus 90 años en ese documental." }),
    () => ({ text: "Norman Lear was writing TV past 100, I bring him up with retirees who feel useless." }),
    () => ({ text: "Reading bell hooks on the train again, 'All About Love' should be on every MSW syllabus." }),
    () => ({ text: "Recomiendo el libro de Natalio Kisnerman sobre trabajo social comunitario." }),
    () => ({ text: "Queen Elizabeth worked into her 90s, we used her as a discussion example in the retirement group." }),
  ],
  fiction: [
    (p) => ({ text: `Ejercicio para el curso: inventen un informe sobre 'Don ${p.first()} ${p.last()}, 91 años, DNI ${dni(p)}'. Es un caso de estudio, nada real.` }),
    (p) => ({ text: `Exercício de sala: escrevam o parecer do caso fictício da Dona ${p.first()} ${p.last()}, 95 anos, CPF ${cpf(p)}.` }),
    (p) => ({ text: `Licensing exam prep: 'Mrs. ${p.last()}, 92, lives alone and refuses help' — what's the first step?` }),
    (p) => ({ text: `Training reminder: write 'Client C' in your notes, never '${p.first()} from the corner shop' 🙃` }),
    (p) => ({ text: `For the role-play tomorrow, ${p.first()} ${p.last()} is a 9-year-old placed on ${p.int(1, 12)}/${day(p)}; someone play the foster mum.` }),
  ],
  org: [
    (p) => ({ text: `Invoices should show our charity number ${d(p, 7)}, not the service user's.` }),
    (p) => ({ text: `Our agency's EIN is ${d(p, 2)}-${d(p, 7)} if anyone needs it for the grant form.` }),
    (p) => ({ text: `Teams meeting for the case conference: meeting ID ${d(p, 3)} ${d(p, 3)} ${d(p, 3)}, passcode in the calendar invite.` }),
    (p) => ({ text: `The food bank is now at ${p.int(10, 999)} ${p.last()} Road, Unit 4, open Saturdays.` }),
    () => ({ text: "Línea 102 para denunciar vulneración de derechos de niñas y niños, gratuita las 24 horas." }),
    () => ({ text: "Le 119 (Allô Enfance en Danger) est joignable 24h/24, pensez à l'afficher dans vos bureaux." }),
    () => ({ text: "Alguém tem um resumo da Lei Maria da Penha (11.340/2006) para usar com usuárias?" }),
    () => ({ text: "Ley 26.061 de protección integral: ¿alguien tiene un resumen para familias?" }),
  ],
  event: [
    (p) => ({ text: `Reading group meets Thursday ${p.int(1, 12)}/${day(p)} at 6pm, chapter 4, snacks provided.` }),
    (p) => ({ text: `La jornada sobre infancias trans es el ${day(p)} de octubre en Rosario, entrada libre.` }),
    () => ({ text: "Ofsted rated a children's home in our area 'requires improvement' again, none of our kids are placed there." }),
  ],
  population: [
    () => ({ text: "Nuestros usuarios mayores de 90 años esperan meses para la ayuda a domicilio. ¿Cómo lo denuncian ustedes?" }),
    () => ({ text: "Patients over 95 on our ward rarely have living siblings, but the form still asks." }),
    () => ({ text: "Beaucoup de personnes âgées de plus de 90 ans vivent seules dans nos villages." }),
  ],
};

const low = (s: string) => s.toLowerCase();
