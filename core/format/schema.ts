/**
 * The GTEC diagnostic file format, version 1 (`*.gtec.yaml`, or JSON).
 *
 * This zod schema is the single source of truth: the TypeScript types below are inferred from it,
 * `schemas/gtec-diagnostic.schema.json` (French) and `schemas/gtec-diagnostic.schema.en.json` are
 * generated from it (`npm run schema`), and its descriptions, French and English, become hover text in
 * the editor (`descriptionOf`). Keys are French, ASCII, snake_case.
 *
 * Semantic rules that a schema cannot say (references between sections, coherent dates, data
 * files) live in `core/format/semantic/`.
 */
import * as z from 'zod';

/** A field's description in both languages: `description` is French, `description_en` English. */
const d = (fr: string, en: string) => ({ description: fr, description_en: en });

/** The description a schema carries itself (not its inner type's), in a language. */
export function descriptionOf(schema: z.core.$ZodType, lang: 'fr' | 'en'): string | undefined {
  const meta = z.globalRegistry.get(schema);
  return (lang === 'en' ? (meta?.description_en as string | undefined) : undefined) ?? meta?.description;
}

// ───────────────────────────── Shared pieces ─────────────────────────────

/** Identifier used to reference an entry from another section. */
export const Identifiant = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'identifiant : lettres, chiffres, « _ », « - » ou « . »')
  .meta(
    d(
      'Identifiant unique dans sa section (lettres, chiffres, « _ », « - », « . »), utilisé pour y faire référence ailleurs dans le fichier.',
      'Unique identifier within its section (letters, digits, "_", "-", "."), used to refer to it elsewhere in the file.',
    ),
  );

/** A calendar date `AAAA-MM-JJ`, a month `AAAA-MM` or a year `AAAA`. YAML dates are read as text. */
export const DateGtec = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'date au format AAAA, AAAA-MM ou AAAA-MM-JJ')
  .meta(d('Date au format AAAA-MM-JJ, mois AAAA-MM ou année AAAA.', 'Date as YYYY-MM-DD, month YYYY-MM or year YYYY.'));

export const Annee = z.number().int().min(1950).max(2100).meta(d('Année (AAAA).', 'Year (YYYY).'));

export const Montant = z.number().min(0).meta(d('Montant en euros (nombre, sans symbole).', 'Amount in euros (a number, no currency sign).'));

export const Part = z.number().min(0).max(1).meta(d('Part entre 0 et 1 (0,25 = 25 %).', 'Share between 0 and 1 (0.25 = 25%).'));

/** Relative POSIX path inside the diagnostic's folder. Escapes are refused by semantic rules. */
export const Chemin = z.string().min(1).meta(d('Chemin relatif au dossier du fichier de diagnostic (pas de chemin absolu, pas de « .. »).', 'Path relative to the folder of the diagnostic file (no absolute path, no "..").'));

export const Nomenclature = z
  .enum(['rome4', 'rome3', 'fap2021', 'fap2009', 'pcs', 'naf', 'libre'])
  .meta(
    d(
      'Nomenclature des codes métier : rome4 (ROME 4.0, ex. H2913), rome3 (ROME v3), fap2021 (codes métier BMO, ex. A0X40), fap2009, pcs, naf (secteurs) ou libre.',
      'Nomenclature of the occupation codes: "rome4" (ROME 4.0, e.g. H2913), "rome3" (ROME v3), "fap2021" (BMO occupation codes, e.g. A0X40), "fap2009", "pcs", "naf" (sectors) or "libre" (free).',
    ),
  );

// ───────────────────────────── Territory and period ─────────────────────────────

export const TypeTerritoire = z
  .enum(['commune', 'epci', 'pays', 'bassin-bmo', 'zone-emploi', 'departement', 'region', 'multi-regions', 'france', 'pole-competitivite', 'autre'])
  .meta(
    d(
      'Type de périmètre (« territoire à géométrie variable ») : commune, epci, pays, bassin-bmo, zone-emploi, departement, region, multi-regions, france, pole-competitivite ou autre.',
      'Kind of area ("variable-geometry territory"): "commune", "epci", "pays", "bassin-bmo", "zone-emploi", "departement", "region", "multi-regions", "france", "pole-competitivite" or "autre" (other).',
    ),
  );

export const Perimetre = z
  .object({
    nom: z.string().min(1).meta(d('Nom du territoire, tel qu’il apparaîtra dans le rapport.', 'Name of the territory, as it will appear in the report.')),
    type: TypeTerritoire,
    codes: z
      .array(z.string().min(1))
      .default([])
      .meta(
        d(
          'Codes officiels qui composent le périmètre (codes INSEE de communes, codes de bassins BMO, de départements…), en texte : les zéros initiaux comptent.',
          'Official codes that make up the area (INSEE municipality codes, BMO area codes, department codes…), as text: leading zeros matter.',
        ),
      ),
  })
  .strict();

