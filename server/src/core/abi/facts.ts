// The canonical ABI of what is under the cursor: for a function, the core
// signatures of its import (`canon lower`) and export (`canon lift`), their
// core names and the options they need; for a type, its layout and flattening.
// `wit/canonicalAbi` answers this as it is; hover renders it.
import type { Position } from 'vscode-languageserver-types';
import type { Analysis, WitSymbol } from '../model';
import type { WitDocument } from '../document';
import { symbolAt } from '../features/symbolAt';
import { typeIndexOf, type TypeIndex } from './typeIndex';
import { ownershipOf, unknownIn } from './types';
import { alignment, size } from './layout';
import { flattenType, type CoreType, type Spill } from './flatten';
import {
  abiFunction,
  componentName,
  exportOptions,
  importOptions,
  lifted,
  lowered,
  naturalLifting,
  naturalLowering,
  postReturnSignature,
  type AbiFunction,
  type Options,
} from './functions';
import * as N from './names';

export interface CoreSignatureFacts {
  params: CoreType[];
  results: CoreType[];
}

export interface FunctionAbiFacts {
  kind: 'function';
  /** The name the core module imports it by (`[method]r.m`, `[async-lower]f` ...). */
  coreName: string;
  lower: CoreSignatureFacts;
  lift: CoreSignatureFacts;
  async: boolean;
  scheme: N.NameScheme;
  import: N.CoreImportName & { options: Options; spill: Spill };
  export: {
    name: string;
    options: Options;
    spill: Spill;
    postReturn?: { name: string } & CoreSignatureFacts;
    callback?: string;
    taskReturn?: N.CoreImportName;
  };
}

export interface TypeAbiFacts {
  kind: 'type';
  size: number;
  align: number;
  flat: CoreType[];
  /** Strings or lists inside: the value points into linear memory. */
  memory: boolean;
  /** Resource handles, futures or streams inside. */
  handles: boolean;
  /** For a resource: the core names of its intrinsics, imported (the host's) and exported (the component's own). */
  resource?: {
    drop: N.CoreImportName;
    exported: { drop: N.CoreImportName; new: N.CoreImportName; rep: N.CoreImportName; dtor: string };
  };
}

export type AbiFacts = FunctionAbiFacts | TypeAbiFacts;

export interface AbiOptions {
  scheme?: N.NameScheme;
}

// A world's own functions are `import`/`export` symbols.
const FUNCTION_KINDS = new Set(['func', 'constructor', 'method', 'static', 'import', 'export']);
const TYPE_KINDS = new Set(['type', 'record', 'variant', 'enum', 'flags', 'resource']);
/** Names with a type: hover on them shows the layout of their type. */
const MEMBER_KINDS = new Set(['field', 'case', 'param']);

export function abiFactsAt(analysis: Analysis, doc: WitDocument, pos: Position, opts: AbiOptions = {}): AbiFacts | null {
  const hit = symbolAt(analysis, doc, pos);
  return hit ? abiFactsOf(analysis, hit.symbol, opts) : null;
}

export function abiFactsOf(analysis: Analysis, s: WitSymbol, opts: AbiOptions = {}): AbiFacts | null {
  const index = typeIndexOf(analysis);
  if (FUNCTION_KINDS.has(s.kind)) {
    const f = abiFunction(index, s);
    return f && !f.unknown ? functionFacts(index, f, opts.scheme ?? 'legacy') : null;
  }
  const t = TYPE_KINDS.has(s.kind) ? index.typeOfSymbol(s) : MEMBER_KINDS.has(s.kind) ? index.typeOfMember(s) : undefined;
  if (t) {
    if (unknownIn(t)) return null;
    const own = ownershipOf([t]);
    const facts: TypeAbiFacts = {
      kind: 'type',
      size: size(t),
      align: alignment(t),
      flat: flattenType(t),
      memory: own.memory,
      handles: own.handles,
    };
    if (s.kind === 'resource') facts.resource = resourceNames(index, s, opts.scheme ?? 'legacy');
    return facts;
  }
  return null;
}

function resourceNames(index: TypeIndex, s: WitSymbol, scheme: N.NameScheme): TypeAbiFacts['resource'] {
  const key = ownerKey(index, s.container);
  return {
    drop: N.resourceDropImport(scheme, key, s.name),
    exported: {
      drop: N.exportedResourceImport(scheme, key, s.name, 'drop'),
      new: N.exportedResourceImport(scheme, key, s.name, 'new'),
      rep: N.exportedResourceImport(scheme, key, s.name, 'rep'),
      dtor: N.destructorExport(scheme, key, s.name),
    },
  };
}

/** The import or export key of an interface's items; undefined for a world's own. */
function ownerKey(index: TypeIndex, owner: WitSymbol | undefined): string | undefined {
  if (!owner || owner.kind === 'world') return undefined;
  for (const pkg of index.analysis.packages) {
    const iface = pkg.interfaces.find((i) => i.symbol === owner);
    if (iface) return iface.qualified;
  }
  // An inline interface (`import x: interface { ... }`) is keyed by its name in the world.
  return owner.name;
}

/** The import or export key a function's core names start from: its interface's, or none in a world. */
function keyOf(index: TypeIndex, f: AbiFunction): { key?: string } {
  let owner = f.symbol.container;
  if (owner?.kind === 'resource') owner = owner.container;
  return { key: ownerKey(index, owner) };
}

function functionFacts(index: TypeIndex, f: AbiFunction, wanted: N.NameScheme): FunctionAbiFacts {
  const { key } = keyOf(index, f);
  // standard32 names no async crossing yet (wasm-tools has none): async functions keep the legacy names.
  const scheme = f.async ? 'legacy' : wanted;
  const name = componentName(f);
  const lowering = naturalLowering(f),
    lifting = naturalLifting(f);
  const lower = lowered(f, lowering),
    lift = lifted(f, lifting);
  const coreName = f.async ? N.asyncLowerName(name) : name;
  const exportName = N.functionExport(scheme, key, name);
  const exp: FunctionAbiFacts['export'] = { name: exportName, options: exportOptions(f, lifting), spill: lift.spill };
  if (f.async) {
    exp.name = N.asyncLiftName(exportName, false);
    exp.callback = N.callbackName(exportName);
    exp.taskReturn = N.taskReturnImport(key, name);
  } else {
    exp.postReturn = { name: N.postReturnExport(scheme, exportName), ...postReturnSignature(f) };
  }
  return {
    kind: 'function',
    coreName,
    async: f.async,
    scheme,
    lower: { params: lower.params, results: lower.results },
    lift: { params: lift.params, results: lift.results },
    import: { ...N.functionImport(scheme, key, coreName), options: importOptions(f, lowering), spill: lower.spill },
    export: exp,
  };
}
