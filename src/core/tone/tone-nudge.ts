import type { Message } from "../shared/message";
import type { ToneCategory, ToneResult } from "./tone-types";

const WHY: Record<ToneCategory, string> = {
  client_disparagement: "Peers read this as contempt for the people we serve, and clients or their families could one day read it too. Our ethics ask us to protect their dignity, even when we are frustrated.",
  colleague_disparagement: "A put-down of a colleague or agency lands on a person others here may know, and it makes it harder for them to help with the real problem.",
  profession_disparagement: "Critique of social work is welcome here; contempt for the whole profession tends to end the conversation instead of starting it.",
};

const REWORD: Record<ToneCategory, string> = {
  client_disparagement: "Try describing what happened and what you need, in neutral words: \"a client missed three appointments; how do you re-engage someone without pressure?\" rather than a label, scare quotes or an eye-roll.",
  colleague_disparagement: "Try naming the practice problem and what you need: \"our intake worker and I keep missing each other on referrals; how do you escalate that respectfully?\"",
  profession_disparagement: "Try making the critique specific: which practice, policy or training falls short, and what would work better.",
};

/**
 * The private, kind note a member gets before a flagged post goes out: what reads as disparaging,
 * why it matters in a professional network, a way to say the same thing. It never blocks: the doors
 * show "Post as is" and "Edit" beside it.
 */
export const toneNudge = (r: Pick<ToneResult, "category" | "spans">, what: string, when: "before" | "after" = "before"): Message => {
  const category = r.category ?? "client_disparagement";
  const quoted = [...new Set(r.spans.map((s) => s.text.trim()))].slice(0, 4).map((s) => `"${s}"`).join(", ");
  return {
    title: "Before this goes out: a note on tone",
    text: `Your ${what} may read as disparaging${quoted ? ` (${quoted})` : ""}. ${WHY[category]} ${REWORD[category]} ` +
      "If you are venting about a hard day, that is welcome here: say how it is for you. " +
      (when === "before" ? "Post as is, or edit and send it again." : "It is posted; you can edit it on the platform if you'd like to."),
    tone: "warning",
  };
};
