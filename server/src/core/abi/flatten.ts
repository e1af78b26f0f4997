// Flattening (CanonicalABI.md, "Flattening"): component values to core wasm
// values, and a function type to the core signature `canon lift`/`canon lower`
// give it, with the spill to memory past the flat limits.
import type { AbiType } from './types';

export type CoreType = 'i32' | 'i64' | 'f32' | 'f64';

export const MAX_FLAT_PARAMS = 16;
export const MAX_FLAT_ASYNC_PARAMS = 4;
export const MAX_FLAT_RESULTS = 1;

export function flattenType(t: AbiType): CoreType[] {
  switch (t.kind) {
    case 'primitive':
      switch (t.name) {
        case 'u64':
        case 's64':
          return ['i64'];
        case 'f32':
          return ['f32'];
        case 'f64':
          return ['f64'];
        case 'string':
          return ['i32', 'i32'];
        default:
          return ['i32'];
      }
    case 'list': {
      if (t.length === undefined) return ['i32', 'i32'];
      const one = flattenType(t.element);
      return Array.from({ length: t.length }, () => one).flat();
    }
    case 'record':
      return t.fields.flatMap(flattenType);
    case 'variant': {
      const flat: CoreType[] = [];
      for (const c of t.cases) {
        if (!c) continue;
        flattenType(c).forEach((ft, i) => {
          flat[i] = i < flat.length ? join(flat[i], ft) : ft;
        });
      }
      // Every discriminant (u8, u16 or u32) flattens to one i32.
      return ['i32', ...flat];
    }
    case 'flags':
      return ['i32'];
    case 'own':
    case 'borrow':
    case 'future':
    case 'stream':
      return ['i32'];
    case 'unknown':
      return [];
  }
}

/** The tightest core type both can be bit-cast into. */
function join(a: CoreType, b: CoreType): CoreType {
  if (a === b) return a;
  if ((a === 'i32' && b === 'f32') || (a === 'f32' && b === 'i32')) return 'i32';
  return 'i64';
}

export interface CoreSignature {
  params: CoreType[];
  results: CoreType[];
}

/** How a function crosses the boundary: which side, and sync or async (with or without a callback). */
export type Lowering = 'lower' | 'async-lower';
export type Lifting = 'lift' | 'async-lift' | 'async-lift-stackful';

export interface FlatFunction {
  /** Each parameter's type (a method's `self` first). */
  params: AbiType[];
  result?: AbiType;
}

export interface Spill {
  /** Core values the parameters flatten to, and the limit they passed. */
  params?: { flat: number; limit: number };
  /** Core values the result flattens to, and the limit it passed. */
  results?: { flat: number; limit: number };
}

/** `flatten_functype` for one context; `spill` says which limits were passed. */
export function flattenFunction(f: FlatFunction, how: Lowering | Lifting): CoreSignature & { spill: Spill } {
  const flatParams = f.params.flatMap(flattenType);
  const flatResults = f.result ? flattenType(f.result) : [];
  const spill: Spill = {};
  let params = flatParams,
    results = flatResults;
  const paramLimit = how === 'async-lower' ? MAX_FLAT_ASYNC_PARAMS : MAX_FLAT_PARAMS;
  if (flatParams.length > paramLimit) {
    params = ['i32'];
    spill.params = { flat: flatParams.length, limit: paramLimit };
  }
  switch (how) {
    case 'lower':
    case 'lift':
      if (flatResults.length > MAX_FLAT_RESULTS) {
        spill.results = { flat: flatResults.length, limit: MAX_FLAT_RESULTS };
        // A lowered import writes its result where the caller points; a lifted export returns a pointer to it.
        if (how === 'lower') {
          params = [...params, 'i32'];
          results = [];
        } else results = ['i32'];
      }
      break;
    case 'async-lower':
      // The result always goes through memory; the core result is the subtask's status.
      if (flatResults.length > 0) {
        params = [...params, 'i32'];
        spill.results = { flat: flatResults.length, limit: 0 };
      }
      results = ['i32'];
      break;
    case 'async-lift':
      // The value is handed back with `task.return`; the core result is the callback's code.
      results = ['i32'];
      break;
    case 'async-lift-stackful':
      results = [];
      break;
  }
  return { params, results, spill };
}

/** `task.return` of an async export: the result as parameters, through memory past 16 values. */
export function taskReturnSignature(result: AbiType | undefined): CoreSignature {
  const flat = result ? flattenType(result) : [];
  return { params: flat.length > MAX_FLAT_PARAMS ? ['i32'] : flat, results: [] };
}
