import type { Message } from "../shared/message";
import type { EmailItem } from "./email-types";

/** The confirmation: a code to type in chat, and a link that does the same. */
export const confirmationEmail = (communityName: string, code: string, link: string): Message => ({
  title: `Confirm your email for ${communityName} on Peerloop`,
  text: `Someone (we hope you) asked Peerloop to email updates from ${communityName} to this address. ` +
    `To confirm, type /notify email confirm ${code} in chat, or open the link below. The code works for 24 hours. ` +
    "If this wasn't you, ignore this email: nothing else will be sent.",
  fields: [{ label: "Your code", value: code }],
  links: [{ label: "Confirm my email", url: link }],
});

/** A digest by email: what the followed tags brought since the last one. */
export const emailDigest = (communityName: string, items: readonly EmailItem[], frequency: string, webUrl?: string): Message => ({
  title: `Your ${frequency} Peerloop digest from ${communityName}`,
  text: `${items.length} new item${items.length === 1 ? "" : "s"} for the tags you follow.`,
  items: items.map((i) => ({ title: i.summary })),
  links: webUrl ? [{ label: "Open the library", url: webUrl }] : undefined,
});
