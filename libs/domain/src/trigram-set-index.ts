import { trigrams } from './text-similarity';
import { ASCII_SYMBOL, ASCII_SYMBOLS as SYMBOLS } from './trigram-symbols';

/**
 * The pg_trgm trigram sets (see `trigrams`) of many texts, kept as arrays of small integer ids,
 * for scoring one query against all of them many times without reading or splitting the texts
 * again: exactly `trigramSimilarity(query, text)` for each text, from the ids alone.
 *
 * Each distinct trigram gets an id the first time a text holds it (an ASCII trigram through a
 * table of its three symbols, any other through a map). A text's ids are stored once each, in a
 * 16-bit array while there are at most 65,536 distinct trigrams, 32-bit beyond. `search` marks
 * the query's ids and walks each text's ids, dropping a text as soon as its misses exceed what its
 * size allows: a text of b trigrams sharing s of the query's n has similarity s / (n + b − s), so
 * reaching `atLeast` needs s ≥ atLeast·(n + b) / (1 + atLeast).
 */
export class TrigramSetIndex {
  /** Texts held. */
  size = 0;
  /** Trigram ids stored over all texts (2 or 4 bytes each). */
  entries = 0;
  /** Trigram id of an ASCII window (a·37² + b·37 + c), 0 when none yet; ids are stored + 1. */
  private readonly asciiIds = new Int32Array(SYMBOLS * SYMBOLS * SYMBOLS);
  private readonly otherIds = new Map<string, number>();
  private distinct = 0;
  private ids: Uint16Array | Uint32Array = new Uint16Array(1024);
  private offsets = new Uint32Array(64);
  /** Per trigram id: the text being added last marked it (duplicates within a text count once). */
  private marks = new Uint32Array(1024);
  /** Per trigram id: how many texts hold it. */
  private counts = new Uint32Array(1024);

  /** Whether trigram ids are stored in 32 bits (more than 65,536 distinct trigrams). */
  get wide(): boolean {
    return this.ids instanceof Uint32Array;
  }

  /** Bytes held by the arrays (an estimate of the index's memory). */
  get bytes(): number {
    return (
      this.ids.byteLength +
      this.offsets.byteLength +
      this.marks.byteLength +
      this.asciiIds.byteLength
    );
  }

  /**
   * After adding many texts at once: gives back the spare room of the arrays, and renumbers the
   * trigrams rarest first and sorts each text's ids, so `search` meets a text's rarest trigrams
   * first — those an unrelated text misses — and leaves it sooner. Answers are the same either way.
   */
  trim(): void {
    const distinct = this.distinct;
    const order = Array.from({ length: distinct }, (_, id) => id).sort(
      (a, b) => this.counts[a] - this.counts[b] || a - b,
    );
    const rank = new Uint32Array(distinct);
    order.forEach((id, r) => (rank[id] = r));
    const ids = this.ids.slice(0, Math.max(16, this.entries)) as Uint16Array | Uint32Array;
    for (let k = 0; k < this.entries; k++) ids[k] = rank[ids[k]];
    for (let p = 0; p < this.size; p++) ids.subarray(this.offsets[p], this.offsets[p + 1]).sort();
    this.ids = ids;
    this.offsets = this.offsets.slice(0, Math.max(16, this.size + 1));
    const counts = new Uint32Array(Math.max(16, distinct));
    for (let id = 0; id < distinct; id++) counts[rank[id]] = this.counts[id];
    this.counts = counts;
    for (let w = 0; w < this.asciiIds.length; w++)
      if (this.asciiIds[w] !== 0) this.asciiIds[w] = rank[this.asciiIds[w] - 1] + 1;
    for (const [t, id] of this.otherIds) this.otherIds.set(t, rank[id]);
    // Marks hold the positions of texts already added, below any later one's: still safe.
  }

  /** Adds a text; it is found again by its position, the `size` before this call. */
  add(text: string): number {
    const position = this.size;
    const stamp = position + 1;
    if (this.offsets.length < position + 2) this.offsets = grow(this.offsets, position + 2);
    let at = this.offsets[position];
    const store = (id: number) => {
      if (this.marks.length <= id) this.marks = grow(this.marks, id + 1);
      if (this.marks[id] === stamp) return;
      this.marks[id] = stamp;
      if (this.counts.length <= id) this.counts = grow(this.counts, id + 1);
      this.counts[id]++;
      if (id > 0xffff && this.ids instanceof Uint16Array) this.ids = Uint32Array.from(this.ids);
      if (this.ids.length <= at) this.ids = grow(this.ids, at + 1);
      this.ids[at++] = id;
    };
    if (!this.addAscii(text, store)) {
      at = this.offsets[position];
      for (const t of trigrams(text)) store(this.idOf(t, true));
    }
    this.offsets[position + 1] = at;
    this.entries = at;
    this.size = position + 1;
    return position;
  }

