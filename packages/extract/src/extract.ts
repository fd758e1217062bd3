// extractDocument: reads a document, runs the recognition pipeline (pipeline/components.ts) over its sentences,
// and returns its entities with their mentions, the sentences that carry them, and every same-sentence co-mention.
import type { CompiledLexicon } from './lexicon/compile.ts';
import { defaultLexicon } from './lexicon/default.ts';
import { assemble } from './pipeline/assemble.ts';
import { COMPONENTS } from './pipeline/components.ts';
import { runPipeline } from './pipeline/run.ts';
import type { DocumentContext, Trace } from './pipeline/types.ts';
import { readDocument } from './readers/read.ts';
import { documentYear } from './rules/shared.ts';
import type { DocumentExtraction, SourceDocument } from './types.ts';

/** Bump whenever extraction output can change for the same input; part of the CLI's cache key. */
export const EXTRACTOR_VERSION = '2.0.0';

export interface ExtractOptions {
  /** The lexicon to recognise with (default: defaultLexicon()). */
  lexicon?: CompiledLexicon;
  /** Collect topic candidates, and mark the document's best ones as `topic` mentions (default false). */
  topics?: boolean;
  /** Find names the lexicon does not know with compromise (default true). */
  useNer?: boolean;
}

/** Reads the document and runs every component over it; with a trace, each decision is recorded there. */
export function runExtraction(doc: SourceDocument, options: ExtractOptions, trace?: Trace): { context: DocumentContext; extraction: DocumentExtraction } {
  const parsed = readDocument(doc);
  const context: DocumentContext = {
    doc,
    parsed,
    lexicon: options.lexicon ?? defaultLexicon(),
    useNer: options.useNer !== false,
    topics: options.topics === true,
    year: documentYear(parsed.date),
    warnings: [...parsed.warnings],
    sentences: parsed.sentences,
    mentions: new Map(),
    blocked: new Map(),
    labels: new Map(),
    types: new Map(),
    pending: [],
    speakerIds: new Map(),
    affiliations: new Map(),
    fullNames: new Map(),
  };
  if (trace) context.trace = trace;
  runPipeline(COMPONENTS, context);
  return { context, extraction: assemble(doc, parsed, context, context.lexicon, context.speakerIds, context.affiliations, context.topicCandidates, context.warnings) };
}

/** Extracts entities, mentions and co-mentions from one document. Never throws on text. */
export function extractDocument(doc: SourceDocument, options: ExtractOptions = {}): DocumentExtraction {
  return runExtraction(doc, options).extraction;
}
