import { ConfidentialityGate } from "../core/guard/confidentiality-gate";
import type { Guard } from "../core/guard/guard-types";
import { MemberService } from "../core/members/member-service";
import { NotificationService } from "../core/notifications/notification-service";
import { ResourceService } from "../core/resources/resource-service";
import { RoundupService } from "../core/roundups/roundup-service";
import { SettingsService } from "../core/settings/settings-service";
import type { Clock } from "../core/shared/clock";
import type { Logger } from "../core/shared/logger";
import type { Message } from "../core/shared/message";
import type { Store } from "../core/store";
import { ThreadService } from "../core/threads/thread-service";
import { helpMessage } from "./help-message";
import type { WebLinks } from "../core/web/site-types";
import { WebService } from "../core/web/web-service";
import { EmailService, type EmailLinks } from "../core/email/email-service";
import type { ToneCheck } from "../core/tone/tone-types";
import { ToneGate } from "../core/tone/tone-gate";
import { PreviewService } from "../core/resources/preview-service";
import { SourceService } from "../core/sources/source-service";
import { PeopleService } from "../core/people/people-service";
import type { WebReader } from "../core/sources/fetch-types";
import { RelatedService, type RelatedDeps } from "../core/related/related-service";
import { SmsService, type SmsSettings } from "../core/sms/sms-service";
import { HealthService } from "../core/health/health-service";
import { WelcomeService } from "../core/welcome/welcome-service";
import { RouteService } from "../core/routing/route-service";

export interface Services {
  resources: ResourceService;
  threads: ThreadService;
  members: MemberService;
  settings: SettingsService;
  roundups: RoundupService;
  notifications: NotificationService;
  web: WebService;
  email: EmailService;
  sources: SourceService;
  people: PeopleService;
  /** Link previews; absent where nothing may reach the web (unit tests). */
  previews?: PreviewService;
  /** Related answers; absent where the store has no index (the in-memory store) or no model was given. */
  related?: RelatedService;
  /** Text-message alerts: `/notify sms …` and the texts members send back. */
  sms: SmsService;
  /** Community health: the figures behind the admin page, /peerloop health and the CLI. */
  health: HealthService;
  /** The welcome new members get and its first steps. */
  welcome: WelcomeService;
  /** Invitations to answer (issue 37): their buttons and `/notify invites`. */
  routing: RouteService;
  help(): Message;
}

export interface Dependencies {
  store: Store;
  guard: Guard;
  /** The professional-tone check; absent, nothing is nudged (unit tests of other features). */
  tone?: ToneCheck;
  clock: Clock;
  logger: Logger;
  /** The web's signed links; absent where no web server runs (unit tests). */
  links?: WebLinks & EmailLinks;
  /** The outbound web (previews, feeds, link checks), loaded on first use. */
  web?: () => Promise<WebReader>;
  /** The related-answers model and word data, read on first use (absent: no suggestions). */
  related?: Pick<RelatedDeps, "model" | "clusters" | "vectors">;
  /** How numbers are read and how many texts a member gets a day (default: US, 5). */
  sms?: SmsSettings;
  /** Invitations to answer a member a week unless they choose (default 2). */
  invitesPerWeek?: number;
}

export const buildServices = ({ store, guard, clock, logger, links, tone, web, related: relatedData, sms = { region: "US", dailyMax: 5 }, invitesPerWeek }: Dependencies): Services => {
  const gate = new ConfidentialityGate(guard, logger);
  // A text carries one link: the resource's or question's page in the web library.
  const notifications = new NotificationService({
    dailyMax: sms.dailyMax,
    link: (communityId, of) => {
      if (!links) return undefined;
      const base = links.communityUrl(communityId); // ends with a slash
      return of?.resource ? `${base}resources/${of.resource}` : of?.question ? `${base}questions/${of.question}` : base;
    },
  });
  const toneGate = tone ? new ToneGate(tone) : undefined;
  const related = store.related && relatedData ? new RelatedService({ repo: store.related, ...relatedData, clock, logger }) : undefined;
  const resources = new ResourceService(store, notifications, gate, clock, links, toneGate, related);
  const members = new MemberService(store, clock);
  const sources = new SourceService(store, web, clock);
  const people = new PeopleService(store, clock);
  return {
    related,
    resources,
    threads: new ThreadService(store, notifications, gate, clock, toneGate, related),
    members,
    settings: new SettingsService(store),
    roundups: new RoundupService(store, clock),
    notifications,
    web: new WebService(store, links, clock),
    email: new EmailService(store, clock, links),
    previews: web ? new PreviewService(store, web, clock, logger, related) : undefined,
    sources,
    people,
    sms: new SmsService(store, clock, sms),
    health: new HealthService(store, clock, links),
    welcome: new WelcomeService({ store, clock, members, people, sources, resources }),
    routing: new RouteService(store, clock, links, invitesPerWeek),
    help: helpMessage,
  };
};
