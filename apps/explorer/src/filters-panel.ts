// The filter controls: type legend toggles with counts, minimum link weight and links per entity,
// document and speaker lists, and the count of what is shown. Reports every change to the caller.
import { element, required } from './dom.ts';
import type { ExplorerGraph } from './graph-model.ts';
import { corpusFacets, countByType, emptyFilters, type FilterState, type Visibility } from './filters.ts';

export class FiltersPanel {
  private readonly legend = required('type-legend', HTMLUListElement);
  private readonly minWeight = required('min-weight', HTMLInputElement);
  private readonly minWeightValue = required('min-weight-value', HTMLOutputElement);
  private readonly minDegree = required('min-degree', HTMLInputElement);
  private readonly minDegreeValue = required('min-degree-value', HTMLOutputElement);
  private readonly documents = required('document-filter', HTMLSelectElement);
  private readonly speakers = required('speaker-filter', HTMLSelectElement);
  private readonly shownCount = required('shown-count', HTMLParagraphElement);
  private readonly hideIsolated = required('hide-isolated', HTMLInputElement);
  private state: FilterState = emptyFilters();

  constructor(private readonly onChange: (state: FilterState) => void) {
    this.minWeight.addEventListener('input', () => {
      this.state.minEdgeWeight = Number(this.minWeight.value);
      this.changed();
    });
    this.minDegree.addEventListener('input', () => {
      this.state.minDegree = Number(this.minDegree.value);
      this.changed();
    });
    this.documents.addEventListener('change', () => {
      this.state.documents = new Set([...this.documents.selectedOptions].map((option) => option.value));
      this.changed();
    });
    this.speakers.addEventListener('change', () => {
      this.state.speakers = new Set([...this.speakers.selectedOptions].map((option) => option.value));
      this.changed();
    });
    this.hideIsolated.addEventListener('change', () => {
      this.state.hideIsolated = this.hideIsolated.checked;
      this.changed();
    });
    required('reset-filters', HTMLButtonElement).addEventListener('click', () => {
      this.state = emptyFilters();
      this.syncControls();
      this.changed();
    });
  }

  /** Rebuilds the controls for a graph and shows the given state (e.g. read from the URL). */
  setGraph(graph: ExplorerGraph, state: FilterState): void {
    this.state = state;
    const counts = countByType(graph);
    const types = [...counts.keys()].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || a.localeCompare(b));
    const colors = new Map<string, string>();
    graph.forEachNode((_node, attributes) => {
      if (!colors.has(attributes.type)) colors.set(attributes.type, attributes.color);
    });
    this.legend.replaceChildren(
      ...types.map((type) => {
        const box = element('input', { attributes: { type: 'checkbox', 'data-type': type, 'aria-label': `Show ${type} (${counts.get(type) ?? 0})` } });
        box.addEventListener('change', () => {
          if (box.checked) this.state.hiddenTypes.delete(type);
          else this.state.hiddenTypes.add(type);
          this.changed();
        });
        const swatch = element('span', { className: 'swatch', attributes: { 'aria-hidden': 'true' } });
        swatch.style.background = colors.get(type) ?? '#8d99ae';
        return element('li', {
          children: [element('label', { children: [box, swatch, element('span', { text: type }), element('span', { className: 'count', text: String(counts.get(type) ?? 0) })] })],
        });
      }),
    );

    let maxWeight = 1;
    graph.forEachEdge((_edge, link) => {
      if (link.kind === 'co-mention' && link.weight > maxWeight) maxWeight = link.weight;
    });
    let maxDegree = 0;
    graph.forEachNode((node) => {
      maxDegree = Math.max(maxDegree, graph.degree(node));
    });
    this.minWeight.max = String(Math.max(2, Math.min(maxWeight, 50)));
    this.minDegree.max = String(Math.max(1, Math.min(maxDegree, 50)));

    const facets = corpusFacets(graph);
    this.fillOptions(this.documents, facets.documents);
    this.fillOptions(this.speakers, facets.speakers);
    this.syncControls();
  }

  /** Shows a state chosen elsewhere (a chip removed) without reporting it back. */
  setState(state: FilterState): void {
    this.state = state;
    this.syncControls();
  }

  showCounts(graph: ExplorerGraph, visibility: Visibility): void {
    this.shownCount.textContent =
      `Showing ${visibility.nodes.size.toLocaleString('en')} of ${graph.order.toLocaleString('en')} entities ` +
      `and ${visibility.edges.size.toLocaleString('en')} of ${graph.size.toLocaleString('en')} links`;
  }

  private fillOptions(select: HTMLSelectElement, values: readonly string[]): void {
    // The full name stays readable as a tooltip when the list is narrower than it.
    select.replaceChildren(...values.map((value) => element('option', { text: value, attributes: { value, title: value } })));
    select.disabled = values.length === 0;
    select.size = Math.max(2, Math.min(6, values.length));
  }

  private syncControls(): void {
    for (const box of this.legend.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) {
      box.checked = !this.state.hiddenTypes.has(box.dataset.type ?? '');
    }
    this.minWeight.value = String(this.state.minEdgeWeight);
    this.minWeightValue.value = String(this.state.minEdgeWeight);
    this.minDegree.value = String(this.state.minDegree);
    this.minDegreeValue.value = String(this.state.minDegree);
    for (const option of this.documents.options) option.selected = this.state.documents.has(option.value);
    for (const option of this.speakers.options) option.selected = this.state.speakers.has(option.value);
    this.hideIsolated.checked = this.state.hideIsolated;
  }

  private changed(): void {
    this.minWeightValue.value = String(this.state.minEdgeWeight);
    this.minDegreeValue.value = String(this.state.minDegree);
    this.onChange(this.state);
  }
}
