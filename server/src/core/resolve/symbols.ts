// WitSymbols for declarations: what outline, hover, navigation and rename see.
import type { Range } from 'vscode-languageserver-types';
import type * as A from '../syntax/ast';
import type { SymbolKind, WitSymbol } from '../model';
import { printFuncType, printGates, printResourceFunc, printType, printTypeDef } from './printer';

export function makeSymbol(
  kind: SymbolKind,
  name: string,
  uri: string,
  nameRange: Range,
  range: Range,
  detail: string | (() => string),
  opts: { container?: WitSymbol; docs?: string; gates?: A.Gate[]; packageName?: string } = {},
): WitSymbol {
  const sym = new DeclaredSymbol(kind, name, uri, nameRange, range, detail, opts);
  opts.container?.children.push(sym);
  return sym;
}

/**
 * A class, not an object literal with a `detail` getter: V8 kept each such
 * literal in dictionary mode, an 830-byte property table per symbol — 39 MB of
 * a 50,000-line workspace's 100 MB heap. Every field is set in the constructor,
 * in one order, so all symbols share one shape.
 */
class DeclaredSymbol implements WitSymbol {
  readonly container: WitSymbol | undefined;
  readonly children: WitSymbol[] = [];
  readonly docs: string | undefined;
  readonly gates: string[];
  readonly deprecated: boolean;
  readonly packageName: string | undefined;
  resolvedType: string | undefined = undefined;
  // A detail given as a function is printed when first read: most symbols of a
  // big package are never hovered, and printing every signature at each
  // analysis was a tenth of opening a 5,000-line file.
  #print: (() => string) | undefined;
  #text: string;

  constructor(
    readonly kind: SymbolKind,
    readonly name: string,
    readonly uri: string,
    readonly nameRange: Range,
    readonly range: Range,
    detail: string | (() => string),
    opts: { container?: WitSymbol; docs?: string; gates?: A.Gate[]; packageName?: string },
  ) {
    const gates = opts.gates ?? [];
    this.container = opts.container;
    this.docs = opts.docs;
    this.gates = gates.length ? printGates(gates) : [];
    this.deprecated = gates.some((g) => g.kind === 'deprecated');
    this.packageName = opts.packageName ?? opts.container?.packageName;
    this.#print = typeof detail === 'function' ? detail : undefined;
    this.#text = typeof detail === 'string' ? detail : '';
  }

  get detail(): string {
    if (this.#print) {
      this.#text = this.#print();
      this.#print = undefined;
    }
    return this.#text;
  }
}

/** Symbols of a type definition and its fields, cases, flags and methods. */
export function typeDefSymbol(def: A.TypeDefAst, uri: string, container: WitSymbol | undefined, packageName: string): WitSymbol {
  const kind: SymbolKind = def.kind;
  const sym = makeSymbol(kind, def.name.name, uri, def.name.range, def.range, () => printTypeDef(def), {
    container,
    docs: def.docs,
    gates: def.gates,
    packageName,
  });
  if (def.kind === 'type') sym.resolvedType = printType(def.type);
  const child = (k: SymbolKind, c: A.NamedCase, detail: string | (() => string)) =>
    makeSymbol(k, c.name.name, uri, c.name.range, c.range, detail, { container: sym, docs: c.docs });
  switch (def.kind) {
    case 'record':
      for (const f of def.fields) child('field', f, () => `${f.name.raw}: ${printType(f.type)}`);
      break;
    case 'variant':
      for (const c of def.cases) child('case', c, () => (c.type ? `${c.name.raw}(${printType(c.type)})` : c.name.raw));
      break;
    case 'enum':
      for (const c of def.cases) child('case', c, c.name.raw);
      break;
    case 'flags':
      for (const c of def.flags) child('flag', c, c.name.raw);
      break;
    case 'resource':
      for (const f of def.funcs) {
        makeSymbol(f.kind, f.kind === 'constructor' ? 'constructor' : f.name.name, uri, f.name.range, f.range, () => printResourceFunc(f), {
          container: sym,
          docs: f.docs,
          gates: f.gates,
        });
      }
      break;
  }
  return sym;
}

export function funcSymbol(
  f: A.FuncAst | { name: A.Ident; type: A.FuncTypeAst; range: Range; docs?: string; gates: A.Gate[] },
  uri: string,
  container: WitSymbol | undefined,
  kind: SymbolKind = 'func',
): WitSymbol {
  const sym = makeSymbol(kind, f.name.name, uri, f.name.range, f.range, () => `${f.name.raw}: ${printFuncType(f.type)}`, {
    container,
    docs: f.docs,
    gates: f.gates,
  });
  for (const p of f.type.params) {
    makeSymbol(
      'param',
      p.name.name,
      uri,
      p.name.range,
      { start: p.name.range.start, end: p.type.range.end },
      () => `${p.name.raw}: ${printType(p.type)}`,
      { container: sym },
    );
  }
  return sym;
}
