/** Hover, completion, quick fixes, outline, navigation of the language service, on fixtures with a `|` cursor. */
import { describe, expect, test } from 'vitest';
import { createLanguageService } from '../../extension/src/service/language-service.js';
import { applyEdits, BASE, fixture, memoryWorkspace } from './fixtures.js';

const ls = createLanguageService({ workspace: memoryWorkspace({}).workspace, settings: { lang: 'fr' } });
const markdown = (h: Awaited<ReturnType<typeof ls.hover>>) => (h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '');

const ACTEURS = `acteurs:
  - id: mde
    nom: Maison de l'emploi
    type: maison-emploi
    roles: [pilotage]
  - id: opco2i
    nom: OPCO 2i
    type: opco
    roles: [financement]
`;

describe('hover', () => {
  test('on a key: the French description from the schema', async () => {
    const { doc, position } = fixture(BASE.replace('titre:', 'ti|tre:'));
    expect(markdown(await ls.hover(doc, position))).toContain('Titre du diagnostic.');
  });

  test('on an enum value: the field documentation and its values', async () => {
    const { doc, position } = fixture(BASE.replace('type: zone-emploi', 'type: zone-em|ploi'));
    const text = markdown(await ls.hover(doc, position));
    expect(text).toContain('Type de périmètre');
    expect(text).toContain('`bassin-bmo`');
  });

  test('on a métier code: label and appellations from the referential', async () => {
    const { doc, position } = fixture(`${BASE}metiers:\n  - code: H29|13\n`);
    const text = markdown(await ls.hover(doc, position));
    expect(text).toContain('**H2913 — Soudeur / Soudeuse**');
    expect(text).toContain('Braseur / Braseuse');
  });

  test('on a métier code, after a full run: its families and indicators', async () => {
    const csv = ['metier;zone;annee;effectif', 'H2913;9901;2019;100', 'H2913;9901;2024;150'].join('\n');
    const local = createLanguageService({ workspace: memoryWorkspace({ 'e.csv': csv }).workspace, settings: { lang: 'fr' } });
    const text = `${BASE}sources:\n  - id: e\n    type: effectifs\n    chemin: e.csv\nmetiers:\n  - code: H29|13\n    strategique: true\n`;
    const { doc, position } = fixture(text);
    await local.analyze(doc);
    const hovered = markdown(await local.hover(doc, position));
    expect(hovered).toContain('Familles');
    expect(hovered).toContain('Stratégique');
    // Employment at the end of the period: 150.
    expect(hovered).toContain('effectif 150');
  });

  test('on a métier code, in English: English labels, family names and colons', async () => {
    const csv = ['metier;zone;annee;effectif', 'H2913;9901;2019;100', 'H2913;9901;2024;150'].join('\n');
    const local = createLanguageService({ workspace: memoryWorkspace({ 'e.csv': csv }).workspace, settings: { lang: 'en' } });
    const text = `${BASE}sources:\n  - id: e\n    type: effectifs\n    chemin: e.csv\nmetiers:\n  - code: H29|13\n    strategique: true\n`;
    const { doc, position } = fixture(text);
    await local.analyze(doc);
    const hovered = markdown(await local.hover(doc, position));
    expect(hovered).toContain('Professional domain: H29');
    expect(hovered).toContain('Families: Growing, Strategic, Promising');
    expect(hovered).toContain('employment 150 · CAGR 0.084');
    expect(hovered).not.toMatch(/\S :/);
  });

  test('on an actor reference: the actor it designates', async () => {
    const { doc, position } = fixture(`${BASE}${ACTEURS}gouvernance:\n  porteur: m|de\n`);
    const text = markdown(await ls.hover(doc, position));
    expect(text).toContain('**mde**');
    expect(text).toContain("nom : Maison de l'emploi");
  });
});

