/**
 * French numbers: decimal comma, narrow no-break space (U+202F) between thousands and before
 * « % », minus sign U+2212; « point » below 2, « points » from 2 (as
 * written: 1,99 shown as « 2 » is « 2 points »).
 */
import { writeNumber, shownPoints, type NumberWords } from '../numbers.js';

const FINE = '\u202f';
const SEPARATEURS = { milliers: FINE, decimale: ',', moins: '\u2212' };

const nombre = (n: number, decimales = 1) => writeNumber(n, decimales, SEPARATEURS);
const pourcent = (part: number, decimales = 1) => nombre(part * 100, decimales) + FINE + '%';

export const nombres: NumberWords = {
  number: nombre,
  percent: pourcent,
  annualRate: (taux) => pourcent(taux) + '/an',
  points: (ecart) => `${nombre(ecart * 100)} ${shownPoints(ecart) >= 2 ? 'points' : 'point'}`,
};
