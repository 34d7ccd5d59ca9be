/**
 * Check-digit algorithms of national identity and health numbers, as their specifications give them.
 * Each takes the number's characters without separators and says whether its check digit holds.
 * Where `validator` covers a format (SIN, PPSN, DNI/NIE, CPF, PESEL, Aadhaar) the spec table uses it.
 */

const digitsOf = (s: string) => [...s].map(Number);

/** Luhn (ISO/IEC 7812): Canadian SIN, Ontario health numbers, South African ID. */
export const luhn = (s: string): boolean => {
  if (!/^\d+$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < s.length; i++) {
    let d = Number(s[s.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
};

/** UK NHS number: weights 10..2 on the first nine digits, 11 minus the remainder (11 is 0, 10 invalid). */
export const nhsNumber = (s: string): boolean => {
  if (!/^\d{10}$/.test(s)) return false;
  const d = digitsOf(s);
  const sum = d.slice(0, 9).reduce((a, x, i) => a + x * (10 - i), 0);
  const check = 11 - (sum % 11);
  return check !== 10 && (check === 11 ? 0 : check) === d[9];
};

/** British Columbia PHN: 10 digits starting with 9, weights 2,4,8,5,10,9,7,3 on digits 2-9, mod 11. */
export const bcPhn = (s: string): boolean => {
  if (!/^9\d{9}$/.test(s)) return false;
  const d = digitsOf(s), w = [2, 4, 8, 5, 10, 9, 7, 3];
  const sum = w.reduce((a, x, i) => a + ((d[i + 1]! * x) % 11), 0);
  return 11 - (sum % 11) === d[9];
};

/** Australian Medicare card: first digit 2-6, weights 1,3,7,9,1,3,7,9 on the first eight, mod 10 is the ninth. */
export const auMedicare = (s: string): boolean => {
  if (!/^[2-6]\d{9,10}$/.test(s)) return false;
  const d = digitsOf(s), w = [1, 3, 7, 9, 1, 3, 7, 9];
  return w.reduce((a, x, i) => a + d[i]! * x, 0) % 10 === d[8];
};

/** Australian tax file number: weights 1,4,3,7,5,8,6,9,10 (8 digits: 10,7,8,4,6,3,5,1), sum mod 11 is 0. */
export const auTfn = (s: string): boolean => {
  const w = s.length === 9 ? [1, 4, 3, 7, 5, 8, 6, 9, 10] : s.length === 8 ? [10, 7, 8, 4, 6, 3, 5, 1] : null;
  if (!w || !/^\d+$/.test(s)) return false;
  return digitsOf(s).reduce((a, x, i) => a + x * w[i]!, 0) % 11 === 0;
};

const NHI_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"; // I and O are never used
/** New Zealand NHI, old format AAANNNC: letters 1-24 weighted 7,6,5, digits 4,3,2, mod 11. */
export const nzNhi = (s: string): boolean => {
  const m = /^([A-HJ-NP-Z]{3})(\d{3})(\d)$/.exec(s);
  if (!m) return /^[A-HJ-NP-Z]{3}\d{2}[A-HJ-NP-Z]{2}$/.test(s); // the 2025 format: shape only
  const values = [...m[1]!].map((c) => NHI_LETTERS.indexOf(c) + 1).concat(digitsOf(m[2]!));
  const sum = values.reduce((a, x, i) => a + x * (7 - i), 0);
  const rem = sum % 11;
  if (rem === 0) return false;
  const check = (11 - rem) % 10;
  return check === Number(m[3]);
};

const CURP_CHARS = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ";
/** Mexican CURP: 18 characters, the last a check digit over the first 17 (weights 18..2, mod 10). */
export const curp = (s: string): boolean => {
  if (!/^[A-Z][AEIOUX][A-Z]{2}\d{6}[HMX][A-Z]{2}[B-DF-HJ-NP-TV-Z]{3}[A-Z\d]\d$/.test(s)) return false;
  const sum = [...s.slice(0, 17)].reduce((a, c, i) => a + CURP_CHARS.indexOf(c) * (18 - i), 0);
  return (10 - (sum % 10)) % 10 === Number(s[17]);
};

/** French NIR (numéro de sécurité sociale): 13 characters (2A/2B for Corsica) and a key of 97 minus the number mod 97. */
export const frNir = (s: string): boolean => {
  const m = /^([12378]\d{4}(?:\d{2}|2A|2B)\d{6})(\d{2})$/.exec(s);
  if (!m) return false;
  const body = m[1]!.replace("2A", "19").replace("2B", "18");
  return 97 - Number(BigInt(body) % 97n) === Number(m[2]);
};

/** South African ID: YYMMDD, 4 digits, citizenship 0/1, a digit, then a Luhn check digit. */
export const zaId = (s: string): boolean => {
  const m = /^(\d{2})(\d{2})(\d{2})\d{4}[01]\d\d$/.exec(s);
  if (!m) return false;
  const month = Number(m[2]), day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && luhn(s);
};

/** Singapore NRIC/FIN: a prefix, seven digits weighted 2,7,6,5,4,3,2, and a check letter. */
export const sgNric = (s: string): boolean => {
  const m = /^([STFGM])(\d{7})([A-Z])$/.exec(s);
  if (!m) return false;
  const w = [2, 7, 6, 5, 4, 3, 2];
  let sum = digitsOf(m[2]!).reduce((a, x, i) => a + x * w[i]!, 0);
  if (m[1] === "T" || m[1] === "G") sum += 4;
  if (m[1] === "M") sum += 3;
  const table = m[1] === "S" || m[1] === "T" ? "JZIHGFEDCBA" : m[1] === "M" ? "KLJNPQRTUWX" : "XWUTRQPNMLK";
  const index = m[1] === "M" ? 10 - (sum % 11) : sum % 11;
  return table[index] === m[3];
};

/** US Medicare Beneficiary Identifier: 11 characters whose positions are fixed kinds (no S, L, O, I, B, Z). */
export const mbi = (s: string): boolean => /^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y\d]\d[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y\d]\d[AC-HJKMNP-RT-Y]{2}\d{2}$/.test(s);

/** UK National Insurance number: two prefix letters (not D, F, I, Q, U, V; no O second; not BG, GB, NK, KN, TN, NT, ZZ), six digits, A-D. */
export const ukNino = (s: string): boolean => /^(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]$/.test(s);

/** Indian PAN: five letters (the fourth says what kind of holder), four digits, a letter. */
export const inPan = (s: string): boolean => /^[A-Z]{3}[ABCFGHLJPT][A-Z]\d{4}[A-Z]$/.test(s);

/** Quebec health insurance (RAMQ): four letters from the name, then YYMMDD (+50 for women) and two digits. */
export const ramq = (s: string): boolean => {
  const m = /^[A-Z]{4}(\d{2})(\d{2})(\d{2})\d{2}$/.exec(s);
  if (!m) return false;
  const month = Number(m[2]) % 50, day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
};

/** Brazilian PIS/PASEP/NIS: weights 3,2,9,8,7,6,5,4,3,2 on ten digits, 11 minus the remainder (10 and 11 are 0). */
export const brPis = (s: string): boolean => {
  if (!/^\d{11}$/.test(s)) return false;
  const d = digitsOf(s), w = [3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
  const r = 11 - (w.reduce((a, x, i) => a + d[i]! * x, 0) % 11);
  return (r >= 10 ? 0 : r) === d[10];
};

/** Chilean RUT/RUN: digits weighted 2..7 from the right, 11 minus the remainder; 10 is K, 11 is 0. */
export const clRut = (s: string): boolean => {
  const m = /^(\d{7,8})([\dK])$/.exec(s);
  if (!m) return false;
  let sum = 0;
  [...m[1]!].reverse().forEach((c, i) => (sum += Number(c) * (2 + (i % 6))));
  const r = 11 - (sum % 11);
  return (r === 11 ? "0" : r === 10 ? "K" : String(r)) === m[2];
};
