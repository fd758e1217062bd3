// Every GEXF and GraphML fixture of the graph package, opened the way the explorer opens a file: its drawing (counts,
// labels, positions, sizes, colours, direction) equals graphology-gexf's reading, its attributes networkx's.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseColor, readGexfWithWarnings, readGraphmlWithWarnings } from '@missiongraph/graph';
import Graph from 'graphology';
import { parse as graphologyParse } from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import { graphFromGexf } from '../src/gexf.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../packages/graph/test/fixtures');
const files = readdirSync(fixtures).filter((name) => /\.(gexf|graphml)$/u.test(name)).sort();

/** The outside reading of a fixture: graphology-gexf for GEXF (as Gephi Lite opens it), our package's GraphML reader. */
function reference(name: string, text: string): Graph {
  if (name.endsWith('.graphml')) return readGraphmlWithWarnings(text).graph;
  return graphologyParse(Graph, text, { addMissingNodes: true, allowUndeclaredAttributes: true });
}

/**
 * The file's attributes as networkx names them (by title): the graph package's reading, which its tests hold equal
 * to networkx's (graphology-gexf keys attributes by id instead, so it is no reference for their names).
 */
function attributesReference(name: string, text: string): Graph {
  return name.endsWith('.graphml') ? readGraphmlWithWarnings(text).graph : readGexfWithWarnings(text).graph;
}

/** How the explorer keeps a file's value: scalars as they are, INF and NaN as text, lists and objects as JSON. */
function shownAs(value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return value !== null && typeof value === 'object' ? JSON.stringify(value) : value;
}

/** Attributes the explorer keeps under names of its own: the drawing's, and what it derives from the file's. */
const DRAWING = new Set(['label', 'x', 'y', 'size', 'color']);

describe('foreign files open in the explorer as outside readers read them', () => {
  it('the fixtures cover GEXF 1.1, 1.2 and 1.3, GraphML, directed, undirected and mixed graphs', () => {
    expect(files.length).toBeGreaterThanOrEqual(7);
    const texts = files.map((name) => readFileSync(path.join(fixtures, name), 'utf8'));
    for (const version of ['1.1', '1.2', '1.3']) expect(texts.some((text) => text.includes(`version="${version}`))).toBe(true);
    expect(files.some((name) => name.endsWith('.graphml'))).toBe(true);
    const kinds = files.map((name, index) => reference(name, texts[index] ?? '').type);
    expect(new Set(kinds)).toEqual(new Set(['directed', 'undirected', 'mixed']));
  });

  it.each(files)('%s: counts, labels, positions, sizes, colours, direction and attributes', (name) => {
    const text = readFileSync(path.join(fixtures, name), 'utf8');
    const theirs = reference(name, text);
    const { graph: ours } = graphFromGexf(text, name);
    expect(ours.order, 'nodes').toBe(theirs.order);
    expect(ours.size, 'links').toBe(theirs.size);
    theirs.forEachNode((node, attributes) => {
      expect(ours.hasNode(node), node).toBe(true);
      const mine = ours.getNodeAttributes(node);
      if (attributes.label !== undefined && attributes.label !== null) expect(mine.label, `${node} label`).toBe(String(attributes.label));
      if (typeof attributes.x === 'number' && typeof attributes.y === 'number') expect([mine.x, mine.y], `${node} position`).toEqual([attributes.x, attributes.y]);
      if (typeof attributes.size === 'number') expect(mine.size, `${node} size`).toBe(attributes.size);
      if (typeof attributes.color === 'string') expect(parseColor(String(mine.color)), `${node} colour`).toEqual(parseColor(attributes.color));
    });
    attributesReference(name, text).forEachNode((node, attributes) => {
      const mine = ours.getNodeAttributes(node);
      const own = (mine.fileAttributes ?? {}) as Record<string, unknown>;
      for (const [key, value] of Object.entries(attributes)) {
        if (DRAWING.has(key) || value === undefined || value === null) continue;
        // A value the explorer keeps is the file's: in fileAttributes (as shown), or under a field of its own.
        if (Object.hasOwn(own, key)) expect(own[key], `${node}.${key}`).toEqual(shownAs(value));
        else expect((mine as unknown as Record<string, unknown>)[key], `${node}.${key}`).toEqual(value);
      }
    });
    theirs.forEachEdge((edge, _attributes, source, target) => {
      const match = ours.edges(source, target).concat(theirs.isDirected(edge) ? [] : ours.edges(target, source));
      expect(match.length, `${edge} ${source}→${target}`).toBeGreaterThan(0);
      const drawn = ours.getEdgeAttributes(match[0] as string);
      // Direction as the explorer draws it: an arrow from `from` to `to` for a directed link, none otherwise.
      if (theirs.isDirected(edge)) expect([drawn.from, drawn.to], `${edge} direction`).toEqual([source, target]);
      else expect(drawn.from === undefined && drawn.to === undefined, `${edge} undirected`).toBe(true);
    });
  });
});
