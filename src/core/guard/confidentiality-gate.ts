import type { Community } from "../members/member-types";
import { fail } from "../shared/errors";
import type { Logger } from "../shared/logger";
import type { Finding, Guard } from "./guard-types";

export const DEIDENTIFY_TIPS =
  "Replace names with roles (\"my client\", \"a parent\"), dates with spans (\"last spring\"), places with kinds " +
  "(\"a rural town\"), and leave out numbers, contacts and handles.";

/**
 * Runs the guard over text a member is about to post. A flagged post throws CONFIDENTIAL before
 * anything is stored; `confirmed` (the member's "I confirm this is de-identified") lets it through
 * when the community allows it, and that choice is logged without the text.
 */
export class ConfidentialityGate {
  constructor(private readonly guard: Guard, private readonly logger: Logger) {}

  /** Throws CONFIDENTIAL on findings; true when the author confirmed past them (the post is kept off the web). */
  check(community: Community, memberId: string, what: string, texts: readonly (string | null | undefined)[], confirmed: boolean): boolean {
    const findings = texts.flatMap((t) => (t ? this.guard.inspect(t) : []));
    if (findings.length === 0) return false;
    if (confirmed && community.allowPostAnyway) {
      this.logger.warn("guard overridden by author", { communityId: community.id, memberId, what, kinds: [...new Set(findings.map((f) => f.type))] });
      return true;
    }
    return fail("CONFIDENTIAL", `Your ${what} wasn't posted: it may identify a client.`, {
      findings: findings.map(({ type, text }) => ({ type, text })),
      canOverride: community.allowPostAnyway,
    });
  }

  /** Findings for a thread reply that has already been posted on the platform. */
  inspect(text: string): Finding[] {
    return this.guard.inspect(text);
  }
}