describe('completion', () => {
  const labels = async (text: string) => {
    const { doc, position } = fixture(text);
    return (await ls.complete(doc, position)).items.map((i) => i.label);
  };

  test('keys of the mapping under the cursor, without those already there', async () => {
    const items = await labels(BASE.replace("  codes: ['9901']", "  codes: ['9901']\n  ref|"));
    expect(items).toContain('reference');
    expect(items).toContain('description');
    expect(items).not.toContain('nom');
  });

  test('top-level keys in a new line', async () => {
    const items = await labels(`${BASE}plan|`);
    expect(items).toContain('plan_action');
    expect(items).not.toContain('titre');
  });

  test('enum values after a key', async () => {
    expect(await labels(BASE.replace('type: zone-emploi', 'type: |'))).toEqual(expect.arrayContaining(['commune', 'epci', 'bassin-bmo', 'zone-emploi']));
  });

  test('"soudeur" proposes H2913 first, by label, replacing the typed word', async () => {
    const { doc, position } = fixture(`${BASE}metiers:\n  - code: soudeur|\n`);
    const list = await ls.complete(doc, position);
    expect(list.isIncomplete).toBe(true);
    expect(list.items[0]?.label).toBe('H2913');
    expect(list.items[0]?.detail).toBe('Soudeur / Soudeuse');
    // By appellation too: « Chaudronnier soudeur » (H2902).
    expect(list.items.map((i) => i.label)).toContain('H2902');
    const edit = list.items[0]!.textEdit as { newText: string; range: { start: { character: number } } };
    expect(edit.newText).toBe('H2913');
    expect(edit.range.start.character).toBe(10);
  });

  test('ROME search while typing a value of several words: spaces, hyphens, accents, any order; label on every row', async () => {
    for (const typed of ['aide soignant', 'soignant aide', 'aide-soig', 'AIDE SOIGNÂNT']) {
      const { doc, position } = fixture(`${BASE}metiers:\n  - code: ${typed}|\n`);
      const list = await ls.complete(doc, position);
      const first = list.items[0];
      expect({ typed, code: first?.label }).toEqual({ typed, code: 'J1501' });
      expect(first?.labelDetails?.description).toBe('Aide-soignant / Aide-soignante');
      // The whole value is replaced, and VS Code filters on what was typed.
      expect((first!.textEdit as { range: { start: { character: number } } }).range.start.character).toBe(10);
      expect(first?.filterText?.startsWith(typed)).toBe(true);
    }
  });

  test('a value deep in a long file: only its section is parsed, the place is the same', async () => {
    const filler = Array.from({ length: 200 }, (_, i) => `  - id: a${i}\n    nom: A${i}\n    type: opco\n    roles: [financement]`).join('\n');
    const text = `${BASE}acteurs:\n${filler}\nmetiers:\n  - code: H2913\n  - code: soud|\n# fin\nplan_action: []\n`;
    expect((await labels(text))[0]).toBe('H2913');
    expect(await labels(`${BASE}acteurs:\n${filler}\ngouvernance:\n  porteur: a1|\n`)).toContain('a199');
  });

  test('JSON documents: completion in a flow mapping', async () => {
    const { doc, position } = fixture('{"gtec": 1, "metiers": [{"code": "soud|"}]}', 'file:///ws/c.gtec.json');
    expect((await ls.complete(doc, position)).items[0]?.label).toBe('H2913');
  });

  test('métier codes in a fiche action list item', async () => {
    const text = `${BASE}plan_action:\n  - id: f1\n    titre: Former\n    objectifs: [x]\n    metiers:\n      - soud|\n`;
    expect((await labels(text))[0]).toBe('H2913');
  });

  test('actor ids where an actor is expected', async () => {
    expect(await labels(`${BASE}${ACTEURS}gouvernance:\n  porteur: |\n`)).toEqual(['mde', 'opco2i']);
  });
});

