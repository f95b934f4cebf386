/**
 * The work of `GTEC : Nouveau diagnostic` / `GTEC: New diagnostic` (registered by
 * new-diagnostic.ts, built as its own bundle and loaded when the command runs): the path from an empty folder to a valid
 * diagnostic, with the same core code as `gtec init` (territories read from the BMO workbook,
 * forgiving match, `draftDiagnostic`, `placeDataFile`). Quick picks: the territory level, then the
 * bassin / département / région by name from the workbook (the `gtec.bmo.classeur` setting, or
 * picked with a file dialog), then optional data files (ROME 4.0 export, DARES Portrait folder,
 * tension file), then the
 * file name. Never replaces a file: the new file is created by a workspace edit that fails if the
 * name is taken.
 */
import { realpath } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  choisirFichiersDares,
  draftDiagnostic,
  emplacementsCorrespondance,
  initProblem,
  locales,
  matchTerritoire,
  nomLisible,
  nomTerritoire,
  placeDataFile,
  readPresetTension,
  readTerritoiresBmo,
  territoiresOf,
  type ChoixInit,
  type DaresInit,
  type Lang,
  type NiveauTerritoire,
  type Problem,
  type TerritoireBmo,
} from '../../../core/index.js';
import { resolveLang } from './settings.js';

const NIVEAUX: NiveauTerritoire[] = ['bassin', 'departement', 'region', 'france'];

