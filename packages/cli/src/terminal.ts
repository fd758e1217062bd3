// Makes untrusted text safe to print in a terminal: control characters (escape sequences) and bidirectional
// overrides from a transcript must never reach the user's terminal as commands or reorder what it shows.
const UNSAFE_FOR_TERMINAL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

/** Replaces control characters and bidi overrides with U+FFFD, and newlines/tabs with spaces. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE_FOR_TERMINAL, '\ufffd').replace(/[\t\n]+/g, ' ');
}
