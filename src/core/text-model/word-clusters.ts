import { WordList } from "./word-list";

/** What the shipped cluster file holds (src/tools/build-word-clusters.ts writes it). */
export interface WordClusterData {
  words: string;
  coarse: string;
  fine: string;
  band: string;
}

export interface WordClass {
  /** One of 64 broad classes of meaning ("animals", "given names", "verbs of motion"...). */
  coarse: number;
  /** One of 1,024 narrow classes. */
  fine: number;
  /** How frequent the word is in the vectors' corpus: 0 most frequent, 15 rare. */
  band: number;
}

/**
 * Word classes from pretrained vectors: a word's class is a feature that lets a model trained on
 * "monkeys" recognise "baboons", or a name it never saw. Looked up by binary search in the shipped
 * string; no per-word objects are built.
 */
export class WordClusters {
  private readonly list: WordList;
  private readonly coarse: Uint8Array;
  private readonly fine: Uint16Array;
  private readonly band: Uint8Array;

  constructor(data: WordClusterData) {
    this.list = new WordList(data.words);
    this.coarse = bytes(data.coarse, Uint8Array, this.list.size);
    this.fine = bytes(data.fine, Uint16Array, this.list.size);
    this.band = bytes(data.band, Uint8Array, this.list.size);
  }

  get size(): number {
    return this.list.size;
  }

  /** The class of a lower-case word, or undefined for a word outside the 150,000. */
  of(word: string): WordClass | undefined {
    const i = this.list.indexOf(word);
    return i < 0 ? undefined : { coarse: this.coarse[i]!, fine: this.fine[i]!, band: this.band[i]! };
  }
}

const bytes = <T extends Uint8Array | Uint16Array>(b64: string, Type: { new (buffer: ArrayBuffer): T; BYTES_PER_ELEMENT: number }, n: number): T => {
  const raw = Buffer.from(b64, "base64");
  if (raw.length !== n * Type.BYTES_PER_ELEMENT) throw new Error("word-clusters.json is damaged: its classes do not match its words");
  // Copy into an aligned buffer of its own (a Buffer's offset may not be aligned for 16-bit reads).
  const copy = new ArrayBuffer(raw.length);
  new Uint8Array(copy).set(raw);
  return new Type(copy);
};
