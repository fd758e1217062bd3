// Counts a document's candidate phrases by the numbers of their key words, in typed arrays, so that an
// occurrence builds no string and allocates nothing; scoring reads the phrases inside a phrase from it.
import type { PhraseTally } from './score.ts';

/** Key words (a word's lower case or singular) by number: the same string has the same number while the table lasts. */
const keyWordIds = new Map<string, number>();
const keyWordTexts: string[] = [];
/** Key words numbered at most before the table starts again (between two documents: see PhraseCounter). */
const MAX_KEY_WORDS = 400_000;
/** Callbacks run when the key word table starts again (the word caches that hold its numbers). */
const onForget: (() => void)[] = [];

/** The number of a key word, given it on first sight. */
export function keyWordId(keyWord: string): number {
  let id = keyWordIds.get(keyWord);
  if (id === undefined) {
    id = keyWordTexts.length;
    keyWordIds.set(keyWord, id);
    keyWordTexts.push(keyWord);
  }
  return id;
}

/** How many key words are numbered now. */
export function keyWordCount(): number {
  return keyWordTexts.length;
}

/** Runs `forget` whenever the key word numbers start again. */
export function whenKeyWordsForgotten(forget: () => void): void {
  onForget.push(forget);
}

/**
 * The number of a key word less its final "s" ("groups" → "group"), or -1 when no phrase can hold that word (it
 * was never numbered); a word not ending in "s" is itself.
 */
function withoutFinalS(id: number): number {
  const text = keyWordTexts[id]!;
  if (!text.endsWith('s')) return id;
  return keyWordIds.get(text.slice(0, -1)) ?? -1;
}

/** The root of a word tree: the sequence of no words. */
export const NO_WORDS = 0;

/**
 * Sequences of key word numbers as a tree: node 0 is the empty sequence, and each node is its parent's sequence
 * and one word more, found through one open-addressing hash table in typed arrays.
 */
class WordTree {
  /** Per slot: the parent node + 1 (0: free), the word, and the child node. */
  private slots = new Int32Array(3 * 4096);
  private mask = 4095;
  /** Per node: its parent and its last word (the root has neither). */
  private parents = new Int32Array(2048);
  private lastWords = new Int32Array(2048);
  size = 1;

  /** The slot of (parent, word): where it is, or the free slot where it would go. */
  private slotOf(slots: Int32Array, mask: number, parent: number, word: number): number {
    let slot = (Math.imul(parent, 0x9e3779b1) ^ Math.imul(word, 0x85ebca6b)) & mask;
    for (;;) {
      const stored = slots[3 * slot]!;
      if (stored === 0 || (stored === parent + 1 && slots[3 * slot + 1] === word)) return slot;
      slot = (slot + 1) & mask;
    }
  }

  /** The node of `parent`'s sequence and `word`, made if new. */
  step(parent: number, word: number): number {
    const slot = this.slotOf(this.slots, this.mask, parent, word);
    if (this.slots[3 * slot] !== 0) return this.slots[3 * slot + 2]!;
    const node = this.size;
    this.size += 1;
    if (node === this.parents.length) {
      this.parents = grown(this.parents);
      this.lastWords = grown(this.lastWords);
    }
    this.parents[node] = parent;
    this.lastWords[node] = word;
    this.slots[3 * slot] = parent + 1;
    this.slots[3 * slot + 1] = word;
    this.slots[3 * slot + 2] = node;
    if (2 * this.size > this.mask) this.grow();
    return node;
  }

  /** The node of `parent`'s sequence and `word`, or -1 when there is none. */
  find(parent: number, word: number): number {
    if (word < 0) return -1;
    const slot = this.slotOf(this.slots, this.mask, parent, word);
    return this.slots[3 * slot] === 0 ? -1 : this.slots[3 * slot + 2]!;
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = this.mask * 2 + 1;
    for (let at = 0; at < old.length; at += 3) {
      if (old[at] === 0) continue;
      const slot = 3 * this.slotOf(slots, mask, old[at]! - 1, old[at + 1]!);
      slots[slot] = old[at]!;
      slots[slot + 1] = old[at + 1]!;
      slots[slot + 2] = old[at + 2]!;
    }
    this.slots = slots;
    this.mask = mask;
  }

  parentOf(node: number): number {
    return this.parents[node]!;
  }

  lastWordOf(node: number): number {
    return this.lastWords[node]!;
  }

  /** The words of a node's sequence, first to last. */
  wordsOf(node: number): number[] {
    const words: number[] = [];
    for (let at = node; at !== NO_WORDS; at = this.parents[at]!) words.push(this.lastWords[at]!);
    return words.reverse();
  }

  /** A node's words as text, joined by spaces. */
  textOf(node: number): string {
    let text = '';
    for (const word of this.wordsOf(node)) text = text === '' ? keyWordTexts[word]! : `${text} ${keyWordTexts[word]!}`;
    return text;
  }
}

/** A copy of `array` twice as long, the new half 0. */
function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const copy = new Int32Array(array.length * 2);
  copy.set(array);
  return copy;
}

