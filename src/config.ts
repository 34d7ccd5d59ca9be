import os from "node:os";
import isEmail from "validator/lib/isEmail.js";
import { z } from "zod";

const flag = z.enum(["true", "false", "1", "0", "yes", "no"]).transform((v) => ["true", "1", "yes"].includes(v));
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const url = (example: string) => z.url({ protocol: /^https?$/, error: `must be an http(s) URL, e.g. ${example}` });

const schema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\/.+/, { error: "must be a PostgreSQL URL, e.g. postgresql://postgres@127.0.0.1:5432/peerloop (or unset it to use the embedded database)" }).optional(),
  DATABASE_POOL_MAX: int(1, 100).default(10),
  DATABASE_CONNECT_TIMEOUT_MS: int(100, 120_000).default(5_000),
  PEERLOOP_DATA_DIR: z.string().min(1).default(".data/pglite"),
  /** The HTTP port in every mode (0: any free port, as tests use). */
  PORT: int(0, 65_535).default(3000),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).optional(),
  /**
   * Where the JSON log lines go: a file (appended), or "-" for stderr. Default: stderr, except the
   * local shell at a terminal, which writes .data/peerloop.log so no log line lands in the conversation.
   */
  PEERLOOP_LOG_FILE: z.string().trim().min(1).optional(),
  /**
   * The address the HTTP server (health, web pages) listens on. Default: 127.0.0.1 for the local
   * shell (the token-free trial is not served to the network), every interface with a platform door.
   */
  PEERLOOP_HOST: z.string().trim().regex(/^[\w.:\[\]-]+$/, { error: 'must be a host name or IP address, e.g. 127.0.0.1 or 0.0.0.0' }).optional(),
  PEERLOOP_SHELL_USER: z.string().trim().min(1).max(80).default(os.userInfo().username || "me"),
  PEERLOOP_SCHEDULER: flag.default(true),
  /** PostgreSQL only: apply pending migrations at start (one instance); by default migrating is the release step. */
  PEERLOOP_MIGRATE: flag.default(false),
  /** Signs the web's links and sessions; without it one is generated once and kept in the database. */
  PEERLOOP_WEB_SECRET: z.string().min(32, { error: "must be at least 32 characters (e.g. the output of: openssl rand -base64 32)" }).optional(),
  /** The address members reach the web pages at, used in every link; default http://127.0.0.1:$PORT. */
  PEERLOOP_PUBLIC_URL: url("https://peerloop.example.org").optional(),
  /** Email: smtp://user:pass@host:587 (STARTTLS where offered) or smtps://…:465; unset, emails are written as .eml files. */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL, e.g. smtps://user:password@smtp.example.org:465" }).optional(),
  EMAIL_FROM: z.string().trim().refine((v) => isEmail(v, { allow_display_name: true, require_tld: false }), { error: 'must be an email address, e.g. "Peerloop <peerloop@example.org>"' }).default("Peerloop <peerloop@localhost>"),
  /** Where emails are written when there is no SMTP_URL. */
  PEERLOOP_MAIL_DIR: z.string().min(1).default(".data/mail"),
  /**
   * Hosts or IPs (comma-separated, e.g. "127.0.0.1,feeds.internal") the outbound fetcher may reach
   * although they are private or loopback: the only way past its SSRF check (tests, an intranet feed).
   */
  PEERLOOP_FETCH_ALLOW: z.string().trim().regex(/^[\w.:\[\]-]+(\s*,\s*[\w.:\[\]-]+)*$/, { error: 'must list hosts or IPs separated by commas, e.g. "127.0.0.1,feeds.internal"' }).optional(),
  /**
   * false: the fetcher reaches only the hosts in PEERLOOP_FETCH_ALLOW, nothing on the internet (a
   * deployment whose egress is closed, and the tests, whose traffic stays on loopback).
   */
  PEERLOOP_FETCH_PUBLIC: flag.default(true),
  /** Least time between two requests to one host (link previews, feeds, link checks). */
  PEERLOOP_FETCH_HOST_GAP_MS: int(0, 60_000).default(1_000),
  /** Text messages through Twilio's Programmable Messaging API; without them texts are written as files in PEERLOOP_SMS_DIR. */
  TWILIO_ACCOUNT_SID: z.string().regex(/^AC[0-9a-fA-F]{32}$/, { error: "must be a Twilio Account SID: AC followed by 32 hex digits" }).optional(),
  TWILIO_AUTH_TOKEN: z.string().min(16, { error: "must be the account's auth token (32 characters in the Twilio console)" }).optional(),
  TWILIO_FROM: z.string().regex(/^\+[1-9]\d{6,14}$/, { error: "must be a phone number in E.164 form, e.g. +15555550100" }).optional(),
  TWILIO_MESSAGING_SERVICE_SID: z.string().regex(/^MG[0-9a-fA-F]{32}$/, { error: "must be a Messaging Service SID: MG followed by 32 hex digits" }).optional(),
  TWILIO_API_URL: url("https://api.twilio.com").default("https://api.twilio.com"),
  /** How national phone numbers are read (/notify sms 555 555 0123): an ISO country code. */
  PEERLOOP_SMS_REGION: z.string().regex(/^[A-Z]{2}$/, { error: "must be a two-letter country code, e.g. US or GB" }).default("US"),
  /** At most this many texts a member a day; the rest fold into the next summary. */
  PEERLOOP_SMS_DAILY_MAX: int(1, 100).default(5),
  /** Minutes a question waits with no reply before the route job offers it privately to members who helped with its tags (issue 37). */
  PEERLOOP_ROUTE_AFTER_MINUTES: int(1, 10_080).default(120),
  /** Where texts are written when Twilio is not configured. */
  PEERLOOP_SMS_DIR: z.string().min(1).default(".data/sms"),
  SLACK_BOT_TOKEN: z.string().startsWith("xoxb-", { error: "must be a bot token starting with xoxb-" }).optional(),
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  SLACK_APP_TOKEN: z.string().startsWith("xapp-", { error: "must be an app-level token starting with xapp- (Socket Mode)" }).optional(),
  SLACK_API_URL: url("https://slack.com/api/").optional(),
  SLACK_CLIENT_ID: z.string().min(1).optional(),
  SLACK_CLIENT_SECRET: z.string().min(1).optional(),
  SLACK_STATE_SECRET: z.string().min(1).optional(),
  DISCORD_TOKEN: z.string().min(1).optional(),
  DISCORD_API_URL: url("https://discord.com/api").optional(),
  DISCORD_GUILD_ID: z.string().regex(/^\d{5,25}$/, { error: "must be a Discord server (guild) id: digits only" }).optional(),
  DISCORD_MESSAGE_CONTENT: flag.default(false),
  /** The privileged Server Members intent, switched on in the portal: welcomes on join (else at a new member's first command). */
  DISCORD_SERVER_MEMBERS: flag.default(false),
  /** Discord sharding across replicas: how many shards in all, and which this replica runs ("0,1" or "2-3"). */
  SHARD_COUNT: int(1, 10_000).optional(),
  SHARD_IDS: z.string().regex(/^\d+(-\d+)?(,\d+(-\d+)?)*$/, { error: 'must list shard ids, e.g. "0" or "0,1" or "0-3"' }).optional(),
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "ConfigError";
  }
}

