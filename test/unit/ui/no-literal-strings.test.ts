import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every user-visible text of the UI comes from the message catalog (src/ui/i18n/en.ts): no .tsx
 * file under src/ui may hold English as JSX text or as a literal in an attribute a person reads or
 * hears. The source is parsed with TypeScript, so text inside `{…}` expressions (a `t('key')`
 * call, a class name, a data value) is never taken for JSX text.
 */
const ROOT = join(import.meta.dirname, '../../..');
const UI = join(ROOT, 'src/ui');

/** Texts that are not to be translated: the brand, and the file names of an Apple Health export. */
const ALLOWED = new Set(['Doppel', 'export.zip', 'export.xml']);
/** Attributes whose value is shown or read out. */
const VISIBLE_ATTRIBUTES = new Set([
  'aria-label',
  'aria-valuetext',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'title',
  'placeholder',
  'alt',
  'label',
]);

/** The English texts of a .tsx source, with their line numbers. */
function literalTexts(source: string, fileName = 'probe.tsx'): { line: number; text: string }[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: { line: number; text: string }[] = [];
  const report = (node: ts.Node, text: string): void => {
    const trimmed = text.replace(/\s+/g, ' ').trim();
    if (/[A-Za-z]/.test(trimmed) && !ALLOWED.has(trimmed)) {
      found.push({ line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1, text: trimmed });
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText(file)) && node.initializer) {
      const init = node.initializer;
      if (ts.isStringLiteral(init)) report(init, init.text);
      else if (
        ts.isJsxExpression(init) &&
        init.expression &&
        (ts.isStringLiteral(init.expression) || ts.isNoSubstitutionTemplateLiteral(init.expression))
      ) {
        report(init, init.expression.text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? tsxFiles(p) : e.name.endsWith('.tsx') ? [p] : [];
  });
}

describe('no literal English in the UI', () => {
  it('the detector finds JSX text and visible attributes, and ignores expressions, class names and the brand', () => {
    expect(literalTexts('export const A = () => <p>Hello</p>;')).toEqual([{ line: 1, text: 'Hello' }]);
    expect(literalTexts('const B = () => (\n  <div>\n    <span>{n}</span> items left\n  </div>\n);').map((f) => f.text)).toEqual([
      'items left',
    ]);
    expect(literalTexts('const C = () => <button aria-label="Zoom in" title={\'Close\'}>+</button>;').map((f) => f.text)).toEqual([
      'Zoom in',
      'Close',
    ]);
    expect(literalTexts('const D = () => <p className="muted small" data-testid="x-y">{t(\'a.b\')} {n} % – {\'…\'}</p>;')).toEqual([]);
    expect(literalTexts('const E = () => <a className="brand"><span>Doppel</span></a>;')).toEqual([]);
    expect(literalTexts("const F = <T,>(x: T): T => x; const G = () => <p>{F<string>('a')}</p>;")).toEqual([]);
  });

  const files = tsxFiles(UI);
  it('finds the UI sources', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.map((f) => [relative(ROOT, f)]))('%s has no English outside the message catalog', (file) => {
    const found = literalTexts(readFileSync(join(ROOT, file), 'utf8'), file);
    expect(found.map((f) => `${file}:${f.line}: ${f.text}`)).toEqual([]);
  });
});
