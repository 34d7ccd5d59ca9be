/**
 * A sorted list of words kept as the one newline-joined string it was shipped as, looked up by binary
 * search over an index of line starts: a few bytes a word instead of a Set's tens, and no start-up
 * cost beyond one pass to find the line starts.
 */
export class WordList {
  private readonly starts: Uint32Array;

  constructor(private readonly joined: string) {
    let count = joined.length ? 1 : 0;
    for (let i = 0; i < joined.length; i++) if (joined.charCodeAt(i) === 10) count++;
    this.starts = new Uint32Array(count + 1);
    let n = 0;
    if (joined.length) this.starts[n++] = 0;
    for (let i = 0; i < joined.length; i++) if (joined.charCodeAt(i) === 10) this.starts[n++] = i + 1;
    this.starts[n] = joined.length + 1;
  }

  get size(): number {
    return this.starts.length - 1;
  }

  has(word: string): boolean {
    return this.indexOf(word) >= 0;
  }

  /** The word's line number in the sorted list (what parallel arrays are indexed by), or -1. */
  indexOf(word: string): number {
    let lo = 0, hi = this.starts.length - 2;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const cmp = this.compare(mid, word);
      if (cmp === 0) return mid;
      if (cmp < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Compares line i with word by UTF-16 code units, the order JavaScript's sort() wrote them in. */
  private compare(i: number, word: string): number {
    const start = this.starts[i]!, end = this.starts[i + 1]! - 1;
    const len = end - start;
    const n = Math.min(len, word.length);
    for (let k = 0; k < n; k++) {
      const d = this.joined.charCodeAt(start + k) - word.charCodeAt(k);
      if (d !== 0) return d;
    }
    return len - word.length;
  }
}
