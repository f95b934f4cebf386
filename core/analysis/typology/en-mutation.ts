/**
 * En mutation: the expert's declaration only. The ROME transition tags of the fiche are signals
 * (kept in `IndicateursMetier.signaux`), never a verdict on their own.
 */
import type { FamilleRule } from './types.js';

export const enMutation: FamilleRule = ({ decl }) => (decl?.en_mutation ? [{ famille: 'en-mutation', regle: 'declaration', indicateur: 'declaration', valeur: true, comparaison: '=' }] : []);
