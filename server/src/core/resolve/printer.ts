// WIT text for AST pieces: the signatures shown in hover, symbols and the
// resolved-package view. Iterative over type nesting is unnecessary: lowering
// caps type depth at wit-parser's limit of 100.
import type * as A from '../syntax/ast';

export function printType(t: A.TypeAst): string {
  switch (t.kind) {
    case 'primitive':
      return t.name;
    case 'named':
      return t.name.raw;
    case 'list':
      return `list<${printType(t.element)}${t.length ? `, ${t.length.text}` : ''}>`;
    case 'tuple':
      return `tuple<${t.types.map(printType).join(', ')}>`;
    case 'option':
      return `option<${printType(t.type)}>`;
    case 'result':
      if (!t.ok && !t.err) return 'result';
      if (!t.err) return `result<${printType(t.ok!)}>`;
      return `result<${t.ok ? printType(t.ok) : '_'}, ${printType(t.err)}>`;
    case 'map':
      return `map<${printType(t.key)}, ${printType(t.value)}>`;
    case 'future':
      return t.type ? `future<${printType(t.type)}>` : 'future';
    case 'stream':
      return t.type ? `stream<${printType(t.type)}>` : 'stream';
    case 'borrow':
      return `borrow<${t.resource.raw}>`;
    case 'own':
      return `own<${t.resource.raw}>`;
    case 'error':
      return '?';
  }
}

export function printFuncType(f: A.FuncTypeAst): string {
  const params = f.params.map((p) => `${p.name.raw}: ${printType(p.type)}`).join(', ');
  return `${f.async ? 'async ' : ''}func(${params})${f.result ? ` -> ${printType(f.result)}` : ''}`;
}

export function printGates(gates: A.Gate[]): string[] {
  return gates.map((g) => g.text.replace(/\s+/g, ' '));
}

export function printTypeDef(d: A.TypeDefAst): string {
  switch (d.kind) {
    case 'type':
      return `type ${d.name.raw} = ${printType(d.type)}`;
    case 'record':
      return `record ${d.name.raw} {${d.fields.map((f) => ` ${f.name.raw}: ${printType(f.type)}`).join(',')}${d.fields.length ? ' ' : ''}}`;
    case 'variant':
      return `variant ${d.name.raw} {${d.cases.map((c) => ` ${c.name.raw}${c.type ? `(${printType(c.type)})` : ''}`).join(',')}${d.cases.length ? ' ' : ''}}`;
    case 'enum':
      return `enum ${d.name.raw} {${d.cases.map((c) => ` ${c.name.raw}`).join(',')}${d.cases.length ? ' ' : ''}}`;
    case 'flags':
      return `flags ${d.name.raw} {${d.flags.map((c) => ` ${c.name.raw}`).join(',')}${d.flags.length ? ' ' : ''}}`;
    case 'resource':
      return `resource ${d.name.raw}`;
  }
}

export function printResourceFunc(f: A.ResourceFuncAst): string {
  if (f.kind === 'constructor') {
    const params = f.type.params.map((p) => `${p.name.raw}: ${printType(p.type)}`).join(', ');
    return `constructor(${params})${f.type.result ? ` -> ${printType(f.type.result)}` : ''}`;
  }
  return `${f.name.raw}: ${f.kind === 'static' ? 'static ' : ''}${printFuncType(f.type)}`;
}
