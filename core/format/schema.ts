/**
 * The GTEC diagnostic file format, version 1 (`*.gtec.yaml`, or JSON).
 *
 * This zod schema is the single source of truth: the TypeScript types below are inferred from it,
 * `schemas/gtec-diagnostic.schema.json` is generated from it (`npm run schema`), and its French
 * descriptions become hover text in the editor. Keys are French, ASCII, snake_case.
 *
 * Semantic rules that a schema cannot say (references between sections, coherent dates, data
 * files) live in `core/format/semantic/`.
 */
import * as z from 'zod';

const d = (text: string) => ({ description: text });

// ───────────────────────────── Shared pieces ─────────────────────────────

/** Identifier used to reference an entry from another section. */
export const Identifiant = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'identifiant : lettres, chiffres, « _ », « - » ou « . »')
  .meta(d('Identifiant unique dans sa section (lettres, chiffres, « _ », « - », « . »), utilisé pour y faire référence ailleurs dans le fichier.'));

/** A calendar date `AAAA-MM-JJ`, a month `AAAA-MM` or a year `AAAA`. YAML dates are read as text. */
export const DateGtec = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'date au format AAAA, AAAA-MM ou AAAA-MM-JJ')
  .meta(d('Date au format AAAA-MM-JJ, mois AAAA-MM ou année AAAA.'));

export const Annee = z.number().int().min(1950).max(2100).meta(d('Année (AAAA).'));

export const Montant = z.number().min(0).meta(d('Montant en euros (nombre, sans symbole).'));

export const Part = z.number().min(0).max(1).meta(d('Part entre 0 et 1 (0,25 = 25 %).'));

/** Relative POSIX path inside the diagnostic's folder. Escapes are refused by semantic rules. */
export const Chemin = z.string().min(1).meta(d('Chemin relatif au dossier du fichier de diagnostic (pas de chemin absolu, pas de « .. »).'));

export const Nomenclature = z
  .enum(['rome4', 'rome3', 'fap2021', 'fap2009', 'pcs', 'naf', 'libre'])
  .meta(d('Nomenclature des codes métier : rome4 (ROME 4.0, ex. H2913), rome3 (ROME v3), fap2021 (codes métier BMO, ex. A0X40), fap2009, pcs, naf (secteurs) ou libre.'));

// ───────────────────────────── Territory and period ─────────────────────────────

export const TypeTerritoire = z
  .enum(['commune', 'epci', 'pays', 'bassin-bmo', 'zone-emploi', 'departement', 'region', 'multi-regions', 'france', 'pole-competitivite', 'autre'])
  .meta(d('Type de périmètre (« territoire à géométrie variable ») : commune, epci, pays, bassin-bmo, zone-emploi, departement, region, multi-regions, france, pole-competitivite ou autre.'));

export const Perimetre = z
  .object({
    nom: z.string().min(1).meta(d('Nom du territoire, tel qu’il apparaîtra dans le rapport.')),
    type: TypeTerritoire,
    codes: z.array(z.string().min(1)).default([]).meta(d('Codes officiels qui composent le périmètre (codes INSEE de communes, codes de bassins BMO, de départements…), en texte : les zéros initiaux comptent.')),
  })
  .strict();

export const Territoire = Perimetre.extend({
  description: z.string().optional().meta(d('Présentation libre du territoire.')),
  reference: Perimetre.optional().meta(d('Territoire de référence pour les comparaisons (indice de spécificité, écarts d’évolution) : en général la région ou la France.')),
})
  .strict()
  .meta(d('Le territoire du diagnostic et son territoire de référence.'));

export const Periode = z
  .object({
    debut: Annee.meta(d('Première année observée (point de départ des évolutions et du TCAM).')),
    fin: Annee.meta(d('Dernière année observée (année de référence du diagnostic).')),
  })
  .strict()
  .meta(d('Période d’observation des données.'));

// ───────────────────────────── Referentiel and data ─────────────────────────────

