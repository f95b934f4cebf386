/**
 * Typology of métiers (GTEC.md, METHODES.md §4): en-crise, en-croissance, en-tension, en-mutation,
 * strategique, then the operational pair fragile / porteur. Thresholds come from `regles`. Every
 * verdict carries one `Explication` per rule that fired: indicator, value, threshold, comparison,
 * source and year, and a sentence in French and English. Values marked non significant (≥ 30
 * rule) are shown but never fire a rule.
 */
import type { DiagnosticDoc, FamilleId, ReglesDoc } from '../format/schema.js';
import type { Lang } from '../problems.js';
import { nombre, points, pourcent, tauxAnnuel } from './format-nombres.js';
import { compare, quantile } from './indicators.js';
import type { Explication, IndicateursMetier, Mesure } from './result.js';
import { lireVieillissement } from './vieillissement.js';

type Declaration = DiagnosticDoc['metiers'][number];

export const ORDRE_FAMILLES: readonly FamilleId[] = ['en-crise', 'en-croissance', 'en-tension', 'en-mutation', 'strategique', 'fragile', 'porteur'];

export interface ContexteTypologie {
  regles: ReglesDoc;
  /** Producer of each source, by source id (cited in the sentences). */
  producteurs: ReadonlyMap<string, string>;
  /** Name of the reference territory (« la région Grand Est »), for the sentences. */
  referenceNom?: string;
  /** Upper-quartile threshold of postes à pourvoir per job (see `seuilQuartilePostes`). */
  seuilPostes?: number;
}

/**
 * Q3 of the significant postes à pourvoir per job among the territory's métiers (linear
 * interpolation, as Excel's QUARTILE.INC); undefined below 4 values, where a quartile says nothing.
 */
export function seuilQuartilePostes(metiers: readonly IndicateursMetier[]): number | undefined {
  const v = metiers
    .map((m) => m.postesAPourvoirParEmploi)
    .filter((m): m is Mesure => !!m && m.significatif && m.valeur !== null)
    .map((m) => m.valeur!);
  return v.length >= 4 ? (quantile(v, 0.75) ?? undefined) : undefined;
}

const utilisable = (m: Mesure | undefined): m is Mesure & { valeur: number } => !!m && m.significatif && m.valeur !== null;

