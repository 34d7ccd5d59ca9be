import { randomBytes } from "node:crypto";
import type { Clock } from "../../core/shared/clock";
import type { ExportFormat, SecretRepository, WebLinks } from "../../core/web/site-types";
import { signToken, type TokenClaims } from "./web-tokens";

/** How long each kind of link works. */
export const LIFETIMES = {
  login: 7 * 24 * 3600,
  session: 30 * 24 * 3600,
  feed: 365 * 24 * 3600,
  export: 3600,
  "email-confirm": 24 * 3600,
  // One-click unsubscribe links live in old emails: they keep working (RFC 8058 asks for that).
  unsubscribe: 10 * 365 * 24 * 3600,
} as const;

export interface WebLinkOptions {
  /** PEERLOOP_WEB_SECRET; without it one is generated once and kept in the database. */
  secret?: string;
  secrets: SecretRepository;
  /** The base URL links start with; read when a link is made (the port may be known only after listening). */
  baseUrl: () => string;
  clock: Clock;
}

/** Signs and addresses the web's links. The secret is read once, lazily, so start-up never waits for it. */
export class SignedWebLinks implements WebLinks {
  private secretPromise?: Promise<string>;

  constructor(private readonly opts: WebLinkOptions) {}

  secret(): Promise<string> {
    this.secretPromise ??= this.opts.secret
      ? Promise.resolve(this.opts.secret)
      : this.opts.secrets.getOrCreate("web-signing", () => randomBytes(32).toString("base64url")).catch((error: unknown) => {
        this.secretPromise = undefined;
        throw error;
      });
    return this.secretPromise;
  }

  base(): string {
    return this.opts.baseUrl().replace(/\/+$/, "");
  }

  communityUrl(communityId: string): string {
    return `${this.base()}/c/${communityId}/`;
  }

  async sign(claims: Omit<TokenClaims, "e">, seconds: number): Promise<{ token: string; expiresAt: Date }> {
    const e = Math.floor(this.opts.clock.now().getTime() / 1000) + seconds;
    return { token: signToken(await this.secret(), { ...claims, e }), expiresAt: new Date(e * 1000) };
  }

  /** A sign-in link; `landing` "health" opens the community-health page after signing in. */
  async memberLink(communityId: string, memberId: string, landing?: "health") {
    const { token, expiresAt } = await this.sign({ c: communityId, m: memberId, p: "login", ...(landing ? { f: landing } : {}) }, LIFETIMES.login);
    return { url: `${this.base()}/c/${communityId}/login?t=${token}`, expiresAt };
  }

  /** The link in a confirmation email: confirms the address like typing the code would. */
  async confirmUrl(communityId: string, memberId: string, code: string): Promise<string> {
    const { token } = await this.sign({ c: communityId, m: memberId, p: "email-confirm", f: code }, LIFETIMES["email-confirm"]);
    return `${this.base()}/email/confirm?t=${token}`;
  }

  /** The one-click unsubscribe address of a member's emails (List-Unsubscribe and the footer). */
  async unsubscribeUrl(communityId: string, memberId: string): Promise<string> {
    const { token } = await this.sign({ c: communityId, m: memberId, p: "unsubscribe" }, LIFETIMES.unsubscribe);
    return `${this.base()}/email/unsubscribe?t=${token}`;
  }

  async exportLink(communityId: string, memberId: string, format: ExportFormat | "mine") {
    const { token, expiresAt } = await this.sign({ c: communityId, m: memberId, p: "export", f: format }, LIFETIMES.export);
    return { url: `${this.base()}/c/${communityId}/export?t=${token}`, expiresAt };
  }
}
