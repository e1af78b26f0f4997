// The canonical ABI's view of a WIT type: despecialized (tuple, enum, option,
// result and map expanded as CanonicalABI.md's `despecialize` does), with every
// name followed to its definition. Layout and flattening work on this alone.

export type PrimitiveName =
  'bool' | 'u8' | 's8' | 'u16' | 's16' | 'u32' | 's32' | 'u64' | 's64' | 'f32' | 'f64' | 'char' | 'string' | 'error-context';

export type AbiType =
  | { kind: 'primitive'; name: PrimitiveName }
  | { kind: 'list'; element: AbiType; length?: number }
  | { kind: 'record'; fields: AbiType[] }
  /** `undefined` is a case without payload. */
  | { kind: 'variant'; cases: Array<AbiType | undefined> }
  | { kind: 'flags'; count: number }
  | { kind: 'own' | 'borrow'; resource: string }
  | { kind: 'future' | 'stream'; element?: AbiType }
  /**
   * A type the ABI cannot be computed for: a name that does not resolve, a type
   * from an encoded (.wasm) package, a cycle, a syntax error. Everything that
   * contains one has no ABI either.
   */
  | { kind: 'unknown'; why: string };

const PRIMITIVES = new Set<string>([
  'bool',
  'u8',
  's8',
  'u16',
  's16',
  'u32',
  's32',
  'u64',
  's64',
  'f32',
  'f64',
  'char',
  'string',
  'error-context',
]);

export function primitive(name: string): AbiType {
  return PRIMITIVES.has(name) ? { kind: 'primitive', name: name as PrimitiveName } : { kind: 'unknown', why: `unknown type \`${name}\`` };
}

export const tuple = (types: AbiType[]): AbiType => ({ kind: 'record', fields: types });
export const option = (t: AbiType): AbiType => ({ kind: 'variant', cases: [undefined, t] });
export const result = (ok: AbiType | undefined, err: AbiType | undefined): AbiType => ({ kind: 'variant', cases: [ok, err] });
export const enumeration = (n: number): AbiType => ({ kind: 'variant', cases: new Array<undefined>(n).fill(undefined) });
export const map = (key: AbiType, value: AbiType): AbiType => ({ kind: 'list', element: tuple([key, value]) });

/** The first unknown part of a type, if any (its reason explains why there is no ABI). */
export function unknownIn(t: AbiType | undefined): string | undefined {
  const stack: Array<AbiType | undefined> = [t];
  while (stack.length) {
    const u = stack.pop();
    if (!u) continue;
    switch (u.kind) {
      case 'unknown':
        return u.why;
      case 'list':
        stack.push(u.element);
        break;
      case 'record':
        stack.push(...u.fields);
        break;
      case 'variant':
        stack.push(...u.cases);
        break;
      // A future's or stream's payload lives behind its handle: it does not shape the ABI.
      default:
        break;
    }
  }
  return undefined;
}

/** What a value of the type holds beyond plain bits: memory it points into, handles it carries. */
export interface Ownership {
  /** Strings or lists: the value points into linear memory (realloc, post-return). */
  memory: boolean;
  /** own/borrow handles (resources), futures and streams: table indices, not data. */
  handles: boolean;
}

export function ownershipOf(types: ReadonlyArray<AbiType | undefined>): Ownership {
  const out: Ownership = { memory: false, handles: false };
  const stack = [...types];
  while (stack.length) {
    const u = stack.pop();
    if (!u) continue;
    switch (u.kind) {
      case 'primitive':
        if (u.name === 'string') out.memory = true;
        else if (u.name === 'error-context') out.handles = true;
        break;
      // A fixed-length list is stored inline, like a tuple: only a variable one points into memory.
      case 'list':
        if (u.length === undefined) out.memory = true;
        stack.push(u.element);
        break;
      case 'record':
        stack.push(...u.fields);
        break;
      case 'variant':
        stack.push(...u.cases);
        break;
      case 'own':
      case 'borrow':
      case 'future':
      case 'stream':
        out.handles = true;
        break;
      default:
        break;
    }
  }
  return out;
}