export const Territoire = Perimetre.extend({
  description: z.string().optional().meta(d('Présentation libre du territoire.', 'Free description of the territory.')),
  reference: Perimetre.optional().meta(
    d('Territoire de référence pour les comparaisons (indice de spécificité, écarts d’évolution) : en général la région ou la France.', 'Reference territory for comparisons (specificity index, growth gaps): usually the region or France.'),
  ),
})
  .strict()
  .meta(d('Le territoire du diagnostic et son territoire de référence.', 'The territory of the diagnostic and its reference territory.'));

export const Periode = z
  .object({
    debut: Annee.meta(d('Première année observée (point de départ des évolutions et du TCAM).', 'First year observed (starting point of the trends and of the CAGR).')),
    fin: Annee.meta(d('Dernière année observée (année de référence du diagnostic).', 'Last year observed (reference year of the diagnostic).')),
  })
  .strict()
  .meta(d('Période d’observation des données.', 'Observation period of the data.'));

// ───────────────────────────── Referentiel and data ─────────────────────────────

export const ReferentielSchema = z
  .object({
    type: z
      .enum(['demo', 'rome-officiel', 'csv'])
      .meta(
        d(
          'demo : référentiel de démonstration intégré ; rome-officiel : dossier de l’export ROME 4.0 publié par France Travail (fichiers unix_*_utf8.csv) ; csv : référentiel personnalisé au format CSV simple (voir docs/format.md).',
          '"demo": built-in demonstration referential; "rome-officiel": folder of the ROME 4.0 export published by France Travail ("unix_*_utf8.csv" files); "csv": custom referential in the simple CSV format (see "docs/format.md").',
        ),
      ),
    chemin: Chemin.optional().meta(
      d('Dossier (rome-officiel) ou fichier (csv) du référentiel, relatif au fichier de diagnostic. Absent pour demo.', 'Folder ("rome-officiel") or file ("csv") of the referential, relative to the diagnostic file. Absent for "demo".'),
    ),
    version: z
      .string()
      .optional()
      .meta(d('Version attendue (ex. « 60 » pour ROME 4.0 v60). Un avertissement signale un écart avec la version lue.', 'Expected version (e.g. "60" for ROME 4.0 v60). A warning reports a difference with the version read.')),
  })
  .strict()
  .meta(d('Référentiel de compétences utilisé pour les passerelles et les libellés des métiers.', 'Skills referential used for the career bridges and the occupation labels.'));

export const TypeSource = z
  .enum(['effectifs', 'ages', 'bmo', 'tension', 'offres-demandes', 'etablissements', 'qualifications'])
  .meta(
    d(
      'Nature des données : effectifs (emploi par métier, zone et année), ages (emploi par tranche d’âge), bmo (projets de recrutement BMO), tension (classes de tension officielles 1 à 5), offres-demandes (offres, demandeurs, sorties), etablissements (établissements par taille), qualifications (emploi par niveau de diplôme).',
      'Kind of data: "effectifs" (employment by occupation, area and year), "ages" (employment by age group), "bmo" (BMO recruitment projects), "tension" (official shortage classes 1 to 5), "offres-demandes" (job offers, jobseekers, outflows), "etablissements" (establishments by size), "qualifications" (employment by qualification level).',
    ),
  );

