import type { Repositories, Store } from "../core/store";
import type { Db } from "./db-types";
import type { PrismaDb } from "./open-database";
import { PrismaCommunityRepository } from "./repositories/community-repository";
import { PrismaDigestRepository } from "./repositories/digest-repository";
import { PrismaMemberRepository } from "./repositories/member-repository";
import { PrismaResourceRepository } from "./repositories/resource-repository";
import { PrismaRoundupRepository } from "./repositories/roundup-repository";
import { PrismaSubscriptionRepository, PrismaTagRepository } from "./repositories/subscription-repository";
import { PrismaThreadRepository } from "./repositories/thread-repository";
import { PrismaFollowupRepository } from "./repositories/followup-repository";
import { PrismaJobRepository } from "./repositories/job-repository";
import { PrismaEmailRepository } from "./repositories/email-repository";
import { PrismaSourceRepository } from "./repositories/source-repository";
import { PrismaPeopleRepository } from "./repositories/people-repository";
import { PrismaLinkRepository } from "./repositories/link-repository";
import { PrismaRelatedRepository } from "./repositories/related-repository";
import { PrismaSmsRepository } from "./repositories/sms-repository";
import { PrismaHealthRepository } from "./repositories/health-repository";
import { PrismaWelcomeRepository } from "./repositories/welcome-repository";
import { PrismaRouteRepository } from "./repositories/route-repository";

const repositories = (db: Db): Repositories => ({
  communities: new PrismaCommunityRepository(db),
  members: new PrismaMemberRepository(db),
  resources: new PrismaResourceRepository(db),
  threads: new PrismaThreadRepository(db),
  subscriptions: new PrismaSubscriptionRepository(db),
  tags: new PrismaTagRepository(db),
  digests: new PrismaDigestRepository(db),
  roundups: new PrismaRoundupRepository(db),
  followups: new PrismaFollowupRepository(db),
  jobs: new PrismaJobRepository(db),
  emails: new PrismaEmailRepository(db),
  sources: new PrismaSourceRepository(db),
  people: new PrismaPeopleRepository(db),
  links: new PrismaLinkRepository(db),
  related: new PrismaRelatedRepository(db),
  sms: new PrismaSmsRepository(db),
  health: new PrismaHealthRepository(db),
  welcomes: new PrismaWelcomeRepository(db),
  routing: new PrismaRouteRepository(db),
});

/** The core's Store on Prisma: the same repositories over the client or an interactive transaction. */
export const prismaStore = (prisma: PrismaDb): Store => ({
  ...repositories(prisma),
  transaction: (work) => prisma.$transaction((tx) => work(repositories(tx)), { timeout: 15_000, maxWait: 10_000 }),
});