/** Variables that only make sense together: [set, needs all of, or instead any of]. */
const PAIRS: [string, string[], string[]?][] = [
  ["SLACK_BOT_TOKEN", ["SLACK_SIGNING_SECRET"]],
  ["SLACK_SIGNING_SECRET", ["SLACK_BOT_TOKEN"], ["SLACK_CLIENT_ID"]],
  ["SLACK_APP_TOKEN", ["SLACK_BOT_TOKEN"], ["SLACK_CLIENT_ID"]],
  ["SLACK_CLIENT_ID", ["SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET", "SLACK_SIGNING_SECRET"]],
  ["SMTP_URL", ["EMAIL_FROM"]],
  ["TWILIO_ACCOUNT_SID", ["TWILIO_AUTH_TOKEN"]],
  ["TWILIO_AUTH_TOKEN", ["TWILIO_ACCOUNT_SID"]],
  ["SHARD_IDS", ["SHARD_COUNT"]],
  ["SHARD_COUNT", ["SHARD_IDS"]],
];

/** "0,2-3" → [0, 2, 3]. */
export const shardIds = (spec: string): number[] =>
  [...new Set(spec.split(",").flatMap((part) => {
    const [a, b = a] = part.split("-").map(Number);
    return Array.from({ length: b! - a! + 1 }, (_, i) => a! + i);
  }))].sort((x, y) => x - y);

/**
 * Reads the environment once. Every problem comes back as one line that names the variable and
 * what to set; empty strings count as unset, as shells and .env files often leave them.
 */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env): Config => {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${String(i.path[0])} ${i.message}`));
  }
  const problems = PAIRS.flatMap(([has, needs, orInstead = []]) =>
    present[has] && !orInstead.some((n) => present[n])
      ? needs.filter((n) => !present[n]).map((n) => `${n} must be set when ${has} is set${orInstead.length ? ` (or ${orInstead.join(", ")} for the multi-workspace install)` : ""}`)
      : []);
  const { SHARD_IDS, SHARD_COUNT } = parsed.data;
  if (SHARD_IDS && SHARD_COUNT) {
    const ids = shardIds(SHARD_IDS);
    if (ids.some((id) => id >= SHARD_COUNT)) problems.push(`SHARD_IDS must be below SHARD_COUNT (${SHARD_COUNT}): shard ids start at 0`);
    if (SHARD_IDS.split(",").some((p) => { const [a, b] = p.split("-").map(Number); return b !== undefined && b < a!; })) problems.push("SHARD_IDS ranges must go upwards, e.g. 0-3");
  }
  if (present.TWILIO_ACCOUNT_SID && !present.TWILIO_FROM && !present.TWILIO_MESSAGING_SERVICE_SID) problems.push("TWILIO_FROM (a number) or TWILIO_MESSAGING_SERVICE_SID must be set when TWILIO_ACCOUNT_SID is set");
  if (present.TWILIO_ACCOUNT_SID && !present.PEERLOOP_PUBLIC_URL) problems.push("PEERLOOP_PUBLIC_URL must be set when TWILIO_ACCOUNT_SID is set: texts link to the web library there, and Twilio signs the texts members send back with it");
  if (problems.length) throw new ConfigError(problems);
  return parsed.data;
};
