// The data shapes that flow out of extraction: documents, sentences, entities, mentions, co-mentions.
// Everything here is plain JSON so results can be cached on disk and sent between worker threads.

/** The kinds of entity missiongraph recognises. `topic` only appears with the --topics option. */
export type EntityType =
  | 'mission'
  | 'country'
  | 'place'
  | 'organization'
  | 'person'
  | 'concept'
  | 'agreement'
  | 'event'
  | 'topic';

export const ENTITY_TYPES: readonly EntityType[] = [
  'mission',
  'country',
  'place',
  'organization',
  'person',
  'concept',
  'agreement',
  'event',
  'topic',
];

/** How a document's text was laid out; detected from content. */
export type DocumentFormat = 'text' | 'markdown' | 'transcript' | 'vtt' | 'srt';

/** A document handed to the extractor: an id unique in the corpus (the CLI uses the relative path), and its text. */
export interface SourceDocument {
  id: string;
  text: string;
}

/** A sentence of a document, with who said it and when, where the document tells. */
export interface SentenceRecord {
  /** Position of the sentence in its document, from 0. */
  index: number;
  text: string;
  speaker?: string;
  /** Start time as written in the source, e.g. "01:25" or "00:01:25.300". */
  time?: string;
  /** The same start time in seconds. */
  seconds?: number;
  /**
   * Set by a reader when the line only lists things (an export's keyword line, a table row, a bullet of
   * names, "X in A, Y in B, Z in C…"): its mentions count, its co-mentions are marked `list` and weigh less.
   */
  list?: boolean;
}

/** Lexicon facts carried onto a node; relation facts hold entity ids. */
export interface EntityFacts {
  fullName?: string;
  hostCountry?: string;
  startYear?: number;
  endYear?: number;
  status?: 'active' | 'closed';
  predecessor?: string;
  successor?: string;
  kind?: string;
  iso3?: string;
  [key: string]: string | number | boolean | string[] | undefined;
}

/** One entity as found in one document. */
export interface EntityRecord {
  /** Stable id, `type:slug`, e.g. `mission:monusco`, `country:cod`, `person:jean-pierre-lacroix`. */
  id: string;
  label: string;
  type: EntityType;
  /** Distinct surface forms seen in this document, sorted. */
  aliases: string[];
  /** Number of mentions in this document. */
  mentions: number;
  facts?: EntityFacts;
  /** For transcript speakers: how many sentences they speak in this document. Optional field added by extract. */
  speakerSentences?: number;
}

export interface MentionRecord {
  entity: string;
  sentence: number;
  /** Character offsets of the surface form within the sentence text. */
  start: number;
  end: number;
  surface: string;
}

/** Two entities named in the same sentence; `source < target` by string order. */
export interface CoMentionRecord {
  source: string;
  target: string;
  sentence: number;
  /** The sentence is a list (SentenceRecord.list): the graph gives this co-mention a lower weight. */
  list?: boolean;
}

export interface DocumentExtraction {
  document: {
    id: string;
    format: DocumentFormat;
    title?: string;
    sentenceCount: number;
    characters: number;
    speakers: string[];
    /** The document's date (YYYY-MM-DD) when its header or id gives one. Optional field added by extract. */
    date?: string;
    /** Where the date was read: the export header, a dateline, a PDF's first page, a caption note, the file name, or the file's mtime. */
    dateSource?: 'header' | 'dateline' | 'first-page' | 'note' | 'name' | 'mtime';
    /** Keywords an export's header lists (Otter's SUMMARY KEYWORDS): metadata, never sentences. */
    keywords?: string[];
    /** A UN document symbol read from the first page, e.g. "S/2023/648". */
    symbol?: string;
  };
  /** The sentences that carry at least one mention (the evidence), in document order. */
  sentences: SentenceRecord[];
  entities: EntityRecord[];
  mentions: MentionRecord[];
  coMentions: CoMentionRecord[];
  /** Candidate noun phrases for corpus-level topics (only with the topics option). */
  topicCandidates?: {
    phrase: string;
    count: number;
    /** The phrase as most often written in the document (the key is lower case, last word singular). Optional field added by extract. */
    label?: string;
  }[];
  warnings: string[];
}