export const ReferentielSchema = z
  .object({
    type: z
      .enum(['demo', 'rome-officiel', 'csv'])
      .meta(d('demo : référentiel de démonstration intégré ; rome-officiel : dossier de l’export ROME 4.0 publié par France Travail (fichiers unix_*_utf8.csv) ; csv : référentiel personnalisé au format CSV simple (voir docs/format.md).')),
    chemin: Chemin.optional().meta(d('Dossier (rome-officiel) ou fichier (csv) du référentiel, relatif au fichier de diagnostic. Absent pour demo.')),
    version: z.string().optional().meta(d('Version attendue (ex. « 60 » pour ROME 4.0 v60). Un avertissement signale un écart avec la version lue.')),
  })
  .strict()
  .meta(d('Référentiel de compétences utilisé pour les passerelles et les libellés des métiers.'));

export const TypeSource = z
  .enum(['effectifs', 'ages', 'bmo', 'tension', 'offres-demandes', 'etablissements', 'qualifications'])
  .meta(
    d(
      'Nature des données : effectifs (emploi par métier, zone et année), ages (emploi par tranche d’âge), bmo (projets de recrutement BMO), tension (classes de tension officielles 1 à 5), offres-demandes (offres, demandeurs, sorties), etablissements (établissements par taille), qualifications (emploi par niveau de diplôme).',
    ),
  );

export const Source = z
  .object({
    id: Identifiant,
    type: TypeSource,
    chemin: Chemin.meta(d('Fichier de données (CSV ou xlsx), relatif au fichier de diagnostic.')),
    format: z.enum(['csv', 'xlsx']).optional().meta(d('Format du fichier ; déduit de l’extension si absent.')),
    preset: z
      .enum(['bmo-officiel', 'tension-ft-rome-bassin', 'dares-tensions-fap2009', 'dares-emploi-region', 'dares-emploi-national', 'dares-ages-fap225'])
      .optional()
      .meta(
        d(
          'Fichier officiel reconnu : les colonnes sont alors connues d’avance (bmo-officiel : classeur « Base open data BMO » de France Travail ; dares-emploi-region, dares-emploi-national, dares-ages-fap225 : fichiers du Portrait statistique des métiers de la DARES, voir docs/donnees.md).',
        ),
      ),
    portee: z
      .enum(['territoire', 'nationale'])
      .optional()
      .meta(d('nationale : les lignes sont des chiffres de la France entière, pris pour le territoire faute de mieux (évolution, âges) et signalés « série nationale » dans le rapport ; pas de comparaison à la référence.')),
    niveau: z
      .enum(['fap87', 'fap225'])
      .optional()
      .meta(
        d(
          'FAP 2009 : niveau auquel lire les codes. fap87 : les lignes des 87 familles si le fichier en a, sinon les codes FAP 225 ramenés à leur famille (3 premiers caractères, effectifs additionnés) ; fap225 : les seules lignes à 5 caractères.',
        ),
      ),
    feuille: z.string().optional().meta(d('xlsx : nom de la feuille (par défaut la première).')),
    separateur: z.enum([';', ',', 'tab', 'auto']).default('auto').meta(d('CSV : séparateur de champs (auto : détecté).')),
    encodage: z.enum(['auto', 'utf-8', 'windows-1252']).default('auto').meta(d('CSV : encodage (auto : UTF-8 avec ou sans BOM, sinon Windows-1252).')),
    nomenclature: Nomenclature.default('rome4'),
    annee: Annee.optional().meta(d('Année des données, quand le fichier n’a pas de colonne année.')),
    producteur: z.string().optional().meta(d('Producteur de la donnée (INSEE, France Travail, DARES…), cité dans les explications.')),
    colonnes: z
      .record(z.string(), z.string())
      .default({})
      .meta(
        d(
          'Correspondance entre les champs attendus (metier, zone, departement, region, annee, effectif, tranche, projets, difficiles, saisonniers, classe, offres, demandeurs, sorties, taille, etablissements, niveau, secteur, libelle) et les en-têtes de colonnes du fichier.',
        ),
      ),
  })
  .strict()
  .meta(d('Une source de données statistiques.'));

