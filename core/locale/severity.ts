/** Names of the problem severities, defined once per language. */
import type { Severity } from '../problems.js';

export interface SeverityWords {
  /** In running text and in CLI lines: « erreur », "error". */
  nom: Record<Severity, string>;
  /** As a title or a table cell: « Erreur », "Error". */
  titre: Record<Severity, string>;
}
