// The exports for other tools, held against real readers: Cytoscape.js (headless) loads our Cytoscape JSON; the
// Neo4j CSVs parsed by neo4j-admin's header rules and loaded into Kuzu (an embedded Cypher database) and queried;
// GML read by networkx.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import cytoscape from 'cytoscape';
import kuzu from 'kuzu';
import { afterAll, describe, expect, it } from 'vitest';
import { NEO4J_ARRAY_DELIMITER, writeCytoscapeJson, writeGml, writeNeo4jCypher, writeNeo4jNodesCsv, writeNeo4jRelationshipsCsv } from '../src/index.ts';
import { analysedSample } from './helpers.ts';
import { DEBIAN_PYTHON } from './outside-readers.ts';

const tempDir = mkdtempSync(path.join(tmpdir(), 'missiongraph-interchange-'));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));
const graph = analysedSample();

/**
 * neo4j-admin's CSV rules (default settings): `,` between fields, `"` quotes with `""` inside, line breaks only in
 * quoted fields (--multiline-fields), header fields `name:type` with the special `:ID`, `:LABEL`, `:START_ID`,
 * `:END_ID`, `:TYPE`; an empty field is no property; arrays split on `;`.
 */
function parseNeo4jCsv(text: string): { header: { name: string; type: string }[]; rows: string[][] } {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') {
      if (field !== '') throw new Error(`a quote inside an unquoted field at ${i}`);
      quoted = true;
      wasQuoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
      wasQuoted = false;
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      wasQuoted = false;
    } else {
      if (wasQuoted) throw new Error(`text after a closing quote at ${i}`);
      field += c;
    }
  }
  expect(quoted, 'an unclosed quote').toBe(false);
  expect(field === '' && row.length === 0, 'the last line ends with a line break').toBe(true);
  const header = rows.shift()!.map((cell) => {
    const colon = cell.lastIndexOf(':');
    return colon === -1 ? { name: cell, type: 'string' } : { name: cell.slice(0, colon), type: cell.slice(colon + 1) };
  });
  for (const line of rows) expect(line).toHaveLength(header.length);
  return { header, rows };
}

const NEO4J_TYPES = new Set(['ID', 'LABEL', 'START_ID', 'END_ID', 'TYPE', 'string', 'int', 'long', 'float', 'double', 'boolean', 'string[]', 'int[]', 'long[]', 'double[]']);

describe('Cytoscape.js JSON', () => {
  it('loads in cytoscape (headless) with every node, edge, position and attribute', () => {
    const json = JSON.parse(writeCytoscapeJson(graph)) as { elements: unknown };
    const cy = cytoscape({ headless: true, elements: json.elements as cytoscape.ElementsDefinition, layout: { name: 'preset' } });
    expect(cy.nodes().length).toBe(graph.order);
    expect(cy.edges().length).toBe(graph.size);
    const monusco = cy.getElementById('mission:monusco');
    expect(monusco.data('label')).toBe(graph.getNodeAttribute('mission:monusco', 'label'));
    expect(monusco.position()).toEqual({ x: graph.getNodeAttribute('mission:monusco', 'x'), y: graph.getNodeAttribute('mission:monusco', 'y') });
    const relation = cy.getElementById('rel:host-country:mission:monusco|country:cod');
    expect([relation.source().id(), relation.target().id(), relation.data('kind')]).toEqual(['mission:monusco', 'country:cod', 'host-country']);
    graph.forEachEdge((edge, attributes) => expect(cy.getElementById(edge).data('evidence'), edge).toEqual(attributes.evidence));
  });

  it('keeps the first N evidence sentences per edge with evidenceLimit', () => {
    const json = JSON.parse(writeCytoscapeJson(graph, { evidenceLimit: 1 })) as { elements: { edges: { data: { evidence?: unknown[] } }[] } };
    expect(Math.max(...json.elements.edges.map((edge) => edge.data.evidence?.length ?? 0))).toBe(1);
  });
});

