import { COMMANDS } from "../../commands/index";
import { schemaOf } from "../../commands/define";
import type { Logger } from "../core/shared/logger";
import { parseText } from "./parse-text";
import type { Store } from "../core/store";

class RolledBack extends Error {}

/** Every command's example, as the help shows it, with the text its parser reads (subcommands one by one). */
export const commandExamples = () => COMMANDS.flatMap((c) => c.subcommands
  ? Object.entries(c.subcommands).map(([name, sub]) => ({ usage: `/${c.name} ${name}`, options: sub.options, example: sub.example, text: sub.example.replace(/^\/\S+\s+\S+\s*/, "") }))
  : [{ usage: `/${c.name}`, options: c.options, example: c.example, text: c.example.replace(/^\/\S+\s*/, "") }]);

/** Reads every command's example through its parser and schema once: zod's and the parser's first-time work, before a member's. */
export const warmParsers = (): void => {
  for (const v of commandExamples()) {
    try {
      schemaOf(v.options).safeParse(parseText(v.options, v.text, v.usage));
    } catch {
      // An example that does not parse fails test/unit/command-examples.test.ts; warming goes on.
    }
  }
};

/**
 * Runs the statements a member's first commands need once, right after start, inside a transaction
 * that is rolled back: the query compiler and the JIT do their first-time work before a member is
 * waiting (the first /share after a deploy took 375 ms, the following ones 10-20 ms). Nothing is kept.
 */
export const warmQueries = async (store: Store, logger: Logger): Promise<void> => {
  const started = Date.now();
  const now = new Date();
  try {
    await store.transaction(async (tx) => {
      const community = await tx.communities.upsert("shell", "(warm-up)", "warm-up");
      const member = await tx.members.upsert(community.id, "(warm-up)", "warm-up", false);
      await tx.resources.findByUrl(community.id, "https://warm-up.invalid/");
      const resource = await tx.resources.create({
        communityId: community.id, url: "https://warm-up.invalid/", originalUrl: "https://warm-up.invalid/", title: null, note: null, tags: ["warm-up"],
        sharerId: member.id, channelId: "warm-up", createdAt: now, guardOverride: false,
      });
      await tx.tags.touch(community.id, ["warm-up"], now);
      await tx.subscriptions.followersOf(community.id, ["warm-up"]);
      await tx.people?.followersOf(community.id, member.id);
      await tx.resources.attachPost(community.id, resource.id, "warm-up", "warm-up");
      await tx.resources.search(community.id, { text: "warm up", tags: [], limit: 10, now });
      await tx.threads.findByRef(community.id, "warm-up");
      throw new RolledBack();
    });
  } catch (error) {
    if (!(error instanceof RolledBack)) logger.warn("warm-up skipped", { error: error instanceof Error ? error.message : String(error) });
  }
  logger.info("warmed up", { ms: Date.now() - started });
};
