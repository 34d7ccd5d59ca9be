export type Platform = "slack" | "discord" | "shell";

/** The member acting, already resolved to rows by the door's call to MemberService.resolveActor. */
export interface Actor {
  communityId: string;
  memberId: string;
  externalId: string;
  displayName: string;
  isAdmin: boolean;
}

/** Where the member acted: a channel, maybe inside a platform thread. */
export interface Place {
  channelId: string;
  threadRef?: string;
}
