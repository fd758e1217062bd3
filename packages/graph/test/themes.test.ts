// Themes: communities of the topic-and-concept co-mention graph, named by their top phrases and linked to the
// missions discussed with them; written onto the nodes by analyzeGraph.
import { MultiUndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { analyzeGraph, assignThemes } from '../src/index.ts';

/** Two clusters of phrases, each co-mentioned among itself and with one mission, joined by one weak link. */
function twoClusters(): MultiUndirectedGraph {
  const graph = new MultiUndirectedGraph();
  const node = (key: string, type: string, mentions: number) => graph.addNode(key, { label: key.split(':')[1]!.replace(/-/g, ' '), type, mentions });
  const link = (a: string, b: string, weight: number) => graph.addEdgeWithKey(`co:${a}|${b}`, a, b, { kind: 'co-mention', weight });
  node('mission:monusco', 'mission', 9);
  node('mission:unmiss', 'mission', 7);
  node('topic:armed-group', 'topic', 8);
  node('topic:mining-site', 'topic', 3);
  node('concept:protection-of-civilians', 'concept', 6);
  node('topic:election-calendar', 'topic', 4);
  node('topic:voter-registration', 'topic', 3);
  node('topic:political-process', 'topic', 5);
  node('country:mali', 'country', 2);
  link('topic:armed-group', 'topic:mining-site', 4);
  link('topic:armed-group', 'concept:protection-of-civilians', 5);
  link('topic:mining-site', 'concept:protection-of-civilians', 2);
  link('topic:election-calendar', 'topic:voter-registration', 4);
  link('topic:election-calendar', 'topic:political-process', 3);
  link('topic:political-process', 'topic:voter-registration', 2);
  link('topic:political-process', 'topic:armed-group', 0.25);
  link('mission:monusco', 'topic:armed-group', 3);
  link('mission:monusco', 'topic:mining-site', 1);
  link('mission:unmiss', 'topic:election-calendar', 2);
  link('country:mali', 'topic:voter-registration', 1);
  return graph;
}

describe('themes', () => {
  it('groups co-mentioned topics and concepts, names each theme by its most linked phrases and links its missions', () => {
    const graph = twoClusters();
    const themes = assignThemes(graph, 1);
    expect(themes.map((theme) => [theme.id, [...theme.members].sort(), theme.missions])).toEqual([
      ['theme:armed-group', ['concept:protection-of-civilians', 'topic:armed-group', 'topic:mining-site'], ['mission:monusco']],
      ['theme:election-calendar', ['topic:election-calendar', 'topic:political-process', 'topic:voter-registration'], ['mission:unmiss']],
    ]);
    expect(themes[0]!.label).toBe('armed group · protection of civilians · mining site');
    expect(graph.getNodeAttributes('topic:mining-site')).toMatchObject({ theme: 'theme:armed-group', themeLabel: themes[0]!.label });
    expect(graph.getNodeAttribute('mission:monusco', 'themes')).toEqual(['theme:armed-group']);
    // Missions and countries are never members; a country links to no theme.
    expect(graph.getNodeAttribute('country:mali', 'theme')).toBeUndefined();
    expect(graph.getNodeAttribute('country:mali', 'themes')).toBeUndefined();
  });

  it('leaves phrases with too few co-mentioned companions out of any theme, and is deterministic', () => {
    const graph = twoClusters();
    graph.addNode('topic:lone-phrase', { label: 'lone phrase', type: 'topic', mentions: 2 });
    const first = assignThemes(graph, 1);
    expect(graph.getNodeAttribute('topic:lone-phrase', 'theme')).toBeUndefined();
    expect(JSON.stringify(assignThemes(twoClusters(), 1))).toBe(JSON.stringify(first.filter(() => true)));
  });

  it('is part of analyzeGraph', () => {
    const graph = twoClusters();
    analyzeGraph(graph, { seed: 1, layoutIterations: 5 });
    expect(graph.getNodeAttribute('topic:voter-registration', 'theme')).toBe('theme:election-calendar');
  });
});
