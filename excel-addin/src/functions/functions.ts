/**
 * GTEC custom functions for Excel: a thin façade over the core (every figure is computed in
 * core/). The JSDoc below is the source of the functions' metadata: `functions.json` is generated
 * from it at build with custom-functions-metadata (French names and descriptions); the English
 * metadata is derived with the table in `en.ts`. Ranges are matrices: a single value arrives as
 * [[v]] and a result of one cell shows as a value, larger results spill.
 */
import { appel } from './call.js';
import {
  calculDeparts,
  calculEcart,
  calculFamilles,
  calculIndiceSpecificite,
  calculLibelle,
  calculPasserelles,
  calculRechercher,
  calculReferentiel,
  calculSimilarite,
  calculTcam,
  calculTension,
  calculBmoParts,
  calculRomeV3Vers4,
  calculRome4VersV3,
  calculFap2009Libelle,
  calculFap2021Libelle,
  calculBassinLibelle,
  calculFap2009VersRome,
} from './computations.js';

/**
 * Taux de croissance annuel moyen (TCAM) entre deux effectifs : (fin/début)^(1/(année fin − année début)) − 1.
 * @customfunction TCAM
 * @param effectif_debut Effectif en début de période (valeur ou plage).
 * @param effectif_fin Effectif en fin de période (valeur ou plage).
 * @param annee_debut Année de début.
 * @param annee_fin Année de fin.
 * @returns Le TCAM (0,02 = +2 %/an) de chaque ligne.
 */
export function tcam(effectif_debut: any[][], effectif_fin: any[][], annee_debut: any[][], annee_fin: any[][]): any[][] {
  return appel('TCAM', [effectif_debut, effectif_fin, annee_debut, annee_fin], () => calculTcam(effectif_debut, effectif_fin, annee_debut, annee_fin));
}

/**
 * Indice de spécificité : part du métier dans l’emploi du territoire rapportée à sa part dans le territoire de référence.
 * @customfunction INDICE.SPECIFICITE
 * @param emploi_metier_zone Emploi du métier dans le territoire.
 * @param emploi_zone Emploi total du territoire.
 * @param emploi_metier_reference Emploi du métier dans le territoire de référence.
 * @param emploi_reference Emploi total du territoire de référence.
 * @returns L’indice (1 = même poids que la référence).
 */
export function indiceSpecificite(emploi_metier_zone: any[][], emploi_zone: any[][], emploi_metier_reference: any[][], emploi_reference: any[][]): any[][] {
  return appel('INDICE.SPECIFICITE', [emploi_metier_zone, emploi_zone, emploi_metier_reference, emploi_reference], () => calculIndiceSpecificite(emploi_metier_zone, emploi_zone, emploi_metier_reference, emploi_reference));
}

/**
 * Score composite de tension (méthode DARES : moyenne des z-scores pondérée offres/demandeurs 30 %, écoulement 20 %, part BMO difficiles 50 %, poids renormalisés sur les composantes données) et classe. Règle de publication : une ligne de moins de 30 offres ou demandeurs est « non significative » ; les z-scores viennent des lignes d’au moins 30 (de toutes les lignes s’il y en a moins de deux, et la colonne « Base du score » le dit). Classe : sur les seuils officiels s’ils sont donnés, sinon relative (quintile des lignes).
 * @customfunction TENSION
 * @param offres Offres d’emploi (une ligne par métier).
 * @param demandeurs Demandeurs d’emploi.
 * @param [part_difficiles] Part des projets de recrutement BMO jugés difficiles (0,6 ou 60 %), facultative.
 * @param [ecoulement] Taux d’écoulement (sorties / demandeurs), facultatif.
 * @param [seuils_classes] Quatre seuils croissants du score (bornes basses des classes 2 à 5) : classes sur l’échelle officielle 1 à 5.
 * @returns Une ligne d’en-têtes puis, par ligne : score, classe, publication (règle des 30), base du score.
 */
export function tension(offres: any[][], demandeurs: any[][], part_difficiles?: any[][], ecoulement?: any[][], seuils_classes?: any[][]): any[][] {
  return appel('TENSION', [offres, demandeurs, part_difficiles, ecoulement, seuils_classes], () => calculTension(offres, demandeurs, part_difficiles, ecoulement, seuils_classes));
}

