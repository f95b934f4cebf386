/**
 * Web Worker of the task pane: reads the public nomenclature files (FAP 2009, FAP 2021, BMO
 * métiers and bassins, FAP 2009 → ROME v3; CSV or the official BMO workbook, a few MB) off the
 * pane's thread with the core's readers. Receives `{ fichiers }` (name → bytes), posts the result.
 */
import { readNomenclatureFiles, type Nomenclatures, type Problem } from '../../../core/index.js';

export interface MessageNomenclatures {
  nomenclatures: Nomenclatures;
  inconnus: string[];
  problemes: Problem[];
}

const moi = self as unknown as { onmessage: ((e: MessageEvent<{ fichiers: Record<string, Uint8Array> }>) => void) | null; postMessage(m: MessageNomenclatures): void };

moi.onmessage = async (e) => {
  const r = await readNomenclatureFiles(e.data.fichiers);
  moi.postMessage({ nomenclatures: r.nomenclatures, inconnus: r.inconnus, problemes: r.problems });
};