export async function newDiagnostic(): Promise<void> {
  const config = vscode.workspace.getConfiguration('gtec');
  const lang = resolveLang(config.get<string>('langue'), vscode.env.language);
  const words = locales[lang].init;

  const folder = await pickFolder();
  if (!folder) return;

  const niveau = await vscode.window.showQuickPick(
    NIVEAUX.map((n) => ({ label: words.niveaux[n], niveau: n })),
    { title: vscode.l10n.t('New GTEC diagnostic'), placeHolder: vscode.l10n.t('Territory of the new diagnostic') },
  );
  if (!niveau) return;

  const bmo = await pickWorkbook(folder, config.get<string>('bmo.classeur', '').trim());
  if (!bmo) return;
  const bmoName = path.basename(bmo.fsPath);
  const lu = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading the BMO workbook {0}…', bmoName) }, async () =>
    readTerritoiresBmo(await vscode.workspace.fs.readFile(bmo), bmoName),
  );
  if (!lu.territoires) return showProblems(lu.problems, lang);

  let territoire: TerritoireBmo | undefined;
  if (niveau.niveau !== 'france') {
    territoire = await pickTerritoire(territoiresOf(lu.territoires, niveau.niveau), words.niveaux[niveau.niveau]);
    if (!territoire) return;
  }

  const extras = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('ROME 4.0 export folder'), detail: vscode.l10n.t('Analysis on ROME 4.0 occupations, with competence pathways'), donnee: 'rome' as const },
      { label: words.choixDares.titre, detail: words.choixDares.detail, donnee: 'dares' as const },
      { label: vscode.l10n.t('Tension file'), detail: vscode.l10n.t('France Travail by ROME v3 and employment area, or DARES by FAP 2009'), donnee: 'tension' as const },
    ],
    { title: vscode.l10n.t('New GTEC diagnostic'), placeHolder: vscode.l10n.t('Other data files (optional: press Enter to skip)'), canPickMany: true },
  );
  if (!extras) return;
  const rome = extras.some((e) => e.donnee === 'rome') ? await pickData(folder, true, vscode.l10n.t('ROME 4.0 export folder')) : undefined;
  const dares = extras.some((e) => e.donnee === 'dares') ? await pickData(folder, true, words.choixDares.titre) : undefined;
  const tension = extras.some((e) => e.donnee === 'tension') ? await pickData(folder, false, vscode.l10n.t('Tension file')) : undefined;

  const choixNom = { niveau: niveau.niveau, ...(territoire ? { territoire } : {}) };
  const name = await vscode.window.showInputBox({
    title: vscode.l10n.t('New GTEC diagnostic'),
    prompt: vscode.l10n.t('Name of the new diagnostic file, in {0}', vscode.workspace.asRelativePath(folder, true)),
    value: `${slug(nomTerritoire(choixNom))}.gtec.yaml`,
    validateInput: async (v) => {
      if (!/^[^/\\]+\.gtec\.ya?ml$/i.test(v.trim())) return vscode.l10n.t('A file name ending in .gtec.yaml');
      return (await exists(vscode.Uri.joinPath(folder, v.trim()))) ? vscode.l10n.t('{0} already exists: choose another name.', v.trim()) : undefined;
    },
  });
  if (!name) return;
  const target = vscode.Uri.joinPath(folder, name.trim());

  // Paths as the new file writes them: relative to its folder, else $donnees/… (gtec.donnees).
  const donneesSetting = config.get<string>('donnees', '').trim();
  const donnees = donneesSetting ? await real(path.isAbsolute(donneesSetting) ? vscode.Uri.file(donneesSetting) : vscode.Uri.joinPath(folder, donneesSetting)) : undefined;
  const dossier = await real(folder);
  const place = async (u: vscode.Uri) => placeDataFile({ fichier: await real(u), dossier, ...(donnees ? { donnees } : {}), ignoreCase: process.platform === 'win32' });
  const places = { bmo: await place(bmo), rome: rome ? await place(rome) : undefined, tension: tension ? await place(tension) : undefined };
  const refus = [places.bmo, places.rome, places.tension].flatMap((p) => p?.problems ?? []);
  if (refus.length) return showProblems(refus, lang);

  const avertissements: Problem[] = [];
  let daresChoix: DaresInit | undefined;
  if (dares) {
    const noms = (await vscode.workspace.fs.readDirectory(dares)).filter(([, t]) => (t & vscode.FileType.File) !== 0).map(([n]) => n);
    const choisis = choisirFichiersDares(noms, niveau.niveau, vscode.workspace.asRelativePath(dares));
    if (choisis.problems.length) return showProblems(choisis.problems, lang);
    daresChoix = {};
    for (const [k, nom] of Object.entries(choisis.fichiers) as Array<[keyof DaresInit, string]>) {
      const p = await place(vscode.Uri.joinPath(dares, nom));
      if (!p.chemin) return showProblems(p.problems, lang);
      daresChoix[k] = p.chemin;
    }
    // With ROME, the FAP 2009 → ROME v3 crosswalk, looked for beside the DARES folder (GTEC-W508 when absent).
    if (rome) {
      const cherches = emplacementsCorrespondance(await real(dares), donnees).map((p) => path.normalize(p));
      const trouve = await firstFile(cherches);
      if (!trouve) avertissements.push(initProblem('GTEC-W508', '', { cherches }));
      else {
        const p = await place(vscode.Uri.file(trouve));
        if (!p.chemin) return showProblems(p.problems, lang);
        daresChoix.correspondance = p.chemin;
      }
    }
  }

  let presetTension: ChoixInit['tension'];
  if (tension && places.tension?.chemin) {
    const t = await readPresetTension(await vscode.workspace.fs.readFile(tension), path.basename(tension.fsPath));
    if (!t.preset) return showProblems(t.problems, lang);
    presetTension = { chemin: places.tension.chemin, preset: t.preset };
  }

  const text = draftDiagnostic({
    ...choixNom,
    ...(lu.territoires.annee !== undefined ? { annee: lu.territoires.annee } : {}),
    bmo: places.bmo.chemin!,
    ...(places.rome?.chemin ? { rome: places.rome.chemin } : {}),
    ...(presetTension ? { tension: presetTension } : {}),
    ...(daresChoix ? { dares: daresChoix } : {}),
    ...(donneesSetting && [...Object.values(places).map((p) => p?.chemin), ...Object.values(daresChoix ?? {})].some((p) => p?.startsWith('$donnees')) ? { donnees: donneesSetting } : {}),
    fichier: name.trim(),
  });
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(target, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(text) });
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} already exists: choose another name.', name.trim()));
    return;
  }
  await vscode.window.showTextDocument(target);
  void vscode.window.showInformationMessage(vscode.l10n.t('Diagnostic created: {0}', vscode.workspace.asRelativePath(target)));
  for (const p of avertissements) void vscode.window.showWarningMessage(`${p.code} ${p.message[lang]}`);
}