/**
 * Projets de recrutement BMO des lignes données (un métier sur plusieurs bassins, un bassin sur tous ses métiers…), projets difficiles et saisonniers, et leurs parts. Une cellule « * » (valeur masquée) n’est jamais lue comme 0 : les totaux sont des sommes des valeurs publiées, donc des minorants, et la note compte les cellules masquées ; moins de 30 projets : non significatif.
 * @customfunction BMO.PARTS
 * @param projets Projets de recrutement (nombre ou « * »).
 * @param difficiles Projets jugés difficiles (nombre ou « * »).
 * @param saisonniers Projets saisonniers (nombre ou « * »).
 * @returns Une ligne d’en-têtes puis : projets, difficiles, saisonniers, part difficiles, part saisonniers, note.
 */
export function bmoParts(projets: any[][], difficiles: any[][], saisonniers: any[][]): any[][] {
  return appel('BMO.PARTS', [projets, difficiles, saisonniers], () => calculBmoParts(projets, difficiles, saisonniers));
}

/**
 * Départs en fin de carrière estimés à l’horizon, d’après l’emploi par tranche d’âge (tous les 55 ans et plus et une part des 50-54 ans à 10 ans).
 * @customfunction DEPARTS.FIN.CARRIERE
 * @param tranches Libellés des tranches d’âge (ex. 15-29, 30-49, 50-54, 55+).
 * @param effectifs Emploi par tranche : une ligne, ou une ligne par métier.
 * @param [horizon] Horizon en années (10 par défaut).
 * @param [part_50_54] Part des 50-54 ans comptée comme partant (0,5 par défaut).
 * @returns Le nombre de départs estimés de chaque ligne.
 */
export function departsFinCarriere(tranches: any[][], effectifs: any[][], horizon?: any[][], part_50_54?: any[][]): any[][] {
  return appel('DEPARTS.FIN.CARRIERE', [tranches, effectifs, horizon, part_50_54], () => calculDeparts(tranches, effectifs, horizon, part_50_54));
}

/**
 * Familles de chaque métier (en crise, en croissance, en tension, stratégique, fragile, porteur…) et leurs raisons, d’après vos colonnes d’indicateurs.
 * @customfunction FAMILLES
 * @param plage Plage avec une ligne d’en-têtes (code, effectif_debut, effectif_fin, annee_debut, annee_fin, classe_tension, projets, difficiles…) puis une ligne par métier.
 * @param [seuils] Plage de deux colonnes : règle (ex. crise.tcam_max) et valeur.
 * @returns Deux colonnes : familles, raisons (avec une ligne d’en-têtes).
 */
export function familles(plage: any[][], seuils?: any[][]): any[][] {
  return appel('FAMILLES', [plage, seuils], () => calculFamilles(plage, seuils));
}

/**
 * Passerelles de compétences depuis un métier : métiers cibles les plus proches, score et nombre de compétences à acquérir.
 * @customfunction PASSERELLES
 * @param code_source Code ROME du métier de départ (ex. H2913).
 * @param [n] Nombre de passerelles (5 par défaut).
 * @param [cibles] Plage de codes ROME parmi lesquels chercher (ex. les métiers porteurs).
 * @returns Quatre colonnes : code cible, libellé, score, compétences à acquérir.
 */
export function passerelles(code_source: any[][], n?: any[][], cibles?: any[][]): any[][] {
  return appel('PASSERELLES', [code_source, n, cibles], () => calculPasserelles(code_source, n, cibles));
}

/**
 * Compétences du métier cible à acquérir depuis le métier source, cœur de métier d’abord.
 * @customfunction ECART
 * @param source Code ROME du métier de départ.
 * @param cible Code ROME du métier visé.
 * @returns Quatre colonnes : identifiant, compétence, type, cœur de métier.
 */
export function ecart(source: any[][], cible: any[][]): any[][] {
  return appel('ECART', [source, cible], () => calculEcart(source, cible));
}

/**
 * Score de passerelle (0 à 1) du métier a vers le métier b.
 * @customfunction SIMILARITE
 * @param a Code ROME du métier de départ (valeur ou plage).
 * @param b Code ROME du métier visé (valeur ou plage).
 * @returns Le score de chaque paire.
 */
export function similarite(a: any[][], b: any[][]): any[][] {
  return appel('SIMILARITE', [a, b], () => calculSimilarite(a, b));
}

/**
 * Libellé d’un code ROME dans le référentiel actif.
 * @customfunction LIBELLE
 * @param code Code ROME (valeur ou plage).
 * @returns Le libellé de chaque code.
 */
