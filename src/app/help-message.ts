import { COMMANDS } from "../../commands/index";
import type { CommandDef, OptionDef } from "../../commands/define";
import type { Message } from "../core/shared/message";

const optionUsage = (name: string, o: OptionDef): string => {
  const shown = o.kind === "tags" ? "#tags" : o.kind === "tag" ? "#tag" : o.kind === "choice" ? (o.choices ?? []).join("|") : name;
  return o.required ? `<${shown}>` : `[${shown}]`;
};

/** "/share <url> [#tags] [note]": the line a member types, derived from the definition. */
export const usageOf = (c: CommandDef, sub?: string): string => {
  if (c.subcommands) {
    const s = sub ? c.subcommands[sub] : undefined;
    if (s) return [`/${c.name} ${sub}`, ...Object.entries(s.options).map(([n, o]) => optionUsage(n, o))].join(" ");
    return `/${c.name} ${Object.keys(c.subcommands).join("|")}`;
  }
  return [`/${c.name}`, ...Object.entries(c.options).map(([n, o]) => optionUsage(n, o))].join(" ");
};

export const helpMessage = (): Message => ({
  title: "Peerloop commands",
  text: "Share what helps, ask your peers, close the loop. Tags start with #. Only you see this.",
  items: COMMANDS.flatMap((c) =>
    c.subcommands
      ? Object.entries(c.subcommands).map(([name, s]) => ({ title: usageOf(c, name), detail: `${s.description}. e.g. ${s.example}` }))
      : [{ title: usageOf(c), detail: `${c.description}. e.g. ${c.example}` }],
  ),
});
