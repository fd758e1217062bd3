// The name-dense text of defect 2: sentences that each name people nobody else names, and a surname named before.
// Shared by the extraction and robustness benches and the Ctrl-C test, which need graphs of thousands of entities.

const FIRST_NAMES = ['Amara', 'Lucas', 'Fatima', 'Kwame', 'Ingrid', 'Mateo', 'Aisha', 'Hiroshi', 'Elena', 'Tomasz', 'Nadia', 'Samuel', 'Leila', 'Omar', 'Grace', 'Pedro'];
const SYLLABLES = ['ka', 'lo', 'mbe', 'ri', 'sa', 'to', 'vi', 'dra', 'nu', 'el', 'gor', 'fi', 'an', 'zu', 'mar', 'ten'];

/** A surname nobody else has: four syllables spelling `index` in base 16 ("Kalombe…"). */
function surname(index: number): string {
  const word = [0, 1, 2, 3].map((digit) => SYLLABLES[Math.floor(index / 16 ** digit) % 16]).join('');
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * `sentences` paragraphs, each naming two new people in full and one named three sentences before by surname.
 * Another `variant` gives the same text with other surnames (the benches time a fresh text each run, so nothing a
 * run leaves behind, such as V8's cache of compiled patterns, makes the next one cheaper).
 */
export function nameDenseDocument(sentences: number, variant = 0): string {
  const lines: string[] = [];
  for (let run = 0; run < sentences; run += 1) {
    const index = run + variant * 16;
    lines.push(
      `${FIRST_NAMES[run % FIRST_NAMES.length]} ${surname(index)} said the convoy reached Goma; later Mr. ${surname(Math.max(0, index - 3))} met ${FIRST_NAMES[(run + 5) % FIRST_NAMES.length]} ${surname(index + 7919)} in Bamako.`,
    );
  }
  return lines.join('\n\n');
}
