/**
 * The measured columns of a métier, shared by the HTML tables and the xlsx sheet so that both
 * show the same figures under the same headings.
 */
import type { IndicateursMetier, Mesure } from '../analysis/result.js';
import type { Libelles } from './labels.js';

/** How a value is shown: count, plain decimal, share (0..1 as %), annual rate (as %), class 1..5. */
export type Genre = 'entier' | 'decimal' | 'pourcent' | 'taux' | 'classe';

export interface ColonneMesure {
  id: string;
  titre: (l: Libelles) => string;
  genre: Genre;
  lire: (i: IndicateursMetier) => Mesure | undefined;
}

export const COLONNES_METIER: readonly ColonneMesure[] = [
  { id: 'effectifDebut', titre: (l) => l.effectifDebut, genre: 'entier', lire: (i) => i.effectifDebut },
  { id: 'effectifFin', titre: (l) => l.effectifFin, genre: 'entier', lire: (i) => i.effectifFin },
  { id: 'evolution', titre: (l) => l.evolution, genre: 'pourcent', lire: (i) => i.evolution },
  { id: 'tcam', titre: (l) => l.tcam, genre: 'taux', lire: (i) => i.tcam },
  { id: 'tcamReference', titre: (l) => l.tcamReference, genre: 'taux', lire: (i) => i.tcamReference },
  { id: 'indiceSpecificite', titre: (l) => l.indiceSpecificite, genre: 'decimal', lire: (i) => i.indiceSpecificite },
  { id: 'part50Plus', titre: (l) => l.part50, genre: 'pourcent', lire: (i) => i.ages?.part50Plus },
  { id: 'part55Plus', titre: (l) => l.part55, genre: 'pourcent', lire: (i) => i.ages?.part55Plus },
  { id: 'part55PlusReference', titre: (l) => l.part55Reference, genre: 'pourcent', lire: (i) => i.ages?.part55PlusReference },
  { id: 'indiceRenouvellement', titre: (l) => l.indiceRenouvellement, genre: 'decimal', lire: (i) => i.ages?.indiceRenouvellement },
  { id: 'departsFinCarriere', titre: (l) => l.departs, genre: 'entier', lire: (i) => i.departsFinCarriere },
  { id: 'postesAPourvoir', titre: (l) => l.postesAPourvoir, genre: 'entier', lire: (i) => i.postesAPourvoir },
  { id: 'postesAPourvoirParEmploi', titre: (l) => l.postesParEmploi, genre: 'decimal', lire: (i) => i.postesAPourvoirParEmploi },
  { id: 'bmoProjets', titre: (l) => l.bmoProjets, genre: 'entier', lire: (i) => i.bmo?.projets },
  { id: 'bmoDifficiles', titre: (l) => l.bmoDifficiles, genre: 'entier', lire: (i) => i.bmo?.difficiles },
  { id: 'bmoSaisonniers', titre: (l) => l.bmoSaisonniers, genre: 'entier', lire: (i) => i.bmo?.saisonniers },
  { id: 'partDifficiles', titre: (l) => l.partDifficiles, genre: 'pourcent', lire: (i) => i.bmo?.partDifficiles },
  { id: 'partSaisonniers', titre: (l) => l.partSaisonniers, genre: 'pourcent', lire: (i) => i.bmo?.partSaisonniers },
  { id: 'classeTension', titre: (l) => l.classeTension, genre: 'classe', lire: (i) => i.tension?.classe },
  { id: 'offres', titre: (l) => l.offres, genre: 'entier', lire: (i) => i.tension?.offres },
  { id: 'demandeurs', titre: (l) => l.demandeurs, genre: 'entier', lire: (i) => i.tension?.demandeurs },
  { id: 'ratioOffresDemandeurs', titre: (l) => l.ratioOffresDemandeurs, genre: 'decimal', lire: (i) => i.tension?.ratioOffresDemandeurs },
  { id: 'scoreComposite', titre: (l) => l.scoreComposite, genre: 'decimal', lire: (i) => i.tension?.scoreComposite },
];

/** The columns of the compact HTML tables per family (the xlsx sheet has them all). */
export const COLONNES_TABLEAU: readonly ColonneMesure[] = ['effectifFin', 'tcam', 'indiceSpecificite', 'part55Plus', 'bmoProjets', 'partDifficiles', 'classeTension'].map((id) => COLONNES_METIER.find((c) => c.id === id)!);
