import http from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";

export const APP_ID = "900000000000000001";
export const BOT_ID = "900000000000000002";
export const GUILD_ID = "900000000000000010";
export const CHANNEL_ID = "900000000000000020";
export const FORUM_ID = "900000000000000021";
export const LOCKED_ID = "900000000000000022";
/** A second server, on the other shard when there are two: (id >> 22) % 2 differs from GUILD_ID's. */
export const GUILD2_ID = String(BigInt(GUILD_ID) + (1n << 22n));
export const CHANNEL2_ID = "900000000000000030";
/** The shard Discord routes a server's events to. */
export const shardOf = (guildId: string, count: number) => Number((BigInt(guildId) >> 22n) % BigInt(count));

export interface RestCall {
  method: string;
  path: string;
  body: Record<string, unknown>;
  at: number;
  /** The message the fake created for it, if any. */
  created?: { id: string };
}

let counter = 0n;
const snowflake = () => String(1_200_000_000_000_000_000n + ++counter);

/** Names of the users the tests made, so a DM channel's recipient keeps its name (discord.js caches users by id). */
const knownNames = new Map<string, string>();
export const user = (id: string, name: string, bot = false) => {
  knownNames.set(id, name);
  return { id, username: name, global_name: name, discriminator: "0", avatar: null, bot };
};

/**
 * A fake Discord on loopback: the REST API (recording every call) and a gateway WebSocket that
 * says HELLO, answers IDENTIFY with READY and GUILD_CREATE, acks heartbeats, and lets tests
 * dispatch INTERACTION_CREATE, MESSAGE_CREATE and MESSAGE_REACTION_ADD.
 */
