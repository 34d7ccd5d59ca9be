import type { OptionDef } from "../../commands/define";
import { fail } from "../core/shared/errors";

interface Token {
  text: string;
  start: number;
  end: number;
}

const isHashtag = (t: Token) => /^#[^#\s]/.test(t.text);
/** @name, a platform mention, or the Slack door's marked mention (between private-use characters). */
const isMention = (t: Token) => /^(\uE000?@\S|<@)/.test(t.text);

/**
 * Reads a free-text command line (Slack, the shell) into named options. Single-word options (url,
 * choice, tag) take words from the front in order; `tags` collects every #word; the text option
 * takes what is left, keeping the author's spacing and any hashtags written mid-sentence.
 */
export const parseText = (options: Record<string, OptionDef>, text: string, usage: string): Record<string, unknown> => {
  let tokens: Token[] = [...text.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: m.index!, end: m.index! + m[0].length }));
  const args: Record<string, unknown> = {};
  const entries = Object.entries(options);
  const tagsOption = entries.find(([, o]) => o.kind === "tags");
  const textOption = entries.find(([, o]) => o.kind === "text");

  if (tagsOption) {
    const tags = tokens.filter(isHashtag);
    if (tags.length) args[tagsOption[0]] = tags.map((t) => t.text);
  }
  const memberOption = entries.some(([, o]) => o.kind === "member");
  for (const [name, o] of entries) {
    if (o.kind !== "url" && o.kind !== "choice" && o.kind !== "tag" && o.kind !== "member") continue;
    const candidates = tokens.filter((t) => !(tagsOption && isHashtag(t)) && (o.kind === "member" || !memberOption || !isMention(t)));
    const picked = o.kind === "member" ? candidates.find(isMention)
      : o.kind === "tag" ? (candidates.find(isHashtag) ?? candidates[0]) : candidates[0];
    if (!picked) continue;
    args[name] = picked.text;
    tokens = tokens.filter((t) => t !== picked);
  }
  if (tagsOption) {
    // Hashtags at either end are just tags; mid-sentence ones stay part of the text too.
    while (tokens.length && isHashtag(tokens[0]!)) tokens.shift();
    while (tokens.length && isHashtag(tokens.at(-1)!)) tokens.pop();
  }
  if (textOption) {
    if (tokens.length) args[textOption[0]] = spliceText(text, tokens);
  } else {
    const extra = tokens.filter((t) => !(tagsOption && isHashtag(t)));
    if (extra.length) fail("INVALID_OPTION", `I didn't understand "${extra.map((t) => t.text).join(" ").slice(0, 60)}". Usage: ${usage}`);
  }
  return args;
};

/** The original text from the first to the last remaining token, without the words taken out. */
const spliceText = (text: string, kept: Token[]): string => {
  let out = "";
  for (let i = 0; i < kept.length; i++) {
    const t = kept[i]!, next = kept[i + 1];
    out += t.text;
    if (next) {
      const between = text.slice(t.end, next.start);
      out += /\S/.test(between) ? " " : between;
    }
  }
  return out.trim();
};
