import { z } from "zod";
import type { Actor, Place } from "../src/core/shared/context";
import type { Outcome } from "../src/core/shared/message";
import type { Services } from "../src/app/services";

/**
 * How an option is typed on each platform and read from free text (Slack, the shell):
 * url/choice/tag/member take one word (a member's is the one starting with @), tags collect every #word,
 * text takes the rest of the line.
 */
export type OptionKind = "url" | "text" | "tags" | "tag" | "choice" | "member";

export interface OptionDef {
  kind: OptionKind;
  description: string;
  required: boolean;
  choices?: readonly string[];
  schema: z.ZodType;
}

const make = (kind: OptionKind, description: string, schema: z.ZodType, choices?: readonly string[]) => {
  const def: OptionDef = { kind, description, required: true, schema, choices };
  return Object.assign(def, { optional: (): OptionDef => ({ ...def, required: false, schema: schema.optional() }) });
};

const word = (what: string) => z.string({ error: `Add ${what}.` }).trim().min(1, { error: `Add ${what}.` });

export const opt = {
  url: (description: string) => make("url", description, word("a link (https://...)")),
  text: (description: string) => make("text", description, word(description.toLowerCase())),
  /** Tags as a list; free text gives every #word, Discord a string split on spaces and commas. */
  tags: (description: string) =>
    make("tags", description, z.union([z.string(), z.array(z.string())]).transform((v) => (typeof v === "string" ? v.split(/[\s,]+/) : v).filter(Boolean))),
  tag: (description: string) => make("tag", description, word("a tag, like #ethics")),
  /** A member: a platform mention (Slack escapes it for us), Discord's user picker, or @name in the shell. */
  member: (description: string) => make("member", description, word("a member, like @maria")),
  choice: <const C extends readonly [string, ...string[]]>(description: string, choices: C) =>
    make("choice", description, z.string({ error: `Choose one of: ${choices.join(", ")}.` }).trim().toLowerCase()
      .pipe(z.enum(choices, { error: `Choose one of: ${choices.join(", ")}.` })), choices),
};

export interface CommandContext {
  actor: Actor;
  place: Place;
  services: Services;
  /** The member confirmed the text is de-identified ("post anyway"). */
  confirmed: boolean;
  /** The member chose "Post as is" after the tone nudge. */
  toneConfirmed: boolean;
  /** The member saw related earlier answers and chose "Post my question". */
  relatedSeen: boolean;
}

type Args = Record<string, unknown>;

export interface SubcommandDef {
  description: string;
  example: string;
  options: Record<string, OptionDef>;
  run: (ctx: CommandContext, args: Args) => Promise<Outcome>;
}

export interface CommandDef {
  name: string;
  description: string;
  /** Shown in help and in error replies: a full line a member could type. */
  example: string;
  options: Record<string, OptionDef>;
  subcommands?: Record<string, SubcommandDef>;
  /** Which subcommand an empty invocation means. */
  defaultSubcommand?: string;
  run?: (ctx: CommandContext, args: Args) => Promise<Outcome>;
}

const NAME = /^[a-z][a-z0-9-]{0,31}$/;

/** Validates a definition when it is loaded, so a broken command fails at start-up, not on use. */
export const defineCommand = <const D extends CommandDef>(def: D): D => {
  if (!NAME.test(def.name)) throw new Error(`command name "${def.name}" must be lowercase letters, digits or -`);
  if (def.description.length > 100) throw new Error(`/${def.name}: descriptions are at most 100 characters (Discord's limit)`);
  if (!!def.run === !!def.subcommands) throw new Error(`/${def.name}: give either run or subcommands`);
  const groups = def.subcommands ? Object.values(def.subcommands).map((s) => s.options) : [def.options];
  for (const options of groups) {
    const kinds = Object.values(options).map((o) => o.kind);
    if (kinds.filter((k) => k === "text").length > 1) throw new Error(`/${def.name}: at most one text option, it takes the rest of the line`);
    for (const [name, o] of Object.entries(options)) {
      if (!NAME.test(name)) throw new Error(`/${def.name}: option name "${name}" must be lowercase`);
      if (o.description.length > 100) throw new Error(`/${def.name} ${name}: description over 100 characters`);
    }
  }
  return def;
};

/** The zod object for a set of options, used by the dispatcher to parse arguments. */
export const schemaOf = (options: Record<string, OptionDef>) =>
  z.object(Object.fromEntries(Object.entries(options).map(([k, o]) => [k, o.schema])));
