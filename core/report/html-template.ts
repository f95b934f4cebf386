/**
 * A tagged template that escapes every interpolated value unless it is already `Html`: labels
 * from data can only become markup by mistake if someone wraps them in `brut`, which only this
 * module's callers do for markup they built themselves (and Vega's SVG, which escapes its text).
 */
import { echapper } from './escape.js';

export class Html {
  constructor(readonly texte: string) {}
}

export type Morceau = Html | string | number | null | undefined | false | readonly Morceau[];

function rendre(v: Morceau): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof Html) return v.texte;
  if (Array.isArray(v)) return v.map(rendre).join('');
  return echapper(String(v));
}

export function h(chaines: TemplateStringsArray, ...valeurs: Morceau[]): Html {
  let sortie = chaines[0]!;
  valeurs.forEach((v, i) => {
    sortie += rendre(v) + chaines[i + 1]!;
  });
  return new Html(sortie);
}

/** Trusted markup, as is. */
export function brut(markup: string): Html {
  return new Html(markup);
}
