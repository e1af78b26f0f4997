// The core module a world's component wraps: every import (functions lowered,
// resource intrinsics) and export (functions lifted, post-returns, destructors,
// memory and realloc) with its core signature, as wit-component expects them.
import type { InterfaceModel, WitSymbol, WorldItemModel, WorldModel } from '../model';
import { isExcluded } from '../resolve/gates';
import type { TypeIndex } from './typeIndex';
import type { CoreSignature, CoreType } from './flatten';
import {
  abiFunction,
  componentName,
  lifted,
  lowered,
  postReturnSignature,
  taskReturn,
  type AbiFunction,
  type NameOptions,
} from './functions';
import * as N from './names';

export type Crossing =
  /** Every function sync (wasm-tools' `--dummy`). */
  | 'sync'
  /** Every function async (wasm-tools 1.239's `--async-callback`/`--async-stackful`). */
  | 'async'
  /** Async functions async, the others sync: what bindings generators emit (and newer wasm-tools' async modes). */
  | 'natural';

export interface ModuleOptions extends NameOptions {
  scheme: N.NameScheme;
  crossing: Crossing;
  /** How async exports are lifted: with a callback (the default) or stackful. */
  lift?: 'callback' | 'stackful';
}

export type CoreItem =
  | { dir: 'import'; module: string; name: string; sig: CoreSignature; fn?: AbiFunction }
  | { dir: 'export'; name: string; sig?: CoreSignature; memory?: true; fn?: AbiFunction };

/** `(i32 i32) -> (i32)`, the way the judge compares signatures. */
export function printSignature(sig: CoreSignature): string {
  const list = (ts: CoreType[]) => `(${ts.join(' ')})`;
  return `${list(sig.params)} -> ${list(sig.results)}`;
}

export function printItem(i: CoreItem): string {
  if (i.dir === 'import') return `import ${JSON.stringify(i.module)} ${JSON.stringify(i.name)} ${printSignature(i.sig)}`;
  return `export ${JSON.stringify(i.name)} ${i.memory ? 'memory' : printSignature(i.sig!)}`;
}

const I32x1: CoreSignature = { params: ['i32'], results: [] };
const I32toI32: CoreSignature = { params: ['i32'], results: ['i32'] };

/** The functions of a world item: an interface's, with its resources' methods, or the item's own. */
export function itemFunctions(index: TypeIndex, item: WorldItemModel): AbiFunction[] {
  if (item.kind === 'interface' && item.interface) {
    return interfaceFunctions(index, item.interface)
      .map((s) => abiFunction(index, s))
      .filter((f): f is AbiFunction => !!f);
  }
  const f = item.kind === 'function' && item.symbol ? abiFunction(index, item.symbol) : undefined;
  if (!f) return [];
  f.worldName = item.key;
  return [f];
}

/** An interface's free functions, then each resource's constructor, methods and statics (wit-parser's order). */
export function interfaceFunctions(index: TypeIndex, iface: InterfaceModel): WitSymbol[] {
  const features = index.analysis.features ?? new Set<string>();
  const out: WitSymbol[] = [...iface.functions];
  for (const r of resourcesOf(iface)) {
    for (const c of r.children) {
      const decl = index.functionDecl(c);
      if (decl && !isExcluded(decl.gates, features)) out.push(c);
    }
  }
  return out;
}

const resourcesOf = (iface: InterfaceModel) => iface.types.filter((t) => t.kind === 'resource');

/** A world's own resources, by their names in it (not ones it `use`s from an interface: those are that interface's). */
function worldResources(world: WorldModel): string[] {
  return world.imports
    .filter((i) => i.kind === 'type' && i.symbol?.kind === 'resource' && i.symbol.container?.kind === 'world')
    .map((i) => i.key);
}

export function coreModule(index: TypeIndex, world: WorldModel, opts: ModuleOptions): CoreItem[] {
  const out: CoreItem[] = [];
  const { scheme } = opts;
  const asyncOf = (f: AbiFunction) => (opts.crossing === 'natural' ? f.async : opts.crossing === 'async');
  const stackful = opts.lift === 'stackful';
  for (const item of world.imports) {
    const key = item.kind === 'interface' ? item.key : undefined;
    for (const f of itemFunctions(index, item)) {
      if (f.unknown) continue;
      const name = componentName(f, opts);
      const a = asyncOf(f);
      const imp = N.functionImport(scheme, key, a ? N.asyncLowerName(name) : name);
      out.push({ dir: 'import', ...imp, sig: lowered(f, a ? 'async-lower' : 'lower'), fn: f });
    }
    if (item.kind === 'interface' && item.interface) {
      for (const r of resourcesOf(item.interface)) out.push({ dir: 'import', ...N.resourceDropImport(scheme, key, r.name), sig: I32x1 });
    }
  }
  for (const r of worldResources(world)) out.push({ dir: 'import', ...N.resourceDropImport(scheme, undefined, r), sig: I32x1 });

  for (const item of world.exports) {
    const key = item.kind === 'interface' ? item.key : undefined;
    for (const f of itemFunctions(index, item)) {
      if (f.unknown) continue;
      const name = componentName(f, opts);
      const exportName = N.functionExport(scheme, key, name);
      if (!asyncOf(f)) {
        out.push({ dir: 'export', name: exportName, sig: lifted(f, 'lift'), fn: f });
        out.push({ dir: 'export', name: N.postReturnExport(scheme, exportName), sig: postReturnSignature(f), fn: f });
        continue;
      }
      out.push({
        dir: 'export',
        name: N.asyncLiftName(exportName, stackful),
        sig: lifted(f, stackful ? 'async-lift-stackful' : 'async-lift'),
        fn: f,
      });
      if (!stackful)
        out.push({ dir: 'export', name: N.callbackName(exportName), sig: { params: ['i32', 'i32', 'i32'], results: ['i32'] }, fn: f });
      out.push({ dir: 'import', ...N.taskReturnImport(key, name), sig: taskReturn(f), fn: f });
    }
    if (item.kind === 'interface' && item.interface) {
      for (const r of resourcesOf(item.interface)) {
        for (const op of ['drop', 'new', 'rep'] as const) {
          out.push({ dir: 'import', ...N.exportedResourceImport(scheme, key, r.name, op), sig: op === 'drop' ? I32x1 : I32toI32 });
        }
        const dtor = N.destructorExport(scheme, key, r.name);
        // A module built for async exports has its destructors found under the async-lift name too (wasm-tools 1.239 and 1.263).
        out.push({ dir: 'export', name: opts.crossing === 'sync' ? dtor : N.asyncLiftName(dtor, stackful), sig: I32x1 });
      }
    }
  }
  const own = N.moduleExports(scheme);
  out.push({ dir: 'export', name: own.memory, memory: true });
  out.push({ dir: 'export', name: own.realloc, sig: { params: ['i32', 'i32', 'i32', 'i32'], results: ['i32'] } });
  out.push({ dir: 'export', name: own.initialize, sig: { params: [], results: [] } });
  return out;
}
