import { auMedicare, auTfn, curp, frNir, inPan, luhn, nhsNumber, nzNhi, sgNric, ukNino, zaId } from "../../src/core/guard/id-checks";
import isTaxID from "validator/lib/isTaxID.js";
import isIdentityCard from "validator/lib/isIdentityCard.js";
import type { Picks, Template } from "./generator";

/**
 * Template set E, written 2026-12-04 from the policy in ../shared/privacy/README.md before any file of
 * ../shared/privacy/train/ was read: posts in Spanish, French, Portuguese, Polish, German, Tagalog,
 * Vietnamese and Arabic, and English from the UK, Ireland, Canada, Australia, New Zealand, India and
 * South Africa with their identifiers (valid check digits). Training data for the learned layer
 * (test/guard-eval/own/), not an evaluation: the honest figures are the leave-one-hand-out ones.
 */
const tax = (locale: string) => (s: string) => { try { return isTaxID(s, locale); } catch { return false; } };
const aadhaar = (s: string) => { try { return isIdentityCard(s, "IN"); } catch { return false; } };
const d = (p: Picks, n: number) => p.digits(n);
const ids = {
  nhs: (p: Picks) => p.valid(() => `${d(p, 3)} ${d(p, 3)} ${d(p, 4)}`, nhsNumber),
  nino: (p: Picks) => p.valid(() => `${p.letters(2)} ${d(p, 2)} ${d(p, 2)} ${d(p, 2)} ${"ABCD"[p.int(0, 3)]}`, ukNino),
  sin: (p: Picks) => p.valid(() => `${d(p, 3)} ${d(p, 3)} ${d(p, 3)}`, tax("en-CA")),
  ohip: (p: Picks) => `${p.valid(() => `${d(p, 4)}-${d(p, 3)}-${d(p, 3)}`, luhn)}-${p.letters(2)}`,
  medicareAu: (p: Picks) => p.valid(() => `${p.int(2, 6)}${d(p, 3)} ${d(p, 5)} ${d(p, 1)}`, auMedicare),
  tfn: (p: Picks) => p.valid(() => `${d(p, 3)} ${d(p, 3)} ${d(p, 3)}`, auTfn),
  nhi: (p: Picks) => p.valid(() => `${p.letters(3)}${d(p, 4)}`, nzNhi),
  aadhaar: (p: Picks) => p.valid(() => `${p.int(2, 9)}${d(p, 3)} ${d(p, 4)} ${d(p, 4)}`, aadhaar),
  pan: (p: Picks) => p.valid(() => `${p.letters(3)}P${p.letters(1)}${d(p, 4)}${p.letters(1)}`, inPan),
  za: (p: Picks) => p.valid(() => `${p.int(40, 99)}${String(p.int(1, 12)).padStart(2, "0")}${String(p.int(1, 28)).padStart(2, "0")}${d(p, 4)}0${d(p, 2)}`, zaId),
  sg: (p: Picks) => p.valid(() => `S${d(p, 7)}${p.letters(1)}`, sgNric),
  ppsn: (p: Picks) => p.valid(() => `${d(p, 7)}${p.letters(1)}`, tax("en-IE")),
  curp: (p: Picks) => p.valid(() => `${p.letters(1)}A${p.letters(2)}${p.int(40, 99)}${String(p.int(1, 12)).padStart(2, "0")}${String(p.int(10, 28))}${p.pick(["H", "M"])}${p.pick(["DF", "JC", "NL", "OC", "GT"])}${p.pick(["RRN", "LRS", "MNT", "GRC"])}0${d(p, 1)}`, curp),
  dni: (p: Picks) => p.valid(() => `${d(p, 8)}${p.letters(1)}`, tax("es-ES")),
  nir: (p: Picks) => p.valid(() => `${p.int(1, 2)} ${p.int(40, 99)} ${String(p.int(1, 12)).padStart(2, "0")} ${p.int(10, 95)} ${d(p, 3)} ${d(p, 3)} ${d(p, 2)}`, frNir),
  cpf: (p: Picks) => p.valid(() => `${d(p, 3)}.${d(p, 3)}.${d(p, 3)}-${d(p, 2)}`, tax("pt-BR")),
  pesel: (p: Picks) => p.valid(() => `${p.int(40, 99)}${String(p.int(1, 12)).padStart(2, "0")}${String(p.int(10, 28))}${d(p, 5)}`, tax("pl-PL")),
};
const low = (s: string) => s.toLowerCase();

