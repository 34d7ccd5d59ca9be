import type { CommunityRepository, MemberRepository, SubscriptionRepository, TagRepository } from "./members/member-types";
import type { DigestRepository } from "./notifications/notification-types";
import type { ResourceRepository } from "./resources/resource-types";
import type { RoundupRepository } from "./roundups/roundup-types";
import type { ThreadRepository } from "./threads/thread-types";
import type { FollowupRepository, JobRepository } from "./jobs/job-types";
import type { EmailRepository } from "./email/email-types";
import type { SourceRepository } from "./sources/source-types";
import type { PeopleRepository } from "./people/people-types";
import type { LinkRepository } from "./links/link-types";
import type { RelatedRepository } from "./related/related-types";
import type { SmsRepository } from "./sms/sms-types";
import type { HealthRepository } from "./health/health-types";
import type { WelcomeRepository } from "./welcome/welcome-types";
import type { RouteRepository } from "./routing/route-types";

/** Every repository port the core uses, as one unit. */
export interface Repositories {
  communities: CommunityRepository;
  members: MemberRepository;
  resources: ResourceRepository;
  threads: ThreadRepository;
  subscriptions: SubscriptionRepository;
  tags: TagRepository;
  digests: DigestRepository;
  roundups: RoundupRepository;
  followups: FollowupRepository;
  jobs: JobRepository;
  /** Members' email addresses and email digests; absent where email is not stored (in-memory unit tests). */
  emails?: EmailRepository;
  /** Publishers and their feeds; absent in the in-memory store. */
  sources?: SourceRepository;
  /** Members following members, privacy choices, and who helped most; absent in the in-memory store. */
  people?: PeopleRepository;
  /** Link health and previews still to read; absent in the in-memory store. */
  links?: LinkRepository;
  /** The related-answers index and reuses of answers; absent in the in-memory store. */
  related?: RelatedRepository;
  /** Members' phones and what waits for their daily text; absent in the in-memory store. */
  sms?: SmsRepository;
  /** The community-health rollups; absent in the in-memory store. */
  health?: HealthRepository;
  /** Members' welcomes and the organisers' settings for them; absent in the in-memory store. */
  welcomes?: WelcomeRepository;
  /** Invitations to answer unanswered questions (issue 37); absent in the in-memory store. */
  routing?: RouteRepository;
}

/**
 * The database as the core sees it. `transaction` runs `work` atomically: if it throws, nothing
 * it wrote is kept, so a command never leaves half a record behind.
 */
export interface Store extends Repositories {
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
}
