/**
 * The text of a new diagnostic file from the choices of `gtec init` (or of VS Code's « Nouveau
 * diagnostic »): territory and its reference, period, nomenclature, referential, sources with their
 * presets, the default rules written out, and an empty action plan. YAML, 2-space indented,
 * commented in French for the analyst who opens it. Paths are written as the host placed them
 * (relative to the new file, or `$donnees/…`).
 */
import { PRESETS } from '../data/presets.js';
import { Regles } from '../format/schema.js';
import { chaineLines, correspondancesLines, type DaresInit, passerellesLines, periodeDaresLines, porteurQuartileLines, sourcesDaresLines } from './draft-dares.js';
import type { NiveauTerritoire, TerritoireBmo } from './territoires.js';
import { commentee, yamlTexte } from './yaml-lines.js';

export { yamlTexte };

export type PresetTension = 'tension-ft-rome-bassin' | 'dares-tensions-fap2009';

export interface ChoixInit {
  niveau: NiveauTerritoire;
  /** The bassin, département or région chosen; absent for France. */
  territoire?: TerritoireBmo;
  /** Year of the BMO survey (the workbook's `annee`). */
  annee?: number;
  /** Paths as the new file must write them. */
  bmo: string;
  rome?: string;
  tension?: { chemin: string; preset: PresetTension };
  /** The DARES Portrait files the territory uses (`--dares`): the analysis is then on FAP 2009 families. */
  dares?: DaresInit;
  /** The data folder as the user declared it, when a path uses `$donnees` (for the commands in the header). */
  donnees?: string;
  /** The new file's name, for the commands in the header. */
  fichier?: string;
}

const TYPE: Record<NiveauTerritoire, string> = { bassin: 'bassin-bmo', departement: 'departement', region: 'region', france: 'france' };
const COLONNE: Record<NiveauTerritoire, string> = {
  bassin: 'colonne BE24 du classeur BMO',
  departement: 'colonne Dept du classeur BMO',
  region: 'colonne REG du classeur BMO (code INSEE)',
  france: '',
};
const PRODUCTEUR_TENSION: Record<PresetTension, string> = {
  'tension-ft-rome-bassin': 'France Travail, tension par métier ROME v3 et bassin',
  'dares-tensions-fap2009': 'DARES, indicateurs de tension par FAP 2009',
};

