import type { SeverityWords } from '../severity.js';

export const severity: SeverityWords = {
  nom: { error: 'erreur', warning: 'avertissement', info: 'info' },
  titre: { error: 'Erreur', warning: 'Avertissement', info: 'Information' },
};
