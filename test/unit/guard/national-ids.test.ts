import { describe, expect, it } from "vitest";
import { auMedicare, auTfn, bcPhn, brPis, clRut, curp, frNir, inPan, luhn, mbi, nhsNumber, nzNhi, ramq, sgNric, ukNino, zaId } from "../../../src/core/guard/id-checks";
import { idCandidates } from "../../../src/core/guard/national-ids";

/**
 * Check digits by their published specifications: each case is the specification's own example or
 * a number computed by hand from it, and one digit changed must fail.
 */
/** The number with its check digit (at `at`, counted from the end) changed. */
const flip = (s: string, at = 1) => s.slice(0, s.length - at) + String((Number(s[s.length - at]) + 1) % 10) + s.slice(s.length - at + 1);

describe("identifier check digits", () => {
  it.each([
    ["Luhn (Canadian SIN 046 454 286)", luhn, "046454286"],
    ["UK NHS number (mod 11)", nhsNumber, "9434765919"],
    ["British Columbia PHN", bcPhn, "9698658215"],
    ["Australian Medicare (check is the 9th digit)", auMedicare, "2123456701", 2],
    ["Australian TFN", auTfn, "123456782"],
    ["NZ NHI (old format, mod 11)", nzNhi, "ZZZ0016"],
    ["Mexican CURP", curp, "HEGG560427MVZRRL04"],
    ["French NIR (key = 97 - n mod 97)", frNir, "255081416802538"],
    ["South African ID (Luhn)", zaId, "8001015009087"],
    ["Singapore NRIC", sgNric, "S1234567D"],
    ["Brazilian PIS/NIS", brPis, "17011487814"],
    ["Chilean RUT", clRut, "123456785"],
  ] as [string, (s: string) => boolean, string, number?][])("%s holds, and fails with its check digit changed", (_name, check, valid, at) => {
    expect(check(valid)).toBe(true);
    expect(check(flip(valid, at))).toBe(false);
  });

  it("reads formats without check digits by their shape", () => {
    expect(mbi("1EG4TE5MK73")).toBe(true);
    expect(mbi("1SG4TE5MK73")).toBe(false); // S is never used
    expect(ukNino("AB123456C")).toBe(true);
    expect(ukNino("QQ123456C")).toBe(false); // Q never starts one
    expect(inPan("ABCPE1234F")).toBe(true);
    expect(inPan("ABCXE1234F")).toBe(false); // X is not a holder type
    expect(ramq("TREM55021234")).toBe(true);
    expect(ramq("TREM55321234")).toBe(false); // month 33 (or 83) does not exist
  });
});

describe("identifier candidates in text", () => {
  it("finds a valid number with its keyword in several languages", () => {
    const found = (text: string) => idCandidates(text).filter((c) => c.valid && (c.keyword || c.spec.distinctive)).map((c) => c.spec.id);
    expect(found("Client's NHS number 943 476 5919 pulls up the wrong GP")).toContain("uk-nhs");
    expect(found("El DNI de mi usuaria es 12345678Z y no puede cobrar")).toContain("es-dni");
    expect(found("O CPF dela é 529.982.247-25")).toContain("br-cpf");
    expect(found("PESEL podopiecznej 44051401359 się nie zgadza")).toContain("pl-pesel");
    expect(found("his SIN 046 454 286 is flagged")).toContain("ca-sin");
  });

  it("does not take a phone number that passes a check by chance for an identifier without its keyword", () => {
    const kept = idCandidates("call the front desk at 943 476 5919 any time").filter((c) => c.valid && (c.keyword || c.spec.distinctive));
    expect(kept).toEqual([]);
  });
});
