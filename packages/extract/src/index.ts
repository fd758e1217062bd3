// Public API of @missiongraph/extract: readers, lexicon, extraction and topics.
// This file only re-exports; each piece lives in its own module.
export * from './types.ts';
export type { LexiconEntry } from './lexicon/schema.ts';
export { type CompiledLexicon, compileLexicon, lexiconEntries, type LexiconEntries } from './lexicon/compile.ts';
export { defaultLexicon, defaultLexiconEntries } from './lexicon/default.ts';
export { type ParsedDocument, readDocument, detectFormat, dateInName } from './readers/read.ts';
export { type PageText, type PdfText, type PdfReadOptions, PDF_MESSAGES, PdfReadError, pdfPages, pdfToText, textOfPages, layoutPages, UN_SYMBOL } from './formats/pdf.ts';
export { type PdfDirectOptions, PdfUnsupported, pdfPagesDirect } from './formats/pdf-direct.ts';
export { docxDocumentText, docxCreatedDate } from './formats/docx.ts';
export { applyDocumentDate, type DateFrom, type DocumentDateHint } from './formats/document-date.ts';
export { type HtmlText, htmlToText } from './formats/html.ts';
export { type ZipEntry, ZipError, zipEntries } from './formats/zip.ts';
export { type ExtractOptions, extractDocument, EXTRACTOR_VERSION } from './extract.ts';
export { TAGGER_VERSION } from './recognize/ner.ts';
export { type DocumentExplanation, type ExplainedMention, explainDocument } from './pipeline/explain.ts';
export type { Candidate, Confidence, Rejection } from './pipeline/candidate.ts';
export type { CandidateGenerator, Component, Decision, GeneratorInput, Stage } from './pipeline/types.ts';
export { type TopicTerm, type RankTopicsOptions, rankTopics } from './topics/rank.ts';
export { topicLexicon } from './topics/lexicon.ts';
export { slugify } from './text/slug.ts';
