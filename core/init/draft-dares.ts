/**
 * The parts of a new diagnostic wired to the DARES « Portrait statistique des métiers » files
 * (`gtec init --dares`), as examples/reel-region writes them: FAP 2009 families (`niveau: fap87`),
 * regional employment (census 2017) for a région, the national employment series and age structure
 * (`portee: nationale` below France), the 2012-2017 period of the national series, and with a ROME
 * 4.0 referential the DARES FAP 2009 → ROME v3 crosswalk, the porteur rule and the passerelles
 * between fragile and porteur families.
 */
import { CORRESPONDANCE_FAP_ROME } from './dares.js';
import type { NiveauTerritoire } from './territoires.js';
import { commentee as c, yamlTexte } from './yaml-lines.js';

/** The DARES files of the new diagnostic, paths as it writes them. */
export interface DaresInit {
  emploiRegion?: string;
  emploiNational?: string;
  ages?: string;
  /** The FAP 2009 → ROME v3 crosswalk: with a ROME referential, the analysis is on ROME 4.0 fiches. */
  correspondance?: string;
}

/** First and last year of the national series the TCAM is computed on (census 2017 for the région). */
export const PERIODE_DARES = { debut: 2012, fin: 2017 } as const;

export function periodeDaresLines(niveau: NiveauTerritoire, dares: DaresInit, anneeBmo: number): string[] {
  const out = ['periode:'];
  if (niveau === 'france') {
    out.push('  # L’évolution est la série de l’enquête Emploi 2012-2017 (DARES), les âges ceux de 2016-2018');
    out.push(`  # (comptés 2017). Les totaux BMO ${anneeBmo} sont montrés à côté.`);
  } else if (niveau === 'region' && dares.emploiRegion) {
    out.push('  # L’emploi régional est celui du recensement 2017 ; l’évolution est la série');
    out.push('  # NATIONALE de l’enquête Emploi 2012-2017 (aucune série régionale publiée par FAP).');
  } else {
    out.push('  # L’évolution est la série NATIONALE de l’enquête Emploi 2012-2017 (aucune série');
    out.push(`  # publiée par FAP pour ce territoire). Les totaux BMO ${anneeBmo} sont montrés à côté.`);
  }
  out.push(`  debut: ${PERIODE_DARES.debut}`, `  fin: ${PERIODE_DARES.fin}`);
  return out;
}

/** The DARES sources: what the territory can use, national series marked `portee: nationale` below France. */
export function sourcesDaresLines(niveau: NiveauTerritoire, dares: DaresInit): string[] {
  const nationale = niveau !== 'france';
  const out: string[] = [];
  if (niveau === 'bassin' || niveau === 'departement') {
    out.push(
      `  # DARES : aucun fichier du Portrait statistique des métiers ne donne l’emploi par FAP d’un`,
      `  # ${niveau === 'bassin' ? 'bassin' : 'département'} ; seules les séries NATIONALES (emploi, âges) sont déclarées, prises pour le`,
      '  # territoire faute de mieux et signalées « série nationale » dans le rapport (GTEC-I431).',
    );
  } else if (niveau === 'region' && !dares.emploiRegion) {
    out.push('  # DARES : sans input_carte1.csv (emploi régional 2017), seules les séries NATIONALES sont déclarées.');
  }
  if (dares.emploiRegion) {
    out.push(
      '  # Emploi régional par FAP 87, recensement 2017 (en personnes), toutes les',
      '  # régions : la référence France est leur somme (indice de spécificité).',
      '  - id: emploi-region-2017',
      '    type: effectifs',
      `    chemin: ${yamlTexte(dares.emploiRegion)}`,
      '    preset: dares-emploi-region',
      '    nomenclature: fap2009',
      '    niveau: fap87',
      '    producteur: DARES, Portrait statistique des métiers, INSEE recensement 2017',
      '',
    );
  }
  if (dares.emploiNational) {
    out.push(
      '  # Emploi national par FAP 1983-2018 (enquête Emploi, en milliers) : donne',
      nationale ? '  # l’évolution et le TCAM, signalés « série nationale ».' : '  # l’emploi, l’évolution et le TCAM de la France.',
      '  - id: emploi-national',
      '    type: effectifs',
      `    chemin: ${yamlTexte(dares.emploiNational)}`,
      '    preset: dares-emploi-national',
      '    nomenclature: fap2009',
      '    niveau: fap87',
      ...(nationale ? ['    portee: nationale'] : []),
      '    producteur: DARES, Portrait statistique des métiers, INSEE enquête Emploi',
      '',
    );
  }
  if (dares.ages) {
    out.push(
      '  # Structure par âge des 225 métiers (enquête Emploi, 2016-2018 compté 2017),',
      `  # ${nationale ? 'nationale, ' : ''}ramenée aux 87 familles (effectifs des tranches additionnés).`,
      '  - id: ages-national',
      '    type: ages',
      `    chemin: ${yamlTexte(dares.ages)}`,
      '    preset: dares-ages-fap225',
      '    nomenclature: fap2009',
      '    niveau: fap87',
      ...(nationale ? ['    portee: nationale'] : []),
      '    producteur: DARES, Portrait statistique des métiers, INSEE enquête Emploi',
      '',
    );
  }
  return out;
}

/** The DARES crosswalk, given by FAP 225 métier and read at family level. */
export function correspondancesLines(chemin: string): string[] {
  return [
    'correspondances:',
    '  - id: fap2009-rome3',
    '    de: fap2009',
    '    vers: rome3',
    `    chemin: ${yamlTexte(chemin)}`,
    `    colonnes: { de: ${CORRESPONDANCE_FAP_ROME.de}, vers: ${CORRESPONDANCE_FAP_ROME.vers} }`,
    c('    niveau_de: fap87', 31) + '# la table est donnée par métier FAP 225 : ramenée aux familles',
  ];
}

/** The chain of nomenclatures, for the file's header. */
export function chaineLines(): string[] {
  return [
    '# Chaîne des nomenclatures (chaque étape est dite dans le rapport) :',
    '#   FAP 2009 225 métiers ──(âges : ramenés à leur famille, GTEC-I430)──► FAP 87',
    `#   FAP 87 ──(${CORRESPONDANCE_FAP_ROME.fichier} ramenée aux familles, niveau_de: fap87)──► ROME v3`,
    '#   ROME v3 ──(code_rome_parent du référentiel ROME 4.0)──► fiches ROME 4.0',
    '# Les verdicts sont pris sur la famille FAP 87 et montrés sur chaque fiche avec',
    '# leur origine (« via FAP 2009 T2A, 12 fiches »).',
  ];
}

/** The porteur rule on fiches that inherit their family's values. */
export function porteurQuartileLines(): string[] {
  return [
    '  # Porteur = en tension ou en croissance. Le quartile des postes à pourvoir par emploi',
    '  # est laissé de côté : calculé sur les fiches ROME 4.0, il pèserait chaque famille',
    '  # FAP 87 par le nombre de fiches qui en descendent.',
    '  porteur_quartile_postes: false',
  ];
}

/** Passerelles from fragile families to porteur ones that are not fragile too. */
export function passerellesLines(): string[] {
  return [
    'passerelles:',
    '  depuis: [fragile]',
    '  vers: [porteur]',
    '  nombre: 3',
    '  # Beaucoup de familles sont à la fois fragiles (emploi national en baisse,',
    '  # pyramide vieillissante) et en tension : elles recrutent, mais ce ne sont',
    '  # pas des débouchés de reconversion. Elles ne sont pas des cibles.',
    '  cibles_hors_depart: true',
  ];
}
