/**
 * The words of creating a new diagnostic (`gtec init`, VS Code « Nouveau diagnostic »): territory
 * levels, help texts, questions asked on a terminal, usage failures and the closing lines.
 */
import type { NiveauTerritoire } from '../init/territoires.js';

export interface InitWords {
  /** A territory level as a choice: « Bassin BMO », « France entière ». */
  niveaux: Record<NiveauTerritoire, string>;
  aide: {
    init: string;
    fichier: string;
    bassin: string;
    departement: string;
    region: string;
    france: string;
    bmo: string;
    rome: string;
    tension: string;
    dares: string;
    donnees: string;
  };
  /** Terminal questions; `choix` lists the numbered levels. */
  questionNiveau(choix: string): string;
  questionTerritoire(niveau: string): string;
  questionFichier: string;
  questionBmo: string;
  questionRome: string;
  questionTension: string;
  questionDares: string;
  /** The DARES folder as an optional data choice (VS Code). */
  choixDares: { titre: string; detail: string };
  /** After a numbered list of candidates. */
  questionNumero: string;
  /** Not on a terminal, or two levels given. */
  niveauManquant: string;
  plusieursNiveaux(options: string): string;
  fichierManquant: string;
  /** The file to create must be named *.gtec.yaml (what check and the editor recognise). */
  fichierNom(fichier: string): string;
  bmoManquant: string;
  /** The workbook takes seconds to read. */
  lectureClasseur(fichier: string): string;
  ecrit(fichier: string): string;
  /** The commands to run next. */
  ensuite(check: string, diagnostic: string): string;
  abandon: string;
  /** The format's snippets (core/init/snippets.ts): their names, descriptions and example texts. */
  snippets: Record<'diagnostic' | 'source' | 'metier' | 'fiche-action' | 'indicateur', { label: string; description: string }> & {
    exemples: { titre: string; territoire: string; chemin: string; note: string; fiche: string; objectif: string; indicateur: string; unite: string };
  };
}
