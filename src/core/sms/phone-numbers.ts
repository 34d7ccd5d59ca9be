import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

/**
 * Phone numbers as members type them ("+1 555 555 0123", "(555) 555-0123" with a default region),
 * read with libphonenumber-js's metadata: a number must be valid for its country, and not a landline.
 */
export const parsePhone = (raw: string, region: string): { ok: true; e164: string } | { ok: false; reason: string } => {
  const cleaned = raw.trim().replace(/^tel:/i, "");
  if (!cleaned) return { ok: false, reason: "The number is missing." };
  if (cleaned.length > 40 || /[^\d\s()+.\-]/.test(cleaned)) return { ok: false, reason: "A phone number has only digits, spaces, dashes, dots and brackets, and may start with +." };
  const p = parsePhoneNumberFromString(cleaned, region as CountryCode);
  // The North American 555 area code is kept for fiction and demos (+1 555 555 0123, the examples
  // members are shown); libphonenumber calls it invalid, yet it is the number a trial run types.
  const fictional = p?.countryCallingCode === "1" && p.nationalNumber.startsWith("555") && p.isPossible();
  if (!p || !(p.isValid() || fictional)) return { ok: false, reason: `"${cleaned.slice(0, 30)}" isn't a valid number${cleaned.startsWith("+") ? "" : ` for ${region} (add the country code, like +44 for the UK)`}.` };
  const type = p.getType();
  if (type === "FIXED_LINE" || type === "TOLL_FREE" || type === "PREMIUM_RATE" || type === "SHARED_COST") {
    return { ok: false, reason: "That looks like a landline or a service number; texts need a mobile number." };
  }
  return { ok: true, e164: p.number };
};

/**
 * A number as Peerloop ever shows or logs it: the country code and the last four digits
 * ("+1 ••• ••• 0123"), never the whole number.
 */
export const maskPhone = (e164: string): string => {
  const p = parsePhoneNumberFromString(e164);
  const cc = p ? `+${p.countryCallingCode}` : e164.slice(0, 2);
  return `${cc} ••• ••• ${e164.slice(-4)}`;
};
