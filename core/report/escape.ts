/** HTML escaping for text content and double-quoted attribute values: every label from data goes through it. */
const ENTITES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function echapper(texte: string): string {
  return texte.replace(/[&<>"']/g, (c) => ENTITES[c]!);
}