describe('quick fixes', () => {
  test('unknown key: replace by the suggestion, keeping the comment on the line', async () => {
    const { doc } = fixture(BASE.replace('titre:', 'titr:'));
    const diagnostics = (await ls.validate(doc)).diagnostics;
    const actions = await ls.codeActions(doc, diagnostics);
    const fix = actions.find((a) => a.title === 'Remplacer par « titre »');
    expect(fix?.isPreferred).toBe(true);
    const text = applyEdits(doc, fix!.edit!.changes![doc.uri]!);
    expect(text).toBe(BASE);
    expect((await ls.validate(fixture(text).doc)).errors).toBe(0);
  });

  test('missing required key: added to its mapping at its indentation, comments kept', async () => {
    const { doc } = fixture(BASE.replace('  nom: Bassin test\n', ''));
    const fix = (await ls.codeActions(doc, (await ls.validate(doc)).diagnostics)).find((a) => a.title === 'Ajouter la clé « nom »');
    const fixed = applyEdits(doc, fix!.edit!.changes![doc.uri]!);
    // Added after the last entry of `territoire`, the rest untouched (comments included).
    expect(fixed).toBe(BASE.replace('  nom: Bassin test\n', '').replace("  codes: ['9901']\n", "  codes: ['9901']\n  nom: Territoire à nommer\n"));
  });

  test('unknown métier code: one action per suggestion', async () => {
    const { doc } = fixture(`${BASE}metiers:\n  - code: H2193\n`);
    const actions = await ls.codeActions(doc, (await ls.validate(doc)).diagnostics);
    expect(actions.map((a) => a.title)).toContain('Remplacer par « H2913 »');
  });

  test('unknown key in a JSON document: the replacement keeps its quotes (`"titr"` → `"titre"`)', async () => {
    const json = '{\n  "gtec": 1,\n  "titr": "T",\n  "territoire": {"nom": "N", "type": "epci", "codes": ["9901"]},\n  "periode": {"debut": 2019, "fin": 2024}\n}\n';
    const { doc } = fixture(json, 'file:///ws/t.gtec.json');
    const fix = (await ls.codeActions(doc, (await ls.validate(doc)).diagnostics)).find((a) => a.title === 'Remplacer par « titre »');
    const fixed = applyEdits(doc, fix!.edit!.changes![doc.uri]!);
    expect(JSON.parse(fixed).titre).toBe('T');
    expect((await ls.validate(fixture(fixed, 'file:///ws/t2.gtec.json').doc)).errors).toBe(0);
  });

  test('YAML: a quoted value stays quoted, a value YAML would misread gets quotes', async () => {
    const { scalarText } = await import('../../extension/src/service/code-actions.js');
    expect(scalarText('titre', "'titr'")).toBe("'titre'");
    expect(scalarText('titre', 'titr')).toBe('titre');
    expect(scalarText('a: b', 'x')).toBe('"a: b"');
    expect(scalarText('2024', 'x')).toBe('"2024"');
  });

  test('missing key in a JSON document: added in JSON syntax', async () => {
    const json = '{"gtec": 1, "titre": "T", "territoire": {"type": "epci", "codes": ["9901"]}, "periode": {"debut": 2019, "fin": 2024}}';
    const { doc } = fixture(json, 'file:///ws/t.gtec.json');
    const fix = (await ls.codeActions(doc, (await ls.validate(doc)).diagnostics)).find((a) => a.title === 'Ajouter la clé « nom »');
    const fixed = applyEdits(doc, fix!.edit!.changes![doc.uri]!);
    expect(JSON.parse(fixed).territoire).toEqual({ type: 'epci', codes: ['9901'], nom: 'Territoire à nommer' });
  });
});

describe('quick fixes insert valid values, not placeholders that are errors (issue 12 point 12)', () => {
  const dated = createLanguageService({ workspace: memoryWorkspace({}).workspace, settings: { lang: 'fr' }, today: () => '2026-03-15' });
  const fixOf = async (text: string, key: string, uri?: string) => {
    const { doc } = fixture(text, uri);
    const fix = (await dated.codeActions(doc, (await dated.validate(doc)).diagnostics)).find((a) => a.title === `Ajouter la clé « ${key} »`);
    expect(fix, key).toBeDefined();
    return applyEdits(doc, fix!.edit!.changes![doc.uri]!);
  };
  const errors = async (text: string, uri?: string) => (await dated.validate(fixture(text, uri).doc)).errors;

  test('periode missing: the five years up to this year', async () => {
    const fixed = await fixOf(BASE.replace(/periode:\n.*\n.*\n/, ''), 'periode');
    expect(fixed).toContain('periode: { debut: 2021, fin: 2026 }');
    expect(await errors(fixed)).toBe(0);
  });

  test('debut missing: fin − 5; fin missing: debut + 5, at most this year', async () => {
    const noDebut = await fixOf(BASE.replace('  debut: 2019\n', ''), 'debut');
    expect(noDebut).toContain('debut: 2019');
    expect(await errors(noDebut)).toBe(0);
    const noFin = await fixOf(BASE.replace('  fin: 2024\n', ''), 'fin');
    expect(noFin).toContain('fin: 2024');
    expect(await errors(noFin)).toBe(0);
    const late = await fixOf(BASE.replace('  debut: 2019\n  fin: 2024\n', '  debut: 2024\n'), 'fin');
    expect(late).toContain('fin: 2026');
  });

  test('titre missing: a title from the territory name, in the message language', async () => {
    const fixed = await fixOf(BASE.replace(/titre:.*\n/, ''), 'titre');
    expect(fixed).toContain('titre: Diagnostic emplois-compétences — Bassin test');
    expect(await errors(fixed)).toBe(0);
    const en = createLanguageService({ workspace: memoryWorkspace({}).workspace, settings: { lang: 'en' } });
    const { doc } = fixture(BASE.replace(/titre:.*\n/, ''));
    const fix = (await en.codeActions(doc, (await en.validate(doc)).diagnostics)).find((a) => a.title.includes('titre'));
    expect(applyEdits(doc, fix!.edit!.changes![doc.uri]!)).toContain('titre: Jobs and skills diagnostic — Bassin test');
  });

  test('JSON: the added values are JSON and valid', async () => {
    const json = '{"gtec": 1, "territoire": {"nom": "N", "type": "epci", "codes": ["9901"]}}';
    const uri = 'file:///ws/t.gtec.json';
    const withTitre = await fixOf(json, 'titre', uri);
    const withPeriode = await fixOf(withTitre, 'periode', uri);
    expect(JSON.parse(withPeriode)).toMatchObject({ titre: 'Diagnostic emplois-compétences — N', periode: { debut: 2021, fin: 2026 } });
    expect(await errors(withPeriode, uri)).toBe(0);
  });
});

