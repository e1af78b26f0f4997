// Reading the pieces items are made of from the tree-sitter tree: ranges,
// identifiers (checked against WIT's rules as they are read), package names,
// paths, versions, gates, doc comments, function signatures and types. Type
// nesting is capped at wit-parser's limit, so reading never recurses deeply.
import type { Range } from 'vscode-languageserver-types';
import type { SyntaxNode as Node } from './syntaxNode';
import type { WitDocument } from '../document';
import type * as A from './ast';
import { GATE_KEY } from './ast';
import { KEYWORDS, identifierProblem } from './identifiers';
import { readVersion } from './versions';

/** wit-parser's limit (`type nesting too deep`). */
export const MAX_TYPE_DEPTH = 100;

export class NodeReader {
  /** Problems found while reading (identifier rules, versions ...), for the item being lowered. */
  problems: A.SyntaxProblem[] = [];
  constructor(protected readonly doc: WitDocument) {}

  protected range(node: Node): Range {
    return this.doc.rangeOf(node.startIndex, node.endIndex);
  }

  protected gates(node: Node): A.Gate[] {
    const out: A.Gate[] = [];
    for (const g of node.namedChildren) {
      if (!g || g.type !== 'gate') continue;
      const name = g.childForFieldName('name');
      const args: A.Gate['args'] = [];
      for (const a of g.namedChildren) {
        if (a?.type !== 'gate_arg') continue;
        const key = a.childForFieldName('key');
        const value = a.childForFieldName('value');
        if (key && value) {
          // A feature name is an identifier like any other (kebab-case, no keyword).
          const text = value.type === 'version' ? this.version(value).text : this.ident(value).name;
          args.push({ key: this.ident(key), value: { text, range: this.range(value), isVersion: value.type === 'version' } });
        }
      }
      // A gate takes one field and no trailing comma: wit-parser wants `)` there,
      // unless it already stopped at a wrong first key (`@since(feature = ..`).
      const comma = g.children.find((c) => c?.type === ',');
      const keyOk = !args.length || args[0].key.name === GATE_KEY[name?.text ?? ''];
      if (comma && keyOk) this.problems.push({ range: this.range(comma), message: "expected ')', found ','", code: 'invalid-gate' });
      out.push({
        kind: name?.text ?? '',
        nameRange: this.range(name ?? g),
        args,
        range: this.range(g),
        text: g.text,
      });
    }
    return out;
  }

  /** Doc comments (`///` and block doc comments) right before the item, as wit-parser collects them. */
  protected docs(node: Node): string | undefined {
    const comments: string[] = [];
    let prev = node.previousSibling;
    while (prev && (prev.type === 'line_comment' || prev.type === 'block_comment')) {
      comments.unshift(prev.text);
      prev = prev.previousSibling;
    }
    return docsOf(comments);
  }

  /** The span of the comments right before the item (any comments, as wit-parser's docs span), if any. */
  protected docsRange(node: Node): Range | undefined {
    let first: Node | undefined;
    let last: Node | undefined;
    for (
      let prev = node.previousSibling;
      prev && (prev.type === 'line_comment' || prev.type === 'block_comment');
      prev = prev.previousSibling
    ) {
      first = prev;
      last ??= prev;
    }
    return first && last ? this.doc.rangeOf(first.startIndex, last.endIndex) : undefined;
  }

  ident(node: Node): A.Ident {
    const raw = node.text;
    const escaped = raw.startsWith('%');
    const name = escaped ? raw.slice(1) : raw;
    const range = this.range(node);
    if (!escaped && KEYWORDS.has(name)) {
      this.problems.push({ range, message: `expected an identifier or string, found keyword \`${name}\``, code: 'invalid-identifier' });
    } else {
      const problem = identifierProblem(name);
      if (problem) this.problems.push({ range, message: problem.message, code: 'invalid-identifier' });
    }
    return { name, raw, range };
  }

  protected packageName(node: Node): A.PackageNameAst {
    const segments: A.Ident[] = [];
    const nested: A.Ident[] = [];
    let afterSlash = false;
    let version: A.Version | undefined;
    for (let i = 0; i < node.childCount; i++) {
      const c = node.child(i)!;
      if (c.type === '/') afterSlash = true;
      else if (c.type === 'identifier') (afterSlash ? nested : segments).push(this.ident(c));
      else if (c.type === 'version') version = this.version(c);
    }
    return { segments, nested, version, range: this.range(node) };
  }

  /** A version token as wit-parser reads it; what it stops before is a syntax error. */
  protected version(node: Node): A.Version {
    const { text, rest } = readVersion(node.text);
    if (rest) {
      const at = node.endIndex - rest.length;
      this.problems.push({ range: this.doc.rangeOf(at, at + 1), message: `unexpected '${rest[0]}' in version`, code: 'invalid-version' });
    }
    return { text, range: this.range(node) };
  }

