// explainDocument: the extraction of one document with the reason for every decision — each mention with the
// component and rule that made it (and any relinking), and the candidates that lost, with who rejected them and why.
import { type ExtractOptions, runExtraction } from '../extract.ts';
import type { DocumentExtraction, EntityType, SourceDocument } from '../types.ts';
import type { Rejection } from './candidate.ts';
import { COMPONENTS } from './components.ts';
import type { Decision, Stage } from './types.ts';

/** One output mention and how it came to be. */
export interface ExplainedMention {
  sentence: number;
  start: number;
  end: number;
  surface: string;
  entity: string;
  label: string;
  type: EntityType;
  /** The component (generator) that proposed the span, its stage, and the rule with what it saw. */
  component: string;
  stage: Stage;
  rule: string;
  reason: string;
  /** Later steps that moved the span to another entity (surname joins, partial names). */
  relinks: { component: string; from: string; reason: string }[];
  /** Candidates over the same characters that lost, with who rejected them and why. */
  lost: Rejection[];
}

export interface DocumentExplanation {
  extraction: DocumentExtraction;
  /** The components in the order they ran for this document. */
  components: { name: string; stage: Stage; description: string }[];
  mentions: ExplainedMention[];
  /** Candidates that lost where no mention was kept. */
  rejected: Rejection[];
  /** Spans the lexicon explained without a mention (demonyms, ambiguous forms left unresolved). */
  explainedAway: Decision[];
}

const overlaps = (a: { sentence: number; start: number; end: number }, b: { sentence: number; start: number; end: number }): boolean =>
  a.sentence === b.sentence && a.start < b.end && b.start < a.end;

/** Extracts `doc` as extractDocument does (the same output) and explains every mention and every loss. */
export function explainDocument(doc: SourceDocument, options: ExtractOptions = {}): DocumentExplanation {
  const trace = { decisions: [] as Decision[], rejections: [] as Rejection[] };
  const { context, extraction } = runExtraction(doc, options, trace);
  const entities = new Map(extraction.entities.map((entity) => [entity.id, entity]));
  const claimed = new Set<Rejection>();
  const mentions = extraction.mentions.map((mention): ExplainedMention => {
    const sameSpan = trace.decisions.filter((decision) => decision.action !== 'explain-away' && decision.sentence === mention.sentence && decision.start === mention.start && decision.end === mention.end);
    const origin = sameSpan.filter((decision) => decision.action === 'accept').pop() ?? sameSpan[0];
    const lost = trace.rejections.filter((rejection) => overlaps(rejection.candidate, mention) && !(rejection.candidate.entity === mention.entity && rejection.candidate.start === mention.start && rejection.candidate.end === mention.end));
    for (const rejection of lost) claimed.add(rejection);
    const entity = entities.get(mention.entity);
    return {
      ...mention,
      label: entity?.label ?? mention.entity,
      type: entity?.type ?? 'person',
      component: origin?.component ?? 'unknown',
      stage: origin?.stage ?? 'propose',
      rule: origin?.rule ?? 'unknown',
      reason: origin?.reason ?? '',
      relinks: sameSpan
        .filter((decision) => decision.action === 'relink' && origin !== undefined && trace.decisions.indexOf(decision) > trace.decisions.indexOf(origin))
        .map((decision) => ({ component: decision.component, from: decision.from ?? '', reason: decision.reason })),
      lost,
    };
  });
  return {
    extraction,
    components: COMPONENTS.filter((component) => !component.when || component.when(context)).map(({ name, stage, description }) => ({ name, stage, description })),
    mentions,
    rejected: trace.rejections.filter((rejection) => !claimed.has(rejection)).sort((a, b) => a.candidate.sentence - b.candidate.sentence || a.candidate.start - b.candidate.start),
    explainedAway: trace.decisions.filter((decision) => decision.action === 'explain-away'),
  };
}
