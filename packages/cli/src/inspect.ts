// `missiongraph inspect NAME --out DIR`: finds an entity by id, label or alias (ignoring case and diacritics) and
// shows its facts, its neighbours by weight and the evidence sentences with document, speaker and time.
import { numberAttribute, textAttribute, type LoadedGraph } from './graph-file.ts';
import { terminalSafe } from './terminal.ts';

export interface Neighbour {
  id: string;
  label: string;
  type: string;
  weight: number;
  kinds: string[];
}

export interface EvidenceLine {
  document: string;
  sentence: number;
  text: string;
  speaker?: string;
  time?: string;
  /** Labels of the other entities the sentence links this one to. */
  with: string[];
}

export interface EntityReport {
  id: string;
  attributes: Record<string, unknown>;
  neighbours: Neighbour[];
  evidence: EvidenceLine[];
  /** Other entities the name also matched (shown as a hint). */
  alsoMatches: { id: string; label: string }[];
}

/** Folds a name for matching: no diacritics, lower case, single spaces, typographic apostrophes made plain. */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function aliasesOf(attributes: Record<string, unknown>): string[] {
  const aliases = attributes['aliases'];
  return Array.isArray(aliases) ? aliases.filter((alias): alias is string => typeof alias === 'string') : [];
}

/** Ids of the nodes a query names, best first: exact id, then label, then alias; more mentions first within a rank. */
export function findEntities(graph: LoadedGraph, query: string): string[] {
  const folded = foldName(query);
  const ranked: { id: string; rank: number; mentions: number }[] = [];
  graph.forEachNode((node, raw) => {
    const attributes = raw as Record<string, unknown>;
    let rank = 0;
    if (foldName(node) === folded) rank = 3;
    else if (foldName(textAttribute(attributes, 'label')) === folded) rank = 2;
    else if (aliasesOf(attributes).some((alias) => foldName(alias) === folded)) rank = 1;
    if (rank > 0) ranked.push({ id: node, rank, mentions: numberAttribute(attributes, 'mentions') ?? 0 });
  });
  ranked.sort((a, b) => b.rank - a.rank || b.mentions - a.mentions || (a.id < b.id ? -1 : 1));
  return ranked.map((entry) => entry.id);
}

