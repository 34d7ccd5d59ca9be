import type { Guard } from "../core/guard/guard-types";
import { systemClock, type Clock } from "../core/shared/clock";
import type { Logger } from "../core/shared/logger";
import type { Store } from "../core/store";
import type { Config } from "../config";
import { openDatabase, type Database } from "../db/open-database";
import { prismaStore } from "../db/prisma-store";
import { lazyGuard } from "./lazy-guard";
import { PeerloopApp } from "./peerloop-app";
import type { ButtonValues, ProcessedEvents } from "./door-ports";
import { PrismaButtonValues, PrismaInstallations, PrismaProcessedEvents } from "../db/repositories/door-repositories";
import { CachedInstallations } from "./cached-installations";
import { buildServices, type Dependencies, type Services } from "./services";
import { guardFromFiles, relatedFromFiles, toneFromFiles } from "./data-files";
import { SignedWebLinks } from "../adapters/web/web-links";
import { createToneCheck } from "../core/tone/create-tone-check";
import type { ToneCheck } from "../core/tone/tone-types";
import { SiteService } from "../core/web/site-service";
import { PrismaSiteRepository, PrismaSecrets } from "../db/repositories/site-repository";
import { PrismaCommunityData } from "../db/repositories/community-data-repository";
import type { WebReader } from "../core/sources/fetch-types";
import type { Couriers } from "../core/jobs/courier";
import type { JobDeps } from "../jobs/job-runner";

/** Where a replica announces that a workspace's installation changed (PostgreSQL NOTIFY). */
const INSTALLATION_CHANNEL = "peerloop_installations";

export interface Container {
  config: Config;
  db: Database;
  store: Store;
  services: Services;
  app: PeerloopApp;
  events: ProcessedEvents;
  installations: CachedInstallations;
  buttons: ButtonValues;
  clock: Clock;
  logger: Logger;
  guard: Guard;
  /** The web's signed links; their base is PEERLOOP_PUBLIC_URL, or this process's address once it listens. */
  links: SignedWebLinks;
  site: SiteService;
  data: PrismaCommunityData;
  /** The outbound web: the safe fetcher and its parsers, loaded on first use. */
  web: () => Promise<WebReader>;
  /** Records the port the HTTP server listens on, for links when PEERLOOP_PUBLIC_URL is unset. */
  listeningOn(port: number): void;
  /**
   * Loads the guard's code, and the guard's and the tone check's word lists and models, checking each
   * file: must resolve before a door takes commands (the jobs never call it). A missing or damaged
   * model rejects with the file's name and the command that rebuilds it.
   */
  loadDetectors(): Promise<void>;
  close(): Promise<void>;
  /** What the jobs need from this process (the scheduler, the jobs CLI, the shell's :jobs). */
  jobDeps(couriers: Couriers): JobDeps;
}

export interface ContainerOptions {
  clock?: Clock;
  guard?: Guard;
  tone?: ToneCheck;
  /** The related-answers model and word data (default: the data files). */
  related?: Dependencies["related"];
  /** Apply pending migrations on open. Default: the embedded database always; PostgreSQL only with PEERLOOP_MIGRATE. */
  migrate?: boolean;
}

/** The composition root: the one place that picks the database, the guard and the clock. */
export const createContainer = async (config: Config, logger: Logger, opts: ContainerOptions = {}): Promise<Container> => {
  const db = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: config.PEERLOOP_DATA_DIR,
    poolMax: config.DATABASE_POOL_MAX,
    connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
    migrate: opts.migrate ?? (config.DATABASE_URL ? config.PEERLOOP_MIGRATE : true),
  });
  const clock = opts.clock ?? systemClock;
  const store = prismaStore(db.prisma);
  const lazy = lazyGuard(async () => (await import("../core/guard/create-guard")).createGuard(guardFromFiles));
  const guard = opts.guard ?? lazy.guard;
  let port = config.PORT;
  const links = new SignedWebLinks({
    secret: config.PEERLOOP_WEB_SECRET, secrets: new PrismaSecrets(db.prisma), clock,
    baseUrl: () => config.PEERLOOP_PUBLIC_URL ?? `http://127.0.0.1:${port}`,
  });
  // The outbound web (undici, the parsers) loads on the first preview, feed or link check, not at start.
  let reader: Promise<WebReader> | undefined;
  const web = () => (reader ??= Promise.all([import("../adapters/fetch/create-fetcher"), import("../adapters/fetch/web-reader")])
    .then(([{ createFetcher }, { webReader }]) => webReader(createFetcher(config))));
  const tone = opts.tone ?? createToneCheck(toneFromFiles);
  const services = buildServices({ store, guard, clock, logger, links, tone, web, related: opts.related ?? relatedFromFiles,
    sms: { region: config.PEERLOOP_SMS_REGION, dailyMax: config.PEERLOOP_SMS_DAILY_MAX } });
  const events = new PrismaProcessedEvents(db.prisma, db.bulkQuery), buttons = new PrismaButtonValues(db.prisma);
  // Button presses are claimed in the table of handled events: once per message and member, on any replica.
  const app = new PeerloopApp(services, logger, events);
  // OAuth installations from memory (no round trip before an ack); changes reach other replicas by NOTIFY.
  const installations = new CachedInstallations(new PrismaInstallations(db.prisma), db.notify && db.listen
    ? { publish: (key) => db.notify!(INSTALLATION_CHANNEL, key), subscribe: (on) => db.listen!(INSTALLATION_CHANNEL, on) }
    : undefined);
  return {
    config, db, store, services, app, clock, logger, guard, links, web,
    site: new SiteService(new PrismaSiteRepository(db.prisma), clock, services.related),
    data: new PrismaCommunityData(db.prisma, db.bulkQuery),
    listeningOn: (p) => { port = p; },
    events, installations, buttons,
    loadDetectors: async () => {
      if (!opts.guard) await lazy.ready();
      tone.warm?.();
      // The related-answers model and word vectors: read now, not on a member's first question.
      const r = opts.related ?? relatedFromFiles;
      r.model();
      r.vectors();
    },
    close: () => db.close(),
    jobDeps: (couriers) => ({
      store, notifications: services.notifications, logger, couriers, processedEvents: events, buttonValues: buttons,
      siteUrl: (id) => links.communityUrl(id), web, previews: services.previews, related: services.related,
      questionUrl: (c, t) => `${links.communityUrl(c)}questions/${t}`,
      smsDailyMax: config.PEERLOOP_SMS_DAILY_MAX, health: services.health, routeAfterMinutes: config.PEERLOOP_ROUTE_AFTER_MINUTES,
    }),
  };
};
