// Runs readGexf on one of the fault audit's defect-10 inputs in its own process, so that a test can kill it at a
// deadline: a synchronous quadratic parse cannot be interrupted by the test runner's own timeout.
import { readGexf } from '../../src/index.ts';

const wrap = (graph: string): string => `<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3">${graph}</gexf>\n`;

/** Each case's input, by name: sizes where the linear reader answers in under a second and the audit's took hours. */
const inputs: Record<string, () => string> = {
  'closing-tag': () => `<gexf>${'</gexf><!--'.repeat(1_000_000)}`,
  'nested-namespaces': () => wrap(`<graph>${'<nodes>'.repeat(200_000)}${'</nodes>'.repeat(200_000)}</graph>`),
};

const make = inputs[process.argv[2] ?? ''];
if (!make) throw new Error(`hostile-gexf: unknown case ${process.argv[2]}; one of ${Object.keys(inputs).join(', ')}`);
try {
  const graph = readGexf(make());
  process.stdout.write(`read: ${graph.order} nodes, ${graph.size} edges\n`);
} catch (error) {
  process.stdout.write(`refused: ${(error as Error).message}\n`);
}