export const Source = z
  .object({
    id: Identifiant,
    type: TypeSource,
    chemin: Chemin.meta(d('Fichier de données (CSV ou xlsx), relatif au fichier de diagnostic.', 'Data file (CSV or xlsx), relative to the diagnostic file.')),
    format: z.enum(['csv', 'xlsx']).optional().meta(d('Format du fichier ; déduit de l’extension si absent.', 'File format; taken from the extension when absent.')),
    preset: z
      .enum(['bmo-officiel', 'tension-ft-rome-bassin', 'dares-tensions-fap2009', 'dares-emploi-region', 'dares-emploi-national', 'dares-ages-fap225'])
      .optional()
      .meta(
        d(
          'Fichier officiel reconnu : les colonnes sont alors connues d’avance (bmo-officiel : classeur « Base open data BMO » de France Travail ; dares-emploi-region, dares-emploi-national, dares-ages-fap225 : fichiers du Portrait statistique des métiers de la DARES, voir docs/donnees.md).',
          'Known official file: its columns are then known in advance ("bmo-officiel": France Travail "Base open data BMO" workbook; "dares-emploi-region", "dares-emploi-national", "dares-ages-fap225": files of the DARES statistical portrait of occupations, see "docs/donnees.md").',
        ),
      ),
    portee: z
      .enum(['territoire', 'nationale'])
      .optional()
      .meta(
        d(
          'nationale : les lignes sont des chiffres de la France entière, pris pour le territoire faute de mieux (évolution, âges) et signalés « série nationale » dans le rapport ; pas de comparaison à la référence.',
          '"nationale": the rows are figures for the whole of France, used for the territory for want of better (trend, ages) and marked "national series" in the report; no comparison with the reference.',
        ),
      ),
    niveau: z
      .enum(['fap87', 'fap225'])
      .optional()
      .meta(
        d(
          'FAP 2009 : niveau auquel lire les codes. fap87 : les lignes des 87 familles si le fichier en a, sinon les codes FAP 225 ramenés à leur famille (3 premiers caractères, effectifs additionnés) ; fap225 : les seules lignes à 5 caractères.',
          'FAP 2009: level at which to read the codes. "fap87": the rows of the 87 families if the file has them, else the FAP 225 codes brought back to their family (first 3 characters, headcounts added up); "fap225": only the 5-character rows.',
        ),
      ),
    feuille: z.string().optional().meta(d('xlsx : nom de la feuille (par défaut la première).', 'xlsx: name of the sheet (the first one by default).')),
    separateur: z.enum([';', ',', 'tab', 'auto']).default('auto').meta(d('CSV : séparateur de champs (auto : détecté).', 'CSV: field separator ("auto": detected).')),
    encodage: z.enum(['auto', 'utf-8', 'windows-1252']).default('auto').meta(d('CSV : encodage (auto : UTF-8 avec ou sans BOM, sinon Windows-1252).', 'CSV: encoding ("auto": UTF-8 with or without BOM, else Windows-1252).')),
    nomenclature: Nomenclature.default('rome4'),
    annee: Annee.optional().meta(d('Année des données, quand le fichier n’a pas de colonne année.', 'Year of the data, when the file has no year column.')),
    producteur: z.string().optional().meta(d('Producteur de la donnée (INSEE, France Travail, DARES…), cité dans les explications.', 'Producer of the data (INSEE, France Travail, DARES…), quoted in the explanations.')),
    colonnes: z
      .record(z.string(), z.string())
      .default({})
      .meta(
        d(
          'Correspondance entre les champs attendus (metier, zone, departement, region, annee, effectif, tranche, projets, difficiles, saisonniers, classe, offres, demandeurs, sorties, taille, etablissements, niveau, secteur, libelle) et les en-têtes de colonnes du fichier.',
          'Mapping between the expected fields ("metier", "zone", "departement", "region", "annee", "effectif", "tranche", "projets", "difficiles", "saisonniers", "classe", "offres", "demandeurs", "sorties", "taille", "etablissements", "niveau", "secteur", "libelle") and the column headers of the file.',
        ),
      ),
  })
  .strict()
  .meta(d('Une source de données statistiques.', 'A source of statistical data.'));

export const Correspondance = z
  .object({
    id: Identifiant,
    de: Nomenclature.meta(d('Nomenclature d’origine.', 'Source nomenclature.')),
    vers: Nomenclature.meta(d('Nomenclature d’arrivée.', 'Target nomenclature.')),
    chemin: Chemin.meta(d('Fichier CSV de correspondance.', 'CSV mapping file.')),
    colonnes: z.object({ de: z.string(), vers: z.string() }).strict().meta(d('En-têtes des colonnes « code d’origine » et « code d’arrivée ».', 'Headers of the "source code" and "target code" columns.')),
    niveau_de: z
      .enum(['fap87'])
      .optional()
      .meta(
        d(
          'fap87 : les codes d’origine FAP 225 sont ramenés à leur famille FAP 87 (3 premiers caractères) ; une famille reçoit les codes d’arrivée de tous ses métiers.',
          '"fap87": the FAP 225 source codes are brought back to their FAP 87 family (first 3 characters); a family receives the target codes of all its occupations.',
        ),
      ),
  })
  .strict()
  .meta(
    d(
      'Table de passage entre deux nomenclatures (FAP 2009 → ROME v3, PCS → FAP…). ROME 4 → ROME v3 est intégré (code_rome_parent).',
      'Mapping table between two nomenclatures (FAP 2009 → ROME v3, PCS → FAP…). ROME 4 → ROME v3 is built in ("code_rome_parent").',
    ),
  );

// ───────────────────────────── Métiers and rules ─────────────────────────────

