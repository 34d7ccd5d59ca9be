import type { ModalSubmitInteraction } from "discord.js";

/** A modal field's submitted values (a select's choices), or [] when the form did not carry it. */
export const valuesOf = (i: ModalSubmitInteraction, customId: string): string[] => {
  try {
    return [...((i.fields.getField(customId) as { values?: readonly string[] }).values ?? [])];
  } catch {
    return [];
  }
};

/** A modal text input's value, or "" when the form did not carry it. */
export const textOf = (i: ModalSubmitInteraction, customId: string): string => {
  try {
    return i.fields.getTextInputValue(customId) ?? "";
  } catch {
    return "";
  }
};
