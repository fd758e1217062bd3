// The map's legend (region "Legend"): what each colour means, by entity type or by named community with its
// size; size and line keys are static in index.html. Community entries select the community when clicked.
import type { CommunitySummary } from './communities.ts';
import { element, required } from './dom.ts';
import { colorForCommunity, type ExplorerGraph } from './graph-model.ts';
import type { Visibility } from './filters.ts';
import type { ColorMode } from './url-state.ts';

/** How many communities the legend lists; the rest are summed up in one line. */
const LISTED_COMMUNITIES = 8;

export class MapLegend {
  private readonly groups = required('legend-groups', HTMLUListElement);

  constructor(private readonly onSelectCommunity: (id: number) => void) {}

  show(graph: ExplorerGraph, visibility: Visibility, mode: ColorMode, communities: readonly CommunitySummary[]): void {
    if (mode === 'community') {
      const listed = communities.slice(0, LISTED_COMMUNITIES);
      const items = listed.map((community) => {
        const button = element('button', {
          className: 'legend-entry',
          attributes: { type: 'button', title: `Show community ${community.id}: ${community.name}` },
          children: [
            this.swatch(colorForCommunity(community.id)),
            element('span', { className: 'legend-name', text: community.name }),
            element('span', { className: 'count', text: String(community.members.length) }),
          ],
        });
        button.addEventListener('click', () => this.onSelectCommunity(community.id));
        return element('li', { children: [button] });
      });
      const rest = communities.slice(LISTED_COMMUNITIES);
      if (rest.length > 0) {
        const size = rest.reduce((sum, community) => sum + community.members.length, 0);
        items.push(element('li', { className: 'legend-more', text: `${rest.length} smaller communities, ${size} entities` }));
      }
      this.groups.replaceChildren(...items);
      return;
    }
    const counts = new Map<string, { color: string; count: number }>();
    graph.forEachNode((node, attributes) => {
      if (!visibility.nodes.has(node)) return;
      const entry = counts.get(attributes.type);
      if (entry) entry.count += 1;
      else counts.set(attributes.type, { color: attributes.color, count: 1 });
    });
    const types = [...counts].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]));
    this.groups.replaceChildren(
      ...types.map(([type, { color, count }]) =>
        element('li', {
          className: 'legend-entry',
          children: [this.swatch(color), element('span', { className: 'legend-name', text: type }), element('span', { className: 'count', text: String(count) })],
        }),
      ),
    );
  }

  private swatch(color: string): HTMLElement {
    const swatch = element('span', { className: 'swatch', attributes: { 'aria-hidden': 'true' } });
    swatch.style.background = color;
    return swatch;
  }
}
