/**
 * Slack and Discord markup, blanked out with spaces so every offset still points into the
 * original message: findings quote the author's exact text.
 */
export interface Stripped {
  /** The message with markup replaced by spaces, same length as the original. */
  text: string;
  /** Spans of links the platform wrapped (<https://...|label>), with their target. */
  links: { start: number; end: number; url: string }[];
}

const blank = (s: string) => " ".repeat(s.length);

export const stripMarkup = (original: string): Stripped => {
  const links: Stripped["links"] = [];
  let text = original;
  // <@U123>, <@!123>, <@&123>, <#C123|name>, <#123>, <!here>, <!channel>: mentions of colleagues and channels.
  text = text.replace(/<[@#!][^<>\s]*>/g, blank);
  // A mention a door marked (between private-use characters): a colleague, never a client.
  text = text.replace(/\uE000@[^\uE001\s]*\uE001/g, blank);
  // <https://x|label>, <mailto:a@b|a@b>, <tel:123|123-4>: keep the label where it stands.
  text = text.replace(/<((?:https?|mailto|tel):[^|<>\s]+)(\|([^<>]*))?>/g, (m, target: string, _l, label: string | undefined, offset: number) => {
    if (label === undefined) {
      links.push({ start: offset + 1, end: offset + 1 + target.length, url: target });
      return ` ${target} `;
    }
    const head = m.length - label.length - 1;
    links.push({ start: offset + head, end: offset + head + label.length, url: target });
    return `${blank(m.slice(0, head))}${label} `;
  });
  // Discord user/role/channel mentions and custom emoji: <@123>, <:name:123>, <a:name:123>.
  text = text.replace(/<a?:\w+:\d+>/g, blank);
  // Emphasis, code and spoiler markers: **, __, ~~, ||, `, *, _ at word edges.
  text = text.replace(/\*\*|__|~~|\|\||`+/g, blank);
  text = text.replace(/(^|[\s(])[*_](?=\S)/g, (m) => m.slice(0, -1) + " ");
  text = text.replace(/(?<=\S)[*_](?=[\s).,!?:;]|$)/g, " ");
  return { text, links };
};
