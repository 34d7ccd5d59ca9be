import { resourceTitle } from "../resources/resource-cards";
import { hashtags } from "../shared/tags";
import type { Message } from "../shared/message";
import type { Store } from "../store";
import { threadLabel } from "../threads/thread-cards";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What a Peerloop web link shows when pasted in chat (Slack's unfurl): a library item's title, tags
 * and endorsements, a question's state, a roundup's week. Only for links into `communityId`'s own
 * library (`base` is its address), and never for posts kept off the web (past the guard).
 */
export const describeLink = async (store: Store, communityId: string, base: string, url: string): Promise<Message | null> => {
  if (!url.startsWith(base)) return null;
  const rest = url.slice(base.length).split(/[?#]/)[0]!.replace(/^\/+/, "");
  const [section, id] = rest.split("/");
  if (section === "resources" && id && UUID.test(id)) {
    const r = await store.resources.get(communityId, id.toLowerCase());
    if (!r || r.guardOverride) return null;
    return {
      title: resourceTitle(r),
      text: r.description ?? "A resource in the community's library.",
      fields: [
        ...(r.tags.length ? [{ label: "Tags", value: hashtags(r.tags) }] : []),
        { label: "Endorsements", value: String(r.endorsementCount) },
      ],
    };
  }
  if (section === "questions" && id && UUID.test(id)) {
    const t = await store.threads.get(communityId, id.toLowerCase());
    if (!t || t.guardOverride) return null;
    return {
      title: threadLabel(t),
      text: t.status === "resolved" ? "Resolved: the asker closed the loop." : t.replyCount ? `Open, ${t.replyCount} repl${t.replyCount === 1 ? "y" : "ies"} so far.` : "Open, waiting for its first answer.",
      fields: t.tags.length ? [{ label: "Tags", value: hashtags(t.tags) }] : [],
    };
  }
  if (section === "roundups" && id && /^\d{4}-W\d{2}$/.test(id)) return { title: `Weekly roundup, ${id}`, text: "What the community shared, asked and resolved that week." };
  if (!section) return { title: "The community library", text: "Resources, answered questions and weekly roundups." };
  return null;
};