export const startFakeDiscord = async () => {
  const calls: RestCall[] = [];
  const commands = new Map<string, unknown[]>();
  const channels = new Map<string, Record<string, unknown>>();
  const messages = new Map<string, Record<string, unknown>>();
  const sockets = new Set<WebSocket>();
  const identified: Record<string, unknown>[] = [];
  let seq = 0;
  const bot = user(BOT_ID, "Peerloop", true);
  for (const [id, type, name, guild] of [[CHANNEL_ID, 0, "general", GUILD_ID], [FORUM_ID, 15, "questions", GUILD_ID], [LOCKED_ID, 0, "locked", GUILD_ID], [CHANNEL2_ID, 0, "general", GUILD2_ID]] as const) {
    channels.set(id, { id, type, name, guild_id: guild, position: 0, permission_overwrites: [], nsfw: false, parent_id: null, available_tags: [] });
  }
  // Which shard each connection identified as; events for a server go to its shard's connection only.
  const shards = new Map<WebSocket, [number, number]>();

  const send = (ws: WebSocket, payload: Record<string, unknown>) => ws.send(JSON.stringify(payload));
  const dispatch = (t: string, d: unknown) => {
    const guildId = (d as { guild_id?: string } | null)?.guild_id;
    for (const ws of sockets) {
      const [id, count] = shards.get(ws) ?? [0, 1];
      if (!guildId || shardOf(guildId, count) === id) send(ws, { op: 0, t, s: ++seq, d });
    }
  };
  const message = (channelId: string, body: Record<string, unknown>, author = bot) => {
    const m = {
      id: snowflake(), channel_id: channelId, guild_id: GUILD_ID, author, content: body.content ?? "", embeds: body.embeds ?? [], components: body.components ?? [],
      timestamp: new Date().toISOString(), edited_timestamp: null, tts: false, mention_everyone: false, mentions: [], mention_roles: [],
      attachments: [], pinned: false, type: 0, flags: body.flags ?? 0,
    };
    messages.set(m.id, m);
    return m;
  };
  const thread = (id: string, parentId: string, name: string) => {
    const t = {
      id, type: 11, guild_id: GUILD_ID, parent_id: parentId, name, owner_id: BOT_ID, message_count: 0, member_count: 1,
      thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false },
    };
    channels.set(id, t);
    dispatch("THREAD_CREATE", { ...t, newly_created: true });
    return t;
  };

  const rest = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const path = (req.url ?? "").replace(/^\/api\/v\d+/, "").split("?")[0]!;
      const body = raw && req.headers["content-type"]?.includes("json") ? (JSON.parse(raw) as Record<string, unknown>) : {};
      const call: RestCall = { method: req.method!, path, body, at: Date.now() };
      calls.push(call);
      const json = (status: number, data?: unknown) => {
        res.writeHead(status, data === undefined ? {} : { "content-type": "application/json" });
        res.end(data === undefined ? "" : JSON.stringify(data));
      };
      let m: RegExpMatchArray | null;
      if (path === "/gateway/bot") return json(200, { url: gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } });
      if (path === "/applications/@me" || path === "/oauth2/applications/@me") return json(200, { id: APP_ID, name: "Peerloop", flags: 0 });
      if ((m = path.match(/^\/applications\/\d+(?:\/guilds\/(\d+))?\/commands$/))) {
        const key = m[1] ?? "global";
        if (req.method === "PUT") commands.set(key, (body as unknown as unknown[]).map((c) => ({ ...(c as object), id: snowflake(), application_id: APP_ID, version: "1" })));
        return json(200, commands.get(key) ?? []);
      }
      if ((m = path.match(/^\/interactions\/(\d+)\/([^/]+)\/callback$/))) return json(204);
      if ((m = path.match(/^\/webhooks\/\d+\/[^/]+\/messages\/(?:@|%40)original$/))) return json(200, message(CHANNEL_ID, body));
      if ((m = path.match(/^\/webhooks\/\d+\/[^/]+$/))) return json(200, message(CHANNEL_ID, body));
      if (path === "/users/@me/channels") {
        const id = `5${String(body.recipient_id).slice(1)}`;
        const dm = { id, type: 1, recipients: [user(String(body.recipient_id), knownNames.get(String(body.recipient_id)) ?? "member")], last_message_id: null };
        channels.set(id, dm);
        return json(200, dm);
      }
      if ((m = path.match(/^\/users\/(\d+)$/))) return json(200, user(m[1]!, knownNames.get(m[1]!) ?? `user${m[1]!.slice(-3)}`));
      if ((m = path.match(/^\/guilds\/(\d+)\/members\/(\d+)$/))) {
        return json(200, { user: user(m[2]!, knownNames.get(m[2]!) ?? `user${m[2]!.slice(-3)}`), roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, nick: null, flags: 0 });
      }
      if ((m = path.match(/^\/channels\/(\d+)\/messages\/(\d+)\/threads$/))) return m[1] === LOCKED_ID ? json(403, { message: "Missing Access", code: 50001 }) : json(201, thread(m[2]!, m[1]!, String(body.name)));
      if ((m = path.match(/^\/channels\/(\d+)\/threads$/))) {
        const starter = message("pending", (body.message as Record<string, unknown>) ?? {});
        const t = thread(starter.id as string, m[1]!, String(body.name));
        starter.channel_id = t.id;
        return json(201, { ...t, message: starter });
      }
      if ((m = path.match(/^\/channels\/(\d+)\/messages$/)) && req.method === "POST") {
        if (m[1] === LOCKED_ID) return json(403, { message: "Missing Permissions", code: 50013 });
        if (!channels.has(m[1]!)) return json(404, { message: "Unknown Channel", code: 10003 });
        call.created = message(m[1]!, body);
        return json(200, call.created);
      }
      if ((m = path.match(/^\/channels\/(\d+)\/messages\/(\d+)$/))) {
        const found = messages.get(m[2]!);
        if (found && req.method === "PATCH" && found.channel_id !== m[1]) return json(404, { message: "Unknown Message", code: 10008 });
        if (found && req.method === "PATCH") Object.assign(found, body, { edited_timestamp: new Date().toISOString() });
        return found ? json(200, found) : json(404, { message: "Unknown Message", code: 10008 });
      }
      if ((m = path.match(/^\/channels\/(\d+)$/))) {
        const found = channels.get(m[1]!);
        return found ? json(200, found) : json(404, { message: "Unknown Channel", code: 10003 });
      }
      return json(404, { message: `fake has no route for ${req.method} ${path}`, code: 0 });
    });
  });
  await new Promise<void>((r) => rest.listen(0, "127.0.0.1", r));

  const wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise<void>((r) => wss.once("listening", () => r()));
  const gatewayUrl = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`;
  wss.on("connection", (ws) => {
    sockets.add(ws);
    ws.on("close", () => sockets.delete(ws));
    send(ws, { op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null });
    ws.on("message", (raw) => {
      const p = JSON.parse(String(raw)) as { op: number; d: Record<string, unknown> };
      if (p.op === 1) return send(ws, { op: 11, d: null, s: null, t: null });
      if (p.op !== 2) return;
      identified.push(p.d);
      const shard = (p.d.shard as [number, number] | undefined) ?? [0, 1];
      shards.set(ws, shard);
      const mine = [GUILD_ID, GUILD2_ID].filter((g) => shard[1] === 1 ? g === GUILD_ID : shardOf(g, shard[1]) === shard[0]);
      send(ws, { op: 0, t: "READY", s: ++seq, d: {
        v: 10, user: bot, guilds: mine.map((id) => ({ id, unavailable: true })), session_id: `session-${shard[0]}`, resume_gateway_url: gatewayUrl,
        application: { id: APP_ID, flags: 0 }, shard,
      } });
      for (const guildId of mine) {
        send(ws, { op: 0, t: "GUILD_CREATE", s: ++seq, d: {
          id: guildId, name: guildId === GUILD_ID ? "Peers Server" : "Second Server", owner_id: "800000000000000001", icon: null, splash: null, afk_timeout: 300, verification_level: 0,
          default_message_notifications: 0, explicit_content_filter: 0, features: [], mfa_level: 0, system_channel_flags: 0, premium_tier: 0,
          preferred_locale: "en-US", nsfw_level: 0, joined_at: new Date().toISOString(), large: false, unavailable: false, member_count: 3,
          roles: [{ id: guildId, name: "@everyone", permissions: "277025508416", position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
          channels: [...channels.values()].filter((c) => c.guild_id === guildId && c.type !== 11), threads: [], emojis: [], stickers: [],
          members: [{ user: bot, roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 }],
          voice_states: [], presences: [], stage_instances: [], guild_scheduled_events: [], soundboard_sounds: [],
        } });
      }
    });
  });

  return {
    restUrl: `http://127.0.0.1:${(rest.address() as AddressInfo).port}/api`,
    gatewayUrl,
    calls,
    commands,
    identified,
    messages,
    dispatch,
    snowflake,
    of: (method: string, pattern: RegExp) => calls.filter((c) => c.method === method && pattern.test(c.path)),
    connected: () => sockets.size > 0 && identified.length > 0,
    /** Drops every gateway connection (a replica restart); discord.js reconnects. */
    shards,
    close: async () => {
      for (const ws of sockets) ws.terminate();
      await new Promise<void>((r) => wss.close(() => r()));
      await new Promise<void>((r) => rest.close(() => r()));
    },
  };
};
