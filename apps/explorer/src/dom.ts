// Small DOM helpers that build elements from plain text only: untrusted text (labels, evidence) goes
// through textContent, never through markup, so nothing a transcript says can become HTML.

export interface ElementOptions {
  className?: string;
  text?: string;
  attributes?: Record<string, string>;
  children?: (Node | null | undefined)[];
}

/** Creates an element; `text` is set with textContent and attributes with setAttribute. */
export function element<K extends keyof HTMLElementTagNameMap>(tag: K, options: ElementOptions = {}): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  if (options.className) created.className = options.className;
  if (options.text !== undefined) created.textContent = options.text;
  for (const [name, value] of Object.entries(options.attributes ?? {})) created.setAttribute(name, value);
  for (const child of options.children ?? []) if (child) created.append(child);
  return created;
}

/** Looks up an element that index.html must contain; a missing one is a programming error. */
export function required<T extends HTMLElement>(id: string, kind: { new (): T }): T {
  const found = document.getElementById(id);
  if (!(found instanceof kind)) throw new Error(`explorer: element #${id} is missing from index.html`);
  return found;
}

/**
 * Text with every occurrence of `terms` (case-insensitive) wrapped in <mark>, built from text nodes.
 * Used to show where an entity is named inside an evidence sentence.
 */
export function highlightedText(text: string, terms: readonly string[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const lower = text.toLowerCase();
  const wanted = [...new Set(terms.filter((term) => term.length >= 2).map((term) => term.toLowerCase()))].sort(
    (a, b) => b.length - a.length,
  );
  let position = 0;
  while (position < text.length) {
    let bestStart = -1;
    let bestLength = 0;
    for (const term of wanted) {
      const found = lower.indexOf(term, position);
      if (found !== -1 && (bestStart === -1 || found < bestStart || (found === bestStart && term.length > bestLength))) {
        bestStart = found;
        bestLength = term.length;
      }
    }
    if (bestStart === -1) break;
    if (bestStart > position) fragment.append(text.slice(position, bestStart));
    fragment.append(element('mark', { text: text.slice(bestStart, bestStart + bestLength) }));
    position = bestStart + bestLength;
  }
  if (position < text.length) fragment.append(text.slice(position));
  return fragment;
}