  /**
   * Calls `found(position, similarity)` for every text whose `trigramSimilarity` to `query` is at
   * least `atLeast()` (read again before each text, so a caller may raise it as it finds matches).
   */
  search(
    query: string,
    atLeast: () => number,
    found: (position: number, similarity: number) => void,
  ): void {
    const wanted = new Uint8Array(this.distinct);
    const set = trigrams(query);
    const n = set.size;
    for (const t of set) {
      const id = this.idOf(t);
      if (id !== undefined) wanted[id] = 1;
    }
    const { ids, offsets } = this;
    for (let p = 0; p < this.size; p++) {
      const from = offsets[p];
      const to = offsets[p + 1];
      const b = to - from;
      const bar = atLeast();
      if (n + b === 0) {
        if (bar <= 0) found(p, 0);
        continue;
      }
      // Fewest shared trigrams that can reach the bar (a hair lower, so rounding never drops a
      // text that reaches it exactly); more misses than b minus that and the text is out.
      const need = (bar * (n + b)) / (1 + bar) - 1e-9;
      const misses = b - need;
      if (misses < 0) continue;
      let shared = 0;
      let missed = 0;
      let k = from;
      for (; k < to; k++) {
        if (wanted[ids[k]] === 1) shared++;
        else if (++missed > misses) break;
      }
      if (k < to) continue;
      const similarity = shared / (n + b - shared);
      if (similarity >= bar) found(p, similarity);
    }
  }

  private newId(): number {
    return this.distinct++;
  }

  /** The id of a trigram (one made for it when `create`), the same whichever text holds it. */
  private idOf(t: string, create: true): number;
  private idOf(t: string, create?: false): number | undefined;
  private idOf(t: string, create = false): number | undefined {
    if (t.length === 3) {
      const a = symbol(t.charCodeAt(0));
      const b = symbol(t.charCodeAt(1));
      const c = symbol(t.charCodeAt(2));
      if (a >= 0 && b >= 0 && c >= 0) {
        const w = (a * SYMBOLS + b) * SYMBOLS + c;
        if (this.asciiIds[w] === 0 && create) this.asciiIds[w] = this.newId() + 1;
        const id = this.asciiIds[w];
        return id === 0 ? undefined : id - 1;
      }
    }
    let id = this.otherIds.get(t);
    if (id === undefined && create) {
      id = this.newId();
      this.otherIds.set(t, id);
    }
    return id;
  }

  /** The windows of an ASCII text, as `trigrams` reads them; false (nothing stored) otherwise. */
  private addAscii(text: string, store: (id: number) => void): boolean {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 128) return false;
    const window = (w: number) => {
      let id = this.asciiIds[w];
      if (id === 0) id = this.asciiIds[w] = this.newId() + 1;
      store(id - 1);
    };
    let ab = 0;
    let inWord = false;
    for (let i = 0; i < text.length; i++) {
      const c = ASCII_SYMBOL[text.charCodeAt(i)];
      if (c !== 0) {
        window(ab * SYMBOLS + c);
        ab = inWord ? (ab % SYMBOLS) * SYMBOLS + c : c;
        inWord = true;
      } else if (inWord) {
        window(ab * SYMBOLS);
        ab = 0;
        inWord = false;
      }
    }
    if (inWord) window(ab * SYMBOLS);
    return true;
  }
}

/** The symbol of a character in a trigram: 0 the pad space, -1 a character outside ASCII. */
function symbol(code: number): number {
  return code === 32 ? 0 : code < 128 ? ASCII_SYMBOL[code] : -1;
}

function grow<T extends Uint16Array | Uint32Array>(array: T, atLeast: number): T {
  // Doubling while small, an eighth more past a million entries (a kept index grows by a few
  // texts at a time after its first build, and its owner counts the spare room as memory).
  let length = Math.max(array.length, 16);
  while (length < atLeast) length = length < 1 << 20 ? length * 2 : Math.ceil(length * 1.125);
  const next = new (array.constructor as new (length: number) => T)(length);
  next.set(array);
  return next;
}
