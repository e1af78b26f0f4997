// A WIT function as the canonical ABI sees it: its name in the component
// (`[method]r.m` ...), its parameters with a method's `self` first, its result
// (a constructor's own handle), and the core signatures of each crossing.
import type { WitSymbol } from '../model';
import type { TypeIndex } from './typeIndex';
import { ownershipOf, unknownIn, type AbiType } from './types';
import { flattenFunction, taskReturnSignature, type CoreSignature, type Lifting, type Lowering, type Spill } from './flatten';

export interface AbiFunction {
  symbol: WitSymbol;
  /** The plain name (`m` of `[method]r.m`). */
  name: string;
  kind: 'func' | 'constructor' | 'method' | 'static';
  resource?: string;
  async: boolean;
  paramNames: string[];
  params: AbiType[];
  result?: AbiType;
  /** Why there is no ABI (a type that does not resolve ...), if there is none. */
  unknown?: string;
  /**
   * A world's own function goes by its name in the world (`f`, `[method]r.m`):
   * an `include ... with` renames it, and a renamed resource's methods with it.
   */
  worldName?: string;
}

export interface NameOptions {
  /**
   * wasm-tools 1.239 and older (wit-parser before the component model dropped
   * the annotation) named async functions `[async]f`, `[async method]r.m`,
   * `[async static]r.s`; newer ones use the plain names.
   */
  asyncAnnotation?: boolean;
}

export function abiFunction(index: TypeIndex, symbol: WitSymbol): AbiFunction | undefined {
  const decl = index.functionDecl(symbol);
  if (!decl) return undefined;
  const params = decl.type.params.map((p) => index.typeOf(symbol.uri, p.type));
  const paramNames = decl.type.params.map((p) => p.name.name);
  let result = decl.type.result && index.typeOf(symbol.uri, decl.type.result);
  if (decl.kind === 'method' && decl.resource) {
    params.unshift({ kind: 'borrow', resource: decl.resource });
    paramNames.unshift('self');
  }
  if (decl.kind === 'constructor' && decl.resource && !result) result = { kind: 'own', resource: decl.resource };
  const unknown = [...params, result].map(unknownIn).find((w) => w !== undefined);
  return {
    symbol,
    name: symbol.name,
    kind: decl.kind,
    resource: decl.resource,
    async: decl.type.async,
    paramNames,
    params,
    result,
    unknown,
  };
}

/** The function's name in the component type: what the core module names it after. */
export function componentName(f: AbiFunction, opts: NameOptions = {}): string {
  const a = f.async && opts.asyncAnnotation;
  if (f.worldName !== undefined) {
    if (!a) return f.worldName;
    return f.kind === 'func' ? `[async]${f.worldName}` : f.worldName.replace(/^\[(method|static)\]/, '[async $1]');
  }
  switch (f.kind) {
    case 'func':
      return a ? `[async]${f.name}` : f.name;
    case 'constructor':
      return `[constructor]${f.resource}`;
    case 'method':
      return `${a ? '[async method]' : '[method]'}${f.resource}.${f.name}`;
    case 'static':
      return `${a ? '[async static]' : '[static]'}${f.resource}.${f.name}`;
  }
}

export function lowered(f: AbiFunction, how: Lowering): CoreSignature & { spill: Spill } {
  return flattenFunction(f, how);
}

export function lifted(f: AbiFunction, how: Lifting): CoreSignature & { spill: Spill } {
  return flattenFunction(f, how);
}

/** How toolchains cross an async function (async) and a sync one (sync). */
export const naturalLowering = (f: AbiFunction): Lowering => (f.async ? 'async-lower' : 'lower');
export const naturalLifting = (f: AbiFunction): Lifting => (f.async ? 'async-lift' : 'lift');

export const postReturnSignature = (f: AbiFunction): CoreSignature => ({ params: flattenFunction(f, 'lift').results, results: [] });
export const taskReturn = (f: AbiFunction): CoreSignature => taskReturnSignature(f.result);

/** The canonical options each crossing needs (CanonicalABI.md, `canonopt` validation). */
export interface Options {
  memory: boolean;
  realloc: boolean;
  /** Only a sync lift has one; needed to free what the result points to. */
  postReturn: boolean;
}

export function importOptions(f: AbiFunction, how: Lowering): Options {
  const sig = flattenFunction(f, how);
  const params = ownershipOf(f.params),
    res = ownershipOf([f.result]);
  return {
    // The callee's results are lifted into the caller's memory, allocated with its realloc.
    realloc: res.memory,
    memory: params.memory || res.memory || !!sig.spill.params || !!sig.spill.results || how === 'async-lower',
    postReturn: false,
  };
}

export function exportOptions(f: AbiFunction, how: Lifting): Options {
  const sig = flattenFunction(f, how);
  const params = ownershipOf(f.params),
    res = ownershipOf([f.result]);
  return {
    // Arguments are lowered into the callee's memory: strings, lists and spilled parameters need its realloc.
    realloc: params.memory || !!sig.spill.params,
    memory: params.memory || res.memory || !!sig.spill.params || !!sig.spill.results,
    postReturn: how === 'lift' && res.memory,
  };
}
