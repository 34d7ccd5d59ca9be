import { OUTCOMES, type ThreadOutcome } from "../../core/threads/thread-types";
import { clip, escapeSlack } from "./slack-text";

export const RESOLVE_VIEW = "peerloop_resolve";

const LABELS: Record<ThreadOutcome, string> = { resolved: "Resolved", partly: "Partly resolved", still_open: "Still open, closing for now" };
const option = (o: ThreadOutcome) => ({ text: { type: "plain_text", text: LABELS[o] }, value: o });

/** The Resolve form: an outcome, the helpers to credit, and an optional note. */
export const resolveModal = (threadId: string, channelId: string, question: string) => ({
  type: "modal" as const,
  callback_id: RESOLVE_VIEW,
  private_metadata: JSON.stringify({ threadId, channelId }),
  title: { type: "plain_text" as const, text: "Close the loop" },
  submit: { type: "plain_text" as const, text: "Resolve" },
  close: { type: "plain_text" as const, text: "Cancel" },
  blocks: [
    { type: "section", text: { type: "mrkdwn", text: clip(`>${escapeSlack(question).replace(/\n/g, "\n>")}`, 3000) } },
    {
      type: "input", block_id: "outcome", label: { type: "plain_text", text: "How did it go?" },
      element: { type: "radio_buttons", action_id: "value", initial_option: option("resolved"), options: OUTCOMES.map(option) },
    },
    {
      type: "input", block_id: "helpers", optional: true, label: { type: "plain_text", text: "Who helped? They'll be credited in the roundup" },
      element: { type: "multi_users_select", action_id: "value", max_selected_items: 10 },
    },
    {
      type: "input", block_id: "note", optional: true, label: { type: "plain_text", text: "What helped? (optional, no client details)" },
      element: { type: "plain_text_input", action_id: "value", multiline: true, max_length: 1000 },
    },
  ],
});

interface ViewState {
  private_metadata?: string;
  state?: { values?: Record<string, Record<string, { selected_option?: { value?: string } | null; selected_users?: string[]; value?: string | null }>> };
}

/** Reads a submitted Resolve form; null when it is not one of ours or was tampered with. */
export const readResolveSubmission = (view: ViewState) => {
  try {
    const meta = JSON.parse(view.private_metadata ?? "") as { threadId?: string; channelId?: string };
    const v = view.state?.values ?? {};
    const outcome = v.outcome?.value?.selected_option?.value as ThreadOutcome | undefined;
    if (!meta.threadId || !meta.channelId || !outcome || !OUTCOMES.includes(outcome)) return null;
    return {
      threadId: meta.threadId, channelId: meta.channelId, outcome,
      helpers: v.helpers?.value?.selected_users ?? [], note: v.note?.value?.value ?? undefined,
    };
  } catch {
    return null;
  }
};
