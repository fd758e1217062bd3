// Spans that read like names but name nothing, as data with the reason each is turned down: role titles typed
// as people, a web page's navigation labels, "Government of <a person>", and channels the guidelines leave out.
import { lexicalTags } from '../recognize/ner.ts';
import type { EntityType } from '../types.ts';
import type { RuleContext } from './context.ts';

/** What a veto looks at: a proposed or guessed mention and its sentence. */
export interface VetoSubject {
  surface: string;
  type: EntityType;
  entity: string;
  sentenceText: string;
}

export interface Veto {
  name: string;
  reason: string;
  rejects(subject: VetoSubject, context: RuleContext): boolean;
}

/** Nouns that end a role title, never a person's name: "Senior Civil Affairs Officer". Lower case. */
export const ROLE_TITLE_ENDINGS = new Set(
  `officer officers adviser advisor advisers coordinator director manager specialist analyst representative commander chief
  head secretary minister spokesperson spokesman spokeswoman envoy commissioner rapporteur assistant associate consultant
  expert researcher fellow editor correspondent reporter delegate observer president chair chairperson coordinator
  administrator inspector superintendent`.split(/\s+/).filter(Boolean),
);

/** Labels of a web page's navigation and sharing controls. Lower case. */
export const NAVIGATION_LABELS = new Set([
  'skip to main content',
  'skip to content',
  'main menu',
  'menu',
  'home',
  'search',
  'share',
  'share this',
  'print',
  'email',
  'subscribe',
  'sign in',
  'sign up',
  'log in',
  'login',
  'follow us',
  'read more',
  'related',
  'related news',
  'related stories',
  'latest news',
  'top stories',
  'contact us',
  'about us',
  'privacy policy',
  'terms of use',
  'cookie policy',
  'cookies',
  'back to top',
  'newsletter',
  'donate',
  'news',
  'press releases',
  'media centre',
  'copyright',
  'accessibility',
  'sitemap',
  'site map',
  'next article',
  'previous article',
]);

/** Podcast platforms, social networks and websites named as channels (GUIDELINES rule 10): no entities. Lower case. */
export const CHANNELS = new Set(['apple podcasts', 'spotify', 'google podcasts', 'youtube', 'twitter', 'facebook', 'instagram', 'tiktok', 'linkedin', 'whatsapp', 'soundcloud', 'stitcher', 'podbean', 'x (formerly twitter)']);

/** A line of navigation labels: three or more short parts split by bars, bullets or arrows, most of them labels. */
function isNavigationLine(text: string): boolean {
  const parts = text.split(/\s*[|·•›>»]\s*|\s{2,}/u).map((part) => part.trim().toLowerCase()).filter(Boolean);
  if (parts.length < 3 || parts.some((part) => part.split(/\s+/).length > 4)) return false;
  return parts.filter((part) => NAVIGATION_LABELS.has(part)).length * 2 >= parts.length;
}

export const VETOES: readonly Veto[] = [
  {
    name: 'role-title',
    reason: 'a role title ends in a role noun ("Senior Civil Affairs Officer"); a person is named, not titled',
    rejects: ({ surface, type }) => type === 'person' && ROLE_TITLE_ENDINGS.has((surface.split(/\s+/).pop() ?? '').toLowerCase()),
  },
  {
    name: 'navigation-label',
    reason: "a web page's navigation or sharing label names nothing",
    rejects: ({ surface, sentenceText }) => NAVIGATION_LABELS.has(surface.trim().toLowerCase()) || isNavigationLine(sentenceText),
  },
  {
    name: 'government-of-person',
    reason: '"Government of <a person>" names the government by its leader; the person is the mention',
    rejects: ({ surface }, context) => {
      const rest = /^(?:the\s+)?Government\s+of\s+(.+)$/iu.exec(surface)?.[1];
      if (rest === undefined) return false;
      if (/^(?:President|Prime\s+Minister|King|Emir|General|Colonel|Chairman)\b/u.test(rest)) return true;
      if (context.lexiconIdOf(rest)?.startsWith('person:') === true) return true;
      const words = rest.split(/\s+/);
      if (words.length >= 2 && words.length <= 3 && context.lexiconIdOf(rest) === undefined && ['FirstName', 'MaleName', 'FemaleName'].some((tag) => lexicalTags(words[0] ?? '').has(tag))) return true;
      return [...context.entities.values()].some((entity) => entity.type === 'person' && (entity.label === rest || entity.label.endsWith(` ${rest}`)));
    },
  },
  {
    name: 'channel',
    reason: 'podcast platforms, social networks and websites named as channels are not annotated (GUIDELINES rule 10)',
    rejects: ({ surface }) => CHANNELS.has(surface.trim().toLowerCase()) || /^(?:https?:\/\/|www\.)|\.(?:org|com|net|int)$/iu.test(surface.trim()),
  },
];

/** The first veto that rejects a subject, if any. */
export function vetoOf(subject: VetoSubject, context: RuleContext): Veto | undefined {
  return VETOES.find((veto) => veto.rejects(subject, context));
}
