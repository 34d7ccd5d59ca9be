import type { FindingType } from "./guard-types";

/**
 * Keyword → kind of identifier. A keyword followed (within a few filler words) by a token with
 * digits is that kind of identifier: "A-number 212 345 678", "green card # SRC1234567890",
 * "ankle monitor serial 88213-B". One table, one grammar (see detect-identifiers.ts), so a new kind of
 * number is a new row, not a new regular expression.
 */
export const IDENTIFIER_KEYWORDS: [FindingType, string[]][] = [
  ["ssn", ["ssn", "social security(?: number| no\\.?| #)?", "ss#", "ss #", "soc sec", "itin", "sin number", "social insurance number"]],
  ["record_number", [
    "mrn", "medical record(?: number| no\\.?| #)?", "chart(?: number| no\\.?| #)?", "case(?: number| no\\.?| #| file| id)?", "docket(?: number| no\\.?)?",
    "cause(?: number| no\\.?)", "petition(?: number| no\\.?)?", "medicaid(?: id| number| no\\.?| #| card)?", "medicare(?: id| number| no\\.?| #| card)?",
    "mbi", "member(?: id| number| no\\.?| #)", "beneficiary(?: id| number)?", "client(?: id| number| no\\.?| #)", "patient(?: id| number)", "pt id",
    "account(?: number| no\\.?| #)?", "acct(?: no\\.?| #)?", "claim(?: number| no\\.?| #)?", "policy(?: number| no\\.?| #)?", "subscriber(?: id| number)?",
    "group(?: number| no\\.?| #)", "hmis(?: id)?", "snap(?: case| id| number)?", "ebt(?: card)?(?: number| #)?", "wic(?: id| number)?", "tanf(?: case| id)?",
    "benefits?(?: id| number| card)", "enrol(?:l)?ment(?: id| number| no\\.?)?", "student(?: id| number| no\\.?)", "school id", "lunch (?:number|pin|code)",
    "inmate(?: number| no\\.?| #| id)?", "booking(?: number| no\\.?| #)?", "doc(?: number| #| id)", "offender(?: id| number)?", "a-?number",
    "a#", "alien(?: registration)?(?: number| no\\.?| #)?", "uscis(?: number| #| case)?", "receipt(?: number| no\\.?| #)?", "i-94(?: number| #)?", "sevis(?: id)?",
    "id(?: number| no\\.?| #)?", "file(?: number| no\\.?| #)", "dcfs case", "cps case", "referral(?: number| no\\.?| #)?", "voucher(?: number| #| id)?",
    "housing (?:id|voucher)", "section 8 (?:id|voucher)", "tenant id", "lease(?: number| #)?", "unemployment claim", "ui claim", "ssi claim", "ssdi claim",
  ]],
  ["license_or_plate", [
    "dl", "driver'?s? licen[cs]e(?: number| no\\.?| #)?", "driving licen[cs]e", "licen[cs]e(?: number| no\\.?| #)?", "learner'?s permit", "work permit",
    "permit(?: number| no\\.?| #)?", "birth certificate(?: number| no\\.?| #)?", "death certificate", "marriage certificate", "certificate(?: number| no\\.?| #)?",
    "state id(?: number| #)?", "passport(?: number| no\\.?| #)?", "green card(?: number| no\\.?| #)?", "ead(?: card)?(?: number| #)?", "visa(?: number| #)?",
    "licen[cs]e plate", "plates?", "tags?", "registration(?: number| #)?", "vin", "tribal (?:id|enrollment)(?: number| #)?", "cdib(?: number| #)?",
  ]],
  ["device_or_ip", [
    "imei", "meid", "serial(?: number| no\\.?| #)?", "s\\/n", "sn", "device id", "udid", "tracker id", "ankle monitor(?: serial| id| number| #)?",
    "monitor(?: serial| id| number| #)", "bracelet(?: id| number| #)", "mac address", "ip address", "ip", "iccid", "sim(?: number| #)?", "tablet id", "phone id",
  ]],
];
