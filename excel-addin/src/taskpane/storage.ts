/**
 * Keeps the loaded referential across sessions in the add-in's IndexedDB (an official ROME export
 * is a few megabytes: more than OfficeRuntime.storage's 10 MB limit would allow comfortably, and
 * IndexedDB stores the plain object as is), and the public nomenclatures loaded beside it.
 */
import type { Nomenclatures, Referentiel } from '../../../core/index.js';

const BASE = 'gtec-excel';
const MAGASIN = 'referentiel';
const CLE = 'actif';

function ouvrir(): Promise<IDBDatabase> {
  return new Promise((ok, ko) => {
    const req = indexedDB.open(BASE, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(MAGASIN);
    req.onsuccess = () => ok(req.result);
    req.onerror = () => ko(req.error);
  });
}

async function transaction<T>(mode: IDBTransactionMode, f: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await ouvrir();
  try {
    return await new Promise<T>((ok, ko) => {
      const req = f(db.transaction(MAGASIN, mode).objectStore(MAGASIN));
      req.onsuccess = () => ok(req.result);
      req.onerror = () => ko(req.error);
    });
  } finally {
    db.close();
  }
}

export const readKeptReferentiel = (): Promise<Referentiel | undefined> => transaction('readonly', (s) => s.get(CLE) as IDBRequest<Referentiel | undefined>);
export const keepReferentiel = (r: Referentiel): Promise<IDBValidKey> => transaction('readwrite', (s) => s.put(r, CLE));
export const forgetReferentiel = (): Promise<undefined> => transaction('readwrite', (s) => s.delete(CLE) as IDBRequest<undefined>);

const CLE_NOMENCLATURES = 'nomenclatures';
export const readKeptNomenclatures = (): Promise<Nomenclatures | undefined> => transaction('readonly', (s) => s.get(CLE_NOMENCLATURES) as IDBRequest<Nomenclatures | undefined>);
export const keepNomenclatures = (n: Nomenclatures): Promise<IDBValidKey> => transaction('readwrite', (s) => s.put(n, CLE_NOMENCLATURES));
