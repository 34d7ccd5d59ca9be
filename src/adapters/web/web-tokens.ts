import { createHmac, timingSafeEqual } from "node:crypto";

/** What a signed token lets its holder do. Each purpose is checked separately: a feed key is not a session. */
export type TokenPurpose = "login" | "session" | "feed" | "export" | "email-confirm" | "unsubscribe";

export interface TokenClaims {
  /** Community id. */
  c: string;
  /** Member id. */
  m: string;
  p: TokenPurpose;
  /** Expiry, seconds since the epoch. */
  e: number;
  /** The export's format; the email confirmation's code. */
  f?: string;
}

export type TokenCheck =
  | { ok: true; claims: TokenClaims }
  | { ok: false; reason: "malformed" | "forged" | "expired" | "elsewhere" };

const VERSION = "v1";
const b64 = (b: Buffer | string) => Buffer.from(b).toString("base64url");
const mac = (secret: string, body: string) => createHmac("sha256", secret).update(`${VERSION}.${body}`).digest();

/** `v1.<claims>.<HMAC-SHA256>`, all base64url: safe in a URL and a cookie. */
export const signToken = (secret: string, claims: TokenClaims): string => {
  const body = b64(JSON.stringify(claims));
  return `${VERSION}.${body}.${b64(mac(secret, body))}`;
};

/** Checks the signature in constant time before reading anything, then purpose, community and expiry. */
export const verifyToken = (secret: string, token: string | null | undefined, purpose: TokenPurpose, communityId: string, now: Date): TokenCheck => {
  if (!token || token.length > 1024) return { ok: false, reason: "malformed" };
  const [version, body, sig, ...rest] = token.split(".");
  if (version !== VERSION || !body || !sig || rest.length || !/^[\w-]+$/.test(body) || !/^[\w-]+$/.test(sig)) return { ok: false, reason: "malformed" };
  // Compared as canonical base64url text: a signature whose last character differs only in padding
  // bits decodes to the same bytes, and must still count as altered.
  const expected = Buffer.from(b64(mac(secret, body)));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "forged" };
  let claims: TokenClaims;
  try {
    claims = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as TokenClaims;
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (typeof claims !== "object" || claims === null || typeof claims.e !== "number" || typeof claims.m !== "string") return { ok: false, reason: "malformed" };
  if (claims.p !== purpose || claims.c !== communityId) return { ok: false, reason: "elsewhere" };
  if (claims.e * 1000 <= now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, claims };
};