export const DeclarationMetier = z
  .object({
    code: z.string().min(1).meta(d('Code du métier dans la nomenclature d’analyse (ROME 4.0 par défaut, ex. H2913).', 'Code of the occupation in the analysis nomenclature (ROME 4.0 by default, e.g. H2913).')),
    libelle: z.string().optional().meta(d('Libellé local, si différent de celui du référentiel.', 'Local label, if different from the referential one.')),
    strategique: z
      .boolean()
      .optional()
      .meta(
        d(
          'Déclaré stratégique : garantit la pérennité des savoir-faire des entreprises vis-à-vis des clients et fournisseurs (avis d’expert).',
          'Declared strategic: secures the know-how of the companies towards their customers and suppliers (expert opinion).',
        ),
      ),
    en_mutation: z.boolean().optional().meta(d('Déclaré en mutation : le périmètre de ses compétences change fortement (avis d’expert).', 'Declared changing: the scope of its skills changes strongly (expert opinion).')),
    note: z.string().optional().meta(d('Note qualitative (entretiens, diagnostics d’entreprises), reprise dans le rapport.', 'Qualitative note (interviews, company assessments), shown in the report.')),
  })
  .strict()
  .meta(d('Déclaration d’un métier : qualification d’expert et notes qualitatives.', 'Declaration of an occupation: expert qualification and qualitative notes.'));

