/** The order of the families: the format's (schema enum), which is the order of every output. */
import { Famille, type FamilleId } from '../../format/schema.js';

export const FAMILLE_ORDER: readonly FamilleId[] = Famille.options;
