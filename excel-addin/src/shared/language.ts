/**
 * Language of the add-in, as the manifest's: French for a French Office (`fr-*`), English for every
 * other display language; French when Office gives none (the functions' sandbox, a test page).
 */
export function langue(): 'fr' | 'en' {
  const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
  const l = office?.context?.displayLanguage?.toLowerCase();
  return l === undefined || l === '' || l.startsWith('fr') ? 'fr' : 'en';
}