export const POSITIVES_E: Record<string, Template[]> = {
  person_name: [
    (p) => { const n = p.first(); return { text: `Mi cliente ${n} no vino a la cita otra vez. ¿Cómo lo abordo sin que se sienta juzgado?`, findings: [["person_name", n]] }; },
    (p) => { const n = p.last(); return { text: `Doña ${n} me pidió ayuda con el trámite de la pensión y no sé por dónde empezar.`, findings: [["person_name", `Doña ${n}`]] }; },
    (p) => { const n = low(p.first()); return { text: `mi clienta ${n} dice que su pareja le quitó los papeles. ¿a quién llamo?`, findings: [["person_name", n]] }; },
    (p) => { const n = p.last(); return { text: `Mme ${n} refuse toujours l'aide à domicile, sa fille est épuisée. Des idées ?`, findings: [["person_name", `Mme ${n}`]] }; },
    (p) => { const n = p.first(); return { text: `Ma cliente ${n} a encore manqué le groupe cette semaine, je m'inquiète pour elle.`, findings: [["person_name", n]] }; },
    (p) => { const n = p.first(); return { text: `Meu cliente ${n} foi despejado ontem e está dormindo no carro. Alguém conhece abrigo em vaga?`, findings: [["person_name", n]] }; },
    (p) => { const n = p.first(); return { text: `Dona ${n} não quer sair de casa nem para as consultas. Como vocês lidam com isso?`, findings: [["person_name", `Dona ${n}`]] }; },
    (p) => { const n = p.first(); return { text: `Moja klientka ${n} znowu nie przyszła na spotkanie. Jak z nią rozmawiać?`, findings: [["person_name", n]] }; },
    (p) => { const n = p.last(); return { text: `Pani ${n} mieszka sama i nie chce opieki. Co robicie w takich sytuacjach?`, findings: [["person_name", `Pani ${n}`]] }; },
    (p) => { const n = p.last(); return { text: `Frau ${n} hat schon wieder ihren Termin verpasst. Wie geht ihr damit um?`, findings: [["person_name", `Frau ${n}`]] }; },
    (p) => { const n = p.first(); return { text: `Meine Klientin ${n} will nicht ins Frauenhaus. Hat jemand Erfahrung mit so einer Lage?`, findings: [["person_name", n]] }; },
    (p) => { const n = p.first(); return { text: `Si Lola ${n} ay ayaw uminom ng gamot niya. Paano ko siya kakausapin?`, findings: [["person_name", `Lola ${n}`]] }; },
    (p) => { const n = p.first(); return { text: `Ang kliyente kong si ${n} ay hindi na pumasok sa school ng dalawang linggo.`, findings: [["person_name", n]] }; },
    (p) => { const n = p.first(); return { text: `Bà ${n} không chịu đi khám bác sĩ. Mọi người có kinh nghiệm gì không?`, findings: [["person_name", `Bà ${n}`]] }; },
    () => ({ text: "عميلتي فاطمة لا تريد العودة إلى البيت. كيف أساعدها؟", findings: [["person_name", "فاطمة"]] }),
    () => ({ text: "السيدة مريم رفضت الخدمة مرة أخرى، أي نصيحة؟", findings: [["person_name", "مريم"]] }),
    (p) => { const n = p.first(), s = p.last(); return { text: `Mrs ${s} from the estate keeps ringing the duty line about her grandson ${n}. Safeguarding advice?`, findings: [["person_name", `Mrs ${s}`], ["person_name", n]] }; },
    (p) => { const n = p.first(), s = p.last(); return { text: `${n} ${s.slice(0, 1)}. turned up at the drop-in again, no fixed abode since the flat fell through.`, findings: [["person_name", `${n} ${s.slice(0, 1)}.`]] }; },
    (p) => { const n = low(p.first()); return { text: `${n} no-showed again and her nan says she's been out till 3am. how would you raise it?`, findings: [["person_name", n]] }; },
    (p) => { const n = p.first(); return { text: `Auntie ${n} at the marae asked me to help with her whānau's housing application.`, findings: [["person_name", `Auntie ${n}`]] }; },
  ],
  location: [
    (p) => { const t = p.worldTown("ES"); return { text: `Mi clienta vive en ${t} y no hay transporte para ir al juzgado. ¿Alguna idea?`, findings: [["location", t]] }; },
    (p) => { const t = p.worldTown("MX"); return { text: `La familia de mi cliente se mudó a ${t} y perdimos contacto.`, findings: [["location", t]] }; },
    (p) => { const t = p.worldTown("PT"); return { text: `A minha utente mora em ${t}, sozinha, e já caiu duas vezes este mês.`, findings: [["location", t]] }; },
    (p) => { const t = p.worldTown("PL"); return { text: `Podopieczna mieszka w ${t} i nie ma jak dojechać do lekarza.`, findings: [["location", t]] }; },
    (p) => { const t = p.worldTown("PH"); return { text: `Taga ${t} ang kliyente ko at wala siyang pamasahe papunta dito.`, findings: [["location", t]] }; },
    (p) => { const t = p.worldTown("GB"); return { text: `Service user moved to ${t} after the eviction, nearest food bank is 12 miles off.`, findings: [["location", t]] }; },
    (p) => { const t = p.worldTown("ZA"); return { text: `My client is back in ${t} with her gogo and the clinic there has no ARVs in stock.`, findings: [["location", t]] }; },
    (p) => { const t = p.worldTown("IN"); return { text: `The patient's family is from ${t} and wants to take her home against advice.`, findings: [["location", t]] }; },
  ],
  address: [
    (p) => { const s = p.last(); const n = p.int(2, 200); return { text: `Mi cliente vive en Calle ${s} ${n}, 3º B, y el casero no arregla la calefacción.`, findings: [["address", `Calle ${s} ${n}, 3º B`]] }; },
    (p) => { const s = p.last(); const n = p.int(2, 120); return { text: `Ma cliente habite au ${n} rue ${s}, pouvez-vous passer lui déposer un colis ?`, findings: [["address", `${n} rue ${s}`]] }; },
    (p) => { const s = p.last(); const n = p.int(2, 900); return { text: `A utente mora na Rua ${s}, ${n}, e precisa de visita domiciliária.`, findings: [["address", `Rua ${s}, ${n}`]] }; },
    (p) => { const s = p.last(); const n = p.int(2, 90); return { text: `Klientka mieszka przy ul. ${s} ${n}/4 i boi się wracać do domu.`, findings: [["address", `ul. ${s} ${n}/4`]] }; },
    (p) => { const s = p.last(); const n = p.int(2, 90); return { text: `Mein Klient wohnt in der ${s}straße ${n}, könnte jemand dort vorbeischauen?`, findings: [["address", `${s}straße ${n}`]] }; },
    (p) => { const n = p.int(2, 60); const s = p.last(); return { text: `Client's new flat is ${n} ${s} Close, can the outreach team drop a food parcel?`, findings: [["address", `${n} ${s} Close`]] }; },
  ],
  date: [
    (p) => { const day = p.int(2, 28); return { text: `Mi cliente nació el ${day} de mayo de 1961 pero el registro dice otra fecha. ¿Cómo se corrige?`, findings: [["date", `${day} de mayo de 1961`]] }; },
    (p) => { const day = p.int(2, 28); return { text: `La audiencia de custodia de mi clienta es el ${day} de marzo y no tiene abogado.`, findings: [["date", `${day} de marzo`]] }; },
    (p) => { const day = p.int(2, 28); return { text: `Ma cliente est née le ${day} février 1958, la caisse a une autre date.`, findings: [["date", `${day} février 1958`]] }; },
    (p) => { const day = p.int(2, 28); return { text: `O meu utente teve alta no dia ${day} de junho sem qualquer plano de seguimento.`, findings: [["date", `${day} de junho`]] }; },
    (p) => { const day = p.int(2, 28); return { text: `Klientka urodziła się ${day} maja 1949, a w systemie jest inna data.`, findings: [["date", `${day} maja 1949`]] }; },
    (p) => { const day = p.int(2, 28); return { text: `Meine Klientin wurde am ${day}. März entlassen und hat keinen Pflegedienst.`, findings: [["date", `${day}. März`]] }; },
    (p) => { const dob = `${p.int(13, 28)}/0${p.int(1, 9)}/19${p.int(40, 99)}`; return { text: `Client's DOB is ${dob} on the GP letter but the council has another.`, findings: [["date", dob]] }; },
  ],
  age_over_89: [
    (p) => { const a = p.int(90, 104); return { text: `Mi cliente cumple ${a} años el mes que viene y quiere seguir viviendo sola.`, findings: [["age_over_89", `${a} años`]] }; },
    (p) => { const a = p.int(90, 104); return { text: `Ma patiente a ${a} ans et refuse l'EHPAD, la famille insiste.`, findings: [["age_over_89", `${a} ans`]] }; },
    (p) => { const a = p.int(90, 104); return { text: `A minha utente tem ${a} anos e vive com um neto que a explora.`, findings: [["age_over_89", `${a} anos`]] }; },
    (p) => { const a = p.int(90, 104); return { text: `Moja podopieczna ma ${a} lat i mieszka sama na czwartym piętrze.`, findings: [["age_over_89", `${a} lat`]] }; },
    (p) => { const a = p.int(90, 104); return { text: `Mein Klient ist ${a} Jahre alt und will nicht ins Heim.`, findings: [["age_over_89", `${a} Jahre`]] }; },
    (p) => { const a = p.int(90, 104); return { text: `Si Lolo ay ${a} taong gulang na at nag-iisa sa bahay.`, findings: [["age_over_89", `${a} taong gulang`]] }; },
  ],
  ssn: [
    (p) => { const n = ids.nino(p); return { text: `Service user's NI number ${n} is showing under someone else on the UC journal.`, findings: [["ssn", n]] }; },
    (p) => { const n = ids.sin(p); return { text: `My client's SIN is ${n} and Service Canada says it's been used by someone else.`, findings: [["ssn", n]] }; },
    (p) => { const n = ids.tfn(p); return { text: `Client gave me her TFN ${n} for the Centrelink form, where should I store it?`, findings: [["ssn", n]] }; },
    (p) => { const n = ids.aadhaar(p); return { text: `The patient's Aadhaar ${n} is linked to her husband's phone, not hers.`, findings: [["ssn", n]] }; },
    (p) => { const n = ids.pan(p); return { text: `Client's PAN ${n} was misused for a loan. Which cell handles this?`, findings: [["ssn", n]] }; },
    (p) => { const n = ids.za(p); return { text: `My client's ID number ${n} was blocked at Home Affairs, she can't get her grant.`, findings: [["ssn", n]] }; },
    (p) => { const n = ids.ppsn(p); return { text: `Client's PPSN ${n} isn't matching on the housing assistance form.`, findings: [["ssn", n]] }; },
    (p) => { const n = ids.sg(p); return { text: `Resident's NRIC ${n} was on the referral letter; is that allowed?`, findings: [["ssn", n]] }; },
    (p) => { const n = ids.curp(p); return { text: `La CURP de mi cliente es ${n} pero el sistema del IMSS no la encuentra.`, findings: [["ssn", n]] }; },
    (p) => { const n = ids.dni(p); return { text: `El DNI de mi usuaria, ${n}, aparece caducado y no puede cobrar la ayuda.`, findings: [["ssn", n]] }; },
    (p) => { const n = ids.nir(p); return { text: `Le numéro de sécu de ma cliente (${n}) est rejeté par la CAF.`, findings: [["ssn", n]] }; },
    (p) => { const n = ids.cpf(p); return { text: `O CPF da minha usuária é ${n} e está bloqueado na Receita.`, findings: [["ssn", n]] }; },
    (p) => { const n = ids.pesel(p); return { text: `PESEL podopiecznej ${n} nie zgadza się z dowodem. Co robić?`, findings: [["ssn", n]] }; },
  ],
  record_number: [
    (p) => { const n = ids.nhs(p); return { text: `Patient's NHS number ${n} pulls up the wrong GP surgery on the discharge summary.`, findings: [["record_number", n]] }; },
    (p) => { const n = ids.ohip(p); return { text: `Client's OHIP card ${n} expired and she's due at the clinic Tuesday.`, findings: [["record_number", n]] }; },
    (p) => { const n = ids.medicareAu(p); return { text: `Her Medicare number is ${n}, the GP bulk bills but reception keeps asking.`, findings: [["record_number", n]] }; },
    (p) => { const n = ids.nhi(p); return { text: `Whaiora's NHI ${n} is on the referral, does the DHB accept it by email?`, findings: [["record_number", n]] }; },
    (p) => { const n = `${p.int(2019, 2025)}/${p.digits(5)}`; return { text: `Expediente ${n} de mi cliente: el juzgado pide otra vez el informe social.`, findings: [["record_number", n]] }; },
  ],
  phone: [
    (p) => { const n = `+34 6${d(p, 2)} ${d(p, 3)} ${d(p, 3)}`; return { text: `El móvil de mi cliente es ${n}, por si alguien del turno de noche necesita llamarla.`, findings: [["phone", n]] }; },
    (p) => { const n = `07${d(p, 3)} ${d(p, 6)}`; return { text: `Client's mobile is ${n} if the night team needs her.`, findings: [["phone", n]] }; },
    (p) => { const n = `06 ${d(p, 2)} ${d(p, 2)} ${d(p, 2)} ${d(p, 2)}`; return { text: `Le portable de ma cliente : ${n}, elle préfère les SMS.`, findings: [["phone", n]] }; },
  ],
  combination: [
    (p) => { const t = p.worldTown("ES"); return { text: `Mi cliente es el único médico de ${t}, un pueblo de 600 habitantes, y bebe en el trabajo.`, findings: [["combination", "el único médico"], ["location", t]] }; },
    () => ({ text: "My client is the mayor's daughter in a town of 800 and everyone will know if she goes to rehab.", findings: [["combination", "the mayor's daughter in a town of 800"]] }),
    () => ({ text: "Working with the teen from the viral bus fight video, she's getting threats online.", findings: [["combination", "the teen from the viral bus fight video"]] }),
    () => ({ text: "Mon client est le seul pharmacien du village, tout le monde sait qui il est.", findings: [["combination", "le seul pharmacien du village"]] }),
  ],
};

