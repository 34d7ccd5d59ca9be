import type { Member } from "../members/member-types";

/** What a member lets others do: follow them, and list them in /peerloop people. */
export interface Privacy {
  followable: boolean;
  listed: boolean;
}

/** A member who helped with a topic lately: answers credited by askers, and endorsements of their shares. */
export interface Helper {
  memberId: string;
  displayName: string;
  answers: number;
  endorsements: number;
}

export interface PeopleRepository {
  /** Members of the community a mention or name could mean (not publishers, not forgotten). */
  findMembers(communityId: string, ref: { externalId?: string; name?: string }): Promise<Member[]>;
  follow(communityId: string, followerId: string, followeeId: string, at: Date): Promise<boolean>;
  unfollow(communityId: string, followerId: string, followeeId: string): Promise<boolean>;
  /** Who follows `memberId` (nobody, once they opted out of being followed). */
  followersOf(communityId: string, memberId: string): Promise<Member[]>;
  /** Display names of the members `memberId` follows. */
  following(communityId: string, memberId: string): Promise<string[]>;
  privacy(communityId: string, memberId: string): Promise<Privacy>;
  /** Opting out of being followed also ends every current follow of this member. */
  setPrivacy(communityId: string, memberId: string, patch: Partial<Privacy>): Promise<Privacy>;
  /** Listed members ranked by credited answers and endorsed shares since `since`, on `tag` when given. */
  helpers(communityId: string, since: Date, tag: string | null, limit: number): Promise<Helper[]>;
}
