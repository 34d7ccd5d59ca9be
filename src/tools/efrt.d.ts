// efrt ships no types; the lexicon build only calls unpack().
declare module "efrt" {
  export function unpack(packed: string): Record<string, true>;
}