export const Correspondance = z
  .object({
    id: Identifiant,
    de: Nomenclature.meta(d('Nomenclature d’origine.')),
    vers: Nomenclature.meta(d('Nomenclature d’arrivée.')),
    chemin: Chemin.meta(d('Fichier CSV de correspondance.')),
    colonnes: z.object({ de: z.string(), vers: z.string() }).strict().meta(d('En-têtes des colonnes « code d’origine » et « code d’arrivée ».')),
    niveau_de: z.enum(['fap87']).optional().meta(d('fap87 : les codes d’origine FAP 225 sont ramenés à leur famille FAP 87 (3 premiers caractères) ; une famille reçoit les codes d’arrivée de tous ses métiers.')),
  })
  .strict()
  .meta(d('Table de passage entre deux nomenclatures (FAP 2009 → ROME v3, PCS → FAP…). ROME 4 → ROME v3 est intégré (code_rome_parent).'));

// ───────────────────────────── Métiers and rules ─────────────────────────────

export const DeclarationMetier = z
  .object({
    code: z.string().min(1).meta(d('Code du métier dans la nomenclature d’analyse (ROME 4.0 par défaut, ex. H2913).')),
    libelle: z.string().optional().meta(d('Libellé local, si différent de celui du référentiel.')),
    strategique: z.boolean().optional().meta(d('Déclaré stratégique : garantit la pérennité des savoir-faire des entreprises vis-à-vis des clients et fournisseurs (avis d’expert).')),
    en_mutation: z.boolean().optional().meta(d('Déclaré en mutation : le périmètre de ses compétences change fortement (avis d’expert).')),
    note: z.string().optional().meta(d('Note qualitative (entretiens, diagnostics d’entreprises), reprise dans le rapport.')),
  })
  .strict()
  .meta(d('Déclaration d’un métier : qualification d’expert et notes qualitatives.'));