export const Regles = z
  .object({
    effectif_minimum: z
      .number()
      .int()
      .min(0)
      .default(30)
      .meta(
        d(
          'Effectif ou nombre de projets en dessous duquel une valeur est « non significative » (règle des 30, DARES / France Travail).',
          'Headcount or number of projects below which a figure is "not significant" (rule of 30, DARES / France Travail).',
        ),
      ),
    crise: z
      .object({
        tcam_max: z.number().default(-0.02).meta(d('TCAM local au plus égal à ce seuil (−0,02 = −2 %/an).', 'Local CAGR at most equal to this threshold (-0.02 = -2%/year).')),
        ecart_reference_points: z.number().default(1).meta(d('Et TCAM local inférieur au TCAM de référence d’au moins ce nombre de points.', 'And local CAGR below the reference CAGR by at least this many points.')),
        duree_minimum_annees: z.number().int().min(1).default(5).meta(d('Durée minimale d’observation, en années.', 'Minimum observation length, in years.')),
        effectif_minimum: z.number().int().min(0).default(50).meta(d('Effectif minimal en début de période.', 'Minimum headcount at the start of the period.')),
      })
      .strict()
      .prefault({})
      .meta(d('Règle « en crise » (docs/methodes.md §3).', '"Declining" rule ("docs/methodes.md" §3).')),
    croissance: z
      .object({
        tcam_min: z.number().default(0.02).meta(d('TCAM local au moins égal à ce seuil (0,02 = +2 %/an).', 'Local CAGR at least equal to this threshold (0.02 = +2%/year).')),
        ecart_reference_points: z.number().default(1).meta(d('Et TCAM local supérieur au TCAM de référence d’au moins ce nombre de points.', 'And local CAGR above the reference CAGR by at least this many points.')),
      })
      .strict()
      .prefault({})
      .meta(d('Règle « en croissance ».', '"Growing" rule.')),
    tension: z
      .object({
        classe_minimum: z.number().int().min(1).max(5).default(4).meta(d('Classe officielle de tension (1 à 5) à partir de laquelle le métier est en tension.', 'Official shortage class (1 to 5) from which the occupation is in shortage.')),
        part_difficiles_minimum: Part.default(0.5).meta(
          d(
            'Indicateur BMO : part de projets jugés difficiles à partir de laquelle le métier est en tension (seuil absolu).',
            'BMO indicator: share of projects deemed difficult from which the occupation is in shortage (absolute threshold).',
          ),
        ),
        part_difficiles_seuil: z
          .enum(['absolu', 'reference'])
          .default('absolu')
          .meta(
            d(
              'Seuil de la part de projets difficiles : absolu (part_difficiles_minimum) ou reference (part de projets difficiles du territoire de référence, tous métiers, plus part_difficiles_ecart_reference_points ; seuil absolu si elle est inconnue, GTEC-W421).',
              'Threshold on the share of difficult projects: "absolu" (absolute: "part_difficiles_minimum") or "reference" (share of difficult projects of the reference territory, all occupations, plus "part_difficiles_ecart_reference_points"; absolute threshold if it is unknown, GTEC-W421).',
            ),
          ),
        part_difficiles_ecart_reference_points: z
          .number()
          .default(0)
          .meta(d('Seuil « reference » : points ajoutés à la part du territoire de référence (5 = 5 points).', '"reference" threshold: points added to the share of the reference territory (5 = 5 points).')),
        projets_minimum: z.number().int().min(0).default(30).meta(d('Nombre minimal de projets BMO pour utiliser la part de projets difficiles.', 'Minimum number of BMO projects to use the share of difficult projects.')),
        score_composite_minimum: z
          .number()
          .default(0.5)
          .meta(
            d(
              'Score composite (moyenne pondérée de z-scores : offres/demandeurs, écoulement, part BMO difficiles) à partir duquel le métier est en tension.',
              'Composite score (weighted mean of z-scores: job offers per jobseeker, outflow, share of difficult BMO projects) from which the occupation is in shortage.',
            ),
          ),
        poids: z
          .object({
            offres_demandeurs: z.number().min(0).default(0.3).meta(d('Poids des offres rapportées aux demandeurs (DARES : 30 %).', 'Weight of job offers per jobseeker (DARES: 30%).')),
            ecoulement: z.number().min(0).default(0.2).meta(d('Poids du taux d’écoulement des demandeurs (DARES : 20 %).', 'Weight of the jobseeker outflow rate (DARES: 20%).')),
            part_difficiles: z.number().min(0).default(0.5).meta(d('Poids de la part de projets BMO jugés difficiles (DARES : 50 %).', 'Weight of the share of BMO projects deemed difficult (DARES: 50%).')),
          })
          .strict()
          .prefault({})
          .meta(
            d(
              'Poids des composantes du score composite (méthode DARES 30/20/50) ; renormalisés sur les composantes présentes.',
              'Weights of the components of the composite score (DARES 30/20/50 method); renormalised over the components present.',
            ),
          ),
        composantes_minimum: z.number().int().min(1).max(3).default(2).meta(d('Nombre minimal de composantes présentes pour calculer le score composite.', 'Minimum number of components present to compute the composite score.')),
        normalisation: z
          .enum(['reference', 'territoire'])
          .default('reference')
          .meta(
            d(
              'Distribution sur laquelle les z-scores sont calculés : reference (les métiers du territoire de référence, à défaut ceux du territoire) ou territoire (les métiers du territoire lui-même).',
              'Distribution over which the z-scores are computed: "reference" (the occupations of the reference territory, else those of the territory) or "territoire" (the occupations of the territory itself).',
            ),
          ),
        publication_minimum: z
          .number()
          .int()
          .min(0)
          .default(30)
          .meta(
            d(
              'Offres et demandeurs minimaux sous une classe officielle de tension : en dessous, la classe est « non significative » et ne classe pas le métier (règle de publication des 30).',
              'Minimum job offers and jobseekers under an official shortage class: below, the class is "not significant" and does not classify the occupation (publication rule of 30).',
            ),
          ),
      })
      .strict()
      .prefault({})
      .meta(d('Règle « en tension ».', '"In shortage" rule.')),
    specificite: z
      .object({
        seuil: z.number().default(1.2).meta(d('Indice de spécificité à partir duquel le métier est spécifique au territoire.', 'Specificity index from which the occupation is specific to the territory.')),
        seuil_fort: z.number().default(1.5).meta(d('Indice de spécificité « fortement spécifique ».', '"Highly specific" specificity index.')),
      })
      .strict()
      .prefault({})
      .meta(d('Lecture de l’indice de spécificité.', 'Reading of the specificity index.')),
    vieillissement: z
      .object({
        ecart_part_55_points: z
          .number()
          .default(5)
          .meta(d('Vieillissant si la part des 55 ans et plus dépasse celle de la référence d’au moins ce nombre de points.', 'Ageing if the share of people aged 55 and over exceeds the reference one by at least this many points.')),
        indice_renouvellement_max: z.number().default(1).meta(d('Ou si l’indice de renouvellement (moins de 30 ans / 50 ans et plus) est inférieur à ce seuil.', 'Or if the renewal index (under 30 / 50 and over) is below this threshold.')),
      })
      .strict()
      .prefault({})
      .meta(d('Lecture de la pyramide des âges.', 'Reading of the age pyramid.')),
    departs: z
      .object({
        horizon_annees: z.number().int().min(1).max(20).default(10).meta(d('Horizon des départs en fin de carrière estimés.', 'Horizon of the estimated end-of-career departures.')),
        part_50_54_partant: Part.default(0.5).meta(
          d('Part des 50-54 ans comptée comme partant dans l’horizon (approximation, docs/methodes.md §1).', 'Share of people aged 50-54 counted as leaving within the horizon (approximation, "docs/methodes.md" §1).'),
        ),
      })
      .strict()
      .prefault({})
      .meta(d('Estimation des départs en fin de carrière.', 'Estimate of end-of-career departures.')),
    porteur_quartile_postes: z
      .boolean()
      .default(true)
      .meta(
        d(
          'Porteur aussi si le métier est dans le quartile supérieur des postes à pourvoir (créations nettes + départs) par emploi.',
          'Promising also if the occupation is in the top quartile of openings (net creations + departures) per job.',
        ),
      ),
  })
  .strict()
  .meta(d('Seuils de classification des métiers. Valeurs par défaut : docs/methodes.md ; chacune peut être remplacée.', 'Classification thresholds of the occupations. Default values: "docs/methodes.md"; each can be overridden.'));

