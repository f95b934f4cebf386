/** Language of the add-in: Office's display language when known (English for `en-*`), else French. */
export function langue(): 'fr' | 'en' {
  const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
  return office?.context?.displayLanguage?.toLowerCase().startsWith('en') ? 'en' : 'fr';
}
