/**
 * `gtec check --format junit`: JUnit XML for CI test reports (GitLab `artifacts:reports:junit`,
 * Jenkins). One testsuite per diagnostic file holding one testcase (the file), with one <failure>
 * per error; warnings and infos go to the testcase's <system-out>. No timestamps (deterministic).
 */
import type { Lang } from '../../core/index.js';
import { problemLine, type FileReport } from '../report-problems.js';

export function formatJunit(reports: readonly FileReport[], lang: Lang): string {
  const echecs = reports.reduce((n, r) => n + r.errors, 0);
  const l: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="gtec check" tests="${reports.length}" failures="${echecs}" errors="0">`];
  for (const r of reports) {
    const erreurs = r.problems.filter((p) => p.severity === 'error');
    const autres = r.problems.filter((p) => p.severity !== 'error');
    l.push(`  <testsuite name="${attr(r.file)}" tests="1" failures="${erreurs.length}" errors="0" skipped="0">`);
    l.push(`    <testcase classname="gtec.check" name="${attr(r.file)}" file="${attr(r.file)}">`);
    for (const p of erreurs) l.push(`      <failure type="${attr(p.code)}" message="${attr(`${p.code} ${p.message}`)}">${texte(problemLine(p, lang))}</failure>`);
    if (autres.length) l.push(`      <system-out>${texte(autres.map((p) => problemLine(p, lang)).join('\n'))}</system-out>`);
    l.push('    </testcase>', '  </testsuite>');
  }
  l.push('</testsuites>');
  return l.join('\n') + '\n';
}

// XML 1.0 forbids most control characters even escaped: they are dropped.
function propre(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: they are the characters to drop.
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

function texte(s: string): string {
  return propre(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(s: string): string {
  return texte(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
