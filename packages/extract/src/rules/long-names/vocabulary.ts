// Heads of names that take a complement ("Transitional Government of South Sudan", "Political Agreement for Peace
// and Reconciliation in the Central African Republic"), with the type each gives, and the small words inside them.
import type { EntityType } from '../../types.ts';

/** Heads that open a name and take a complement, with the type of the name. */
export const COMPLEMENT_HEADS: readonly { head: string; type: EntityType }[] = [
  ...'Ministry Department Centre Center Council Agency Office Organization Organisation Union Fund Programme Program Commission Committee Institute University Bank Court Foundation Association Network Group Front Movement Army Party Coalition Alliance Police Service Secretariat Tribunal Assembly Parliament Government Society Federation Board Authority Brigade Forces Force Academy College Mechanism Panel Senate Congress Directorate Bureau Observatory'
    .split(' ')
    .map((head) => ({ head, type: 'organization' as EntityType })),
  ...'Agreement Accord Accords Treaty Pact Charter Declaration Protocol Convention Plan Roadmap Framework'.split(' ').map((head) => ({ head, type: 'agreement' as EntityType })),
  ...'Conference Summit Forum Dialogue Initiative'.split(' ').map((head) => ({ head, type: 'event' as EntityType })),
];

/** Heads that need a capitalised word before them to make a body: "Government of Liberia" is Liberia, "Transitional Government of Liberia" a body. */
export const HEADS_NEEDING_MODIFIER = new Set(['Government', 'Forces', 'Force', 'Army', 'Police', 'Union']);

/** Prepositions that open a complement; "in" and "to" are left out, as they place a body ("the Office in Bor"). */
export const COMPLEMENT_PREPOSITIONS = ['of', 'for', 'on'] as const;

/** Small words inside a complement: "for Peace and Reconciliation in the Central African Republic". */
export const COMPLEMENT_CONNECTORS = new Set(['of', 'the', 'for', 'in', 'on', 'and', 'to', 'de', 'du', 'des', 'la', 'le', 'et']);