/** The folder of the new file: the workspace's (picked when there are several), or a folder dialog. */
async function pickFolder(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return folders[0]!.uri;
  if (folders.length > 1) return (await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Folder of the new diagnostic') }))?.uri;
  const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: vscode.l10n.t('Folder of the new diagnostic') });
  return picked?.[0];
}

/** The workbook of the `gtec.bmo.classeur` setting when it exists, else a file dialog. */
async function pickWorkbook(folder: vscode.Uri, setting: string): Promise<vscode.Uri | undefined> {
  if (setting) {
    const u = path.isAbsolute(setting) ? vscode.Uri.file(setting) : vscode.Uri.joinPath(folder, setting);
    if (await exists(u)) return u;
  }
  const picked = await vscode.window.showOpenDialog({
    defaultUri: folder,
    canSelectMany: false,
    filters: { 'BMO (xlsx)': ['xlsx'] },
    title: vscode.l10n.t('BMO workbook of France Travail (Base_open_data_BMO_YYYY.xlsx)'),
  });
  return picked?.[0];
}

async function pickData(folder: vscode.Uri, dossier: boolean, title: string): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({ defaultUri: folder, canSelectFiles: !dossier, canSelectFolders: dossier, canSelectMany: false, title, ...(dossier ? {} : { filters: { CSV: ['csv'] } }) });
  return picked?.[0];
}

/** A quick pick of the workbook's territories, filtered forgivingly as the user types (`saint nazaire`, `st-nazaire`, `5225`). */
async function pickTerritoire(territoires: TerritoireBmo[], niveau: string): Promise<TerritoireBmo | undefined> {
  type Item = vscode.QuickPickItem & { territoire: TerritoireBmo };
  const item = (t: TerritoireBmo): Item => ({ label: nomLisible(t.nom), description: t.code, ...(t.region ? { detail: t.region.nom } : {}), territoire: t, alwaysShow: true });
  const all = territoires.map(item);
  const qp = vscode.window.createQuickPick<Item>();
  qp.title = niveau;
  qp.placeholder = vscode.l10n.t('Type a name or a code (accents, hyphens and "st" for "saint" do not matter)');
  qp.matchOnDescription = true;
  qp.items = all;
  qp.onDidChangeValue((v) => {
    if (!v.trim()) {
      qp.items = all;
      return;
    }
    const m = matchTerritoire(v, territoires);
    qp.items = (m.kind === 'unique' ? [m.territoire] : m.kind === 'plusieurs' ? m.candidats : m.suggestions).map(item);
  });
  return new Promise((resolve) => {
    qp.onDidAccept(() => {
      resolve(qp.selectedItems[0]?.territoire);
      qp.hide();
    });
    qp.onDidHide(() => {
      resolve(undefined);
      qp.dispose();
    });
    qp.show();
  });
}

function showProblems(problems: readonly Problem[], lang: Lang): void {
  const text = problems.map((p) => `${p.code} ${p.message[lang]}`).join('\n');
  void vscode.window.showErrorMessage(text || vscode.l10n.t('The BMO workbook could not be read.'), { modal: problems.length > 0 && text.length > 200 });
}

/** The first of these paths that is a file. */
async function firstFile(paths: readonly string[]): Promise<string | undefined> {
  for (const p of paths) {
    const t = await vscode.workspace.fs.stat(vscode.Uri.file(p)).then(
      (s) => s.type,
      () => undefined,
    );
    if (t !== undefined && (t & vscode.FileType.File) !== 0) return p;
  }
  return undefined;
}

async function exists(u: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(u);
    return true;
  } catch {
    return false;
  }
}

/** The real path (symlinks resolved) with `/` separators, as placeDataFile expects. */
async function real(u: vscode.Uri): Promise<string> {
  let p = u.fsPath;
  if (u.scheme === 'file') p = await realpath(p).catch(() => p);
  return p.split(path.sep).join('/');
}

/** A file name from a territory name: `Bassin BMO Saint Nazaire` → `bassin-bmo-saint-nazaire`. */
function slug(s: string): string {
  return (
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'diagnostic'
  );
}