export const Regles = z
  .object({
    effectif_minimum: z.number().int().min(0).default(30).meta(d('Effectif ou nombre de projets en dessous duquel une valeur est « non significative » (règle des 30, DARES / France Travail).')),
    crise: z
      .object({
        tcam_max: z.number().default(-0.02).meta(d('TCAM local au plus égal à ce seuil (−0,02 = −2 %/an).')),
        ecart_reference_points: z.number().default(1).meta(d('Et TCAM local inférieur au TCAM de référence d’au moins ce nombre de points.')),
        duree_minimum_annees: z.number().int().min(1).default(5).meta(d('Durée minimale d’observation, en années.')),
        effectif_minimum: z.number().int().min(0).default(50).meta(d('Effectif minimal en début de période.')),
      })
      .strict()
      .prefault({})
      .meta(d('Règle « en crise » (docs/methodes.md §3).')),
    croissance: z
      .object({
        tcam_min: z.number().default(0.02).meta(d('TCAM local au moins égal à ce seuil (0,02 = +2 %/an).')),
        ecart_reference_points: z.number().default(1).meta(d('Et TCAM local supérieur au TCAM de référence d’au moins ce nombre de points.')),
      })
      .strict()
      .prefault({})
      .meta(d('Règle « en croissance ».')),
    tension: z
      .object({
        classe_minimum: z.number().int().min(1).max(5).default(4).meta(d('Classe officielle de tension (1 à 5) à partir de laquelle le métier est en tension.')),
        part_difficiles_minimum: Part.default(0.5).meta(d('Indicateur BMO : part de projets jugés difficiles à partir de laquelle le métier est en tension (seuil absolu).')),
        part_difficiles_seuil: z
          .enum(['absolu', 'reference'])
          .default('absolu')
          .meta(
            d(
              'Seuil de la part de projets difficiles : absolu (part_difficiles_minimum) ou reference (part de projets difficiles du territoire de référence, tous métiers, plus part_difficiles_ecart_reference_points ; seuil absolu si elle est inconnue, GTEC-W421).',
            ),
          ),
        part_difficiles_ecart_reference_points: z.number().default(0).meta(d('Seuil « reference » : points ajoutés à la part du territoire de référence (5 = 5 points).')),
        projets_minimum: z.number().int().min(0).default(30).meta(d('Nombre minimal de projets BMO pour utiliser la part de projets difficiles.')),
        score_composite_minimum: z.number().default(0.5).meta(d('Score composite (moyenne pondérée de z-scores : offres/demandeurs, écoulement, part BMO difficiles) à partir duquel le métier est en tension.')),
        poids: z
          .object({
            offres_demandeurs: z.number().min(0).default(0.3).meta(d('Poids des offres rapportées aux demandeurs (DARES : 30 %).')),
            ecoulement: z.number().min(0).default(0.2).meta(d('Poids du taux d’écoulement des demandeurs (DARES : 20 %).')),
            part_difficiles: z.number().min(0).default(0.5).meta(d('Poids de la part de projets BMO jugés difficiles (DARES : 50 %).')),
          })
          .strict()
          .prefault({})
          .meta(d('Poids des composantes du score composite (méthode DARES 30/20/50) ; renormalisés sur les composantes présentes.')),
        composantes_minimum: z.number().int().min(1).max(3).default(2).meta(d('Nombre minimal de composantes présentes pour calculer le score composite.')),
        normalisation: z
          .enum(['reference', 'territoire'])
          .default('reference')
          .meta(d('Distribution sur laquelle les z-scores sont calculés : reference (les métiers du territoire de référence, à défaut ceux du territoire) ou territoire (les métiers du territoire lui-même).')),
        publication_minimum: z
          .number()
          .int()
          .min(0)
          .default(30)
          .meta(d('Offres et demandeurs minimaux sous une classe officielle de tension : en dessous, la classe est « non significative » et ne classe pas le métier (règle de publication des 30).')),
      })
      .strict()
      .prefault({})
      .meta(d('Règle « en tension ».')),
    specificite: z
      .object({
        seuil: z.number().default(1.2).meta(d('Indice de spécificité à partir duquel le métier est spécifique au territoire.')),
        seuil_fort: z.number().default(1.5).meta(d('Indice de spécificité « fortement spécifique ».')),
      })
      .strict()
      .prefault({})
      .meta(d('Lecture de l’indice de spécificité.')),
    vieillissement: z
      .object({
        ecart_part_55_points: z.number().default(5).meta(d('Vieillissant si la part des 55 ans et plus dépasse celle de la référence d’au moins ce nombre de points.')),
        indice_renouvellement_max: z.number().default(1).meta(d('Ou si l’indice de renouvellement (moins de 30 ans / 50 ans et plus) est inférieur à ce seuil.')),
      })
      .strict()
      .prefault({})
      .meta(d('Lecture de la pyramide des âges.')),
    departs: z
      .object({
        horizon_annees: z.number().int().min(1).max(20).default(10).meta(d('Horizon des départs en fin de carrière estimés.')),
        part_50_54_partant: Part.default(0.5).meta(d('Part des 50-54 ans comptée comme partant dans l’horizon (approximation, docs/methodes.md §1).')),
      })
      .strict()
      .prefault({})
      .meta(d('Estimation des départs en fin de carrière.')),
    porteur_quartile_postes: z.boolean().default(true).meta(d('Porteur aussi si le métier est dans le quartile supérieur des postes à pourvoir (créations nettes + départs) par emploi.')),
  })
  .strict()
  .meta(d('Seuils de classification des métiers. Valeurs par défaut : docs/methodes.md ; chacune peut être remplacée.'));

export const Famille = z.enum(['en-crise', 'en-croissance', 'en-tension', 'en-mutation', 'strategique', 'fragile', 'porteur']).meta(d('Famille de métiers : en-crise, en-croissance, en-tension, en-mutation, strategique, fragile, porteur.'));

