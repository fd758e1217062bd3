// `missiongraph explain FILE`: extracts one file and prints every mention with the component and rule that made
// it, and every candidate that lost with who rejected it and why (readable text, or --json).
import fs from 'node:fs';
import path from 'node:path';
import { type DocumentExplanation, explainDocument } from '@missiongraph/extract';
import { decodeText } from './decode.ts';
import { InputError } from './discover.ts';
import { terminalSafe } from './terminal.ts';

export const EXPLAIN_HELP = `missiongraph explain FILE [--json] [--no-topics]

Extracts one file as build does and says why: each mention with the component (generator) and rule that made
it, the steps that moved it to another entity, and the candidates over the same words that lost, with who
rejected them and why; then the candidates that lost where nothing was kept, and the spans the lexicon
explained without a mention (demonyms, unresolved ambiguous forms).

Options:
      --json        the whole explanation as JSON
      --no-topics   leave out the document's topics (key phrases), as build --no-topics does
  -h, --help        this help

Example:
  missiongraph explain data/transcripts/un-news-2017-05-22-lacroix-interview.txt
`;

/** Reads and explains FILE; a file that cannot be read or decoded is an InputError naming it. */
export function explainFile(file: string, options: { topics?: boolean } = {}): DocumentExplanation {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`explain: cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder, not a file' : (error as Error).message}`);
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new InputError(`explain: ${file}: ${decoded.reason}`);
  return explainDocument({ id: path.basename(file), text: decoded.text }, { topics: options.topics !== false });
}

/** The explanation as JSON: the document's header, the components that ran, mentions, losses. */
export function explanationJson(explanation: DocumentExplanation): string {
  const { extraction, ...rest } = explanation;
  return JSON.stringify({ document: extraction.document, ...rest }, null, 2);
}

const quote = (text: string): string => `"${terminalSafe(text)}"`;

/** The explanation as text: one block per sentence with mentions, then the losses nothing answered. */
export function formatExplanation(explanation: DocumentExplanation): string {
  const { extraction } = explanation;
  const lostCount = explanation.mentions.reduce((sum, mention) => sum + mention.lost.length, 0) + explanation.rejected.length;
  const lines: string[] = [
    `${terminalSafe(extraction.document.id)}: ${extraction.document.format}, ${extraction.document.sentenceCount} sentences; ${extraction.mentions.length} mentions of ${extraction.entities.length} entities; ${lostCount} candidates lost`,
    `components, in order: ${explanation.components.map((component) => `${component.name} (${component.stage})`).join(', ')}`,
  ];
  const sentences = new Map(extraction.sentences.map((sentence) => [sentence.index, sentence]));
  let current = -1;
  for (const mention of explanation.mentions) {
    if (mention.sentence !== current) {
      current = mention.sentence;
      const sentence = sentences.get(current);
      const who = sentence?.speaker === undefined ? '' : ` ${terminalSafe(sentence.speaker)}:`;
      lines.push('', `[${current}]${who} ${terminalSafe(sentence?.text ?? '')}`);
    }
    lines.push(`  ${quote(mention.surface)} → ${terminalSafe(mention.entity)} (${mention.type} ${quote(mention.label)})`);
    lines.push(`      by ${mention.component} (${mention.stage}), rule ${terminalSafe(mention.rule)}: ${terminalSafe(mention.reason)}`);
    for (const relink of mention.relinks) lines.push(`      moved from ${terminalSafe(relink.from)} by ${relink.component}: ${terminalSafe(relink.reason)}`);
    for (const lost of mention.lost) {
      lines.push(`      lost: ${quote(lost.candidate.surface)} as ${terminalSafe(lost.candidate.entity)} (${lost.candidate.generator}), rejected by ${lost.by}: ${terminalSafe(lost.reason)}`);
    }
  }
  if (explanation.rejected.length > 0) {
    lines.push('', 'Candidates that lost where no mention was kept:');
    for (const lost of explanation.rejected) {
      lines.push(`  [${lost.candidate.sentence}] ${quote(lost.candidate.surface)} as ${terminalSafe(lost.candidate.entity)} (${lost.candidate.generator}), rejected by ${lost.by}: ${terminalSafe(lost.reason)}`);
    }
  }
  if (explanation.explainedAway.length > 0) {
    lines.push('', 'Spans explained without a mention:');
    for (const span of explanation.explainedAway) lines.push(`  [${span.sentence}] ${quote(span.surface)} by ${span.component}: ${terminalSafe(span.reason)}`);
  }
  return lines.join('\n');
}
