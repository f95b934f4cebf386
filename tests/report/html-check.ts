/** A small HTML tag scanner for the tests: which elements and attributes the markup really has. */

export interface Balise {
  nom: string;
  attributs: Array<{ nom: string; valeur: string | undefined }>;
}

/**
 * Every start tag outside <style> (whose CSS holds no `<`). Quoted attribute values are skipped as a
 * whole, so a `>` inside one cannot end the tag early; text is not tags, since data is escaped.
 */
export function balises(html: string): Balise[] {
  const sansStyle = html.replace(/<style>[\s\S]*?<\/style>/g, '<style></style>');
  const sortie: Balise[] = [];
  const re = /<([a-zA-Z][a-zA-Z0-9:-]*)((?:\s+[^\s=>"'/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*\/?>/g;
  for (const m of sansStyle.matchAll(re)) {
    const attributs = [...m[2]!.matchAll(/\s+([^\s=>"'/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g)].map((a) => ({
      nom: a[1]!.toLowerCase(),
      valeur: a[2] ?? a[3] ?? a[4],
    }));
    sortie.push({ nom: m[1]!.toLowerCase(), attributs });
  }
  return sortie;
}
