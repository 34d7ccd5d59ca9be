/**
 * Slack's text conventions. Incoming text has &, <, > escaped and links, channels and users wrapped
 * in <...>; outgoing text must be escaped so nothing a member wrote can ping a group or forge a link.
 */

/**
 * A mention Slack itself marked up (<@U123>) is kept between two private-use characters, which no
 * member text can contain (the door removes them first): so "<@U123>" typed as text, which Slack sends
 * as &lt;@U123&gt;, stays text and can never become a ping when the bot posts it.
 */
const OPEN = "\uE000", CLOSE = "\uE001";
const PRIVATE_USE = /[\uE000-\uF8FF]/g;

/** What a member typed, as they meant it: links bare, channels as #name, real user mentions marked. */
export const unescapeSlack = (text: string): string =>
  text
    .replace(PRIVATE_USE, "")
    .replace(/<((?:https?|ftp|mailto|tel):[^|>]*)(?:\|([^>]*))?>/gi, (_m, url: string, label?: string) =>
      /^(mailto|tel):/i.test(url) ? (label ?? url.replace(/^(mailto|tel):/i, "")) : url)
    .replace(/<#([A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, id: string, name?: string) => `#${name || id}`)
    .replace(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g, `${OPEN}@$1${CLOSE}`)
    .replace(/<!(here|channel|everyone)(?:\|[^>]*)?>/g, "@$1")
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]*))?>/g, (_m, name?: string) => name ?? "@group")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/**
 * Member text for mrkdwn: every <, > and & escaped, so no <!channel>, <!here>, <@…> or <url|label> can
 * be formed; only the user mentions Slack marked up in the author's own message are let through again.
 */
export const escapeSlack = (text: string): string =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(new RegExp(`${OPEN}@([UW][A-Z0-9]{2,})${CLOSE}`, "g"), "<@$1>")
    .replace(PRIVATE_USE, "");

/** Member text for places that are not mrkdwn (plain text fields, logs): real mentions as @U123. */
export const plainSlack = (text: string): string => text.replace(new RegExp(`${OPEN}(@[UW][A-Z0-9]{2,})${CLOSE}`, "g"), "$1").replace(PRIVATE_USE, "");

/** A link the bot writes: the target must be http(s), and the label cannot break out of it. */
export const slackLink = (url: string, label: string): string =>
  /^https?:\/\//i.test(url) ? `<${url.replace(/[<>|\s]/g, encodeURIComponent)}|${escapeSlack(label).replace(/\|/g, "¦")}>` : escapeSlack(label);

/** Cuts text to Slack's per-field limits on a character boundary, marking the cut. */
export const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
