// Lists the longest functions (in lines) of the TypeScript files under the given folders:
//   npx tsx scripts/largest-functions.ts core cli extension/src excel-addin/src   (TOP=30 for more)
import ts from 'typescript';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
const roots = process.argv.slice(2);
const files: string[] = [];
const walk = (d: string) => {
  for (const f of readdirSync(d)) {
    const p = path.join(d, f);
    if (f === 'node_modules' || f === 'dist') continue;
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.ts$/.test(f) && !f.endsWith('.d.ts')) files.push(p);
  }
};
roots.forEach(walk);
const out: Array<[number, string]> = [];
for (const f of files) {
  const src = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true);
  const visit = (n: ts.Node) => {
    if (ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n) || ((ts.isArrowFunction(n) || ts.isFunctionExpression(n)) && ts.isVariableDeclaration(n.parent))) {
      const named = (x: ts.Node) => (x as ts.Node & { name?: ts.Node }).name?.getText();
      const name = named(n) ?? named(n.parent) ?? '?';
      const a = src.getLineAndCharacterOfPosition(n.getStart()).line,
        b = src.getLineAndCharacterOfPosition(n.getEnd()).line;
      out.push([b - a + 1, `${f}:${a + 1} ${name}`]);
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
}
out.sort((x, y) => y[0] - x[0]);
for (const [n, s] of out.slice(0, Number(process.env.TOP ?? 15))) console.log(String(n).padStart(5), s);
