import { z } from "zod";

/**
 * The JSON export: everything needed to restore a community. Members are referred to by their
 * platform id (`ref`), threads by an id local to the file; dates are ISO strings.
 */
const date = z.iso.datetime({ offset: true });
const counts = z.object({ resources: z.number().int(), questions: z.number().int(), resolved: z.number().int(), replies: z.number().int(), reused: z.number().int().optional() });

export const exportMember = z.object({
  ref: z.string().min(1).max(120),
  displayName: z.string().max(200),
  isAdmin: z.boolean(),
  notify: z.enum(["instant", "daily", "weekly", "off"]),
  timeZone: z.string().max(64).nullable(),
  quietStart: z.number().int().min(0).max(1439).nullable(),
  quietEnd: z.number().int().min(0).max(1439).nullable(),
  forgotten: z.boolean(),
  /** /peerloop privacy: may others follow them, list them in /peerloop people. */
  followable: z.boolean().default(true),
  listed: z.boolean().default(true),
  createdAt: date,
});

export const exportResource = z.object({
  url: z.string().min(1).max(2100),
  originalUrl: z.string().min(1).max(2100),
  title: z.string().max(300).nullable(),
  note: z.string().max(1000).nullable(),
  tags: z.array(z.string().max(40)).max(10),
  sharer: z.string(),
  channelId: z.string().max(120).nullable(),
  messageRef: z.string().max(120).nullable(),
  reshareCount: z.number().int().min(0),
  guardOverride: z.boolean().default(false),
  /** The link's preview, and the publisher (a source's ref) a feed item came from. */
  description: z.string().max(1000).nullable().default(null),
  siteName: z.string().max(200).nullable().default(null),
  source: z.string().max(120).nullable().default(null),
  createdAt: date,
  endorsements: z.array(z.object({ member: z.string(), createdAt: date })),
});

export const exportReply = z.object({
  author: z.string(),
  platformMessageId: z.string().max(120),
  channelId: z.string().max(120).nullable(),
  text: z.string().max(4000).nullable(),
  isFollowUp: z.boolean(),
  createdAt: date,
  editedAt: date.nullable(),
  deletedAt: date.nullable(),
});

export const exportThread = z.object({
  ref: z.string().min(1).max(120),
  kind: z.enum(["question", "feedback"]),
  text: z.string().max(2000),
  tags: z.array(z.string().max(40)).max(10),
  asker: z.string(),
  status: z.enum(["open", "resolved"]),
  outcome: z.enum(["resolved", "partly", "still_open"]).nullable(),
  outcomeNote: z.string().max(1000).nullable(),
  resolvedAt: date.nullable(),
  channelId: z.string().max(120).nullable(),
  messageRef: z.string().max(120).nullable(),
  threadRef: z.string().max(120).nullable(),
  guardOverride: z.boolean().default(false),
  createdAt: date,
  helpers: z.array(z.string()),
  replies: z.array(exportReply),
});

export const exportRoundup = z.object({
  period: z.string().regex(/^\d{4}-W\d{2}$/),
  from: date,
  to: date,
  channelId: z.string().max(120).nullable(),
  counts,
  previous: counts,
  resources: z.array(z.string()),
  resolved: z.array(z.string()),
  open: z.array(z.string()),
  helpers: z.array(z.object({ member: z.string(), replies: z.number().int() })),
  tags: z.array(z.object({ tag: z.string(), count: z.number().int() })),
});

export const exportFollow = z.object({ member: z.string(), tag: z.string().max(40), createdAt: date });

/** A publisher; its items' sharer is the member "source:<ref>". */
export const exportSource = z.object({
  ref: z.string().min(1).max(120),
  name: z.string().min(1).max(200),
  siteUrl: z.string().min(1).max(2100),
  feedUrl: z.string().min(1).max(2100),
  tags: z.array(z.string().max(40)).max(10),
  addedBy: z.string(),
  channelId: z.string().max(120).nullable(),
  pausedAt: date.nullable(),
  createdAt: date,
});
export const exportMemberFollow = z.object({ follower: z.string(), followee: z.string(), createdAt: date });
export const exportSourceFollow = z.object({ member: z.string(), source: z.string(), createdAt: date });

export const exportSettings = z.object({
  timeZone: z.string().max(64),
  roundupChannel: z.string().max(120).nullable(),
  roundupDay: z.number().int().min(1).max(7),
  roundupHour: z.number().int().min(0).max(23),
  unansweredHours: z.number().int().min(1).max(720),
  allowPostAnyway: z.boolean(),
  notifyModerators: z.boolean(),
  moderatorChannel: z.string().max(120).nullable(),
  webAccess: z.enum(["members", "public", "off"]),
  webNames: z.enum(["full", "initials"]),
  toneCheck: z.enum(["on", "off", "moderators"]).default("on"),
  sourcesBy: z.enum(["admins", "members"]).default("admins"),
  linkPreviews: z.boolean().default(true),
});

export const EXPORT_FORMAT_NAME = "peerloop-export";
export const EXPORT_VERSION = 1;

export const exportDocument = z.object({
  format: z.literal(EXPORT_FORMAT_NAME),
  version: z.literal(EXPORT_VERSION),
  exportedAt: date,
  community: z.object({ platform: z.enum(["slack", "discord", "shell"]), externalId: z.string(), name: z.string(), settings: exportSettings }),
  members: z.array(exportMember),
  resources: z.array(exportResource),
  threads: z.array(exportThread),
  roundups: z.array(exportRoundup),
  follows: z.array(exportFollow),
  sources: z.array(exportSource).default([]),
  memberFollows: z.array(exportMemberFollow).default([]),
  sourceFollows: z.array(exportSourceFollow).default([]),
});

export type ExportMember = z.infer<typeof exportMember>;
export type ExportResource = z.infer<typeof exportResource>;
export type ExportThread = z.infer<typeof exportThread>;
export type ExportRoundup = z.infer<typeof exportRoundup>;
export type ExportFollow = z.infer<typeof exportFollow>;
export type ExportSource = z.infer<typeof exportSource>;
export type ExportMemberFollow = z.infer<typeof exportMemberFollow>;
export type ExportSourceFollow = z.infer<typeof exportSourceFollow>;
export type ExportSettings = z.infer<typeof exportSettings>;
export type ExportDocument = z.infer<typeof exportDocument>;
