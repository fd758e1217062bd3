// Themes: the communities of the topic-and-concept co-mention graph, each named by its top phrases and linked to
// the missions discussed with it. Written onto the nodes (theme, themeLabel; a mission's themes). Deterministic.
import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import type Graph from 'graphology-types';
import { compareStrings } from './build.ts';
import { seededRandom } from './random.ts';

/** A theme as analyzeGraph writes it: members are topics and concepts, missions those discussed with them. */
export interface Theme {
  id: string;
  label: string;
  members: string[];
  missions: string[];
}

/** Node types a theme groups. */
const THEME_TYPES = new Set(['topic', 'concept']);
/** Fewest members of a theme; phrases to name it by; missions listed on a theme, most linked first. */
const MIN_MEMBERS = 3;
const LABEL_PHRASES = 3;

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/**
 * Groups the topic and concept nodes by Louvain over the co-mention weights among them (seeded), keeps the
 * communities of MIN_MEMBERS or more, names each by its LABEL_PHRASES members with the most co-mention weight
 * inside it (then mentions, then id), and links the missions co-mentioned with its members, by summed weight.
 * Sets `theme` and `themeLabel` on members and `themes` (ids, largest theme first) on missions; returns the themes
 * sorted by size, then id.
 */
export function assignThemes(graph: Graph, seed = 1): Theme[] {
  const phrases = new UndirectedGraph();
  graph.forEachNode((key, attributes) => {
    if (THEME_TYPES.has(String(attributes['type']))) phrases.addNode(key);
  });
  graph.forEachEdge((_edge, attributes, source, target) => {
    if (attributes['kind'] !== 'co-mention' || !phrases.hasNode(source) || !phrases.hasNode(target)) return;
    const weight = Number(attributes['weight'] ?? 1);
    if (phrases.hasEdge(source, target)) phrases.updateEdgeAttribute(source, target, 'weight', (old: number | undefined) => (old ?? 0) + weight);
    else phrases.addEdge(source, target, { weight });
  });
  if (phrases.order === 0) return [];
  const membership = louvain(phrases, { rng: seededRandom(seed), getEdgeWeight: 'weight' });
  const groups = new Map<number, string[]>();
  for (const key of [...phrases.nodes()].sort(compareStrings)) {
    const community = membership[key]!;
    groups.set(community, [...(groups.get(community) ?? []), key]);
  }
  const themes: Theme[] = [];
  const usedIds = new Set<string>();
  for (const members of groups.values()) {
    if (members.length < MIN_MEMBERS) continue;
    const inside = new Set(members);
    const strength = new Map<string, number>();
    for (const key of members) {
      let sum = 0;
      phrases.forEachEdge(key, (_edge, attributes, source, target) => {
        if (inside.has(source === key ? target : source)) sum += Number(attributes['weight']);
      });
      strength.set(key, sum);
    }
    const ranked = [...members].sort(
      (a, b) => strength.get(b)! - strength.get(a)! || Number(graph.getNodeAttribute(b, 'mentions') ?? 0) - Number(graph.getNodeAttribute(a, 'mentions') ?? 0) || compareStrings(a, b),
    );
    const label = ranked.slice(0, LABEL_PHRASES).map((key) => String(graph.getNodeAttribute(key, 'label'))).join(' · ');
    let id = `theme:${slug(String(graph.getNodeAttribute(ranked[0]!, 'label'))) || 'unnamed'}`;
    for (let suffix = 2; usedIds.has(id); suffix += 1) id = `${id.replace(/-\d+$/, '')}-${suffix}`;
    usedIds.add(id);
    const missionWeight = new Map<string, number>();
    for (const key of members) {
      graph.forEachEdge(key, (_edge, attributes, source, target) => {
        const other = source === key ? target : source;
        if (attributes['kind'] !== 'co-mention' || graph.getNodeAttribute(other, 'type') !== 'mission') return;
        missionWeight.set(other, (missionWeight.get(other) ?? 0) + Number(attributes['weight'] ?? 1));
      });
    }
    const missions = [...missionWeight].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0])).map(([key]) => key);
    themes.push({ id, label, members: ranked, missions });
  }
  themes.sort((a, b) => b.members.length - a.members.length || compareStrings(a.id, b.id));
  const missionThemes = new Map<string, string[]>();
  for (const theme of themes) {
    for (const key of theme.members) graph.mergeNodeAttributes(key, { theme: theme.id, themeLabel: theme.label });
    for (const mission of theme.missions) missionThemes.set(mission, [...(missionThemes.get(mission) ?? []), theme.id]);
  }
  for (const [mission, ids] of missionThemes) graph.setNodeAttribute(mission, 'themes', ids);
  return themes;
}