export const Famille = z
  .enum(['en-crise', 'en-croissance', 'en-tension', 'en-mutation', 'strategique', 'fragile', 'porteur'])
  .meta(
    d(
      'Famille de métiers : en-crise, en-croissance, en-tension, en-mutation, strategique, fragile, porteur.',
      'Occupation family: "en-crise" (declining), "en-croissance" (growing), "en-tension" (in shortage), "en-mutation" (changing), "strategique" (strategic), "fragile", "porteur" (promising).',
    ),
  );

export const Passerelles = z
  .object({
    depuis: z.array(Famille).default(['fragile']).meta(d('Familles des métiers de départ.', 'Families of the source occupations.')),
    vers: z.array(Famille).default(['porteur']).meta(d('Familles des métiers d’arrivée.', 'Families of the target occupations.')),
    score_minimum: z
      .number()
      .min(0)
      .max(1)
      .default(0.3)
      .meta(
        d(
          'Part des meilleures cibles candidates retenues pour chaque métier de départ (0 à 1 ; 0,30 par défaut : le meilleur tiers des métiers des familles d’arrivée, au moins un ; voir docs/passerelles.md).',
          'Share of the best candidate targets kept for each source occupation (0 to 1; 0.30 by default: the best third of the occupations of the target families, at least one; see "docs/passerelles.md").',
        ),
      ),
    nombre: z.number().int().min(1).max(50).default(5).meta(d('Nombre maximal de passerelles par métier de départ.', 'Maximum number of career bridges per source occupation.')),
    cibles_hors_depart: z
      .boolean()
      .optional()
      .meta(
        d(
          'true : un métier d’arrivée qui est aussi dans une famille de départ (fragile et porteur à la fois) n’est pas une cible : une passerelle mène hors des familles de départ.',
          'true: a target occupation that is also in a source family (both fragile and promising) is not a target: a career bridge leads out of the source families.',
        ),
      ),
  })
  .strict()
  .meta(d('Calcul des passerelles de compétences.', 'Computation of the skills-based career bridges.'));

// ───────────────────────────── Actors, governance, money ─────────────────────────────

export const Role = z
  .enum(['diagnostic', 'mise-en-oeuvre', 'financement', 'pilotage'])
  .meta(d('Rôle d’un acteur : diagnostic, mise-en-oeuvre (opérationnelle), financement, pilotage.', 'Role of a stakeholder: "diagnostic", "mise-en-oeuvre" (operational delivery), "financement" (funding), "pilotage" (steering).'));

export const TypeActeur = z
  .enum([
    'maison-emploi',
    'opco',
    'cci',
    'cma',
    'pole-competitivite',
    'cluster',
    'cbe',
    'branche',
    'region',
    'etat',
    'dreets',
    'france-travail',
    'organisme-formation',
    'carif-oref',
    'aract',
    'groupement-employeurs',
    'entreprise',
    'syndicat',
    'collectivite',
    'association',
    'europe',
    'autre',
  ])
  .meta(
    d(
      'Type d’acteur (maison-emploi, opco, cci, cma, pole-competitivite, cluster, cbe, branche, region, etat, dreets, france-travail, organisme-formation, carif-oref, aract, groupement-employeurs, entreprise, syndicat, collectivite, association, europe, autre).',
      'Kind of stakeholder ("maison-emploi", "opco", "cci", "cma", "pole-competitivite", "cluster", "cbe", "branche", "region", "etat", "dreets", "france-travail", "organisme-formation", "carif-oref", "aract", "groupement-employeurs", "entreprise", "syndicat", "collectivite", "association", "europe", "autre").',
    ),
  );

export const Acteur = z
  .object({
    id: Identifiant,
    nom: z.string().min(1).meta(d('Nom de l’acteur.', 'Name of the stakeholder.')),
    type: TypeActeur,
    roles: z.array(Role).min(1).meta(d('Rôles tenus dans la démarche (un ou plusieurs).', 'Roles held in the initiative (one or more).')),
    contact: z.string().optional().meta(d('Personne ou service référent.', 'Contact person or department.')),
  })
  .strict()
  .meta(d('Un acteur du partenariat territorial.', 'A stakeholder of the territorial partnership.'));

export const Comite = z
  .object({
    id: Identifiant,
    type: z.enum(['pilotage', 'suivi-technique', 'autre']).meta(d('Comité de pilotage, comité de suivi technique ou autre instance.', 'Steering committee, technical follow-up committee or other body.')),
    nom: z.string().optional(),
    membres: z.array(z.string()).default([]).meta(d('Identifiants des acteurs membres.', 'Identifiers of the member stakeholders.')),
    frequence: z.string().optional().meta(d('Fréquence des réunions (ex. « trimestrielle »).', 'Frequency of the meetings (e.g. "quarterly").')),
  })
  .strict();