export const NEGATIVES_E: Record<string, Template[]> = {
  colleague: [
    (p) => ({ text: `Bienvenida a ${p.first()}, nuestra nueva trabajadora social del equipo de infancia. ¡Qué alegría!` }),
    (p) => ({ text: `Merci à ma collègue ${p.first()} ${p.last()} pour la formation sur le trauma hier, c'était top.` }),
    (p) => ({ text: `Parabéns à ${p.first()}, nossa coordenadora, pelo prémio de boas práticas!` }),
    (p) => ({ text: `Dziękuję koleżance ${p.first()} za zastępstwo w piątek!` }),
    (p) => ({ text: `Herzlich willkommen an ${p.first()} ${p.last()}, unsere neue Kollegin in der Beratungsstelle.` }),
    (p) => ({ text: `Maraming salamat kay ${p.first()}, ang bagong social worker namin sa barangay health center!` }),
    (p) => ({ text: `Huge shout-out to ${p.first()} on the duty desk for covering three referrals yesterday.` }),
    (p) => ({ text: `Please welcome ${p.first()} ${p.last()}, our new DV advocate, starting Monday.` }),
    (p) => ({ text: `Dra. ${p.last()} dará la sesión clínica del jueves sobre duelo.` }),
  ],
  public_figure: [
    () => ({ text: "La alcaldesa Ada Colau habló ayer sobre desahucios; vale la pena escucharla." }),
    () => ({ text: "Simone Veil reste une référence pour les droits des femmes, je cite souvent son discours." }),
    () => ({ text: "Paulo Freire é leitura obrigatória no nosso grupo de estudos." }),
    () => ({ text: "Jacinda Ardern's speech on wellbeing budgets is worth a read for policy people." }),
  ],
  own: [
    () => ({ text: "Nací el 3 de mayo de 1985 y este año por fin me tomo el día libre, ¡no me llaméis!" }),
    () => ({ text: "Je suis née le 2 février et je fête mes 40 ans ce week-end, le bureau sera fermé." }),
    () => ({ text: "I live in a village of 600 people myself, so I get why rural clients worry about confidentiality." }),
    (p) => ({ text: `My own grandmother turned 96 last week, so this topic on end-of-life care hits home.${p.int(0, 1) ? "" : " Thanks all."}` }),
    () => ({ text: "Moja babcia ma 94 lata i mieszka sama, więc rozumiem wasze pytania o opiekę." }),
  ],
  roleplay: [
    (p) => ({ text: `Para el juego de roles: ${p.first()} tiene 16 años y su madre acaba de entrar en prisión. Vosotros sois la trabajadora social.` }),
    (p) => ({ text: `Jeu de rôle de demain : Mme ${p.last()}, 92 ans, refuse l'aide à domicile. Qui joue la fille ?` }),
    (p) => ({ text: `Sim lab today: standardized patient "${p.first()} ${p.last()}", 91, presenting with confusion. Great debrief.` }),
    (p) => ({ text: `Caso fictício para a aula: ${p.first()}, 15 anos, vive com a avó em situação de pobreza.` }),
  ],
  agency: [
    () => ({ text: "La oficina de servicios sociales está en Calle Mayor 12, abierta de 9 a 14." }),
    () => ({ text: "Notre bureau déménage au 14 rue de la République à partir du 1er mars." }),
    () => ({ text: "The Citizens Advice office on 22 High Street now does drop-in on Tuesdays." }),
    () => ({ text: "Linha de apoio à vítima: 116 006, gratuita e confidencial." }),
  ],
  event: [
    () => ({ text: "La jornada sobre soledad no deseada es el 3 de mayo en Zaragoza, ¿alguien va?" }),
    () => ({ text: "Le colloque sur la protection de l'enfance aura lieu le 12 juin à Lyon." }),
    () => ({ text: "Das Fachtag Kinderschutz ist am 14. März in Köln, Anmeldung bis Ende Februar." }),
    () => ({ text: "Webinar on the NHS continuing healthcare framework, 4 June, 1pm, link in thread." }),
  ],
  general: [
    () => ({ text: "¿Alguien tiene un buen modelo de plan de seguridad para adolescentes que no quieren firmarlo?" }),
    () => ({ text: "Comment expliquez-vous le signalement obligatoire à une famille qui arrive ?" }),
    () => ({ text: "Alguém tem material sobre luto para crianças pequenas?" }),
    () => ({ text: "Czy ktoś ma dobre materiały o przemocy ekonomicznej?" }),
    () => ({ text: "Hat jemand eine gute Checkliste für Hausbesuche bei älteren Menschen?" }),
    () => ({ text: "May maganda ba kayong resources tungkol sa mental health ng mga OFW families?" }),
    () => ({ text: "Clients over 90 in our region wait months for a care package; any advocacy tips?" }),
    () => ({ text: "Is a Section 17 assessment needed before we refer to early help?" }),
  ],
};