/** A name written in capitals by the workbook (`SAINT JEAN D'ANGÉLY`) in ordinary case (`Saint Jean d'Angély`). */
export function nomLisible(nom: string): string {
  if (nom !== nom.toUpperCase()) return nom;
  const petits = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'et', 'en', 'sur', 'sous', 'aux', 'au']);
  return nom
    .toLowerCase()
    .replace(/[\p{L}\d]+/gu, (w, offset: number) => (offset > 0 && petits.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .replace(/\b([dl])'(\p{L})/giu, (_m, a: string, b: string) => `${a.toLowerCase()}'${b.toUpperCase()}`);
}

/** The territory's name as the report shows it. */
export function nomTerritoire(choix: Pick<ChoixInit, 'niveau' | 'territoire'>): string {
  const t = choix.territoire;
  if (choix.niveau === 'france' || !t) return 'France';
  const nom = nomLisible(t.nom);
  return choix.niveau === 'bassin' && !/^bassin\b/i.test(nom) ? `Bassin BMO ${nom}` : nom;
}

/** A line and its comment, aligned at `col`. */
const c = commentee;

const code = (v: string) => `['${v.replace(/'/g, "''")}']`;

function territoireLines(choix: ChoixInit): string[] {
  const t = choix.territoire;
  const out = ['territoire:', `  nom: ${yamlTexte(nomTerritoire(choix))}`, `  type: ${TYPE[choix.niveau]}`];
  if (choix.niveau === 'france' || !t) {
    out.push('  codes: []                  # toutes les lignes du fichier (ses lignes nationales quand il en a)');
    return out;
  }
  out.push(c(`  codes: ${code(t.code)}`, 30) + `# ${COLONNE[choix.niveau]}`);
  if (t.departements && t.departements.length > 1) out.push(`  # Ce bassin s’étend sur plusieurs départements (${t.departements.join(', ')}) : ses lignes sont additionnées.`);
  out.push('  reference:');
  if (choix.niveau === 'region' || !t.region) {
    out.push('    # Territoire de comparaison : la France entière.', '    nom: France', '    type: france', '    codes: []');
  } else {
    out.push(
      `    # Territoire de comparaison : la région du ${choix.niveau === 'bassin' ? 'bassin' : 'département'}.`,
      `    nom: ${yamlTexte(t.region.nom)}`,
      '    type: region',
      c(`    codes: ${code(t.region.code)}`, 30) + `# ${COLONNE.region}`,
    );
  }
  return out;
}

function reglesLines(viaFap: boolean): string[] {
  const r = Regles.parse({});
  return [
    'regles:',
    '  # Seuils par défaut (docs/methodes.md), écrits ici pour être vus ; chacun peut être changé,',
    '  # les autres règles gardent leur valeur par défaut.',
    c(`  effectif_minimum: ${r.effectif_minimum}`, 40) + '# en dessous, une valeur est « non significative » (règle des 30)',
    '  tension:',
    c(`    classe_minimum: ${r.tension.classe_minimum}`, 40) + '# classe officielle de tension (1 à 5) à partir de laquelle un métier est en tension',
    c(`    part_difficiles_minimum: ${r.tension.part_difficiles_minimum}`, 40) + '# part de projets BMO jugés difficiles (0,5 = 50 %)',
    c(`    part_difficiles_seuil: ${r.tension.part_difficiles_seuil}`, 40) + '# absolu, ou reference : comparée à la part du territoire de référence',
    c(`    projets_minimum: ${r.tension.projets_minimum}`, 40) + '# projets BMO minimaux pour juger la part de projets difficiles',
    c(`    publication_minimum: ${r.tension.publication_minimum}`, 40) + '# offres et demandeurs minimaux sous une classe officielle',
    ...(viaFap ? porteurQuartileLines() : []),
  ];
}

function sourcesLines(choix: ChoixInit, nomenclature: string): string[] {
  const annee = choix.annee ?? 2024;
  const out = ['sources:'];
  if (choix.dares) out.push(...sourcesDaresLines(choix.niveau, choix.dares));
  if (nomenclature !== 'fap2021') {
    out.push(
      `  # Les codes métier BMO sont en FAP 2021 : aucune table officielle ne les relie ${nomenclature === 'fap2009' ? 'à la FAP 2009 ni au ROME' : 'au ROME 4.0'} ;`,
      '  # ses totaux sont montrés en tête du rapport, à côté, sans entrer dans les verdicts',
      '  # par métier (avertissement GTEC-W401).',
    );
  }
  out.push(
    `  - id: bmo-${annee}`,
    '    type: bmo',
    `    chemin: ${yamlTexte(choix.bmo)}`,
    '    format: xlsx',
    c('    preset: bmo-officiel', 40) + '# colonnes du classeur France Travail connues d’avance (met, xmet, smet, BE24…)',
    c(`    nomenclature: ${PRESETS['bmo-officiel'].nomenclature}`, 40) + '# codes métier BMO (ex. D1X33 soudeurs)',
    `    producteur: ${yamlTexte(`France Travail, enquête Besoins en main-d’œuvre ${annee} (Licence Ouverte 2.0)`)}`,
  );
  const t = choix.tension;
  if (t) {
    const nom = PRESETS[t.preset].nomenclature;
    const fap87 = choix.dares !== undefined && nom === 'fap2009';
    out.push(
      '',
      ...(fap87 ? ['  # Tension par famille FAP 87 (lignes des familles ; celles des 225 métiers écartées).'] : []),
      '  - id: tension',
      '    type: tension',
      `    chemin: ${yamlTexte(t.chemin)}`,
      c(`    preset: ${t.preset}`, 40) + '# colonnes connues d’avance',
      c(`    nomenclature: ${nom}`, 40) +
        (nom === nomenclature
          ? '# celle de l’analyse'
          : nom === 'rome3' && nomenclature === 'rome4'
            ? '# ramenée en ROME 4.0 par le code_rome_parent du référentiel'
            : fap87 && nomenclature === 'rome4'
              ? '# ramenée en ROME 4.0 par les correspondances ci-dessous'
              : `# sans passage vers ${nomenclature} : laissée de côté (GTEC-W401) tant qu’aucune « correspondances » ne la relie`),
      ...(fap87 ? ['    niveau: fap87'] : []),
      `    producteur: ${yamlTexte(PRODUCTEUR_TENSION[t.preset])}`,
    );
  }
  return out;
}

/**
 * The analysis nomenclature: ROME 4.0 with a referential (reached from the DARES FAP 2009 files
 * through their crosswalk), else FAP 2009 with the DARES files, else the BMO codes (FAP 2021).
 */
export function nomenclatureInit(choix: Pick<ChoixInit, 'rome' | 'dares'>): 'rome4' | 'fap2009' | 'fap2021' {
  if (choix.dares) return choix.rome !== undefined && choix.dares.correspondance !== undefined ? 'rome4' : 'fap2009';
  return choix.rome !== undefined ? 'rome4' : 'fap2021';
}

const NOMENCLATURE_COMMENT = {
  rome4: '# fiches ROME 4.0 du référentiel officiel',
  fap2009: '# familles professionnelles FAP 2009 (87 familles) : sans référentiel ROME, pas de passerelles',
  fap2021: '# codes métier BMO (FAP 2021) : sans référentiel ROME, pas de passerelles',
} as const;

/** The new diagnostic's text. Valid as it is: `gtec check` and `gtec diagnostic` run on it. */
export function draftDiagnostic(choix: ChoixInit): string {
  const nomenclature = nomenclatureInit(choix);
  const viaFap = choix.dares !== undefined && nomenclature === 'rome4';
  const annee = choix.annee ?? 2024;
  const fichier = choix.fichier ?? 'diagnostic.gtec.yaml';
  const donnees = choix.donnees !== undefined ? ` --donnees ${choix.donnees}` : '';
  const lines = [
    '# ─────────────────────────────────────────────────────────────────────────────',
    `# Diagnostic créé par « gtec init » : ${nomTerritoire(choix)}.`,
    '#',
    `# Vérifier :  gtec check${donnees} ${fichier}`,
    `# Calculer :  gtec diagnostic${donnees} ${fichier} --sortie sortie`,
    '#',
    '# À compléter : les déclarations d’experts (metiers), les acteurs et le plan',
    '# d’action (plan_action). Le format est décrit dans docs/format.md.',
    ...(viaFap ? ['#', ...chaineLines()] : []),
    '# ─────────────────────────────────────────────────────────────────────────────',
    'gtec: 1',
    `titre: ${yamlTexte(`Diagnostic emploi-compétences, ${nomTerritoire(choix)}`)}`,
    '',
    ...territoireLines(choix),
    '',
    ...(choix.dares
      ? periodeDaresLines(choix.niveau, choix.dares, annee)
      : ['periode:', `  # Une seule édition de l’enquête BMO (${annee}) : pas d’évolution ni de TCAM. Le format`, '  # exige une année de début antérieure à l’année de fin.', `  debut: ${annee - 1}`, `  fin: ${annee}`]),
    '',
    c(`nomenclature: ${nomenclature}`, 30) + NOMENCLATURE_COMMENT[nomenclature],
  ];
  if (choix.rome !== undefined && nomenclature === 'rome4') {
    lines.push('referentiel:', '  type: rome-officiel', c(`  chemin: ${yamlTexte(choix.rome)}`, 30) + '# export officiel ROME 4.0 (fichiers unix_*_utf8.csv)');
  } else if (choix.rome !== undefined) {
    lines.push('# Référentiel ROME 4.0 non déclaré : sans la table FAP 2009 → ROME v3 de la DARES', `# (correspondances/fap2009_rome_v3.csv), les familles FAP ne mènent pas aux fiches (GTEC-W508).`);
  }
  lines.push('', ...sourcesLines(choix, nomenclature));
  if (viaFap && choix.dares?.correspondance) lines.push('', ...correspondancesLines(choix.dares.correspondance));
  lines.push(
    '',
    ...reglesLines(viaFap),
    ...(viaFap ? ['', ...passerellesLines()] : []),
    '',
    'metiers: []                   # déclarations d’experts : - { code: …, strategique: true, note: … }',
    '',
    'plan_action: []               # fiches action, à écrire une fois le diagnostic lu',
    '',
  );
  return lines.join('\n');
}
