import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * No error's English `.message` reaches the screen: UI code words every error from the message
 * catalog by its code (src/ui/error-text.ts, the one file that may read a message, for the console).
 * The source is parsed with TypeScript, so `.message` in a comment or a string is not counted.
 */
const ROOT = join(import.meta.dirname, '../../..');
const UI = join(ROOT, 'src/ui');
const ALLOWED = new Set(['src/ui/error-text.ts']);

function messageReads(source: string, fileName = 'probe.tsx'): number[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const lines: number[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isPropertyAccessExpression(node) || ts.isPropertyAccessChain(node)) && node.name.text === 'message') {
      lines.push(file.getLineAndCharacterOfPosition(node.name.getStart(file)).line + 1);
    } else if (
      ts.isElementAccessExpression(node) &&
      ts.isStringLiteral(node.argumentExpression) &&
      node.argumentExpression.text === 'message'
    ) {
      lines.push(file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1);
    } else if (ts.isBindingElement(node) && (node.propertyName ?? node.name).getText(file) === 'message') {
      lines.push(file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return lines;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe('no raw error message in the UI', () => {
  it('the detector finds property reads, optional chains, element reads and destructuring, not text', () => {
    expect(messageReads('setError(e instanceof Error ? e.message : String(e));')).toEqual([1]);
    expect(messageReads('const a = r?.error.message;\nconst b = x?.message;')).toEqual([1, 2]);
    expect(messageReads("const c = e['message'];")).toEqual([1]);
    expect(messageReads('const { message } = e;\nconst { message: m } = e;')).toEqual([1, 2]);
    expect(messageReads("// e.message\nconst s = 'e.message'; t('error.message');")).toEqual([]);
  });

  const files = sources(UI).map((f) => relative(ROOT, f));
  it('finds the UI sources', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it.each(files.filter((f) => !ALLOWED.has(f)).map((f) => [f]))('%s shows no error message as is', (file) => {
    const found = messageReads(readFileSync(join(ROOT, file), 'utf8'), file);
    expect(found.map((l) => `${file}:${l}`)).toEqual([]);
  });
});
