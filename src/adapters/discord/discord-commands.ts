import type { CommandDef, OptionDef } from "../../../commands/define";

export const MARK_AS_ANSWER = "Mark as answer";
/** Message context-menu commands (issue 27): act on a message already posted. */
export const SAVE_TO_LIBRARY = "Save to library";
export const TRACK_AS_QUESTION = "Track as question";

const STRING = 3, USER = 6, SUB_COMMAND = 1, CHAT_INPUT = 1, MESSAGE = 3;

const option = (name: string, o: OptionDef) => ({
  type: o.kind === "member" ? USER : STRING,
  name,
  description: o.kind === "tags" ? `${o.description} (with or without #, spaces or commas)`.slice(0, 100) : o.description,
  required: o.required,
  ...(o.choices ? { choices: o.choices.slice(0, 25).map((c) => ({ name: c, value: c })) } : {}),
  ...(o.kind === "url" ? { max_length: 2000 } : o.kind === "text" ? { max_length: 4000 } : o.kind === "tag" ? { max_length: 41 } : {}),
});

// Discord wants required options before optional ones.
const options = (opts: Record<string, OptionDef>) =>
  Object.entries(opts).map(([n, o]) => option(n, o)).sort((a, b) => Number(b.required) - Number(a.required));

/** Discord's application command definitions, derived from commands/ (plus the "Mark as answer" menu). */
export const discordCommands = (commands: readonly CommandDef[]) => [
  ...commands.map((c) => ({
    type: CHAT_INPUT,
    name: c.name,
    description: c.description,
    dm_permission: false,
    options: c.subcommands
      ? Object.entries(c.subcommands).map(([name, s]) => ({ type: SUB_COMMAND, name, description: s.description.slice(0, 100), options: options(s.options) }))
      : options(c.options),
  })),
  { type: MESSAGE, name: MARK_AS_ANSWER, dm_permission: false },
  { type: MESSAGE, name: SAVE_TO_LIBRARY, dm_permission: false },
  { type: MESSAGE, name: TRACK_AS_QUESTION, dm_permission: false },
];

type Def = ReturnType<typeof discordCommands>[number];

/** Only the fields we set, normalised, so a fetched definition compares equal to ours. */
const comparable = (d: Partial<Def> & Record<string, unknown>): unknown => {
  const strip = (o: Record<string, unknown>): Record<string, unknown> => ({
    type: o.type, name: o.name, description: o.description ?? "", required: Boolean(o.required),
    choices: (o.choices as unknown[] | undefined) ?? [], max_length: o.max_length ?? null,
    options: ((o.options as Record<string, unknown>[] | undefined) ?? []).map(strip),
  });
  return strip(d as Record<string, unknown>);
};

/** Whether Discord already has exactly these definitions (then the bulk overwrite is skipped). */
export const sameDefinitions = (existing: readonly Record<string, unknown>[], wanted: readonly Def[]): boolean => {
  if (existing.length !== wanted.length) return false;
  const key = (d: Record<string, unknown>) => `${d.type}:${d.name}`;
  const byKey = new Map(existing.map((d) => [key(d), JSON.stringify(comparable(d))]));
  return wanted.every((w) => byKey.get(key(w as Record<string, unknown>)) === JSON.stringify(comparable(w as Record<string, unknown>)));
};