/** Edit distance (insertions, deletions, substitutions, adjacent swaps) between two strings, or more than `limit` (then limit + 1). */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let beforePrevious = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowBest = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, beforePrevious[j - 2]! + 1);
      current.push(value);
      rowBest = Math.min(rowBest, value);
    }
    if (rowBest > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Suggestions when nothing matches exactly: nodes whose id, label or an alias contains the query, most mentioned
 * first; failing that, names one or two typing slips away ("MONUSKO" → MONUSCO), nearest first.
 */
export function suggestEntities(graph: LoadedGraph, query: string, limit = 8): string[] {
  const folded = foldName(query);
  if (folded === '') return [];
  const containing: { id: string; mentions: number }[] = [];
  const near: { id: string; distance: number; mentions: number }[] = [];
  // Short queries allow one slip, longer ones two; a name much longer than the query is no slip of it.
  const allowed = folded.length < 4 ? 0 : folded.length < 8 ? 1 : 2;
  graph.forEachNode((node, raw) => {
    const attributes = raw as Record<string, unknown>;
    const names = [node, textAttribute(attributes, 'label'), ...aliasesOf(attributes)].map(foldName);
    const mentions = numberAttribute(attributes, 'mentions') ?? 0;
    if (names.some((name) => name.includes(folded))) containing.push({ id: node, mentions });
    else if (allowed > 0) {
      // Whole names and their words, so a slip in a surname ("Guteres") finds the person too.
      const words = names.flatMap((name) => name.split(/[\s:-]+/).filter((word) => word.length >= 4));
      const distance = Math.min(...[...names, ...words].map((name) => editDistance(folded, name, allowed)));
      if (distance <= allowed) near.push({ id: node, distance, mentions });
    }
  });
  if (containing.length > 0) {
    containing.sort((a, b) => b.mentions - a.mentions || (a.id < b.id ? -1 : 1));
    return containing.slice(0, limit).map((entry) => entry.id);
  }
  near.sort((a, b) => a.distance - b.distance || b.mentions - a.mentions || (a.id < b.id ? -1 : 1));
  return near.slice(0, limit).map((entry) => entry.id);
}

interface RawEvidence {
  document?: unknown;
  sentence?: unknown;
  text?: unknown;
  speaker?: unknown;
  time?: unknown;
}

export function inspectEntity(graph: LoadedGraph, node: string, alsoMatches: string[] = []): EntityReport {
  const label = (id: string): string => textAttribute(graph.getNodeAttributes(id) as Record<string, unknown>, 'label', id);
  const neighbours = new Map<string, Neighbour>();
  const evidence = new Map<string, EvidenceLine>();
  graph.forEachEdge(node, (_edge, raw, source, target) => {
    const attributes = raw as Record<string, unknown>;
    const other = source === node ? target : source;
    const kind = textAttribute(attributes, 'kind', 'co-mention');
    const entry = neighbours.get(other) ?? {
      id: other,
      label: label(other),
      type: textAttribute(graph.getNodeAttributes(other) as Record<string, unknown>, 'type', '?'),
      weight: 0,
      kinds: [],
    };
    entry.weight += numberAttribute(attributes, 'weight') ?? 0;
    if (!entry.kinds.includes(kind)) entry.kinds.push(kind);
    neighbours.set(other, entry);
    const items = attributes['evidence'];
    if (!Array.isArray(items)) return;
    for (const item of items as RawEvidence[]) {
      if (typeof item.document !== 'string' || typeof item.sentence !== 'number' || typeof item.text !== 'string') continue;
      const key = `${item.document}\u0000${item.sentence}`;
      const line = evidence.get(key) ?? {
        document: item.document,
        sentence: item.sentence,
        text: item.text,
        ...(typeof item.speaker === 'string' ? { speaker: item.speaker } : {}),
        ...(typeof item.time === 'string' ? { time: item.time } : {}),
        with: [],
      };
      if (!line.with.includes(label(other))) line.with.push(label(other));
      evidence.set(key, line);
    }
  });
  const sortedNeighbours = [...neighbours.values()]
    .map((entry) => ({ ...entry, kinds: entry.kinds.sort() }))
    .sort((a, b) => b.weight - a.weight || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  const sortedEvidence = [...evidence.values()]
    .map((line) => ({ ...line, with: line.with.sort() }))
    .sort((a, b) => (a.document < b.document ? -1 : a.document > b.document ? 1 : a.sentence - b.sentence));
  return {
    id: node,
    attributes: graph.getNodeAttributes(node) as Record<string, unknown>,
    neighbours: sortedNeighbours,
    evidence: sortedEvidence,
    alsoMatches: alsoMatches.map((id) => ({ id, label: label(id) })),
  };
}

function formatFacts(facts: unknown): string {
  if (typeof facts !== 'object' || facts === null) return '';
  return Object.entries(facts as Record<string, unknown>)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') : String(value)}`)
    .join('; ');
}

function formatNumber(value: number | undefined, digits: number): string {
  return value === undefined ? '–' : Number.isInteger(value) ? String(value) : value.toFixed(digits);
}

/** The report as terminal lines; every piece of corpus text goes through terminalSafe. */
export function formatEntityReport(report: EntityReport, limits: { neighbours: number; evidence: number }): string {
  const attributes = report.attributes;
  const safe = terminalSafe;
  const lines: string[] = [];
  lines.push(`${safe(textAttribute(attributes, 'label', report.id))}  (${safe(textAttribute(attributes, 'type', '?'))}, ${safe(report.id)})`);
  const aliases = aliasesOf(attributes);
  if (aliases.length > 0) lines.push(`  aliases      ${safe(aliases.join(', '))}`);
  const mentions = numberAttribute(attributes, 'mentions');
  const documents = numberAttribute(attributes, 'documents');
  const first = textAttribute(attributes, 'firstDocument');
  const last = textAttribute(attributes, 'lastDocument');
  lines.push(
    `  mentions     ${formatNumber(mentions, 0)} in ${formatNumber(documents, 0)} document(s)` +
      (first !== '' ? ` (first ${safe(first)}${last !== '' && last !== first ? `, last ${safe(last)}` : ''})` : ''),
  );
  const facts = formatFacts(attributes['facts']);
  if (facts !== '') lines.push(`  facts        ${safe(facts)}`);
  lines.push(
    `  graph        community ${formatNumber(numberAttribute(attributes, 'community'), 0)}, pagerank ${formatNumber(numberAttribute(attributes, 'pagerank'), 4)}, ` +
      `betweenness ${formatNumber(numberAttribute(attributes, 'betweenness'), 4)}, weighted degree ${formatNumber(numberAttribute(attributes, 'weightedDegree'), 2)}`,
  );
  if (report.alsoMatches.length > 0) {
    lines.push(`  also matches ${report.alsoMatches.map((match) => `${safe(match.label)} (${safe(match.id)})`).join(', ')}`);
  }
  lines.push('', `neighbours by weight (${report.neighbours.length})`);
  for (const neighbour of report.neighbours.slice(0, limits.neighbours)) {
    const relation = neighbour.kinds.filter((kind) => kind !== 'co-mention');
    lines.push(`  ${String(neighbour.weight).padStart(5)}  ${safe(neighbour.label)} (${safe(neighbour.type)})${relation.length > 0 ? ` [${relation.join(', ')}]` : ''}`);
  }
  if (report.neighbours.length > limits.neighbours) lines.push(`  … and ${report.neighbours.length - limits.neighbours} more (--neighbours N)`);
  lines.push('', `evidence (${report.evidence.length} sentence${report.evidence.length === 1 ? '' : 's'})`);
  for (const line of report.evidence.slice(0, limits.evidence)) {
    const who = [line.speaker, line.time].filter((part): part is string => part !== undefined).map(safe).join(' @ ');
    lines.push(`  ${safe(line.document)} #${line.sentence}${who !== '' ? ` · ${who}` : ''} · with ${safe(line.with.join(', '))}`);
    lines.push(`    “${safe(line.text)}”`);
  }
  if (report.evidence.length > limits.evidence) lines.push(`  … and ${report.evidence.length - limits.evidence} more (--evidence N)`);
  return lines.join('\n');
}