export const Gouvernance = z
  .object({
    porteur: z.string().meta(d('Identifiant de l’acteur qui porte la démarche (structure porteuse).', 'Identifier of the stakeholder that leads the initiative (lead organisation).')),
    comites: z.array(Comite).default([]).meta(d('Instances de pilotage et de suivi.', 'Steering and follow-up bodies.')),
  })
  .strict()
  .meta(d('Structure porteuse et comités.', 'Lead organisation and committees.'));

export const Financement = z
  .object({
    id: Identifiant,
    financeur: z.string().meta(d('Identifiant de l’acteur qui finance (doit avoir le rôle financement).', 'Identifier of the funding stakeholder (must have the "financement" role).')),
    dispositif: z.string().optional().meta(d('Dispositif (AME, FNE-Formation, EDEC, FSE, FEDER, LEADER…).', 'Funding scheme (AME, FNE-Formation, EDEC, ESF, ERDF, LEADER…).')),
    montant: Montant,
    debut: DateGtec.optional(),
    fin: DateGtec.optional(),
  })
  .strict()
  .meta(d('Une ligne de financement (cofinancement).', 'A funding line (co-funding).'));

// ───────────────────────────── Action plan and evaluation ─────────────────────────────

export const Cible = z
  .enum(['salaries', 'demandeurs-emploi', 'jeunes', 'seniors', 'pme-tpe', 'entreprises', 'elus', 'prescripteurs', 'scolaires', 'public-handicape', 'autre'])
  .meta(
    d(
      'Public visé : salaries, demandeurs-emploi, jeunes, seniors, pme-tpe, entreprises, elus, prescripteurs, scolaires, public-handicape, autre.',
      'Target group: "salaries" (employees), "demandeurs-emploi" (jobseekers), "jeunes" (young people), "seniors", "pme-tpe" (small businesses), "entreprises" (companies), "elus" (elected officials), "prescripteurs" (referrers), "scolaires" (pupils), "public-handicape" (people with disabilities), "autre" (other).',
    ),
  );

export const FicheAction = z
  .object({
    id: Identifiant,
    titre: z.string().min(1),
    axe: z.string().optional().meta(d('Axe stratégique du plan d’action.', 'Strategic axis of the action plan.')),
    objectifs: z.array(z.string()).min(1).meta(d('Objectifs de l’action.', 'Objectives of the action.')),
    cibles: z.array(Cible).default([]).meta(d('Publics visés.', 'Target groups.')),
    metiers: z.array(z.string()).default([]).meta(d('Codes des métiers concernés (nomenclature d’analyse).', 'Codes of the occupations concerned (analysis nomenclature).')),
    modalites: z.string().optional().meta(d('Modalités de mise en œuvre.', 'Delivery arrangements.')),
    acteurs: z
      .array(z.object({ acteur: z.string(), role: Role }).strict())
      .default([])
      .meta(d('Acteurs de l’action et leur rôle.', 'Stakeholders of the action and their role.')),
    financements: z
      .array(z.object({ financement: z.string(), montant: Montant }).strict())
      .default([])
      .meta(d('Part des lignes de financement affectée à l’action.', 'Share of the funding lines allocated to the action.')),
    calendrier: z
      .object({
        debut: DateGtec,
        fin: DateGtec.optional(),
        etapes: z.array(z.object({ libelle: z.string(), date: DateGtec }).strict()).default([]),
      })
      .strict()
      .optional()
      .meta(d('Calendrier de l’action.', 'Schedule of the action.')),
    indicateurs: z.array(z.string()).default([]).meta(d('Identifiants des indicateurs d’évaluation de l’action.', 'Identifiers of the evaluation indicators of the action.')),
  })
  .strict()
  .meta(
    d(
      'Fiche action (modèle du Pays de Langres) : objectifs, cibles, modalités, moyens et partenaires, calendrier, indicateurs.',
      'Action sheet ("Pays de Langres" model): objectives, targets, arrangements, means and partners, schedule, indicators.',
    ),
  );

export const Indicateur = z
  .object({
    id: Identifiant,
    libelle: z.string().min(1),
    type: z
      .enum(['realisation', 'resultat', 'impact', 'satisfaction'])
      .meta(
        d(
          'Type : realisation (personnes, entreprises touchées), resultat (accès à l’emploi…), impact, satisfaction.',
          'Kind: "realisation" (output: people, companies reached), "resultat" (outcome: access to employment…), "impact", "satisfaction".',
        ),
      ),
    unite: z.string().meta(d('Unité (personnes, entreprises, %, heures…).', 'Unit (people, companies, %, hours…).')),
    base: z.number().optional().meta(d('Valeur de départ (par défaut 0).', 'Starting value (0 by default).')),
    cible: z.number().meta(d('Valeur visée.', 'Target value.')),
    valeur: z.number().optional().meta(d('Dernière valeur mesurée.', 'Last value measured.')),
    date_mesure: DateGtec.optional().meta(d('Date de la dernière mesure.', 'Date of the last measurement.')),
    source: z.string().optional().meta(d('Source de la mesure (enquête, suivi des stagiaires…).', 'Source of the measurement (survey, trainee follow-up…).')),
    echeance: DateGtec.optional().meta(d('Date à laquelle la cible doit être atteinte.', 'Date by which the target must be reached.')),
  })
  .strict()
  .meta(d('Indicateur d’évaluation.', 'Evaluation indicator.'));

