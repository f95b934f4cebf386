#!/usr/bin/env node
// Prépare l'exemple examples/reel-bassin : crée les liens symboliques (ignorés par git)
// examples/reel-bassin/donnees/{rome,bmo-officiel,bmo} vers les données réelles de ../shared/data.
// Les données publiques ne sont jamais copiées dans le dépôt ; un fichier de diagnostic ne peut
// pas sortir de son dossier (pas de « .. »), d'où ces liens. Sans dépendance. Usage :
//   node scripts/prepare-reel.mjs
import { existsSync, lstatSync, mkdirSync, readlinkSync, symlinkSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const racine = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const partage = path.resolve(racine, '../shared/data');
const donnees = path.join(racine, 'examples', 'reel-bassin', 'donnees');

const LIENS = {
  rome: 'rome-officiel/v460',
  'bmo-officiel': 'bmo-officiel',
  bmo: 'bmo',
};

if (!existsSync(partage)) {
  console.log(
    `Données réelles absentes : ${partage} n'existe pas.\n` +
      "L'exemple examples/reel-bassin ne peut pas être préparé ; les autres exemples fonctionnent sans ces données.\n" +
      'Pour le préparer, placez les fichiers publics (ROME 4.0, BMO) dans ce dossier (voir examples/reel-bassin/LISEZMOI.md).',
  );
  process.exit(0);
}

mkdirSync(donnees, { recursive: true });
let erreurs = 0;
for (const [nom, sousDossier] of Object.entries(LIENS)) {
  const cible = path.join(partage, sousDossier);
  const lien = path.join(donnees, nom);
  if (!existsSync(cible)) {
    console.log(`  ${nom} : dossier absent (${cible}), lien non créé.`);
    erreurs++;
    continue;
  }
  const relatif = path.relative(donnees, cible);
  const existant = lstatOu(lien);
  if (existant?.isSymbolicLink()) {
    if (path.resolve(donnees, readlinkSync(lien)) === cible) {
      console.log(`  ${nom} → ${relatif} (déjà en place)`);
      continue;
    }
    unlinkSync(lien);
  } else if (existant) {
    console.log(`  ${nom} : ${lien} existe et n'est pas un lien symbolique ; il est laissé tel quel.`);
    erreurs++;
    continue;
  }
  // Windows : une jonction ne demande pas de droits d'administrateur (chemin absolu requis).
  if (process.platform === 'win32') symlinkSync(cible, lien, 'junction');
  else symlinkSync(relatif, lien, 'dir');
  console.log(`  ${nom} → ${relatif}`);
}

console.log(erreurs === 0 ? 'Exemple réel prêt. Lancer par exemple :\n  gtec diagnostic examples/reel-bassin/bassin-bmo.gtec.yaml --sortie sortie/reel-bmo' : `Exemple réel partiellement préparé (${erreurs} lien(s) manquant(s)).`);

function lstatOu(p) {
  try {
    return lstatSync(p);
  } catch {
    return undefined;
  }
}