export function classerMetier(
  ind: IndicateursMetier,
  decl: Declaration | undefined,
  ctx: ContexteTypologie,
): { familles: FamilleId[]; explications: Explication[] } {
  const r = ctx.regles;
  const ex: Explication[] = [];
  const familles = new Set<FamilleId>();
  const fire = (e: Explication) => {
    familles.add(e.famille);
    ex.push(e);
  };
  const suffixe = (m: Pick<Mesure, 'source' | 'annee' | 'anneeDebut' | 'approximatif'>, lang: Lang) => {
    const approx = m.approximatif
      ? lang === 'fr'
        ? ' (valeur approchée : celle du code d’origine, commun à plusieurs métiers)'
        : ' (approximate: the value of the origin code, shared by several métiers)'
      : '';
    if (m.source === undefined) return approx;
    const prod = ctx.producteurs.get(m.source);
    const annees = m.anneeDebut !== undefined && m.annee !== undefined ? `${m.anneeDebut}-${m.annee}` : m.annee !== undefined ? String(m.annee) : '';
    return `${approx} — source ${m.source}${prod ? ` (${prod})` : ''}${annees ? `, ${annees}` : ''}`;
  };
  const prov = (m: Mesure): Pick<Explication, 'source' | 'annee' | 'producteur' | 'anneeDebut' | 'approximatif'> => {
    const p: Pick<Explication, 'source' | 'annee' | 'producteur' | 'anneeDebut' | 'approximatif'> = {};
    if (m.approximatif) p.approximatif = true;
    if (m.source !== undefined) {
      p.source = m.source;
      const prod = ctx.producteurs.get(m.source);
      if (prod) p.producteur = prod;
    }
    if (m.anneeDebut !== undefined) p.anneeDebut = m.anneeDebut;
    if (m.annee !== undefined) p.annee = m.annee;
    return p;
  };
  const refFr = ctx.referenceNom ? `de ${ctx.referenceNom}` : 'de référence';
  const refEn = ctx.referenceNom ? `of ${ctx.referenceNom}` : 'of the reference';
  const periode = (m: Mesure) => (m.anneeDebut !== undefined && m.annee !== undefined ? `${m.anneeDebut}-${m.annee}` : '');

  // ── En crise / en croissance: TCAM against an absolute threshold and the reference's TCAM.
  const t = ind.tcam;
  const tRef = utilisable(ind.tcamReference) ? ind.tcamReference : undefined;
  if (utilisable(t)) {
    const duree = t.annee !== undefined && t.anneeDebut !== undefined ? t.annee - t.anneeDebut : 0;
    const e0 = ind.effectifDebut;
    const c = r.crise;
    const baseOk = utilisable(e0) && compare['>='](e0.valeur, c.effectif_minimum) && duree >= c.duree_minimum_annees;
    const relCrise = tRef ? compare['<'](t.valeur, tRef.valeur - c.ecart_reference_points / 100) : true;
    if (baseOk && compare['<='](t.valeur, c.tcam_max) && relCrise) {
      const p = periode(t);
      fire({
        famille: 'en-crise',
        indicateur: 'tcam',
        valeur: t.valeur,
        seuil: c.tcam_max,
        comparaison: '<=',
        ...prov(t),
        texte: {
          fr:
            `TCAM ${p} de ${tauxAnnuel(t.valeur, 'fr')} ≤ ${tauxAnnuel(c.tcam_max, 'fr')}` +
            (tRef
              ? ` et inférieur de ${points(tRef.valeur - t.valeur, 'fr')} au TCAM ${refFr} (${tauxAnnuel(tRef.valeur, 'fr')})`
              : ' (pas de TCAM de référence : seuil absolu seul)') +
            `, sur ${duree} ans pour un effectif initial de ${nombre(e0!.valeur!, 'fr', 0)}` +
            suffixe(t, 'fr'),
          en:
            `CAGR ${p} of ${tauxAnnuel(t.valeur, 'en')} ≤ ${tauxAnnuel(c.tcam_max, 'en')}` +
            (tRef
              ? ` and ${points(tRef.valeur - t.valeur, 'en')} below the CAGR ${refEn} (${tauxAnnuel(tRef.valeur, 'en')})`
              : ' (no reference CAGR: absolute threshold only)') +
            `, over ${duree} years from an initial employment of ${nombre(e0!.valeur!, 'en', 0)}` +
            suffixe(t, 'en'),
        },
      });
    }
    const g = r.croissance;
    const relCroissance = tRef ? compare['>'](t.valeur, tRef.valeur + g.ecart_reference_points / 100) : true;
    if (compare['>='](t.valeur, g.tcam_min) && relCroissance) {
      const p = periode(t);
      fire({
        famille: 'en-croissance',
        indicateur: 'tcam',
        valeur: t.valeur,
        seuil: g.tcam_min,
        comparaison: '>=',
        ...prov(t),
        texte: {
          fr:
            `TCAM ${p} de ${tauxAnnuel(t.valeur, 'fr')} ≥ ${tauxAnnuel(g.tcam_min, 'fr')}` +
            (tRef
              ? ` et supérieur de ${points(t.valeur - tRef.valeur, 'fr')} au TCAM ${refFr} (${tauxAnnuel(tRef.valeur, 'fr')})`
              : ' (pas de TCAM de référence : seuil absolu seul)') +
            suffixe(t, 'fr'),
          en:
            `CAGR ${p} of ${tauxAnnuel(t.valeur, 'en')} ≥ ${tauxAnnuel(g.tcam_min, 'en')}` +
            (tRef
              ? ` and ${points(t.valeur - tRef.valeur, 'en')} above the CAGR ${refEn} (${tauxAnnuel(tRef.valeur, 'en')})`
              : ' (no reference CAGR: absolute threshold only)') +
            suffixe(t, 'en'),
        },
      });
    }
  }

  // ── En tension: official class, or BMO share of difficult projects, or composite score.
  const tr = r.tension;
  const classe = ind.tension?.classe;
  if (utilisable(classe) && compare['>='](classe.valeur, tr.classe_minimum)) {
    fire({
      famille: 'en-tension',
      indicateur: 'classe_tension',
      valeur: classe.valeur,
      seuil: tr.classe_minimum,
      comparaison: '>=',
      ...prov(classe),
      texte: {
        fr: `Classe de tension officielle ${nombre(classe.valeur, 'fr')} ≥ ${tr.classe_minimum} (échelle de 1 à 5)` + suffixe(classe, 'fr'),
        en: `Official tension class ${nombre(classe.valeur, 'en')} ≥ ${tr.classe_minimum} (scale 1 to 5)` + suffixe(classe, 'en'),
      },
    });
  }
  const pd = ind.bmo?.partDifficiles;
  const projets = ind.bmo?.projets;
  if (
    utilisable(pd) &&
    utilisable(projets) &&
    compare['>='](projets.valeur, tr.projets_minimum) &&
    compare['>='](pd.valeur, tr.part_difficiles_minimum)
  ) {
    fire({
      famille: 'en-tension',
      indicateur: 'part_difficiles',
      valeur: pd.valeur,
      seuil: tr.part_difficiles_minimum,
      comparaison: '>=',
      ...prov(pd),
      texte: {
        fr:
          `Part de projets de recrutement jugés difficiles de ${pourcent(pd.valeur, 'fr')} ≥ ${pourcent(tr.part_difficiles_minimum, 'fr')}, ` +
          `sur ${nombre(projets.valeur, 'fr', 0)} projets (minimum ${tr.projets_minimum})` +
          suffixe(pd, 'fr'),
        en:
          `Share of recruitment projects judged difficult of ${pourcent(pd.valeur, 'en')} ≥ ${pourcent(tr.part_difficiles_minimum, 'en')}, ` +
          `out of ${nombre(projets.valeur, 'en', 0)} projects (minimum ${tr.projets_minimum})` +
          suffixe(pd, 'en'),
      },
    });
  }
  const sc = ind.tension?.scoreComposite;
  if (utilisable(sc) && compare['>='](sc.valeur, tr.score_composite_minimum)) {
    const comp = ind.tension?.composantes ?? {};
    const detail = (lang: Lang) =>
      (
        [
          ['ratioOffresDemandeurs', lang === 'fr' ? 'offres/demandeurs' : 'offers/job seekers'],
          ['ecoulement', lang === 'fr' ? 'écoulement' : 'outflow rate'],
          ['partDifficiles', lang === 'fr' ? 'part de projets difficiles' : 'share of difficult projects'],
        ] as const
      )
        .filter(([k]) => comp[k] !== undefined)
        .map(([k, l]) => `${l} ${nombre(comp[k]!, lang, 2)}`)
        .join(lang === 'fr' ? ' ; ' : '; ');
    fire({
      famille: 'en-tension',
      indicateur: 'score_tension',
      valeur: sc.valeur,
      seuil: tr.score_composite_minimum,
      comparaison: '>=',
      ...prov(sc),
      texte: {
        fr: `Score composite de tension de ${nombre(sc.valeur, 'fr', 2)} ≥ ${nombre(tr.score_composite_minimum, 'fr', 2)} (moyenne des z-scores : ${detail('fr')})` + suffixe(sc, 'fr'),
        en: `Composite tension score of ${nombre(sc.valeur, 'en', 2)} ≥ ${nombre(tr.score_composite_minimum, 'en', 2)} (mean of z-scores: ${detail('en')})` + suffixe(sc, 'en'),
      },
    });
  }

  // ── En mutation: expert declaration only (ROME transition tags are signals, kept in `signaux`).
  if (decl?.en_mutation) {
    fire({
      famille: 'en-mutation',
      indicateur: 'declaration',
      valeur: true,
      comparaison: '=',
      texte: {
        fr: 'Déclaré en mutation dans le diagnostic (avis d’expert : le périmètre des compétences change fortement)',
        en: 'Declared en mutation in the diagnostic (expert judgement: the scope of competences changes a lot)',
      },
    });
  }

  // ── Stratégique: expert declaration, with the supporting evidence listed.
  if (decl?.strategique) {
    fire({
      famille: 'strategique',
      indicateur: 'declaration',
      valeur: true,
      comparaison: '=',
      texte: {
        fr: 'Déclaré stratégique dans le diagnostic (avis d’expert : pérennité des savoir-faire des entreprises)',
        en: 'Declared strategique in the diagnostic (expert judgement: durability of firms’ know-how)',
      },
    });
    const is = ind.indiceSpecificite;
    if (utilisable(is) && compare['>='](is.valeur, r.specificite.seuil)) {
      const fort = compare['>='](is.valeur, r.specificite.seuil_fort);
      fire({
        famille: 'strategique',
        indicateur: 'indice_specificite',
        valeur: is.valeur,
        seuil: r.specificite.seuil,
        comparaison: '>=',
        ...prov(is),
        texte: {
          fr: `Indice de spécificité de ${nombre(is.valeur, 'fr', 2)} ≥ ${nombre(r.specificite.seuil, 'fr', 2)} : métier ${fort ? 'fortement ' : ''}spécifique au territoire` + suffixe(is, 'fr'),
          en: `Specialisation index of ${nombre(is.valeur, 'en', 2)} ≥ ${nombre(r.specificite.seuil, 'en', 2)}: ${fort ? 'strongly ' : ''}specific to the territory` + suffixe(is, 'en'),
        },
      });
    }
    const p55 = ind.ages?.part55Plus;
    if (utilisable(p55)) {
      const ref = ind.ages?.part55PlusReference;
      const refTxt = (lang: Lang) =>
        utilisable(ref) ? (lang === 'fr' ? ` (référence : ${pourcent(ref.valeur, lang)})` : ` (reference: ${pourcent(ref.valeur, lang)})`) : '';
      fire({
        famille: 'strategique',
        indicateur: 'part_55_plus',
        valeur: p55.valeur,
        ...prov(p55),
        texte: {
          fr: `Part des 55 ans et plus de ${pourcent(p55.valeur, 'fr')}${refTxt('fr')} : savoir-faire à transmettre` + suffixe(p55, 'fr'),
          en: `Share of workers aged 55 and over of ${pourcent(p55.valeur, 'en')}${refTxt('en')}: know-how to pass on` + suffixe(p55, 'en'),
        },
      });
    }
  }

  // ── Fragile: en crise, or declining with an ageing pyramid. « Declining » is TCAM < 0 and, when
  // the reference's TCAM is known, below it: a métier that only follows its region's slow decline
  // is not singled out (METHODES.md §4 names automation risk here, which no open source measures
  // per ROME fiche; the age pyramid is the risk the data do show).
  if (familles.has('en-crise')) {
    fire({
      famille: 'fragile',
      indicateur: 'famille',
      valeur: 'en-crise',
      comparaison: '=',
      texte: { fr: 'En crise (voir la règle « en crise »)', en: 'En crise (see the "en crise" rule)' },
    });
  } else if (utilisable(t) && compare['<'](t.valeur, 0) && (!tRef || compare['<'](t.valeur, tRef.valeur)) && ind.ages) {
    const motif = lireVieillissement(ind.ages, r.vieillissement);
    if (motif) {
      const p = periode(t);
      fire({
        famille: 'fragile',
        indicateur: 'tcam',
        valeur: t.valeur,
        seuil: 0,
        comparaison: '<',
        ...prov(t),
        texte: {
          fr:
            `Emploi en baisse : TCAM ${p} de ${tauxAnnuel(t.valeur, 'fr')} < 0` +
            (tRef ? ` et inférieur au TCAM ${refFr} (${tauxAnnuel(tRef.valeur, 'fr')})` : '') +
            `, avec une pyramide des âges vieillissante` +
            suffixe(t, 'fr'),
          en:
            `Declining employment: CAGR ${p} of ${tauxAnnuel(t.valeur, 'en')} < 0` +
            (tRef ? ` and below the CAGR ${refEn} (${tauxAnnuel(tRef.valeur, 'en')})` : '') +
            `, with an ageing age pyramid` +
            suffixe(t, 'en'),
        },
      });
      fire(explicationVieillissement(ind.ages, motif, r, prov, suffixe));
    }
  }

  // ── Porteur: en croissance, or en tension, or upper quartile of postes à pourvoir per job.
  for (const f of ['en-croissance', 'en-tension'] as const) {
    if (familles.has(f)) {
      fire({
        famille: 'porteur',
        indicateur: 'famille',
        valeur: f,
        comparaison: '=',
        texte: { fr: `${f === 'en-croissance' ? 'En croissance' : 'En tension'} (voir la règle « ${f} »)`, en: `${f === 'en-croissance' ? 'En croissance' : 'En tension'} (see the "${f}" rule)` },
      });
    }
  }
  const pe = ind.postesAPourvoirParEmploi;
  if (r.porteur_quartile_postes && ctx.seuilPostes !== undefined && utilisable(pe) && compare['>='](pe.valeur, ctx.seuilPostes)) {
    const h = r.departs.horizon_annees;
    fire({
      famille: 'porteur',
      indicateur: 'postes_a_pourvoir_par_emploi',
      valeur: pe.valeur,
      seuil: ctx.seuilPostes,
      comparaison: '>=',
      ...prov(pe),
      texte: {
        fr:
          `Postes à pourvoir d’ici ${h} ans (créations nettes + départs en fin de carrière) : ${nombre(pe.valeur, 'fr', 2)} par emploi ≥ ${nombre(ctx.seuilPostes, 'fr', 2)}, ` +
          `quartile supérieur des métiers du territoire` +
          suffixe(pe, 'fr'),
        en:
          `Posts to fill within ${h} years (net creation + end-of-career departures): ${nombre(pe.valeur, 'en', 2)} per job ≥ ${nombre(ctx.seuilPostes, 'en', 2)}, ` +
          `upper quartile of the territory's métiers` +
          suffixe(pe, 'en'),
      },
    });
  }

  return { familles: ORDRE_FAMILLES.filter((f) => familles.has(f)), explications: ex };
}