// ───────────────────────────── The document ─────────────────────────────

export const Diagnostic = z
  .object({
    gtec: z.literal(1).meta(d('Version du format de fichier GTEC (1).', 'Version of the GTEC file format (1).')),
    titre: z.string().min(1).meta(d('Titre du diagnostic.', 'Title of the diagnostic.')),
    description: z.string().optional(),
    date: DateGtec.optional().meta(d('Date de mise à jour du diagnostic.', 'Date the diagnostic was last updated.')),
    territoire: Territoire,
    periode: Periode,
    nomenclature: Nomenclature.default('rome4').meta(d('Nomenclature des métiers analysés (rome4 par défaut).', 'Nomenclature of the occupations analysed ("rome4" by default).')),
    referentiel: ReferentielSchema.prefault({ type: 'demo' }),
    sources: z.array(Source).default([]).meta(d('Sources de données statistiques.', 'Statistical data sources.')),
    correspondances: z.array(Correspondance).default([]).meta(d('Tables de passage entre nomenclatures.', 'Mapping tables between nomenclatures.')),
    metiers: z.array(DeclarationMetier).default([]).meta(d('Déclarations d’experts sur des métiers (stratégique, en mutation, notes).', 'Expert declarations about occupations (strategic, changing, notes).')),
    regles: Regles.prefault({}),
    passerelles: Passerelles.prefault({}),
    acteurs: z.array(Acteur).default([]).meta(d('Acteurs du partenariat et leurs rôles.', 'Stakeholders of the partnership and their roles.')),
    gouvernance: Gouvernance.optional(),
    financements: z.array(Financement).default([]).meta(d('Lignes de financement.', 'Funding lines.')),
    plan_action: z.array(FicheAction).default([]).meta(d('Fiches action.', 'Action sheets.')),
    evaluation: z
      .object({ indicateurs: z.array(Indicateur).default([]) })
      .strict()
      .prefault({})
      .meta(d('Indicateurs d’évaluation.', 'Evaluation indicators.')),
  })
  .strict()
  .meta({
    title: 'Diagnostic GTEC',
    ...d('Fichier de diagnostic GTEC (Gestion Territoriale des Emplois et des Compétences), format version 1.', 'GTEC diagnostic file (territorial management of jobs and skills), format version 1.'),
  });

export type DiagnosticInput = z.input<typeof Diagnostic>;
export type DiagnosticDoc = z.output<typeof Diagnostic>;
export type SourceDoc = z.output<typeof Source>;
export type CorrespondanceDoc = z.output<typeof Correspondance>;
export type ReglesDoc = z.output<typeof Regles>;
export type PasserellesDoc = z.output<typeof Passerelles>;
export type ReferentielDoc = z.output<typeof ReferentielSchema>;
export type FamilleId = z.output<typeof Famille>;
export type NomenclatureId = z.output<typeof Nomenclature>;
export type FicheActionDoc = z.output<typeof FicheAction>;
export type IndicateurDoc = z.output<typeof Indicateur>;
export type ActeurDoc = z.output<typeof Acteur>;
export type FinancementDoc = z.output<typeof Financement>;

/** Columns each source type needs (`requis`) and may use (`optionnels`), by field name. Every type
 * also accepts `departement` and `region` (coarser zone levels of the row). */
export const COLONNES_SOURCE: Record<z.output<typeof TypeSource>, { requis: string[]; optionnels: string[] }> = {
  effectifs: { requis: ['metier', 'zone', 'annee', 'effectif'], optionnels: ['secteur', 'libelle'] },
  ages: { requis: ['metier', 'zone', 'tranche', 'effectif'], optionnels: ['annee', 'sexe'] },
  bmo: { requis: ['metier', 'zone', 'projets', 'difficiles', 'saisonniers'], optionnels: ['annee', 'libelle', 'departement'] },
  tension: { requis: ['metier', 'zone', 'classe'], optionnels: ['annee', 'offres', 'demandeurs', 'libelle'] },
  'offres-demandes': { requis: ['metier', 'zone', 'offres', 'demandeurs'], optionnels: ['annee', 'sorties'] },
  etablissements: { requis: ['zone', 'taille', 'etablissements'], optionnels: ['annee', 'secteur', 'effectif'] },
  qualifications: { requis: ['metier', 'zone', 'niveau', 'effectif'], optionnels: ['annee'] },
};