describe('quick fix: fiche action for a fragile métier (GTEC-W403 of the full run)', () => {
  const w403 = (line: number) => ({
    range: { start: { line, character: 0 }, end: { line, character: 1 } },
    code: 'GTEC-W403',
    source: 'gtec',
    message: 'fragile',
    data: { pointer: '/metiers/0', data: { code: 'H2913', libelle: 'Soudeur / Soudeuse' } },
  });

  test('appended to plan_action in its indentation, the file stays valid', async () => {
    const plan = `plan_action:\n    - id: f1   # première\n      titre: Former\n      objectifs: [x]\n`;
    const { doc } = fixture(`${BASE}metiers:\n  - code: H2913\n${plan}`);
    const fix = (await ls.codeActions(doc, [w403(11)])).find((a) => a.title === 'Créer une fiche action pour H2913')!;
    const fixed = applyEdits(doc, fix.edit!.changes![doc.uri]!);
    expect(fixed).toBe(`${BASE}metiers:\n  - code: H2913\n${plan}    - id: fiche-h2913\n      titre: "Sécuriser le métier Soudeur / Soudeuse"\n      objectifs: ["À préciser"]\n      metiers: [H2913]\n`);
    expect((await ls.validate(fixture(fixed).doc)).errors).toBe(0);
  });

  test('a plan_action section is created when there is none', async () => {
    const { doc } = fixture(`${BASE}metiers:\n  - code: H2913\n`);
    const fix = (await ls.codeActions(doc, [w403(11)]))[0]!;
    const fixed = applyEdits(doc, fix.edit!.changes![doc.uri]!);
    expect(fixed.endsWith('plan_action:\n  - id: fiche-h2913\n    titre: "Sécuriser le métier Soudeur / Soudeuse"\n    objectifs: ["À préciser"]\n    metiers: [H2913]\n')).toBe(true);
    expect((await ls.validate(fixture(fixed).doc)).errors).toBe(0);
  });
});

