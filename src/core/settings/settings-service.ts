import type { Actor } from "../shared/context";
import { fail } from "../shared/errors";
import { privately, reply, type Message, type Outcome } from "../shared/message";
import { isValidTimeZone } from "../shared/time-zone";
import { SOURCES_BY, TONE_CHECK, WEB_ACCESS, WEB_NAMES, type SourcesBy, type Community, type CommunitySettings, type ToneCheckSetting, type WebAccess, type WebNames } from "../members/member-types";
import type { Store } from "../store";

const DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const onOff = (v: string, key: string): boolean => {
  if (/^(on|yes|true)$/i.test(v)) return true;
  if (/^(off|no|false)$/i.test(v)) return false;
  return fail("INVALID_SETTING", `${key} takes on or off.`);
};
const channel = (v: string): string => v.replace(/^<#([^|>]+)(\|[^>]*)?>$/, "$1").replace(/^#/, "").trim() || fail("INVALID_SETTING", "Name a channel, e.g. #general.");

/** Each setting an admin can change: how to parse the value and where it goes. */
const SETTERS: Record<string, { help: string; parse: (v: string) => Partial<CommunitySettings> }> = {
  "roundup-channel": { help: "#channel", parse: (v) => ({ roundupChannel: channel(v) }) },
  "roundup-day": {
    help: "monday..sunday",
    parse: (v) => {
      const i = DAYS.findIndex((d) => d.startsWith(v.toLowerCase().slice(0, 3)) && v.length >= 3);
      return i >= 0 ? { roundupDay: i + 1 } : fail("INVALID_SETTING", "roundup-day takes a weekday, e.g. monday.");
    },
  },
  "roundup-hour": {
    help: "0-23",
    parse: (v) => (/^\d{1,2}$/.test(v) && Number(v) < 24 ? { roundupHour: Number(v) } : fail("INVALID_SETTING", "roundup-hour takes an hour from 0 to 23.")),
  },
  timezone: {
    help: "Area/City",
    parse: (v) => (isValidTimeZone(v) ? { timeZone: v } : fail("INVALID_SETTING", `"${v.slice(0, 40)}" isn't a time zone I know. Use a name like America/Chicago.`)),
  },
  "unanswered-hours": {
    help: "1-720",
    parse: (v) => (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 720 ? { unansweredHours: Number(v) } : fail("INVALID_SETTING", "unanswered-hours takes a number of hours from 1 to 720.")),
  },
  "post-anyway": { help: "on|off", parse: (v) => ({ allowPostAnyway: onOff(v, "post-anyway") }) },
  "notify-moderators": { help: "on|off", parse: (v) => ({ notifyModerators: onOff(v, "notify-moderators") }) },
  "moderator-channel": { help: "#channel", parse: (v) => ({ moderatorChannel: channel(v) }) },
  "web-access": {
    help: WEB_ACCESS.join("|"),
    parse: (v) => ((WEB_ACCESS as readonly string[]).includes(v.toLowerCase()) ? { webAccess: v.toLowerCase() as WebAccess } : fail("INVALID_SETTING", "web-access takes members (signed links from the bot), public (anyone with the link) or off.")),
  },
  "tone-check": {
    help: TONE_CHECK.join("|"),
    parse: (v) => ((TONE_CHECK as readonly string[]).includes(v.toLowerCase()) ? { toneCheck: v.toLowerCase() as ToneCheckSetting } : fail("INVALID_SETTING", "tone-check takes on (a private nudge before a disparaging post), off, or moderators (also tell the moderator channel, without quoting).")),
  },
  "link-previews": { help: "on|off", parse: (v) => ({ linkPreviews: onOff(v, "link-previews") }) },
  "sources-by": {
    help: SOURCES_BY.join("|"),
    parse: (v) => ((SOURCES_BY as readonly string[]).includes(v.toLowerCase()) ? { sourcesBy: v.toLowerCase() as SourcesBy } : fail("INVALID_SETTING", "sources-by takes admins (only admins may /source add) or members (every member may).")),
  },
  "web-names": {
    help: WEB_NAMES.join("|"),
    parse: (v) => ((WEB_NAMES as readonly string[]).includes(v.toLowerCase()) ? { webNames: v.toLowerCase() as WebNames } : fail("INVALID_SETTING", "web-names takes full or initials (how public pages show members).")),
  },
};

export const SETTING_KEYS = Object.keys(SETTERS);

export const settingsMessage = (c: Community): Message => ({
  title: `Peerloop settings for ${c.name}`,
  text: `Change one with /peerloop settings <name> <value>, e.g. /peerloop settings timezone America/Chicago. Names: ${SETTING_KEYS.join(", ")}.`,
  fields: [
    { label: "roundup-channel", value: c.roundupChannel ? `#${c.roundupChannel}` : "the busiest channel of the week" },
    { label: "roundup-day / hour", value: `${DAYS[c.roundupDay - 1]} at ${c.roundupHour}:00` },
    { label: "timezone", value: c.timeZone },
    { label: "unanswered-hours", value: String(c.unansweredHours) },
    { label: "post-anyway", value: c.allowPostAnyway ? "on" : "off" },
    { label: "notify-moderators", value: c.notifyModerators ? `on${c.moderatorChannel ? ` (#${c.moderatorChannel})` : ""}` : "off" },
    { label: "web-access / web-names", value: `${c.webAccess} / ${c.webNames}` },
    { label: "tone-check", value: c.toneCheck },
    { label: "sources-by / link-previews", value: `${c.sourcesBy} / ${c.linkPreviews ? "on" : "off"}` },
  ],
});

export class SettingsService {
  constructor(private readonly store: Store) {}

  async settings(actor: Actor, key?: string, value?: string): Promise<Outcome> {
    if (!actor.isAdmin) fail("NOT_ADMIN", "Only workspace or server admins can see and change Peerloop's settings.");
    let community = (await this.store.communities.get(actor.communityId)) ?? fail("UNKNOWN_MEMBER", "This community isn't set up yet.");
    if (key) {
      const setter = SETTERS[key.toLowerCase()];
      if (!setter) return fail("INVALID_SETTING", `There's no setting "${key.slice(0, 30)}". Settings: ${SETTING_KEYS.join(", ")}.`);
      if (!value?.trim()) return fail("INVALID_SETTING", `Give a value: /peerloop settings ${key.toLowerCase()} <${setter.help}>.`);
      community = await this.store.communities.updateSettings(actor.communityId, setter.parse(value.trim()));
    }
    return reply(privately(settingsMessage(community)));
  }
}
