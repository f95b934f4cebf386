/** English numbers: decimal point, comma between thousands, hyphen-minus; "point" for exactly 1 (as written). */
import { writeNumber, shownPoints, type NumberWords } from '../numbers.js';

const SEPARATEURS = { milliers: ',', decimale: '.', moins: '-' };

const nombre = (n: number, decimales = 1) => writeNumber(n, decimales, SEPARATEURS);
const pourcent = (part: number, decimales = 1) => nombre(part * 100, decimales) + '%';

export const nombres: NumberWords = {
  number: nombre,
  percent: pourcent,
  annualRate: (taux) => pourcent(taux) + '/yr',
  points: (ecart) => `${nombre(ecart * 100)} ${shownPoints(ecart) === 1 ? 'point' : 'points'}`,
};
