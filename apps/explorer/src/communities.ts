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

/** Each community's members in the whole graph by centrality (most central first), worked out once per graph. */
const rankedMembers = new WeakMap<ExplorerGraph, { order: number; byCommunity: Map<number, string[]> }>();

function membersByCentrality(graph: ExplorerGraph): Map<number, string[]> {
  const cached = rankedMembers.get(graph);
  if (cached && cached.order === graph.order) return cached.byCommunity;
  const byCommunity = new Map<number, string[]>();
  graph.forEachNode((node, attributes) => {
    if (attributes.community === undefined) return;
    const list = byCommunity.get(attributes.community);
    if (list) list.push(node);
    else byCommunity.set(attributes.community, [node]);
  });
  const score = new Map<string, number>();
  graph.forEachNode((node) => score.set(node, centrality(graph, node)));
  for (const members of byCommunity.values()) members.sort((a, b) => score.get(b)! - score.get(a)! || (a < b ? -1 : 1));
  rankedMembers.set(graph, { order: graph.order, byCommunity });
  return byCommunity;
}

/** The strongest links inside a community and the documents naming its members, counted when Details first asks. */
class Community implements CommunitySummary {
  #strongestLinks: string[] | undefined;
  #documents: { name: string; members: number }[] | undefined;

  constructor(
    readonly id: number,
    readonly name: string,
    readonly members: string[],
    private readonly graph: ExplorerGraph,
    private readonly visibility: Visibility | null,
  ) {}

  get strongestLinks(): string[] {
    if (this.#strongestLinks) return this.#strongestLinks;
    const { graph, visibility } = this;
    const inside = new Set(this.members);
    const links: { key: string; weight: number }[] = [];
    for (const member of this.members) {
      graph.forEachEdge(member, (edge, link, source, target) => {
        if (source !== member || !inside.has(target)) return;
        if (visibility && !visibility.edges.has(edge)) return;
        links.push({ key: edge, weight: visibility?.edgeWeights.get(edge) ?? link.weight });
      });
    }
    links.sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : 1));
    return (this.#strongestLinks = links.map((link) => link.key));
  }

  get documents(): { name: string; members: number }[] {
    if (this.#documents) return this.#documents;
    const documents = new Map<string, number>();
    for (const member of this.members) {
      for (const document of this.graph.getNodeAttribute(member, 'documentList')) documents.set(document, (documents.get(document) ?? 0) + 1);
    }
    return (this.#documents = [...documents]
      .map(([name, count]) => ({ name, members: count }))
      .sort((a, b) => b.members - a.members || a.name.localeCompare(b.name)));
  }
}

/**
 * The communities of the entities `visibility` keeps (all when null), largest first (ties by id). Entities
 * without a community are left out. Names use the `nameLength` most central members. A filter change only
 * narrows the ranked lists; links and documents are counted when a community's Details ask for them.
 */
export function summariseCommunities(graph: ExplorerGraph, visibility: Visibility | null, nameLength = 3): CommunitySummary[] {
  const summaries: CommunitySummary[] = [];
  for (const [id, ranked] of membersByCentrality(graph)) {
    const members = visibility ? ranked.filter((node) => visibility.nodes.has(node)) : [...ranked];
    if (members.length === 0) continue;
    const name = members
      .slice(0, nameLength)
      .map((member) => graph.getNodeAttribute(member, 'label'))
      .join(' · ');
    summaries.push(new Community(id, name, members, graph, visibility));
  }
  return summaries.sort((a, b) => b.members.length - a.members.length || a.id - b.id);
}