export const Passerelles = z
  .object({
    depuis: z.array(Famille).default(['fragile']).meta(d('Familles des métiers de départ.')),
    vers: z.array(Famille).default(['porteur']).meta(d('Familles des métiers d’arrivée.')),
    score_minimum: z
      .number()
      .min(0)
      .max(1)
      .default(0.3)
      .meta(d('Part des meilleures cibles candidates retenues pour chaque métier de départ (0 à 1 ; 0,30 par défaut : le meilleur tiers des métiers des familles d’arrivée, au moins un ; voir docs/passerelles.md).')),
    nombre: z.number().int().min(1).max(50).default(5).meta(d('Nombre maximal de passerelles par métier de départ.')),
    cibles_hors_depart: z.boolean().optional().meta(d('true : un métier d’arrivée qui est aussi dans une famille de départ (fragile et porteur à la fois) n’est pas une cible : une passerelle mène hors des familles de départ.')),
  })
  .strict()
  .meta(d('Calcul des passerelles de compétences.'));

// ───────────────────────────── Actors, governance, money ─────────────────────────────

export const Role = z.enum(['diagnostic', 'mise-en-oeuvre', 'financement', 'pilotage']).meta(d('Rôle d’un acteur : diagnostic, mise-en-oeuvre (opérationnelle), financement, pilotage.'));

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
    ),
  );

export const Acteur = z
  .object({
    id: Identifiant,
    nom: z.string().min(1).meta(d('Nom de l’acteur.')),
    type: TypeActeur,
    roles: z.array(Role).min(1).meta(d('Rôles tenus dans la démarche (un ou plusieurs).')),
    contact: z.string().optional().meta(d('Personne ou service référent.')),
  })
  .strict()
  .meta(d('Un acteur du partenariat territorial.'));

export const Comite = z
  .object({
    id: Identifiant,
    type: z.enum(['pilotage', 'suivi-technique', 'autre']).meta(d('Comité de pilotage, comité de suivi technique ou autre instance.')),
    nom: z.string().optional(),
    membres: z.array(z.string()).default([]).meta(d('Identifiants des acteurs membres.')),
    frequence: z.string().optional().meta(d('Fréquence des réunions (ex. « trimestrielle »).')),
  })
  .strict();

export const Gouvernance = z
  .object({
    porteur: z.string().meta(d('Identifiant de l’acteur qui porte la démarche (structure porteuse).')),
    comites: z.array(Comite).default([]).meta(d('Instances de pilotage et de suivi.')),
  })
  .strict()
  .meta(d('Structure porteuse et comités.'));

export const Financement = z
  .object({
    id: Identifiant,
    financeur: z.string().meta(d('Identifiant de l’acteur qui finance (doit avoir le rôle financement).')),
    dispositif: z.string().optional().meta(d('Dispositif (AME, FNE-Formation, EDEC, FSE, FEDER, LEADER…).')),
    montant: Montant,
    debut: DateGtec.optional(),
    fin: DateGtec.optional(),
  })
  .strict()
  .meta(d('Une ligne de financement (cofinancement).'));

// ───────────────────────────── Action plan and evaluation ─────────────────────────────

export const Cible = z
  .enum(['salaries', 'demandeurs-emploi', 'jeunes', 'seniors', 'pme-tpe', 'entreprises', 'elus', 'prescripteurs', 'scolaires', 'public-handicape', 'autre'])
  .meta(d('Public visé : salaries, demandeurs-emploi, jeunes, seniors, pme-tpe, entreprises, elus, prescripteurs, scolaires, public-handicape, autre.'));

