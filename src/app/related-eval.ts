import { createHash } from "node:crypto";
import { z } from "zod";
import { normalizeUrl } from "../core/resources/normalize-url";
import type { RelatedService } from "../core/related/related-service";
import type { Store } from "../core/store";

/**
 * The related-answers evaluation format (`npm run related -- --jsonl`, ../shared/reuse): answered
 * questions and resources are stored in a community of their own as a community would have them (a
 * question, a helper's reply, a resolution crediting the helper; a shared link), indexed by the real
 * service, and each ask is answered by the same `find` a member's /ask runs.
 */
export const RELATED_LINE = z.discriminatedUnion("op", [
  z.object({ op: z.literal("answered"), id: z.string().min(1).max(200), question: z.string().max(10_000), answer: z.string().max(10_000).default(""), tags: z.array(z.string().max(60)).max(20).default([]) }),
  z.object({ op: z.literal("resource"), id: z.string().min(1).max(200), url: z.string().max(2_000), title: z.string().max(1_000).default(""), note: z.string().max(5_000).default(""), tags: z.array(z.string().max(60)).max(20).default([]) }),
  z.object({ op: z.literal("ask"), id: z.string().min(1).max(200), question: z.string().max(10_000) }),
]);
export type RelatedLine = z.infer<typeof RELATED_LINE>;

/** A scratch community and its two members, for one evaluation run. */
export const scratchCommunity = async (store: Store, name: string) => {
  const community = await store.communities.upsert("shell", name, name);
  const asker = await store.members.upsert(community.id, `${name}:asker`, "asker", false);
  const helper = await store.members.upsert(community.id, `${name}:helper`, "helper", false);
  return { community, asker, helper };
};

export class RelatedFixture {
  /** Our id of each stored item → the line's id. */
  private readonly names = new Map<string, string>();
  private n = 0;

  /**
   * `seed` names the run: items get ids hashed from it and their line ids, so a run repeats the same
   * order of ids (ties among candidates fall the same way; training rebuilds byte for byte).
   */
  constructor(private readonly store: Store, private readonly related: RelatedService, private readonly scratch: Awaited<ReturnType<typeof scratchCommunity>>, private readonly seed = scratch.community.id) {}

  private idFor(lineId: string): string {
    const h = createHash("sha256").update(`${this.seed}\u0000${lineId}`).digest("hex");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  /** The line id of a stored item. */
  nameOf(id: string): string | undefined {
    return this.names.get(id);
  }

  /** Stores an answered question or a resource; answers an ask with the ids `find` would show. */
  async apply(line: RelatedLine, at: Date): Promise<{ id: string; related: string[]; thread: string[] } | undefined> {
    const { community, asker, helper } = this.scratch;
    const tags = (t: string[]) => t.map((x) => x.replace(/^#/, "").toLowerCase()).filter(Boolean);
    if (line.op === "answered") {
      const thread = await this.store.threads.create({ id: this.idFor(line.id), communityId: community.id, kind: "question", text: line.question, tags: tags(line.tags), askerId: asker.id, channelId: "eval", createdAt: at, guardOverride: false });
      if (line.answer) {
        await this.store.threads.addReply({ communityId: community.id, threadId: thread.id, authorId: helper.id, platformMessageId: `eval-${++this.n}`, channelId: "eval", text: line.answer, isFollowUp: false, createdAt: at });
      }
      await this.store.threads.resolve(community.id, thread.id, { outcome: "resolved", note: null, helperIds: line.answer ? [helper.id] : [], at });
      await this.related.reindex(community.id, { kind: "thread", id: thread.id });
      this.names.set(thread.id, line.id);
      return undefined;
    }
    if (line.op === "resource") {
      let url: string;
      try {
        url = normalizeUrl(line.url);
      } catch {
        url = `https://invalid.example/${++this.n}`;
      }
      const r = await this.store.resources.create({
        id: this.idFor(line.id), communityId: community.id, url, originalUrl: line.url, title: line.title || null, note: line.note || null,
        tags: tags(line.tags), sharerId: helper.id, channelId: "eval", createdAt: at, guardOverride: false,
      });
      await this.related.reindex(community.id, { kind: "resource", id: r.id });
      this.names.set(r.id, line.id);
      return undefined;
    }
    const found = await this.related.suggest(community.id, line.question);
    const ids = (ms: { doc: { id: string } }[]) => ms.map((m) => this.names.get(m.doc.id) ?? m.doc.id);
    return { id: line.id, related: ids(found.before), thread: ids(found.thread) };
  }
}
