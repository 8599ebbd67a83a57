/**
 * Reads the webPreferences of every window the built main bundle creates and reports any that is
 * not locked down. Electronegativity cannot do this on our bundle: esbuild's CommonJS output calls
 * `new import_electron.BrowserWindow(...)`, and its window checks only match a bare `BrowserWindow`
 * identifier; nor does it follow `{ ...SECURE_WEB_PREFERENCES }`. This check follows both: spreads
 * and identifiers that resolve to object literals in the same file, later keys winning, as in JS.
 * Anything it cannot resolve to a literal is itself a problem: the gate fails closed.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';

/** Constructors that take webPreferences. */
const WINDOW_CONSTRUCTORS = new Set(['BrowserWindow', 'BrowserView', 'WebContentsView']);

type Literal = boolean | string | number | null;

/** A preference that must have exactly this value, written out (Electron's default is not enough). */
const REQUIRED_EXPLICIT: Record<string, Literal> = {
  contextIsolation: true,
  sandbox: true,
};

/** A preference that, if set at all, must have this value (the unset default is already safe). */
const REQUIRED_IF_SET: Record<string, Literal> = {
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  enableWebSQL: false,
};

/** Preferences that must not appear at all: they only ever loosen the renderer. */
const FORBIDDEN = ['enableBlinkFeatures', 'additionalArguments'];

const UNRESOLVED = Symbol('unresolved');
type Value = Literal | Map<string, Value> | typeof UNRESOLVED;

function literalOf(node: ts.Expression): Literal | typeof UNRESOLVED {
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (node.kind === ts.SyntaxKind.NullKeyword) return null;
  if (ts.isStringLiteralLike(node)) return node.text;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  // esbuild may print `!0` and `!1` for true and false when minifying.
  if (
    ts.isPrefixUnaryExpression(node) &&
    node.operator === ts.SyntaxKind.ExclamationToken &&
    ts.isNumericLiteral(node.operand)
  ) {
    return Number(node.operand.text) === 0;
  }
  return UNRESOLVED;
}

class BundleScope {
  private readonly objects = new Map<string, ts.Expression[]>();

  constructor(source: ts.SourceFile) {
    const visit = (node: ts.Node): void => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
        const list = this.objects.get(node.name.text) ?? [];
        list.push(node.initializer);
        this.objects.set(node.name.text, list);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }

  /** The one initializer of `name`; several (shadowed names) or none cannot be resolved safely. */
  initializerOf(name: string): ts.Expression | undefined {
    const list = this.objects.get(name);
    return list && list.length === 1 ? list[0] : undefined;
  }

  evaluate(node: ts.Expression, depth = 0): Value {
    if (depth > 20) return UNRESOLVED;
    while (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) {
      node = node.expression;
    }
    if (ts.isIdentifier(node)) {
      const init = this.initializerOf(node.text);
      return init ? this.evaluate(init, depth + 1) : UNRESOLVED;
    }
    if (ts.isObjectLiteralExpression(node)) {
      const result = new Map<string, Value>();
      for (const property of node.properties) {
        if (ts.isSpreadAssignment(property)) {
          const spread = this.evaluate(property.expression, depth + 1);
          if (!(spread instanceof Map)) return UNRESOLVED;
          for (const [key, value] of spread) result.set(key, value);
        } else if (
          ts.isPropertyAssignment(property) &&
          (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))
        ) {
          result.set(property.name.text, this.evaluate(property.initializer, depth + 1));
        } else if (ts.isShorthandPropertyAssignment(property)) {
          result.set(property.name.text, this.evaluate(property.name, depth + 1));
        } else {
          // A computed key could be any preference: the object cannot be read with certainty.
          return UNRESOLVED;
        }
      }
      return result;
    }
    return literalOf(node);
  }
}

function constructorName(node: ts.NewExpression): string | undefined {
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

function show(value: Value | undefined): string {
  if (value === undefined) return 'not set';
  if (value === UNRESOLVED) return 'not a literal the check can read';
  if (value instanceof Map) return 'an object';
  return JSON.stringify(value);
}

function checkPreferences(prefs: Map<string, Value>, where: string): string[] {
  const problems: string[] = [];
  for (const [key, wanted] of Object.entries(REQUIRED_EXPLICIT)) {
    if (prefs.get(key) !== wanted)
      problems.push(`${where}: webPreferences.${key} must be ${wanted}, is ${show(prefs.get(key))}`);
  }
  for (const [key, wanted] of Object.entries(REQUIRED_IF_SET)) {
    if (prefs.has(key) && prefs.get(key) !== wanted) {
      problems.push(`${where}: webPreferences.${key} must be ${wanted} or unset, is ${show(prefs.get(key))}`);
    }
  }
  for (const key of FORBIDDEN) {
    if (prefs.has(key)) problems.push(`${where}: webPreferences.${key} must not be set`);
  }
  return problems;
}

/** Checks the windows created in one JavaScript (or TypeScript) file; returns its problems. */
export function checkWebPreferencesInSource(
  text: string,
  fileName: string,
): { problems: string[]; windows: number } {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const scope = new BundleScope(source);
  const problems: string[] = [];
  let windows = 0;
  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node)) {
      const name = constructorName(node);
      if (name && WINDOW_CONSTRUCTORS.has(name)) {
        windows++;
        const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
        const where = `${path.basename(fileName)}:${line + 1}:${character + 1} new ${name}`;
        const options = node.arguments?.[0];
        const evaluated = options ? scope.evaluate(options) : new Map<string, Value>();
        if (!(evaluated instanceof Map)) {
          problems.push(`${where}: its options are not an object the check can read`);
        } else {
          const prefs = evaluated.get('webPreferences');
          if (prefs === undefined)
            problems.push(`${where}: no webPreferences (sandbox and contextIsolation must be explicit)`);
          else if (!(prefs instanceof Map)) problems.push(`${where}: webPreferences is ${show(prefs)}`);
          else problems.push(...checkPreferences(prefs, where));
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { problems, windows };
}

/**
 * Checks the built main process bundle. A bundle that creates no window at all is a problem too:
 * it means the check is looking at the wrong file or the window code moved out of its sight.
 */
export async function checkWebPreferences(mainBundle: string): Promise<string[]> {
  const text = await readFile(mainBundle, 'utf8');
  const { problems, windows } = checkWebPreferencesInSource(text, mainBundle);
  if (windows === 0)
    problems.push(`${path.basename(mainBundle)}: creates no BrowserWindow the check can see`);
  return problems;
}