export const FicheAction = z
  .object({
    id: Identifiant,
    titre: z.string().min(1),
    axe: z.string().optional().meta(d('Axe stratégique du plan d’action.')),
    objectifs: z.array(z.string()).min(1).meta(d('Objectifs de l’action.')),
    cibles: z.array(Cible).default([]).meta(d('Publics visés.')),
    metiers: z.array(z.string()).default([]).meta(d('Codes des métiers concernés (nomenclature d’analyse).')),
    modalites: z.string().optional().meta(d('Modalités de mise en œuvre.')),
    acteurs: z
      .array(z.object({ acteur: z.string(), role: Role }).strict())
      .default([])
      .meta(d('Acteurs de l’action et leur rôle.')),
    financements: z
      .array(z.object({ financement: z.string(), montant: Montant }).strict())
      .default([])
      .meta(d('Part des lignes de financement affectée à l’action.')),
    calendrier: z
      .object({
        debut: DateGtec,
        fin: DateGtec.optional(),
        etapes: z.array(z.object({ libelle: z.string(), date: DateGtec }).strict()).default([]),
      })
      .strict()
      .optional()
      .meta(d('Calendrier de l’action.')),
    indicateurs: z.array(z.string()).default([]).meta(d('Identifiants des indicateurs d’évaluation de l’action.')),
  })
  .strict()
  .meta(d('Fiche action (modèle du Pays de Langres) : objectifs, cibles, modalités, moyens et partenaires, calendrier, indicateurs.'));

export const Indicateur = z
  .object({
    id: Identifiant,
    libelle: z.string().min(1),
    type: z.enum(['realisation', 'resultat', 'impact', 'satisfaction']).meta(d('Type : realisation (personnes, entreprises touchées), resultat (accès à l’emploi…), impact, satisfaction.')),
    unite: z.string().meta(d('Unité (personnes, entreprises, %, heures…).')),
    base: z.number().optional().meta(d('Valeur de départ (par défaut 0).')),
    cible: z.number().meta(d('Valeur visée.')),
    valeur: z.number().optional().meta(d('Dernière valeur mesurée.')),
    date_mesure: DateGtec.optional().meta(d('Date de la dernière mesure.')),
    source: z.string().optional().meta(d('Source de la mesure (enquête, suivi des stagiaires…).')),
    echeance: DateGtec.optional().meta(d('Date à laquelle la cible doit être atteinte.')),
  })
  .strict()
  .meta(d('Indicateur d’évaluation.'));

// ───────────────────────────── The document ─────────────────────────────

export const Diagnostic = z
  .object({
    gtec: z.literal(1).meta(d('Version du format de fichier GTEC (1).')),
    titre: z.string().min(1).meta(d('Titre du diagnostic.')),
    description: z.string().optional(),
    date: DateGtec.optional().meta(d('Date de mise à jour du diagnostic.')),
    territoire: Territoire,
    periode: Periode,
    nomenclature: Nomenclature.default('rome4').meta(d('Nomenclature des métiers analysés (rome4 par défaut).')),
    referentiel: ReferentielSchema.prefault({ type: 'demo' }),
    sources: z.array(Source).default([]).meta(d('Sources de données statistiques.')),
    correspondances: z.array(Correspondance).default([]).meta(d('Tables de passage entre nomenclatures.')),
    metiers: z.array(DeclarationMetier).default([]).meta(d('Déclarations d’experts sur des métiers (stratégique, en mutation, notes).')),
    regles: Regles.prefault({}),
    passerelles: Passerelles.prefault({}),
    acteurs: z.array(Acteur).default([]).meta(d('Acteurs du partenariat et leurs rôles.')),
    gouvernance: Gouvernance.optional(),
    financements: z.array(Financement).default([]).meta(d('Lignes de financement.')),
    plan_action: z.array(FicheAction).default([]).meta(d('Fiches action.')),
    evaluation: z
      .object({ indicateurs: z.array(Indicateur).default([]) })
      .strict()
      .prefault({})
      .meta(d('Indicateurs d’évaluation.')),
  })
  .strict()
  .meta({
    title: 'Diagnostic GTEC',
    description: 'Fichier de diagnostic GTEC (Gestion Territoriale des Emplois et des Compétences), format version 1.',
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
