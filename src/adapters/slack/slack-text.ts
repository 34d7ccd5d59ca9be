/**
 * Slack's text conventions. Incoming text has &, <, > escaped and links, channels and users wrapped
 * in <...>; outgoing text must be escaped so nothing a member wrote can ping a group or forge a link.
 */

/** What a member typed, as they meant it: links bare, channels as #name, users kept as <@U…>. */
export const unescapeSlack = (text: string): string =>
  text
    .replace(/<((?:https?|ftp|mailto|tel):[^|>]*)(?:\|([^>]*))?>/gi, (_m, url: string, label?: string) =>
      /^(mailto|tel):/i.test(url) ? (label ?? url.replace(/^(mailto|tel):/i, "")) : url)
    .replace(/<#([A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, id: string, name?: string) => `#${name || id}`)
    .replace(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g, "<@$1>")
    .replace(/<!(here|channel|everyone)(?:\|[^>]*)?>/g, "@$1")
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]*))?>/g, (_m, name?: string) => name ?? "@group")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/**
 * Member text for mrkdwn: every <, > and & escaped, so no <!channel>, <!here>, <@group> or <url|label>
 * can be formed; only the user mentions the author wrote (<@U…>) are let through again.
 */
export const escapeSlack = (text: string): string =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/&lt;@([UW][A-Z0-9]{2,})&gt;/g, "<@$1>");

/** A link the bot writes: the target must be http(s), and the label cannot break out of it. */
export const slackLink = (url: string, label: string): string =>
  /^https?:\/\//i.test(url) ? `<${url.replace(/[<>|\s]/g, encodeURIComponent)}|${escapeSlack(label).replace(/\|/g, "¦")}>` : escapeSlack(label);

/** Cuts text to Slack's per-field limits on a character boundary, marking the cut. */
export const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