describe('Neo4j import files', () => {
  const nodes = writeNeo4jNodesCsv(graph);
  const relationships = writeNeo4jRelationshipsCsv(graph);

  it('follow neo4j-admin\'s header format and CSV rules', () => {
    const nodeFile = parseNeo4jCsv(nodes);
    expect(nodeFile.header.slice(0, 2)).toEqual([{ name: 'id', type: 'ID' }, { name: '', type: 'LABEL' }]);
    for (const column of [...nodeFile.header, ...parseNeo4jCsv(relationships).header]) expect(NEO4J_TYPES.has(column.type), `${column.name}:${column.type}`).toBe(true);
    expect(nodeFile.rows).toHaveLength(graph.order);
    const at = (name: string): number => nodeFile.header.findIndex((column) => column.name === name);
    const monusco = nodeFile.rows.find((row) => row[0] === 'mission:monusco')!;
    expect(monusco[1]!.split(NEO4J_ARRAY_DELIMITER)).toEqual(['Entity', 'Mission']);
    expect(nodeFile.header[at('aliases')]!.type).toBe('string[]');
    expect(monusco[at('aliases')]!.split(NEO4J_ARRAY_DELIMITER)).toEqual(graph.getNodeAttribute('mission:monusco', 'aliases'));
    expect(Number(monusco[at('mentions')])).toBe(graph.getNodeAttribute('mission:monusco', 'mentions'));
    expect(nodeFile.header[at('mentions')]!.type).toBe('int');
    const relationFile = parseNeo4jCsv(relationships);
    expect(relationFile.header.slice(0, 3).map((column) => column.type)).toEqual(['START_ID', 'END_ID', 'TYPE']);
    expect(relationFile.rows).toHaveLength(graph.size);
    const host = relationFile.rows.find((row) => row[0] === 'mission:monusco' && row[1] === 'country:cod' && row[2] === 'HOST_COUNTRY');
    expect(host).toBeDefined();
    expect(new Set(relationFile.rows.map((row) => row[2]))).toEqual(new Set(['CO_MENTION', 'HOST_COUNTRY', 'SUCCEEDED_BY']));
  });

  it('load into Kuzu (an embedded Cypher database) and answer a neighbourhood query', async () => {
    const nodeFile = parseNeo4jCsv(nodes);
    const relationFile = parseNeo4jCsv(relationships);
    const kuzuType = (type: string): string => ({ ID: 'STRING', LABEL: 'STRING', int: 'INT64', long: 'INT64', double: 'DOUBLE', boolean: 'BOOLEAN' })[type] ?? 'STRING';
    const column = (name: string, index: number): string => `c${index}_${name.replace(/[^A-Za-z0-9]/g, '')}`;
    writeFileSync(path.join(tempDir, 'nodes.csv'), nodes);
    writeFileSync(path.join(tempDir, 'relationships.csv'), relationships);
    const database = new kuzu.Database(path.join(tempDir, 'kuzu'));
    const connection = new kuzu.Connection(database);
    const query = async (cypher: string): Promise<Record<string, unknown>[]> => {
      const result = await connection.query(cypher);
      return (Array.isArray(result) ? result[result.length - 1]! : result).getAll();
    };
    try {
      const nodeColumns = nodeFile.header.map((entry, index) => `${index === 0 ? 'id' : column(entry.name, index)} ${kuzuType(entry.type)}`);
      await connection.query(`CREATE NODE TABLE Entity(${nodeColumns.join(', ')}, PRIMARY KEY(id))`);
      const relationColumns = relationFile.header.slice(2).map((entry, index) => `${index === 0 ? 'kind' : column(entry.name, index)} ${kuzuType(entry.type)}`);
      await connection.query(`CREATE REL TABLE Link(FROM Entity TO Entity, ${relationColumns.join(', ')})`);
      await connection.query(`COPY Entity FROM '${path.join(tempDir, 'nodes.csv')}' (HEADER=true, PARALLEL=false)`);
      await connection.query(`COPY Link FROM '${path.join(tempDir, 'relationships.csv')}' (HEADER=true, PARALLEL=false)`);
      const count = await query('MATCH (n:Entity) RETURN count(n) AS n');
      expect(Number(count[0]!.n)).toBe(graph.order);
      const links = await query('MATCH ()-[l:Link]->() RETURN count(l) AS n');
      expect(Number(links[0]!.n)).toBe(graph.size);
      const rows = (await query("MATCH (m:Entity {id: 'mission:monusco'})-[l:Link]-(n:Entity) RETURN n.id AS id, l.kind AS kind ORDER BY id, kind")) as { id: string; kind: string }[];
      const expected = graph
        .edges('mission:monusco')
        .map((edge) => ({ id: graph.opposite('mission:monusco', edge), kind: graph.getEdgeAttribute(edge, 'kind').toUpperCase().replace(/-/g, '_') }))
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.kind < b.kind ? -1 : 1));
      expect(rows).toEqual(expected);
      expect(rows).toContainEqual({ id: 'country:cod', kind: 'HOST_COUNTRY' });
    } finally {
      await connection.close();
      await database.close();
    }
  });

  it('come with a Cypher script that MERGEs the same files into an existing database', () => {
    const script = writeNeo4jCypher(graph);
    expect(script).toContain("LOAD CSV WITH HEADERS FROM 'file:///neo4j-nodes.csv' AS row");
    expect(script).toContain('MERGE (entity:Entity {id: row.`id:ID`})');
    expect(script).toContain('entity.`mentions` = toInteger(row.`mentions:int`)');
    expect(script).toContain("entity.`aliases` = split(row.`aliases:string[]`, ';')");
    expect(script).toContain("MATCH (entity:Entity) WHERE entity.type = 'mission' SET entity:`Mission`;");
    expect(script).toContain('MERGE (source)-[relationship:`HOST_COUNTRY` {id: row.id}]->(target)');
  });
});

describe('GML', () => {
  it('reads in networkx with the same counts, labels, positions and kinds', () => {
    const file = path.join(tempDir, 'graph.gml');
    writeFileSync(file, writeGml(graph));
    const script = `import json, sys, networkx as nx
g = nx.read_gml(sys.argv[1], label="name")
print(json.dumps({"directed": g.is_directed(), "nodes": {n: {"label": d.get("label"), "x": d.get("graphics", {}).get("x"), "type": d.get("type")} for n, d in g.nodes(data=True)},
  "kinds": sorted(d.get("kind") for _, _, d in g.edges(data=True))}))`;
    const run = spawnSync(DEBIAN_PYTHON, ['-c', script, file], { encoding: 'utf8' });
    if (run.error) throw new Error(`${DEBIAN_PYTHON} is missing (scripts/ensure-tools.sh --test installs python3-networkx): ${run.error.message}`);
    expect(run.status, run.stderr).toBe(0);
    const read = JSON.parse(run.stdout) as { directed: boolean; nodes: Record<string, { label: string; x: number; type: string }>; kinds: string[] };
    expect(read.directed).toBe(false);
    expect(Object.keys(read.nodes).sort()).toEqual(graph.nodes().sort());
    graph.forEachNode((node, attributes) => expect(read.nodes[node], node).toEqual({ label: attributes.label, x: attributes.x, type: attributes.type }));
    expect(read.kinds).toEqual(graph.mapEdges((_edge, attributes) => attributes.kind).sort());
  });
});
