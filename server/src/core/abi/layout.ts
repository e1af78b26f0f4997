// Size and alignment in linear memory (CanonicalABI.md, "Alignment" and
// "Element Size"), for 32-bit memories: the only ones wasm-tools emits today.
import type { AbiType } from './types';

const PTR_SIZE = 4;

const PRIMITIVE_SIZE: Record<string, number> = {
  bool: 1,
  u8: 1,
  s8: 1,
  u16: 2,
  s16: 2,
  u32: 4,
  s32: 4,
  u64: 8,
  s64: 8,
  f32: 4,
  f64: 8,
  char: 4,
  string: 2 * PTR_SIZE,
  'error-context': 4,
};

export function alignment(t: AbiType): number {
  switch (t.kind) {
    case 'primitive':
      return t.name === 'string' ? PTR_SIZE : PRIMITIVE_SIZE[t.name];
    case 'list':
      return t.length !== undefined ? alignment(t.element) : PTR_SIZE;
    case 'record':
      return t.fields.reduce((a, f) => Math.max(a, alignment(f)), 1);
    case 'variant':
      return Math.max(discriminantSize(t.cases.length), maxCaseAlignment(t.cases));
    case 'flags':
      return flagsSize(t.count);
    case 'own':
    case 'borrow':
    case 'future':
    case 'stream':
      return 4;
    case 'unknown':
      return NaN;
  }
}

/** `elem_size`: the bytes a value takes as a list element (or a field). */
export function size(t: AbiType): number {
  switch (t.kind) {
    case 'primitive':
      return PRIMITIVE_SIZE[t.name];
    case 'list':
      return t.length !== undefined ? t.length * size(t.element) : 2 * PTR_SIZE;
    case 'record': {
      let s = 0;
      for (const f of t.fields) s = alignTo(s, alignment(f)) + size(f);
      return alignTo(s, alignment(t));
    }
    case 'variant': {
      let s = alignTo(discriminantSize(t.cases.length), maxCaseAlignment(t.cases));
      s += t.cases.reduce((m, c) => (c ? Math.max(m, size(c)) : m), 0);
      return alignTo(s, alignment(t));
    }
    case 'flags':
      return flagsSize(t.count);
    case 'own':
    case 'borrow':
    case 'future':
    case 'stream':
      return 4;
    case 'unknown':
      return NaN;
  }
}

/** The smallest unsigned integer that numbers the cases (u8, u16 or u32), in bytes. */
export function discriminantSize(cases: number): number {
  if (cases <= 1 << 8) return 1;
  if (cases <= 1 << 16) return 2;
  return 4;
}

function maxCaseAlignment(cases: ReadonlyArray<AbiType | undefined>): number {
  return cases.reduce((a, c) => (c ? Math.max(a, alignment(c)) : a), 1);
}

function flagsSize(n: number): number {
  if (n <= 8) return 1;
  if (n <= 16) return 2;
  return 4;
}

function alignTo(ptr: number, align: number): number {
  return Math.ceil(ptr / align) * align;
}
