// Makes the slug part of entity ids: lower-case ASCII, diacritics folded, other runs turned into '-'.
// Shared by person, place, organization and topic ids so the same name always gives the same id.
import { foldText } from './fold.ts';

/**
 * `slugify("António Guterres") === "antonio-guterres"`. A possessive's apostrophe is dropped, as in the
 * lexicon's ids: `slugify("Lord's Resistance Army") === "lords-resistance-army"`.
 */
export function slugify(text: string): string {
  return foldText(text.normalize('NFC'))
    .replace(/(?<=\p{L})['’](?=s(?![\p{L}\p{N}]))|(?<=\p{L}s)['’](?![\p{L}\p{N}])/gu, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
