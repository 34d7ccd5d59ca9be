import { randomBytes } from "node:crypto";
import type { Writable } from "node:stream";
import type { Courier } from "../../core/jobs/courier";
import type { Audience, Button, Message } from "../../core/shared/message";
import { audienceLabel, renderMessage } from "./shell-render";

/** A button as the shell shows it; a welcome list's entries carry the list and the value they pick. */
export type ShellButton = Button & { pick?: { ref: string; values: string[] } };

/** A button the shell has printed, with the message it was on (`:press N` claims that message once). */
export interface ShownButton {
  button: ShellButton;
  card: string;
}

/**
 * Delivers job posts for the local community by printing them, as the shell door shows posts. With
 * the door's `buttons`, a job's buttons (an invitation's) are numbered with the door's own and
 * pressable with :press N; without a door (the jobs CLI) they print as "(button)".
 */
export const shellCourier = (output: Writable, buttons?: ShownButton[]): Courier => ({
  async deliver(_community, to: Audience, message: Message) {
    const ref = randomBytes(3).toString("hex");
    const lines = renderMessage(message, (i) => (buttons ? `:press ${buttons.push({ button: message.buttons![i]!, card: `job-${ref}` })}` : "(button)"));
    const channel = to.kind === "post" ? to.channelId : to.kind === "thread" ? (to.channelId ?? "general") : "general";
    output.write(`${audienceLabel(to, channel)} │ ${lines[0]}\n${lines.slice(1).map((l) => `${l}\n`).join("")}`);
    return { ref };
  },
});