function explicationVieillissement(
  ages: NonNullable<IndicateursMetier['ages']>,
  motif: 'part55' | 'renouvellement',
  r: ReglesDoc,
  prov: (m: Mesure) => Pick<Explication, 'source' | 'annee' | 'producteur' | 'anneeDebut' | 'approximatif'>,
  suffixe: (m: Mesure, lang: Lang) => string,
): Explication {
  if (motif === 'part55') {
    const p = ages.part55Plus;
    const ref = ages.part55PlusReference!;
    const seuil = ref.valeur! + r.vieillissement.ecart_part_55_points / 100;
    return {
      famille: 'fragile',
      indicateur: 'part_55_plus',
      valeur: p.valeur,
      seuil,
      comparaison: '>=',
      ...prov(p),
      texte: {
        fr: `Part des 55 ans et plus de ${pourcent(p.valeur!, 'fr')} ≥ ${pourcent(seuil, 'fr')} (référence ${pourcent(ref.valeur!, 'fr')} + ${points(r.vieillissement.ecart_part_55_points / 100, 'fr')}) : pyramide vieillissante` + suffixe(p, 'fr'),
        en: `Share of workers aged 55 and over of ${pourcent(p.valeur!, 'en')} ≥ ${pourcent(seuil, 'en')} (reference ${pourcent(ref.valeur!, 'en')} + ${points(r.vieillissement.ecart_part_55_points / 100, 'en')}): ageing pyramid` + suffixe(p, 'en'),
      },
    };
  }
  const ir = ages.indiceRenouvellement;
  const max = r.vieillissement.indice_renouvellement_max;
  return {
    famille: 'fragile',
    indicateur: 'indice_renouvellement',
    valeur: ir.valeur,
    seuil: max,
    comparaison: '<',
    ...prov(ir),
    texte: {
      fr: `Indice de renouvellement (moins de 30 ans / 50 ans et plus) de ${nombre(ir.valeur!, 'fr', 2)} < ${nombre(max, 'fr', 2)} : pyramide vieillissante` + suffixe(ir, 'fr'),
      en: `Renewal index (under 30 / 50 and over) of ${nombre(ir.valeur!, 'en', 2)} < ${nombre(max, 'en', 2)}: ageing pyramid` + suffixe(ir, 'en'),
    },
  };
}
