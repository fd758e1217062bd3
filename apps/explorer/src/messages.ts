// Messages shown over the map: errors about bad files stay until dismissed, notices go after a while.
// Nothing is reported only to the console, so a failure never leaves a blank or silent screen.
import { element } from './dom.ts';

export type MessageKind = 'info' | 'success' | 'error';

/** Messages on screen at once; older ones give way. Notices go after NOTICE_MS, errors stay until dismissed. */
const MAX_MESSAGES = 3;
const NOTICE_MS = 8_000;

export class MessageArea {
  constructor(private readonly area: HTMLElement) {}

  show(text: string, kind: MessageKind = 'info'): void {
    // The same message again replaces the old one rather than piling up.
    for (const existing of this.area.querySelectorAll<HTMLElement>('.message')) {
      if (existing.dataset.text === text) existing.remove();
    }
    const dismiss = element('button', { text: '×', attributes: { type: 'button', 'aria-label': 'Dismiss', title: 'Dismiss' } });
    const message = element('div', {
      className: `message ${kind}`,
      attributes: kind === 'error' ? { role: 'alert' } : {},
      children: [element('span', { text }), dismiss],
    });
    message.dataset.text = text;
    dismiss.addEventListener('click', () => message.remove());
    this.area.append(message);
    while (this.area.children.length > MAX_MESSAGES) this.area.firstElementChild?.remove();
    if (kind !== 'error') window.setTimeout(() => message.remove(), NOTICE_MS);
  }

  clear(): void {
    this.area.replaceChildren();
  }
}

/** One line for any thrown value. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
