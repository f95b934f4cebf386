/**
 * `gtec check --format github|sarif|junit` on the CLI fixtures (a clean file, files with format
 * and data errors). SARIF is validated against the SARIF 2.1.0 JSON schema (ajv, draft-04 schema),
 * JUnit against tests/fixtures/diff/junit.xsd with xmllint (Debian libxml2-utils) when installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, gtec, ROOT } from './helpers.js';

const CLI = path.join(ROOT, 'tests/fixtures/format/cli');
const SCHEMAS = path.join(ROOT, 'tests/fixtures/diff');
const xmllint = spawnSync('xmllint', ['--version']).status === 0;

beforeAll(() => buildCli(), 120_000);

describe('gtec check --format github', () => {
  it('one workflow command per problem, on the file and line', () => {
    const r = gtec(['check', '--format', 'github', 'erreurs'], CLI);
    expect(r.code).toBe(1);
    const lignes = r.out.trimEnd().split('\n');
    expect(lignes).toContain('::error file=erreurs/territoire.gtec.yaml,line=4,col=1,endLine=4,endColumn=5,title=GTEC-E012::clé inconnue « titr »: vouliez-vous dire « titre » ?');
    expect(lignes).toContain(
      '::warning file=erreurs/donnees.gtec.yaml,line=13,col=11,endLine=13,endColumn=14,title=GTEC-W106::La fiche action « fa1 » n’a aucun indicateur : son évaluation sera impossible. Ajoutez des identifiants d’indicateurs dans « indicateurs ».',
    );
    expect(lignes.every((l) => /^::(error|warning|notice) file=[^,]+(,[a-zA-Z]+=[^,]*)*::./.test(l))).toBe(true);
    expect(lignes.filter((l) => l.startsWith('::error')).length).toBe(4);
  });

  it('a clean file gives no annotation', () => {
    const r = gtec(['check', '--format', 'github', 'propre'], CLI);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
  });
});

describe('gtec check --format sarif', () => {
  const schema = JSON.parse(readFileSync(path.join(SCHEMAS, 'sarif-2.1.0-rtm.5.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const valider = ajv.compile(schema);

  it('valid SARIF 2.1.0: rules from the catalogues, results with physical locations', () => {
    const r = gtec(['check', '--format', 'sarif', 'erreurs'], CLI);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.out);
    const ok = valider(log);
    expect(valider.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('gtec');
    const e012 = run.tool.driver.rules.find((x: { id: string }) => x.id === 'GTEC-E012');
    expect(e012.help.text).toMatch(/docs\/erreurs\.md/);
    const res = run.results.find((x: { ruleId: string }) => x.ruleId === 'GTEC-E012');
    expect(res).toMatchObject({
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'erreurs/territoire.gtec.yaml' }, region: { startLine: 4, startColumn: 1, endLine: 4, endColumn: 5 } } }],
    });
    expect(run.tool.driver.rules[res.ruleIndex].id).toBe('GTEC-E012');
    // Data-file problems point at the data file.
    expect(run.results.some((x: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => x.locations[0]!.physicalLocation.artifactLocation.uri === 'erreurs/donnees/effectifs.csv')).toBe(true);
  });

  it('an invalid log is refused by the schema (the validation is real)', () => {
    const log = JSON.parse(gtec(['check', '--format', 'sarif', 'propre'], CLI).out);
    expect(valider(log)).toBe(true);
    log.runs[0].results.push({ ruleId: 'X', level: 'fatal', message: { text: 'x' } });
    expect(valider(log)).toBe(false);
  });
});

describe.skipIf(!xmllint)('gtec check --format junit', () => {
  if (!xmllint) console.warn('xmllint absent (apt-get install libxml2-utils) — validation JUnit ignorée');
  const valider = (xml: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gtec-junit-'));
    const f = path.join(dir, 'rapport.xml');
    writeFileSync(f, xml);
    const r = spawnSync('xmllint', ['--noout', '--schema', path.join(SCHEMAS, 'junit.xsd'), f], { encoding: 'utf8' });
    rmSync(dir, { recursive: true, force: true });
    return r;
  };

  it('one testsuite per file, one failure per error, valid against the schema', () => {
    const r = gtec(['check', '--format', 'junit', 'erreurs'], CLI);
    expect(r.code).toBe(1);
    const v = valider(r.out);
    expect(v.stderr).toContain('validates');
    expect(v.status).toBe(0);
    expect(r.out).toContain('<testsuites name="gtec check" tests="2" failures="4" errors="0">');
    expect(r.out).toContain('<testsuite name="erreurs/territoire.gtec.yaml" tests="1" failures="3" errors="0" skipped="0">');
    expect(r.out).toContain('<failure type="GTEC-E012" message="GTEC-E012 clé inconnue « titr »: vouliez-vous dire « titre » ?">erreurs/territoire.gtec.yaml:4:1: erreur GTEC-E012');
    expect(r.out).toMatch(/<system-out>erreurs\/donnees.gtec.yaml:13:11: avertissement GTEC-W106 /);
  });

  it('a document breaking the schema is refused (the validation is real)', () => {
    const r = gtec(['check', '--format', 'junit', 'propre'], CLI);
    expect(valider(r.out).status).toBe(0);
    expect(valider(r.out.replace('<testcase ', '<testcase bidon="1" ')).status).not.toBe(0);
  });
});
