import type { SeverityWords } from '../severity.js';

export const severity: SeverityWords = {
  nom: { error: 'error', warning: 'warning', info: 'info' },
  titre: { error: 'Error', warning: 'Warning', info: 'Information' },
};
