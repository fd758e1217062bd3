// The theme layer: the graph's themes (groups of topics and concepts the build found, see packages/graph
// themes.ts) listed with the missions discussed with them, and their members coloured on the map when toggled.
import { COMMUNITY_COLORS, type ExplorerGraph } from './graph-model.ts';
import { element } from './dom.ts';

/** A theme as the explorer shows it. */
export interface ThemeSummary {
  id: string;
  name: string;
  /** Member keys, largest mention count first. */
  members: string[];
  /** Labels of the missions discussed with the theme, as the build ranked them. */
  missions: string[];
  color: string;
}

/** Colour of the entities no theme holds while the layer is on. */
const OUTSIDE_THEMES = '#dcdcdc';

function fileText(graph: ExplorerGraph, node: string, name: string): string | undefined {
  const value = graph.getNodeAttribute(node, 'fileAttributes')?.[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * The themes written on the nodes (`theme`, `themeLabel` on members; `themes`, a JSON list, on missions), largest
 * first, then by id. A graph built without topics has none.
 */
export function summariseThemes(graph: ExplorerGraph): ThemeSummary[] {
  const byId = new Map<string, { name: string; members: string[]; missions: string[] }>();
  graph.forEachNode((node) => {
    const id = fileText(graph, node, 'theme');
    if (id === undefined) return;
    const entry = byId.get(id) ?? { name: fileText(graph, node, 'themeLabel') ?? id, members: [], missions: [] };
    entry.members.push(node);
    byId.set(id, entry);
  });
  graph.forEachNode((node, attributes) => {
    const list = fileText(graph, node, 'themes');
    if (list === undefined) return;
    let ids: unknown;
    try {
      ids = JSON.parse(list);
    } catch {
      return;
    }
    if (!Array.isArray(ids)) return;
    for (const id of ids) if (typeof id === 'string') byId.get(id)?.missions.push(attributes.label);
  });
  const themes = [...byId].map(([id, entry]) => ({
    id,
    name: entry.name,
    members: entry.members.sort((a, b) => graph.getNodeAttribute(b, 'mentions') - graph.getNodeAttribute(a, 'mentions') || (a < b ? -1 : 1)),
    missions: entry.missions,
    color: '',
  }));
  themes.sort((a, b) => b.members.length - a.members.length || (a.id < b.id ? -1 : 1));
  themes.forEach((theme, index) => (theme.color = COMMUNITY_COLORS[index % COMMUNITY_COLORS.length]!));
  return themes;
}

/** What the layer needs of the map: a colour for each node while it is on (null: the map's own colours). */
export interface ThemeCanvas {
  setNodeOverlay(overlay: ((node: string) => string) | null): void;
}

/** The Themes toggle and its panel; shows the themes of the graph given last. */
export class ThemeLayer {
  private themes: ThemeSummary[] = [];
  private canvas: ThemeCanvas | null = null;
  private on = false;

  constructor(
    private readonly button: HTMLButtonElement,
    private readonly panel: HTMLElement,
    private readonly list: HTMLElement,
    private readonly selectNode: (key: string) => void,
  ) {
    button.addEventListener('click', () => this.toggle(!this.on));
  }

  /** A new graph on `canvas`: its themes listed, the layer kept on or off as it was. */
  show(graph: ExplorerGraph, canvas: ThemeCanvas): void {
    this.themes = summariseThemes(graph);
    this.canvas = canvas;
    this.button.disabled = this.themes.length === 0;
    this.button.title = this.themes.length === 0 ? 'This graph has no themes (build it with topics)' : 'Show the themes: groups of topics and concepts discussed together';
    this.list.replaceChildren(...this.themes.map((theme) => this.item(graph, theme)));
    this.toggle(this.on && this.themes.length > 0);
  }

  toggle(on: boolean): void {
    this.on = on;
    this.button.setAttribute('aria-pressed', String(on));
    this.panel.hidden = !on;
    document.body.dataset.themes = on ? 'on' : 'off';
    const colorOf = new Map<string, string>();
    for (const theme of this.themes) for (const member of theme.members) colorOf.set(member, theme.color);
    this.canvas?.setNodeOverlay(on ? (node) => colorOf.get(node) ?? OUTSIDE_THEMES : null);
  }

  private item(graph: ExplorerGraph, theme: ThemeSummary): HTMLElement {
    const swatch = element('span', { className: 'theme-swatch' });
    swatch.style.background = theme.color;
    const name = element('span', { className: 'theme-name', text: theme.name });
    const count = element('span', { className: 'theme-count', text: `${theme.members.length} topics and concepts` });
    const missions = element('p', {
      className: 'theme-missions',
      text: theme.missions.length > 0 ? `Discussed with ${theme.missions.join(', ')}` : 'No mission discussed with it',
    });
    const members = element('ul', { className: 'theme-members' });
    for (const key of theme.members) {
      const button = element('button', { attributes: { type: 'button' }, text: graph.getNodeAttribute(key, 'label') });
      button.addEventListener('click', () => this.selectNode(key));
      members.append(element('li', { children: [button] }));
    }
    const item = element('li', { className: 'theme', children: [swatch, name, count, missions, members] });
    item.dataset.theme = theme.id;
    return item;
  }
}