describe('outline and navigation', () => {
  test('document symbols: sections, entries named by id', () => {
    const { doc } = fixture(`${BASE}${ACTEURS}`);
    const symbols = ls.documentSymbols(doc);
    expect(symbols.map((s) => s.name)).toEqual(['gtec', 'titre', 'territoire', 'periode', 'acteurs']);
    const acteurs = symbols.find((s) => s.name === 'acteurs')!;
    expect(acteurs.children?.map((c) => [c.name, c.detail])).toEqual([
      ['mde', "Maison de l'emploi"],
      ['opco2i', 'OPCO 2i'],
    ]);
  });

  test('go to definition of an actor reference, and its references', async () => {
    const text = `${BASE}${ACTEURS}gouvernance:\n  porteur: m|de\n  comites:\n    - id: copil\n      type: pilotage\n      membres: [mde, opco2i]\n`;
    const { doc, position } = fixture(text);
    const def = await ls.definition(doc, position);
    // `  - id: mde` is line 12 (index 11), value at column 8.
    expect(def?.range.start).toEqual({ line: 11, character: 8 });
    const refs = await ls.references(doc, position, true);
    // Declaration (index 11), `porteur: mde` (20), `membres: [mde, …]` (24).
    expect(refs.map((r) => r.range.start.line)).toEqual([11, 20, 24]);
  });

  test('F12 from a métier code inside plan_action to its declaration in metiers; its references', async () => {
    const text = `${BASE}metiers:\n  - code: H2402\n  - code: H2913\nplan_action:\n  - id: f1\n    titre: Former\n    objectifs: [x]\n    metiers: [H2402, H29|13]\n  - id: f2\n    titre: Recruter\n    objectifs: [y]\n    metiers:\n      - H2913\n`;
    const { doc, position } = fixture(text);
    // `  - code: H2913` is line 13 (index 12), value at column 10.
    expect((await ls.definition(doc, position))?.range.start).toEqual({ line: 12, character: 10 });
    expect((await ls.references(doc, position, true)).map((r) => r.range.start.line)).toEqual([12, 17, 22]);
  });

  test('Rename Symbol: an actor id, its declaration and every reference; nothing to rename on a plain value', async () => {
    const text = `${BASE}${ACTEURS}gouvernance:\n  porteur: m|de\n  comites:\n    - id: copil\n      type: pilotage\n      membres: ["mde", opco2i]\n`;
    const { doc, position } = fixture(text);
    expect(await ls.prepareRename(doc, position)).toEqual({ start: { line: 20, character: 11 }, end: { line: 20, character: 14 } });
    const edit = await ls.rename(doc, position, 'maison-emploi');
    const renamed = applyEdits(doc, edit!.changes![doc.uri]!);
    expect(renamed).toContain('  - id: maison-emploi\n');
    expect(renamed).toContain('  porteur: maison-emploi\n');
    expect(renamed).toContain('membres: ["maison-emploi", opco2i]');
    expect((await ls.validate(fixture(renamed).doc)).errors).toBe(0);
    const plain = fixture(BASE.replace('Bassin test\n', 'Bassin| test\n'));
    expect(await ls.prepareRename(plain.doc, plain.position)).toBeNull();
  });

  test('code lens above each métier: its families after a full run, and its references', async () => {
    const csv = ['metier;zone;annee;effectif', 'H2913;9901;2019;100', 'H2913;9901;2024;150'].join('\n');
    const local = createLanguageService({ workspace: memoryWorkspace({ 'e.csv': csv }).workspace, settings: { lang: 'fr' } });
    const text = `${BASE}sources:\n  - id: e\n    type: effectifs\n    chemin: e.csv\nmetiers:\n  - code: H2913\n    strategique: true\nplan_action:\n  - id: f1\n    titre: Former\n    objectifs: [x]\n    metiers: [H2913]\n`;
    const { doc } = fixture(text);
    await local.analyze(doc);
    const lenses = await local.codeLenses(doc);
    expect(lenses).toHaveLength(1);
    expect(lenses[0]!.range.start.line).toBe(15);
    expect(lenses[0]!.command?.title).toMatch(/^Familles : .*Stratégique.* · 1 référence\(s\) dans ce fichier$/);
  });

  test('code lens "voir les passerelles" above a métier the last run found passerelles from', async () => {
    const { passerellesParSource } = await import('../../extension/src/service/language-service.js');
    const local = createLanguageService({ workspace: memoryWorkspace({}).workspace, settings: { lang: 'fr' } });
    const { doc } = fixture(`${BASE}metiers:\n  - code: H2913\n  - code: H2912\n`);
    expect((await local.codeLenses(doc)).map((l) => l.command?.title)).toEqual(['0 référence(s) dans ce fichier', '0 référence(s) dans ce fichier']);
    const counts = passerellesParSource([{ source: 'H2913' }, { source: 'H2913' }, { source: 'K2110' }]);
    expect(counts).toEqual({ H2913: 2, K2110: 1 });
    local.noteDiagnosed(doc.uri, [], counts);
    const lenses = await local.codeLenses(doc);
    const voir = lenses.filter((l) => l.command?.command === 'gtec.passerelles.voir');
    expect(voir).toHaveLength(1);
    expect(voir[0]!.command).toMatchObject({ title: 'Voir les passerelles (2)', arguments: [doc.uri, 'H2913'] });
    expect(voir[0]!.range.start.line).toBe(11);
  });

  test('go to a data file from its path', async () => {
    const { doc, position } = fixture(`${BASE}sources:\n  - id: e\n    type: effectifs\n    chemin: data/em|ploi.csv\n`);
    expect((await ls.definition(doc, position))?.uri).toBe('file:///ws/data/emploi.csv');
  });
});
