/**
 * The text of a new diagnostic file from the choices of `gtec init` (or of VS Code's « Nouveau
 * diagnostic »): territory and its reference, period, nomenclature, referential, sources with their
 * presets, the default rules written out, and an empty action plan. YAML, 2-space indented,
 * commented in French for the analyst who opens it. Paths are written as the host placed them
 * (relative to the new file, or `$donnees/…`).
 */
import { PRESETS } from '../data/presets.js';
import { Regles } from '../format/schema.js';
import type { NiveauTerritoire, TerritoireBmo } from './territoires.js';

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

/** A YAML scalar: plain when it reads back as the same text, else double-quoted. */
export function yamlTexte(s: string): string {
  const plain = /^[\p{L}\d$][\p{L}\d$_ .,'’()/-]*$/u.test(s) && !/^(true|false|yes|no|on|off|null|~|[-+]?[\d.]+(e[-+]?\d+)?)$/i.test(s) && !/\s$/.test(s);
  return plain ? s : JSON.stringify(s);
}

/** A line and its comment, aligned at `col` and at least two spaces apart (a `#` glued to a value would be part of it). */
const c = (line: string, col: number) => (line.length + 2 > col ? `${line}  ` : line.padEnd(col));

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

function reglesLines(): string[] {
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
  ];
}

function sourcesLines(choix: ChoixInit, nomenclature: string): string[] {
  const annee = choix.annee ?? 2024;
  const out = ['sources:'];
  if (nomenclature !== 'fap2021') {
    out.push(
      '  # Les codes métier BMO sont en FAP 2021 : aucune table officielle ne les relie au ROME 4.0,',
      '  # l’analyse par métier laisse donc cette source de côté (avertissement GTEC-W401). Pour les',
      '  # totaux BMO du territoire, faites un second diagnostic sans référentiel ROME (gtec init sans --rome).',
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
    out.push(
      '  - id: tension',
      '    type: tension',
      `    chemin: ${yamlTexte(t.chemin)}`,
      c(`    preset: ${t.preset}`, 40) + '# colonnes connues d’avance',
      c(`    nomenclature: ${nom}`, 40) +
        (nom === nomenclature
          ? '# celle de l’analyse'
          : nom === 'rome3' && nomenclature === 'rome4'
            ? '# ramenée en ROME 4.0 par le code_rome_parent du référentiel'
            : `# sans passage vers ${nomenclature} : laissée de côté (GTEC-W401) tant qu’aucune « correspondances » ne la relie`),
      `    producteur: ${yamlTexte(PRODUCTEUR_TENSION[t.preset])}`,
    );
  }
  return out;
}

/** The new diagnostic's text. Valid as it is: `gtec check` and `gtec diagnostic` run on it. */
export function draftDiagnostic(choix: ChoixInit): string {
  const nomenclature = choix.rome ? 'rome4' : 'fap2021';
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
    '# ─────────────────────────────────────────────────────────────────────────────',
    'gtec: 1',
    `titre: ${yamlTexte(`Diagnostic emploi-compétences, ${nomTerritoire(choix)}`)}`,
    '',
    ...territoireLines(choix),
    '',
    'periode:',
    `  # Une seule édition de l’enquête BMO (${annee}) : pas d’évolution ni de TCAM. Le format`,
    '  # exige une année de début antérieure à l’année de fin.',
    `  debut: ${annee - 1}`,
    `  fin: ${annee}`,
    '',
    c(`nomenclature: ${nomenclature}`, 30) + (nomenclature === 'rome4' ? '# fiches ROME 4.0 du référentiel officiel' : '# codes métier BMO (FAP 2021) : sans référentiel ROME, pas de passerelles'),
  ];
  if (choix.rome) {
    lines.push('referentiel:', '  type: rome-officiel', c(`  chemin: ${yamlTexte(choix.rome)}`, 30) + '# export officiel ROME 4.0 (fichiers unix_*_utf8.csv)');
  }
  lines.push(
    '',
    ...sourcesLines(choix, nomenclature),
    '',
    ...reglesLines(),
    '',
    'metiers: []                   # déclarations d’experts : - { code: …, strategique: true, note: … }',
    '',
    'plan_action: []               # fiches action, à écrire une fois le diagnostic lu',
    '',
  );
  return lines.join('\n');
}