  usePath(node: Node): A.UsePathAst {
    const ids: A.Ident[] = [];
    const names: A.Ident[] = [];
    let afterSlash = false;
    let version: A.Version | undefined;
    for (let i = 0; i < node.childCount; i++) {
      const c = node.child(i)!;
      if (c.type === '/') afterSlash = true;
      else if (c.type === 'identifier') (afterSlash ? names : ids).push(this.ident(c));
      else if (c.type === 'version') version = this.version(c);
    }
    const range = this.range(node);
    if (ids.length === 1 && names.length === 0) return { kind: 'local', name: ids[0], range };
    return { kind: 'foreign', segments: ids, names, version, range };
  }

  protected funcType(node: Node): A.FuncTypeAst {
    const list = node.childForFieldName('params');
    const params = list ? this.funcParams(list) : [];
    const result = node.childForFieldName('result')?.childForFieldName('type');
    return {
      async: !!node.childForFieldName('async'),
      params,
      result: result ? this.type(result, 1) : undefined,
      range: this.range(node),
    };
  }

  protected funcParams(list: Node): A.ParamAst[] {
    const params: A.ParamAst[] = [];
    for (const p of list.namedChildren) {
      if (p?.type !== 'param') continue;
      const name = p.childForFieldName('name');
      if (name) params.push({ name: this.ident(name), type: this.type(p.childForFieldName('type'), 1) });
    }
    return params;
  }

  /** The type in `field` of `node`, one level deeper (a method: a closure per type read was most of its garbage). */
  private subType(node: Node, field: string, depth: number): A.TypeAst | undefined {
    const c = node.childForFieldName(field);
    return c ? this.type(c, depth + 1) : undefined;
  }

  type(node: Node | null, depth: number): A.TypeAst {
    if (!node || node.isMissing) return { kind: 'error', range: node ? this.range(node) : zeroRange };
    const range = this.range(node);
    if (depth > MAX_TYPE_DEPTH) {
      this.problems.push({ range: this.range(node.child(0) ?? node), message: 'type nesting too deep', code: 'syntax-error' });
      return { kind: 'error', range };
    }
    switch (node.type) {
      case 'primitive_type':
        return { kind: 'primitive', name: node.text, range };
      case 'named_type':
        return { kind: 'named', name: this.ident(node.namedChild(0) ?? node), range };
      case 'list_type': {
        const length = node.childForFieldName('length');
        return {
          kind: 'list',
          element: this.subType(node, 'element', depth) ?? { kind: 'error', range },
          length: length ? { text: length.text, range: this.range(length) } : undefined,
          range,
        };
      }
      case 'tuple_type':
        return {
          kind: 'tuple',
          types: node.namedChildren
            .filter((c) => c.type !== 'line_comment' && c.type !== 'block_comment')
            .map((c) => this.type(c, depth + 1)),
          range,
        };
      case 'option_type':
        return { kind: 'option', type: this.subType(node, 'type', depth) ?? { kind: 'error', range }, range };
      case 'result_type':
        return { kind: 'result', ok: this.subType(node, 'ok', depth), err: this.subType(node, 'err', depth), range };
      case 'map_type':
        return {
          kind: 'map',
          key: this.subType(node, 'key', depth) ?? { kind: 'error', range },
          value: this.subType(node, 'value', depth) ?? { kind: 'error', range },
          range,
        };
      case 'future_type':
        return { kind: 'future', type: this.subType(node, 'type', depth), range };
      case 'stream_type':
        return { kind: 'stream', type: this.subType(node, 'type', depth), range };
      case 'borrow_type':
      case 'own_type': {
        const r = node.childForFieldName('resource');
        if (!r) return { kind: 'error', range };
        return { kind: node.type === 'borrow_type' ? 'borrow' : 'own', resource: this.ident(r), range };
      }
    }
    return { kind: 'error', range };
  }
}

/** The doc text of a run of comments: `///` lines and block doc comments; other comments are not docs. */
export function docsOf(comments: string[]): string | undefined {
  const lines: string[] = [];
  for (const t of comments) {
    if (t.startsWith('///')) lines.push(t.slice(3).replace(/^ /, ''));
    else if (t.startsWith('/**') && t !== '/**/')
      lines.push(
        t
          .slice(3, t.endsWith('*/') ? -2 : undefined)
          .replace(/^\s*\* ?/gm, '')
          .trim(),
      );
  }
  return lines.length ? lines.join('\n') : undefined;
}

const zeroRange: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
