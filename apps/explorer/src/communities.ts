// Named communities: each Louvain community of the graph summed up (members, its two or three most central
// entities as its name, strongest links inside it, the documents that speak of it). Pure functions of the graph.
import type { Visibility } from './filters.ts';
import type { ExplorerGraph } from './graph-model.ts';

export interface CommunitySummary {
  id: number;
  /** "MONUSCO · DRC · Kinshasa": the most central members' labels. */
  name: string;
  /** Members by centrality, most central first. */
  members: string[];
  /** Links with both ends inside, strongest first (co-mention weight). */
  strongestLinks: string[];
  /** Documents naming a member, with how many members each names, most first. */
  documents: { name: string; members: number }[];
}

/** Centrality used to rank members: PageRank when the file has it, else weighted degree, else mentions. */
function centrality(graph: ExplorerGraph, node: string): number {
  const attributes = graph.getNodeAttributes(node);
  return attributes.pagerank ?? attributes.weightedDegree ?? attributes.mentions;
}

/**
 * The communities of the entities `visibility` keeps (all when null), largest first (ties by id). Entities
 * without a community are left out. Names use the `nameLength` most central members.
 */
export function summariseCommunities(graph: ExplorerGraph, visibility: Visibility | null, nameLength = 3): CommunitySummary[] {
  const byCommunity = new Map<number, string[]>();
  graph.forEachNode((node, attributes) => {
    if (attributes.community === undefined || (visibility && !visibility.nodes.has(node))) return;
    const list = byCommunity.get(attributes.community);
    if (list) list.push(node);
    else byCommunity.set(attributes.community, [node]);
  });
  const summaries: CommunitySummary[] = [];
  for (const [id, nodes] of byCommunity) {
    const members = [...nodes].sort((a, b) => centrality(graph, b) - centrality(graph, a) || (a < b ? -1 : 1));
    const inside = new Set(members);
    const links: { key: string; weight: number }[] = [];
    const documents = new Map<string, number>();
    for (const member of members) {
      for (const document of graph.getNodeAttribute(member, 'documentList')) documents.set(document, (documents.get(document) ?? 0) + 1);
      graph.forEachEdge(member, (edge, link, source, target) => {
        if (source !== member || !inside.has(target)) return;
        if (visibility && !visibility.edges.has(edge)) return;
        links.push({ key: edge, weight: visibility?.edgeWeights.get(edge) ?? link.weight });
      });
    }
    links.sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : 1));
    summaries.push({
      id,
      name: members
        .slice(0, nameLength)
        .map((member) => graph.getNodeAttribute(member, 'label'))
        .join(' · '),
      members,
      strongestLinks: links.map((link) => link.key),
      documents: [...documents]
        .map(([name, count]) => ({ name, members: count }))
        .sort((a, b) => b.members - a.members || a.name.localeCompare(b.name)),
    });
  }
  return summaries.sort((a, b) => b.members.length - a.members.length || a.id - b.id);
}
