// The worker-thread side of the extraction pool: loads the lexicon once per thread, then processes documents.
// Started through worker-entry.mjs, which registers the TypeScript loader before importing this file.
import { defaultLexicon } from '@missiongraph/extract';
import { processDocumentFully, toWire, type DocumentTask, type WireOutcome } from './document-task.ts';

const lexicon = defaultLexicon();

export default function runDocumentTask(task: DocumentTask): WireOutcome {
  return toWire(processDocumentFully(task, lexicon), task.settings);
}