export function libelle(code: any[][]): any[][] {
  return appel('LIBELLE', [code], () => calculLibelle(code));
}

/**
 * Codes ROME dont le libellé ou une appellation correspond au texte (sans accents ni casse).
 * @customfunction RECHERCHER
 * @param texte Libellé, appellation ou début de code à chercher.
 * @param [n] Nombre de résultats (10 par défaut).
 * @returns Trois colonnes : code, libellé, appellation trouvée.
 */
export function rechercher(texte: any[][], n?: any[][]): any[][] {
  return appel('RECHERCHER', [texte, n], () => calculRechercher(texte, n));
}

/**
 * Le référentiel qu’utilisent les formules GTEC de ce classeur : nom, version, source, nombre de fiches, et s’il est enregistré dans le classeur (#N/A si le classeur en enregistre un autre, non chargé sur ce poste).
 * @customfunction REFERENTIEL
 * @returns Une ligne d’en-têtes puis le référentiel.
 */
export function referentiel(): any[][] {
  return appel('REFERENTIEL', [], () => calculReferentiel());
}

/**
 * Fiches ROME 4.0 qui descendent d’un code ROME v3 (une même fiche v3 peut en avoir plusieurs), dans le référentiel du classeur.
 * @customfunction ROME.V3.VERS.4
 * @param code_v3 Code ROME v3 (ex. D1106).
 * @returns Une ligne d’en-têtes puis une ligne par fiche : code ROME 4.0, libellé.
 */
export function romeV3Vers4(code_v3: any[][]): any[][] {
  return appel('ROME.V3.VERS.4', [code_v3], () => calculRomeV3Vers4(code_v3));
}

/**
 * Code ROME v3 dont descend chaque fiche ROME 4.0 (code_rome_parent), dans le référentiel du classeur.
 * @customfunction ROME.4.VERS.V3
 * @param code Code ROME 4.0 (valeur ou plage).
 * @returns Le code ROME v3 de chaque fiche.
 */
export function rome4VersV3(code: any[][]): any[][] {
  return appel('ROME.4.VERS.V3', [code], () => calculRome4VersV3(code));
}

/**
 * Libellé d’un code FAP 2009 (métier 225, famille 87 ou domaine 22) dans la nomenclature DARES chargée dans le volet.
 * @customfunction FAP.2009.LIBELLE
 * @param code Code FAP 2009 (ex. A0Z40 ; valeur ou plage).
 * @returns Le libellé de chaque code.
 */
export function fap2009Libelle(code: any[][]): any[][] {
  return appel('FAP.2009.LIBELLE', [code], () => calculFap2009Libelle(code));
}

/**
 * Libellé d’un code FAP 2021 (341, 228 = code métier BMO, 86 ou 22) dans la nomenclature chargée dans le volet.
 * @customfunction FAP.2021.LIBELLE
 * @param code Code FAP 2021 ou code métier BMO (ex. S1X20 ; valeur ou plage).
 * @returns Le libellé de chaque code.
 */
export function fap2021Libelle(code: any[][]): any[][] {
  return appel('FAP.2021.LIBELLE', [code], () => calculFap2021Libelle(code));
}

/**
 * Nom d’un bassin d’emploi BMO (liste des bassins ou classeur BMO chargé dans le volet).
 * @customfunction BMO.BASSIN.LIBELLE
 * @param code Code de bassin BMO (ex. 8412 ; valeur ou plage).
 * @returns Le nom de chaque bassin.
 */
export function bmoBassinLibelle(code: any[][]): any[][] {
  return appel('BMO.BASSIN.LIBELLE', [code], () => calculBassinLibelle(code));
}

/**
 * Fiches ROME d’un métier FAP 2009 : ses codes ROME v3 (correspondance DARES chargée dans le volet), puis les fiches ROME 4.0 de chacun dans le référentiel du classeur.
 * @customfunction FAP.2009.VERS.ROME
 * @param code_fap2009 Code FAP 2009 à 5 caractères (ex. A0Z40).
 * @returns Une ligne d’en-têtes puis une ligne par fiche : code FAP 2009, code ROME v3, libellé ROME v3, code ROME 4.0, libellé ROME 4.0.
 */
export function fap2009VersRome(code_fap2009: any[][]): any[][] {
  return appel('FAP.2009.VERS.ROME', [code_fap2009], () => calculFap2009VersRome(code_fap2009));
}
