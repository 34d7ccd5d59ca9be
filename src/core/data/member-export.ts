import type { Write } from "./export-community";

/**
 * A member's own data (`/peerloop export mine`): who they are here, their settings, their email
 * address and phone number in full (theirs to see; every other view masks them), what they follow,
 * and what they posted. The community export never carries addresses or numbers.
 */
export interface MemberExport {
  format: "peerloop-member-export";
  version: 1;
  exportedAt: string;
  community: string;
  member: { ref: string; displayName: string; isAdmin: boolean; notify: string; timeZone: string | null; quietStart: number | null; quietEnd: number | null; followable: boolean; listed: boolean; joinedAt: string };
  email: { address: string; confirmed: boolean; frequency: string; roundup: boolean } | null;
  phone: { number: string; status: string; texts: string; confirmedAt: string | null } | null;
  follows: { tags: string[]; people: string[]; sources: string[] };
  resources: { url: string; title: string | null; note: string | null; tags: string[]; sharedAt: string }[];
  questions: { text: string; kind: string; tags: string[]; status: string; askedAt: string }[];
  replies: { text: string | null; question: string; repliedAt: string }[];
}

export interface MemberDataSource {
  /** Null when the member is unknown or forgotten. */
  memberData(communityId: string, memberId: string, now: Date): Promise<MemberExport | null>;
}

export const exportMember = async (source: MemberDataSource, communityId: string, memberId: string, write: Write, now: Date): Promise<boolean> => {
  const data = await source.memberData(communityId, memberId, now);
  if (!data) return false;
  await write(`${JSON.stringify(data, null, 2)}\n`);
  return true;
};
