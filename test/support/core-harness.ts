import { buildServices, type Dependencies } from "../../src/app/services";
import { PeerloopApp } from "../../src/app/peerloop-app";
import type { ToneCheck } from "../../src/core/tone/tone-types";
import type { Guard } from "../../src/core/guard/guard-types";
import { fixedClock } from "../../src/core/shared/clock";
import type { Logger } from "../../src/core/shared/logger";
import type { Actor } from "../../src/core/shared/context";
import type { Outcome, Outgoing } from "../../src/core/shared/message";
import type { Store } from "../../src/core/store";
import { memoryStore } from "./memory-store";
import type { WebReader } from "../../src/core/sources/fetch-types";

export const noFindings: Guard = { inspect: () => [] };

/** A guard for tests of the gate's plumbing: flags the word "CLIENTNAME". */
export const keywordGuard: Guard = {
  inspect: (text) => [...text.matchAll(/CLIENTNAME/g)].map((m) => ({ type: "person_name" as const, text: m[0], start: m.index!, end: m.index! + m[0].length })),
};

/** An outgoing message as a door delivered it: public cards carry the platform reference they got. */
export type Posted = Outgoing & { ref?: string };

export interface LogLine {
  level: string;
  message: string;
  context?: Record<string, unknown>;
}

/**
 * The core wired as a door would see it, on any Store: members act by name in one community,
 * commands go through the real dispatcher, and anchored posts get a fake platform reference.
 */
export const coreHarness = (opts: { store?: Store; guard?: Guard; tone?: ToneCheck; now?: string; community?: string; web?: () => Promise<WebReader>; related?: Dependencies["related"] } = {}) => {
  const store = opts.store ?? memoryStore();
  const clock = fixedClock(opts.now ?? "2026-11-02T10:00:00Z");
  const logs: LogLine[] = [];
  const logger: Logger = {
    info: (message, context) => logs.push({ level: "info", message, context }),
    warn: (message, context) => logs.push({ level: "warn", message, context }),
    error: (message, context) => logs.push({ level: "error", message, context }),
  };
  const services = buildServices({ store, guard: opts.guard ?? noFindings, clock, logger, tone: opts.tone, web: opts.web, related: opts.related });
  const app = new PeerloopApp(services, logger);
  const community = opts.community ?? "T-test";
  let refs = 0;

  const actor = (name: string, isAdmin = false): Promise<Actor> =>
    app.resolveActor({ platform: "shell", communityExternalId: community, communityName: "Test community", memberExternalId: name, displayName: name, isAdmin });

  /** Posts anchored messages like a door does, returning the outcome with refs filled in. */
  const deliver = async (a: Actor, outcome: Outcome, channel = "general") => {
    const posted: Posted[] = [];
    for (const out of outcome.messages) {
      if (out.anchor) {
        const ref = `m${++refs}`;
        await app.posted(a.communityId, out.anchor, channel, ref);
        posted.push({ ...out, ref });
      } else posted.push(out);
    }
    return posted;
  };

  /** Runs "/command rest" as `name` and delivers what it posts. */
  const run = async (name: string, line: string, opts2: { admin?: boolean; channel?: string } = {}) => {
    const a = await actor(name, opts2.admin);
    const [, command = "", rest = ""] = /^\/(\S*)\s*([\s\S]*)$/.exec(line) ?? [];
    return deliver(a, await app.command(a, { channelId: opts2.channel ?? "general" }, { command, input: { text: rest } }), opts2.channel);
  };

  return { store, clock, logs, services, app, actor, run, deliver };
};

export const privateTexts = <T extends Outgoing>(posted: T[]) => posted.filter((o) => o.to.kind === "actor").map((o) => `${o.message.title ?? ""} ${o.message.text}`.trim());
export const publicPosts = <T extends Outgoing>(posted: T[]): T[] => posted.filter((o) => o.to.kind === "channel" || o.to.kind === "thread" || o.to.kind === "post");
export const directMessages = <T extends Outgoing>(posted: T[]): T[] => posted.filter((o) => o.to.kind === "member");
export const errorCode = (posted: Outgoing[]) => posted.find((o) => o.message.tone === "error")?.message.fields?.find((f) => f.label === "Code")?.value;
