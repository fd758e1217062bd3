// Entity search with autocomplete over labels and aliases: a ranked index (exact, prefix, word prefix,
// substring) and the combobox that shows it. Choosing a result hands its key to the caller.
import { element } from './dom.ts';
import type { ExplorerGraph } from './graph-model.ts';

export interface SearchMatch {
  key: string;
  label: string;
  type: string;
  /** The alias that matched, when it was not the label. */
  via?: string;
}

interface IndexedName {
  key: string;
  label: string;
  type: string;
  mentions: number;
  name: string;
  normalised: string;
  isLabel: boolean;
}

export function normaliseForSearch(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export class SearchIndex {
  private names: IndexedName[] = [];

  /** Indexes every entity's label and aliases, plus extra names (e.g. lexicon aliases) by entity key. */
  constructor(graph: ExplorerGraph, extraNames: ReadonlyMap<string, readonly string[]> = new Map()) {
    graph.forEachNode((key, attributes) => {
      const seen = new Set<string>();
      const add = (name: string, isLabel: boolean) => {
        const normalised = normaliseForSearch(name);
        if (!normalised || seen.has(normalised)) return;
        seen.add(normalised);
        this.names.push({ key, label: attributes.label, type: attributes.type, mentions: attributes.mentions, name, normalised, isLabel });
      };
      add(attributes.label, true);
      for (const alias of attributes.aliases) add(alias, false);
      for (const alias of extraNames.get(key) ?? []) add(alias, false);
    });
  }

  /** Best matches first: exact name, label prefix, alias prefix, word prefix, then anywhere; ties by mentions. */
  search(query: string, limit = 12): SearchMatch[] {
    const wanted = normaliseForSearch(query);
    if (!wanted) return [];
    const best = new Map<string, { rank: number; entry: IndexedName }>();
    for (const entry of this.names) {
      const rank = rankName(entry, wanted);
      if (rank === undefined) continue;
      const previous = best.get(entry.key);
      if (!previous || rank < previous.rank || (rank === previous.rank && entry.isLabel && !previous.entry.isLabel)) {
        best.set(entry.key, { rank, entry });
      }
    }
    return [...best.values()]
      .sort(
        (a, b) =>
          a.rank - b.rank ||
          b.entry.mentions - a.entry.mentions ||
          a.entry.label.localeCompare(b.entry.label) ||
          a.entry.key.localeCompare(b.entry.key),
      )
      .slice(0, limit)
      .map(({ entry }) => {
        const match: SearchMatch = { key: entry.key, label: entry.label, type: entry.type };
        if (!entry.isLabel) match.via = entry.name;
        return match;
      });
  }
}

function rankName(entry: IndexedName, wanted: string): number | undefined {
  const name = entry.normalised;
  const labelBonus = entry.isLabel ? 0 : 0.5;
  if (name === wanted) return 0 + labelBonus;
  if (name.startsWith(wanted)) return 1 + labelBonus;
  if (name.split(/[\s\-'’(),.]+/).some((word) => word.startsWith(wanted))) return 2 + labelBonus;
  if (name.includes(wanted)) return 3 + labelBonus;
  return undefined;
}

/** The search combobox: typing lists matches, arrows move, Enter or click chooses, Escape closes. */
export class SearchBox {
  private matches: SearchMatch[] = [];
  private active = -1;

  constructor(
    private readonly input: HTMLInputElement,
    private readonly list: HTMLUListElement,
    private getIndex: () => SearchIndex | null,
    private readonly onChoose: (key: string) => void,
  ) {
    input.addEventListener('input', () => this.update());
    input.addEventListener('focus', () => {
      if (input.value) this.update();
    });
    input.addEventListener('keydown', (event) => this.handleKey(event));
    input.addEventListener('blur', () => {
      // Let a click on an option land before the list closes.
      window.setTimeout(() => this.close(), 150);
    });
    list.addEventListener('mousedown', (event) => event.preventDefault());
  }

  get isOpen(): boolean {
    return !this.list.hidden;
  }

  focus(): void {
    this.input.focus();
    this.input.select();
  }

  close(): void {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
    this.active = -1;
  }

  private update(): void {
    const index = this.getIndex();
    this.matches = index ? index.search(this.input.value) : [];
    this.active = this.matches.length > 0 ? 0 : -1;
    this.render();
  }

  private render(): void {
    this.list.replaceChildren();
    if (!this.input.value.trim()) {
      this.close();
      return;
    }
    if (this.matches.length === 0) {
      this.list.append(element('li', { className: 'empty', text: 'No entity matches', attributes: { role: 'option', 'aria-disabled': 'true' } }));
    }
    this.matches.forEach((match, position) => {
      const option = element('li', {
        attributes: { role: 'option', id: `search-option-${position}`, 'aria-selected': String(position === this.active) },
        children: [
          element('span', { className: 'match-label', text: match.label }),
          element('span', { className: 'match-detail', text: match.via ? `${match.type} · “${match.via}”` : match.type }),
        ],
      });
      option.addEventListener('click', () => this.choose(position));
      this.list.append(option);
    });
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
    if (this.active >= 0) this.input.setAttribute('aria-activedescendant', `search-option-${this.active}`);
    else this.input.removeAttribute('aria-activedescendant');
  }

  private handleKey(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (this.matches.length === 0) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.active = (this.active + step + this.matches.length) % this.matches.length;
      this.render();
      this.list.querySelector(`#search-option-${this.active}`)?.scrollIntoView({ block: 'nearest' });
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (this.active >= 0) this.choose(this.active);
    } else if (event.key === 'Escape' && this.isOpen) {
      event.preventDefault();
      event.stopPropagation();
      this.close();
    }
  }

  private choose(position: number): void {
    const match = this.matches[position];
    if (!match) return;
    this.input.value = match.label;
    this.close();
    this.onChoose(match.key);
  }
}