/**
 * A document's phrase tallies, by the numbers of their key words in one word tree and of their written forms'
 * words in another: counting an occurrence builds no string; a key is written out when its phrase is first seen, a
 * written form only when scoring reads it. At most `maxDistinct` phrases are counted (a later new one is not), each
 * with at most `maxSurfaces` written forms.
 */
export class PhraseCounter {
  private readonly keys = new WordTree();
  private readonly written = new WordTree();
  /** Per key node: its tally, once its phrase is counted. */
  private readonly talliesOfNodes: (PhraseTally | undefined)[] = [];
  /** The tallies in the order their phrases were first seen. */
  readonly inOrder: PhraseTally[] = [];
  /** Per tally (by inOrder's index): its key node, and its written forms (their nodes) with their occurrences. */
  private readonly nodesOfTallies: number[] = [];
  private readonly surfacesOfTallies: (Map<number, number> | undefined)[] = [];

  constructor(
    private readonly maxDistinct: number,
    private readonly maxSurfaces: number,
  ) {
    // Word numbers are compared within one document's counter only: between documents, a table grown too big starts again.
    if (keyWordTexts.length > MAX_KEY_WORDS) {
      keyWordIds.clear();
      keyWordTexts.length = 0;
      for (const forget of onForget) forget();
    }
  }

  /** The key node of `parent`'s key and one key word more (from NO_WORDS: a one-word key), made if new. */
  step(parent: number, keyWord: number): number {
    return this.keys.step(parent, keyWord);
  }

  /** The written-form node of `parent`'s words and one word more (the word's keyWordId), made if new. */
  stepWritten(parent: number, word: number): number {
    return this.written.step(parent, word);
  }

  /** True when `node`'s phrase has a tally or may get one. */
  counts(node: number): boolean {
    return this.talliesOfNodes[node] !== undefined || this.inOrder.length < this.maxDistinct;
  }

  /**
   * One occurrence of the phrase of key node `node` (its key written out the first time): `surface` the node of its
   * written form (stepWritten), or -1 for a phrase too common ever to be a topic (only its count matters, for the
   * phrases around it).
   */
  add(node: number, surface: number, length: number, specificity: number): void {
    let tally = this.talliesOfNodes[node];
    if (tally === undefined) {
      if (this.inOrder.length >= this.maxDistinct) return;
      tally = { key: this.keys.textOf(node), count: 0, length, specificity, order: this.inOrder.length };
      while (this.talliesOfNodes.length <= node) this.talliesOfNodes.push(undefined);
      this.talliesOfNodes[node] = tally;
      this.inOrder.push(tally);
      this.nodesOfTallies.push(node);
      this.surfacesOfTallies.push(undefined);
    }
    tally.count += 1;
    if (surface < 0) return;
    let surfaces = this.surfacesOfTallies[tally.order];
    if (surfaces === undefined) {
      surfaces = new Map();
      this.surfacesOfTallies[tally.order] = surfaces;
    }
    const seen = surfaces.get(surface);
    if (seen !== undefined || surfaces.size < this.maxSurfaces) surfaces.set(surface, (seen ?? 0) + 1);
  }

  /** A counted phrase's written forms with their occurrences, in the order first seen. */
  surfacesOf(tally: PhraseTally): Map<string, number> {
    return new Map([...(this.surfacesOfTallies[tally.order] ?? [])].map(([node, count]) => [this.written.textOf(node), count]));
  }

  /** The number of a counted phrase's first key word. */
  firstKeyWord(tally: PhraseTally): number {
    let node = this.nodesOfTallies[tally.order]!;
    while (this.keys.parentOf(node) !== NO_WORDS) node = this.keys.parentOf(node);
    return this.keys.lastWordOf(node);
  }

  /**
   * The counted shorter phrases inside a phrase: each contiguous stretch of its key words, and that stretch with its
   * last word less a final "s" ("groups" in "armed groups leaders"); with `firstWords`, only stretches opening on one
   * of them, or on one of them and an "s" (then one word long only). A phrase may be listed twice.
   */
  within(outer: PhraseTally, firstWords?: ReadonlySet<number>): PhraseTally[] {
    const words = this.keys.wordsOf(this.nodesOfTallies[outer.order]!);
    const found: PhraseTally[] = [];
    for (let start = 0; start < words.length; start += 1) {
      const first = words[start]!;
      const opens = firstWords === undefined || firstWords.has(first);
      if (!opens) {
        const stripped = withoutFinalS(first);
        if (stripped === first || stripped < 0 || !firstWords!.has(stripped)) continue;
      }
      let parent = NO_WORDS;
      for (let size = 1; size < words.length && start + size <= words.length; size += 1) {
        if (size > 1 && !opens) break;
        const last = words[start + size - 1]!;
        const exact = this.keys.find(parent, last);
        const exactTally = exact < 0 ? undefined : this.talliesOfNodes[exact];
        if (exactTally !== undefined) found.push(exactTally);
        const strippedWord = withoutFinalS(last);
        const stripped = strippedWord === last ? exact : this.keys.find(parent, strippedWord);
        const strippedTally = stripped < 0 ? undefined : this.talliesOfNodes[stripped];
        if (strippedTally !== undefined) found.push(strippedTally);
        if (exact < 0) break;
        parent = exact;
      }
    }
    return found;
  }
}
