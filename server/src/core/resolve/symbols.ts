// WitSymbols for declarations: what outline, hover, navigation and rename see.
import type { Range } from 'vscode-languageserver-types';
import type * as A from '../syntax/ast';
import type { SymbolKind, WitSymbol } from '../model';
import { printFuncType, printGates, printResourceFunc, printType, printTypeDef } from './printer';
import { SourceRange } from '../document';

/**
 * Prints a symbol's detail from what it declares, when the detail is first read.
 * Always a function of the module, given its subject: a closure per symbol
 * (and its context) was 4 MB of a 50,000-line workspace.
 */
type Printer<T> = (subject: T) => string;

export function makeSymbol<T>(
  kind: SymbolKind,
  name: string,
  uri: string,
  nameRange: Range,
  range: Range,
  detail: string | Printer<T>,
  opts: { container?: WitSymbol; docs?: string; gates?: A.Gate[]; packageName?: string } = {},
  subject?: T,
): WitSymbol {
  const sym = new DeclaredSymbol(kind, name, uri, nameRange, range, detail as string | Printer<unknown>, opts, subject);
  if (opts.container instanceof DeclaredSymbol) opts.container.addChild(sym);
  else opts.container?.children.push(sym);
  return sym;
}

/** Shared by every symbol without children or gates (an empty array each was 3 MB at 50,000 lines). */
const NONE: never[] = [];
Object.freeze(NONE);

/**
 * A class, not an object literal with a `detail` getter: V8 kept each such
 * literal in dictionary mode, an 830-byte property table per symbol — 39 MB of
 * a 50,000-line workspace's 100 MB heap. Every field is set in the constructor,
 * in one order, so all symbols share one shape.
 */
class DeclaredSymbol implements WitSymbol {
  readonly container: WitSymbol | undefined;
  children: WitSymbol[] = NONE;
  readonly docs: string | undefined;
  readonly gates: string[];
  readonly deprecated: boolean;
  readonly packageName: string | undefined;
  resolvedType: string | undefined = undefined;
  // A detail given as a function is printed when first read: most symbols of a
  // big package are never hovered, and printing every signature at each
  // analysis was a tenth of opening a 5,000-line file.
  #print: Printer<unknown> | undefined;
  #subject: unknown;
  #text: string;

  constructor(
    readonly kind: SymbolKind,
    readonly name: string,
    readonly uri: string,
    readonly nameRange: Range,
    readonly range: Range,
    detail: string | Printer<unknown>,
    opts: { container?: WitSymbol; docs?: string; gates?: A.Gate[]; packageName?: string },
    subject: unknown,
  ) {
    const gates = opts.gates ?? [];
    this.container = opts.container;
    this.docs = opts.docs;
    this.gates = gates.length ? printGates(gates) : NONE;
    this.deprecated = gates.some((g) => g.kind === 'deprecated');
    this.packageName = opts.packageName ?? opts.container?.packageName;
    this.#print = typeof detail === 'function' ? detail : undefined;
    this.#subject = typeof detail === 'function' ? subject : undefined;
    this.#text = typeof detail === 'string' ? detail : '';
  }

  addChild(child: WitSymbol): void {
    if (this.children === NONE) this.children = [];
    this.children.push(child);
  }

  get detail(): string {
    if (this.#print) {
      this.#text = this.#print(this.#subject);
      this.#print = undefined;
      this.#subject = undefined;
    }
    return this.#text;
  }
}

const fieldDetail = (f: A.NamedCase & { type: A.TypeAst }): string => `${f.name.raw}: ${printType(f.type)}`;
const caseDetail = (c: A.NamedCase): string => (c.type ? `${c.name.raw}(${printType(c.type)})` : c.name.raw);
const funcDetail = (f: { name: A.Ident; type: A.FuncTypeAst }): string => `${f.name.raw}: ${printFuncType(f.type)}`;
const paramDetail = (p: A.ParamAst): string => `${p.name.raw}: ${printType(p.type)}`;

/** Symbols of a type definition and its fields, cases, flags and methods. */
export function typeDefSymbol(def: A.TypeDefAst, uri: string, container: WitSymbol | undefined, packageName: string): WitSymbol {
  const kind: SymbolKind = def.kind;
  const sym = makeSymbol(
    kind,
    def.name.name,
    uri,
    def.name.range,
    def.range,
    printTypeDef,
    { container, docs: def.docs, gates: def.gates, packageName },
    def,
  );
  if (def.kind === 'type') sym.resolvedType = printType(def.type);
  const child = <C extends A.NamedCase>(k: SymbolKind, c: C, detail: string | Printer<C>) =>
    makeSymbol(k, c.name.name, uri, c.name.range, c.range, detail, { container: sym, docs: c.docs }, c);
  switch (def.kind) {
    case 'record':
      for (const f of def.fields) child('field', f, fieldDetail);
      break;
    case 'variant':
      for (const c of def.cases) child('case', c, caseDetail);
      break;
    case 'enum':
      for (const c of def.cases) child('case', c, c.name.raw);
      break;
    case 'flags':
      for (const c of def.flags) child('flag', c, c.name.raw);
      break;
    case 'resource':
      for (const f of def.funcs) {
        makeSymbol(
          f.kind,
          f.kind === 'constructor' ? 'constructor' : f.name.name,
          uri,
          f.name.range,
          f.range,
          printResourceFunc,
          { container: sym, docs: f.docs, gates: f.gates },
          f,
        );
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
  const sym = makeSymbol(kind, f.name.name, uri, f.name.range, f.range, funcDetail, { container, docs: f.docs, gates: f.gates }, f);
  for (const p of f.type.params) {
    const start = p.name.range.start,
      end = p.type.range.end;
    const range = new SourceRange(start.line, start.character, end.line, end.character);
    makeSymbol('param', p.name.name, uri, p.name.range, range, paramDetail, { container: sym }, p);
  }
  return sym;
}
