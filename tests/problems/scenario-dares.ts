/**
 * A region on the DARES Portrait files in small (tests/fixtures/dares/): regional employment 2017,
 * the national wide series (national scope, I431), national ages by FAP 225 brought up to the
 * FAP 87 families (I430), the analysis in FAP 2009. Shared by the producers and tests/analysis.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runDiagnostic } from '../../core/analysis/run-diagnostic.js';
import { memoryHost } from '../../core/host.js';

const fixture = (name: string) => new Uint8Array(readFileSync(path.join(__dirname, '../fixtures/dares', name)));

export const DARES_YAML = `
gtec: 1
titre: Région sur les fichiers DARES
territoire: { nom: Pays de la Loire, type: region, codes: ['52'], reference: { nom: France, type: france } }
periode: { debut: 2013, fin: 2017 }
nomenclature: fap2009
sources:
  - { id: region, type: effectifs, chemin: d/input_carte1.csv, preset: dares-emploi-region, nomenclature: fap2009, niveau: fap87 }
  - { id: national, type: effectifs, chemin: d/effectifs_3niv.csv, preset: dares-emploi-national, nomenclature: fap2009, niveau: fap87, portee: nationale }
  - { id: ages, type: ages, chemin: d/age_fap225.csv, preset: dares-ages-fap225, nomenclature: fap2009, niveau: fap87, portee: nationale }
`;

export const daresHost = () => memoryHost(Object.fromEntries(['input_carte1.csv', 'effectifs_3niv.csv', 'age_fap225.csv'].map((f) => [`d/${f}`, fixture(f)])));

let run: ReturnType<typeof runDiagnostic> | undefined;
export const daresRun = () => (run ??= runDiagnostic(DARES_YAML, { fileName: 'dares.gtec.yaml', host: daresHost() }));
export const daresProblems = async () => (await daresRun()).problems;
