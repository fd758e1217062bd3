// Messages shown in the page: errors about bad files stay until dismissed, notices fade after a while.
// Nothing is reported only to the console, so a failure never leaves a blank or silent screen.
import { element } from './dom.ts';

export type MessageKind = 'info' | 'success' | 'error';

export class MessageArea {
  constructor(private readonly area: HTMLElement) {}

  show(text: string, kind: MessageKind = 'info'): void {
    const dismiss = element('button', { text: 'Dismiss', attributes: { type: 'button' } });
    const message = element('div', {
      className: `message ${kind}`,
      attributes: kind === 'error' ? { role: 'alert' } : {},
      children: [element('span', { text }), dismiss],
    });
    dismiss.addEventListener('click', () => message.remove());
    this.area.append(message);
    while (this.area.children.length > 4) this.area.firstElementChild?.remove();
    if (kind !== 'error') window.setTimeout(() => message.remove(), 10_000);
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
