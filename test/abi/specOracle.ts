// The canonical ABI's own definitions as the judge of layout and flattening:
// the Python functions of ../shared/reference/CanonicalABI.md (`alignment`,
// `elem_size`, `flatten_type` and what they call), cut out of the document
// and run by python3 on our types. Only the type classes are ours (the spec
// keeps them in definitions.py, beside the document): plain dataclasses.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { sharedRoot } from '../core/helpers';
import type { AbiType } from '../../server/src/core/abi/types';

const SPEC = path.join(sharedRoot, 'reference', 'CanonicalABI.md');

/** The spec's functions the oracle needs, by name. */
const NEEDED = [
  'ptr_size',
  'despecialize',
  'alignment',
  'alignment_list',
  'alignment_record',
  'alignment_variant',
  'discriminant_type',
  'max_case_alignment',
  'alignment_flags',
  'elem_size',
  'elem_size_list',
  'elem_size_record',
  'align_to',
  'elem_size_variant',
  'elem_size_flags',
  'flatten_type',
  'flatten_list',
  'flatten_record',
  'flatten_variant',
  'join',
];

/** Each top-level `def NAME` of the document's ```python blocks, as written there. */
export function specFunctions(): Map<string, string> {
  const md = fs.readFileSync(SPEC, 'utf8');
  const out = new Map<string, string>();
  for (const block of md.matchAll(/```python\n([\s\S]*?)```/g)) {
    const lines = block[1].split('\n');
    for (let i = 0; i < lines.length; i++) {
      const m = /^def (\w+)\(/.exec(lines[i]);
      if (!m) continue;
      let j = i + 1;
      while (j < lines.length && (lines[j] === '' || /^\s/.test(lines[j]))) j++;
      if (!out.has(m[1])) out.set(m[1], lines.slice(i, j).join('\n'));
    }
  }
  return out;
}

const CLASSES = `
import json, math, sys
from dataclasses import dataclass
from typing import Optional

class ValType: pass
class PrimValType(ValType): pass
for n in ['Bool','S8','U8','S16','U16','S32','U32','S64','U64','F32','F64','Char','String','ErrorContext']:
  globals()[n + 'Type'] = type(n + 'Type', (PrimValType,), {'__match_args__': ()})
@dataclass
class ListType(ValType):
  t: ValType
  l: Optional[int] = None
@dataclass
class FieldType:
  label: str
  t: ValType
@dataclass
class RecordType(ValType):
  fields: list
@dataclass
class CaseType:
  label: str
  t: Optional[ValType]
@dataclass
class VariantType(ValType):
  cases: list
@dataclass
class FlagsType(ValType):
  labels: list
@dataclass
class OwnType(ValType):
  rt: str
@dataclass
class BorrowType(ValType):
  rt: str
@dataclass
class StreamType(ValType):
  t: Optional[ValType]
@dataclass
class FutureType(ValType):
  t: Optional[ValType]
# Specialized types the document's despecialize matches on; ours arrive despecialized.
class TupleType(ValType): __match_args__ = ('ts',)
class EnumType(ValType): __match_args__ = ('labels',)
class OptionType(ValType): __match_args__ = ('t',)
class ResultType(ValType): __match_args__ = ('ok', 'error')
class MapType(ValType): __match_args__ = ('k', 'v')

class Memory:
  def ptr_type(self): return 'i32'
class Opts:
  memory = Memory()

PRIM = {'bool': 'Bool', 's8': 'S8', 'u8': 'U8', 's16': 'S16', 'u16': 'U16', 's32': 'S32', 'u32': 'U32', 's64': 'S64', 'u64': 'U64',
        'f32': 'F32', 'f64': 'F64', 'char': 'Char', 'string': 'String', 'error-context': 'ErrorContext'}
def build(j):
  if j is None: return None
  k = j['kind']
  if k == 'primitive': return globals()[PRIM[j['name']] + 'Type']()
  if k == 'list': return ListType(build(j['element']), j.get('length'))
  if k == 'record': return RecordType([FieldType(str(i), build(f)) for i, f in enumerate(j['fields'])])
  if k == 'variant': return VariantType([CaseType(str(i), build(c)) for i, c in enumerate(j['cases'])])
  if k == 'flags': return FlagsType([str(i) for i in range(j['count'])])
  if k == 'own': return OwnType(j['resource'])
  if k == 'borrow': return BorrowType(j['resource'])
  if k == 'stream': return StreamType(build(j.get('element')))
  if k == 'future': return FutureType(build(j.get('element')))
  raise Exception('unknown kind ' + k)
`;

const MAIN = `
out = []
for j in json.load(sys.stdin):
  t = build(j)
  out.append({'size': elem_size(t, 'i32'), 'align': alignment(t, 'i32'), 'flat': flatten_type(t, Opts())})
json.dump(out, sys.stdout)
`;

export interface SpecLayout {
  size: number;
  align: number;
  flat: string[];
}

/** What the spec's code says of each type: elem_size, alignment and flatten_type with 32-bit memory. */
export function specLayouts(python: string, types: AbiType[]): SpecLayout[] {
  const fns = specFunctions();
  const missing = NEEDED.filter((n) => !fns.has(n));
  if (missing.length) throw new Error(`CanonicalABI.md no longer defines ${missing.join(', ')}`);
  // undefined payloads (a case without one) travel as JSON null.
  const input = JSON.stringify(types, (_k, v: unknown) => (v === undefined ? null : v));
  const program = [CLASSES, ...NEEDED.map((n) => fns.get(n)!), MAIN].join('\n\n');
  return JSON.parse(
    execFileSync(python, ['-c', program], { input, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20 }),
  ) as SpecLayout[];
}
