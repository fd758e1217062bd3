// The shapes of the recognition pipeline: a component (one named step with its stage and what it reads and
// writes), the per-document context the components share, and the decisions recorded when a trace is asked for.
import type { CompiledLexicon } from '../lexicon/compile.ts';
import type { ParsedDocument } from '../readers/read.ts';
import type { WorkingMention } from '../recognize/mention.ts';
import type { SentenceRecord, SourceDocument } from '../types.ts';
import type { Candidate, Rejection } from './candidate.ts';
import type { DocumentState } from './state.ts';
import type { PendingHit } from '../rules/lexicon/scan.ts';

/**
 * What a component does: `propose` adds spans, `resolve` decides which entity an unresolved form names, `link`
 * joins forms (surnames, short names) to entities already named, `veto` rejects mentions with a reason.
 */
export type Stage = 'propose' | 'resolve' | 'link' | 'veto';

/** One named step of the pipeline (components.ts lists them in the order they run). */
export interface Component {
  name: string;
  stage: Stage;
  /** One line: what the component finds or rejects; the reason its decisions carry when they carry no rule of their own. */
  description: string;
  /** Context fields the component reads and writes (checked by a test against the order of the registry). */
  reads: readonly ContextField[];
  writes: readonly ContextField[];
  /** Why a span this component explains without a mention names nothing (demonyms, unresolved forms). */
  explainsAway?: string;
  /** When false for a document, the component is skipped (e.g. name finding with useNer: false). */
  when?: (context: DocumentContext) => boolean;
  run(context: DocumentContext): void;
}

/** The context fields components declare they read or write. */
export type ContextField = 'sentences' | 'mentions' | 'blocked' | 'labels' | 'pending' | 'speakers' | 'fullNames' | 'topics';

/** A recorded decision: a mention added, moved to another entity, or a span explained without a mention. */
export interface Decision {
  component: string;
  stage: Stage;
  action: 'accept' | 'relink' | 'explain-away';
  sentence: number;
  start: number;
  end: number;
  surface: string;
  entity: string;
  /** For a relink: the entity the span named before. */
  from?: string;
  rule: string;
  reason: string;
}

/** What a traced run records: every decision and every rejection, in the order they were made. */
export interface Trace {
  decisions: Decision[];
  rejections: Rejection[];
}

/** Everything one document's components share. */
export interface DocumentContext extends DocumentState {
  doc: SourceDocument;
  parsed: ParsedDocument;
  lexicon: CompiledLexicon;
  useNer: boolean;
  topics: boolean;
  /** The document's year (from its date), for descriptive mission references. */
  year: number | undefined;
  warnings: string[];
  /** Ambiguous and short lexicon forms waiting for the whole document (lexicon → ambiguous). */
  pending: PendingHit[];
  /** Speaker label → entity id, and delegations named in speaker labels (label → id). */
  speakerIds: Map<string, string>;
  affiliations: Map<string, string>;
  /** People named in full in the document, by id (cited authors, titled names, speakers, lexicon people). */
  fullNames: Map<string, string>;
  topicCandidates?: { phrase: string; count: number; label: string }[];
  /** Set when decisions are to be recorded (explainDocument). */
  trace?: Trace;
}

/** What a rule generator reads: the sentences, the lexicon, and the mentions settled before it runs. */
export interface GeneratorInput {
  sentences: readonly SentenceRecord[];
  lexicon: CompiledLexicon;
  mentions: ReadonlyMap<number, readonly WorkingMention[]>;
  /** The document's year, when its date gives one. */
  year: number | undefined;
}

/** A candidate generator of the `rules` family: proposes spans; settle.ts decides which of them are kept. */
export interface CandidateGenerator {
  name: string;
  propose(input: GeneratorInput): Candidate[];
}
