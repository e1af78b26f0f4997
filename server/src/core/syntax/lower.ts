// tree-sitter tree -> AST: files, packages and items (the pieces items are made
// of — names, paths, gates, types — are read in nodeReader.ts). Tolerant: a half-typed item lowers to what can be
// read of it, and nothing here throws on bad input. Nesting (types, packages)
// is capped at wit-parser's limits, so lowering never recurses deeply.
import type { Range } from 'vscode-languageserver-types';
import type { TreeCursor } from 'web-tree-sitter';
import type { SyntaxNode as Node } from './syntaxNode';
import { copySubtree } from './syntaxNode';
import type { WitDocument } from '../document';
import type * as A from './ast';
import { NodeReader } from './nodeReader';

/** wit-parser's limit (`package nesting too deep`); types: see nodeReader.ts. */
export const MAX_PACKAGE_DEPTH = 100;

/**
 * What a node lowered to, reusable while the same text (and doc comment) stands
 * at the same line and column: the AST holds ranges, no offsets, so typing on
 * one line re-lowers only what it touched, and moves nothing after it. Keyed by
 * `positionKey` of its start.
 */
interface Cached {
  text: string;
  /** The comments right before it (its doc comments, a package's `docsRange`), as text and where they start. */
  comments: string;
  commentsAt: number;
  problems: A.SyntaxProblem[];
}
interface CachedItem extends Cached {
  item?: A.PackageItemAst;
  decl?: A.PackageDeclAst;
  /**
   * A top-level interface's members, by the same rule: typing inside one of
   * WASI http's 60-member `interface types` re-lowers that member, not all 60.
   */
  members?: Map<number, CachedMember>;
}
interface CachedMember extends Cached {
  member?: A.InterfaceMemberAst;
}
export type LoweringCache = Map<number, CachedItem>;

const positionKey = (p: { line: number; character: number }) => p.line * 2 ** 32 + p.character;

type Comment = { type: string; startIndex: number; endIndex: number };
const isComment = (type: string) => type === 'line_comment' || type === 'block_comment';

export function lowerFile(doc: WitDocument, cache?: LoweringCache): { ast: A.FileAst; cache: LoweringCache } {
  const lowering = new Lowering(doc);
  const next: LoweringCache = new Map();
  const ast = lowering.file(cache, next);
  return { ast, cache: next };
}

class Lowering extends NodeReader {
  private readonly packageDecls: A.PackageDeclAst[] = [];

  file(previous: LoweringCache | undefined, next: LoweringCache): A.FileAst {
    const items: A.PackageItemAst[] = [];
    const problems: A.SyntaxProblem[] = [];
    let first = true;
    // A cursor over the top-level nodes: on the per-keystroke path only the
    // items whose text changed are read, each copied in one cursor walk
    // (syntaxNode.ts) rather than as tree-sitter Nodes.
    const cursor = this.doc.tree.rootNode.walk();
    const language = this.doc.tree.language;
    let comments: Comment[] = [];
    for (let more = cursor.gotoFirstChild(); more; more = cursor.gotoNextSibling()) {
      if (!cursor.nodeIsNamed) {
        comments = [];
        continue;
      }
      const type = cursor.nodeType;
      const startIndex = cursor.startIndex,
        endIndex = cursor.endIndex;
      if (isComment(type)) {
        comments.push({ type, startIndex, endIndex });
        continue;
      }
      const leading = comments;
      const leadingText = this.commentsText(leading);
      comments = [];
      // wit-parser takes `package a:b;` only as the file's first tokens; anywhere
      // else `package` opens a nested package and the `;` is where it stops.
      // (Checked outside the item cache: it depends on what comes before.)
      if (type === 'package_decl' && !first) problems.push(misplacedDecl(this.doc, copySubtree(cursor, language, this.doc.text)));
      first = false;
      if (type === 'ERROR') continue;
      const key = positionKey(this.doc.positionAt(startIndex));
      const hit = previous?.get(key);
      const text = this.doc.text.slice(startIndex, endIndex);
      let entry: CachedItem;
      const commentsAt = this.commentsAt(leading);
      if (hit && hit.text === text && hit.comments === leadingText && hit.commentsAt === commentsAt) {
        entry = hit;
      } else if (type === 'interface_item') {
        entry = this.interfaceEntry(cursor, leading, text, leadingText, commentsAt, hit?.members);
      } else {
        this.problems = [];
        const before = this.packageDecls.length;
        const lowered = this.packageItems([copySubtree(cursor, language, this.doc.text, leading)], 0);
        entry = {
          text,
          comments: leadingText,
          commentsAt,
          item: lowered[0],
          decl: this.packageDecls.length > before ? this.packageDecls.pop() : undefined,
          problems: this.problems,
        };
      }
      next.set(key, entry);
      if (entry.item) items.push(entry.item);
      if (entry.decl) this.packageDecls.push(entry.decl);
      problems.push(...entry.problems);
    }
    cursor.delete();
    return { uri: this.doc.uri, packageDecls: this.packageDecls, items, problems };
  }

  private commentsText(comments: readonly Comment[]): string {
    return comments.length ? this.doc.text.slice(comments[0].startIndex, comments[comments.length - 1].endIndex) : '';
  }

  private commentsAt(comments: readonly Comment[]): number {
    return comments.length ? positionKey(this.doc.positionAt(comments[0].startIndex)) : -1;
  }

  /**
   * A top-level interface whose text changed: its own parts are lowered from a
   * copy that leaves the body out, and its members one by one from the cursor,
   * each reused when it still stands as it was. Lowers to what
   * `packageItems` would make of the whole copy, problems in the same order.
   */
  private interfaceEntry(
    cursor: TreeCursor,
    leading: Comment[],
    text: string,
    comments: string,
    commentsAt: number,
    previous: Map<number, CachedMember> | undefined,
  ): CachedItem {
    const language = this.doc.tree.language;
    const shell = copySubtree(cursor, language, this.doc.text, leading, 'interface_body');
    const members = new Map<number, CachedMember>();
    this.problems = [];
    const item = this.interface(shell, () => this.bodyMembers(cursor, previous, members));
    return { text, comments, commentsAt, item, problems: this.problems, members };
  }

  /** The members of the interface at the cursor (left where it was), lowered or reused. */
  private bodyMembers(cursor: TreeCursor, previous: Map<number, CachedMember> | undefined, next: Map<number, CachedMember>) {
    const language = this.doc.tree.language;
    const out: A.InterfaceMemberAst[] = [];
    // The body is the first child in the `body` field, as childForFieldName finds it.
    let found = cursor.gotoFirstChild();
    while (found && cursor.currentFieldName !== 'body') found = cursor.gotoNextSibling();
    if (!found) throw new Error('interface without a body field'); // callers check the copy has one
    let comments: Comment[] = [];
    const entered = cursor.gotoFirstChild();
    for (let more = entered; more; more = cursor.gotoNextSibling()) {
      if (!cursor.nodeIsNamed) {
        comments = [];
        continue;
      }
      const type = cursor.nodeType;
      const startIndex = cursor.startIndex,
        endIndex = cursor.endIndex;
      if (isComment(type)) {
        comments.push({ type, startIndex, endIndex });
        continue;
      }
      const leading = comments;
      const leadingText = this.commentsText(leading);
      comments = [];
      const text = this.doc.text.slice(startIndex, endIndex);
      const key = positionKey(this.doc.positionAt(startIndex));
      const hit = previous?.get(key);
      const commentsAt = this.commentsAt(leading);
      let entry: CachedMember;
      if (hit && hit.text === text && hit.comments === leadingText && hit.commentsAt === commentsAt) {
        entry = hit;
      } else {
        const outer = this.problems;
        this.problems = [];
        const member = this.interfaceMember(copySubtree(cursor, language, this.doc.text, leading));
        entry = { text, comments: leadingText, commentsAt, member, problems: this.problems };
        this.problems = outer;
      }
      next.set(key, entry);
      if (entry.member) out.push(entry.member);
      this.problems.push(...entry.problems);
    }
    if (entered) cursor.gotoParent(); // back to the body
    cursor.gotoParent(); // and to the interface
    return out;
  }

  private packageItems(nodes: readonly (Node | null)[], depth: number): A.PackageItemAst[] {
    const items: A.PackageItemAst[] = [];
    for (const node of nodes) {
      if (!node) continue;
      switch (node.type) {
        case 'package_decl': {
          if (depth > 0) {
            this.problems.push(misplacedDecl(this.doc, node));
            break;
          }
          const name = node.childForFieldName('name');
          if (name)
            this.packageDecls.push({
              name: this.packageName(name),
              docs: this.docs(node),
              docsRange: this.docsRange(node),
              range: this.range(node),
            });
          break;
        }
        case 'nested_package': {
          const nested = this.nestedPackage(node, depth + 1);
          if (nested) items.push(nested);
          break;
        }
        case 'toplevel_use': {
          const path = node.childForFieldName('path');
          if (!path) break;
          const alias = node.childForFieldName('alias');
          const base = this.base(node);
          // The grammar takes gates before any item; wit-parser refuses them here.
          const useKw = node.children.find((c) => c?.type === 'use');
          if (base.gates.length && useKw)
            this.problems.push({ range: this.range(useKw), message: 'attributes not allowed on top-level use', code: 'invalid-gate' });
          items.push({ kind: 'toplevel-use', path: this.usePath(path), alias: alias ? this.ident(alias) : undefined, ...base });
          break;
        }
        case 'interface_item': {
          const i = this.interface(node);
          if (i) items.push(i);
          break;
        }
        case 'world_item': {
          const w = this.world(node);
          if (w) items.push(w);
          break;
        }
      }
    }
    return items;
  }

  private nestedPackage(node: Node, depth: number): A.NestedPackageAst | undefined {
    const name = node.childForFieldName('name');
    const body = node.childForFieldName('body');
    if (!name) return undefined;
    const range = this.range(node);
    if (depth > MAX_PACKAGE_DEPTH) {
      this.problems.push({ range: this.range(node.child(0) ?? node), message: 'package nesting too deep', code: 'syntax-error' });
      return undefined;
    }
    return {
      kind: 'nested-package',
      name: this.packageName(name),
      docs: this.docs(node),
      items: body ? this.packageItems(body.namedChildren, depth) : [],
      range,
      depth,
    };
  }

  private base(node: Node): { gates: A.Gate[]; docs?: string; range: Range } {
    const gatesNode = node.namedChildren.find((c) => c?.type === 'gates');
    return { gates: gatesNode ? this.gates(gatesNode) : [], docs: this.docs(node), range: this.range(node) };
  }

  /** `bodyMembers` reads the members instead of the copy, when the copy left the body out. */
  private interface(node: Node, bodyMembers?: () => A.InterfaceMemberAst[]): A.InterfaceAst | undefined {
    const name = node.childForFieldName('name');
    if (!name) return undefined;
    const body = node.childForFieldName('body');
    const ident = this.ident(name);
    const members = !body ? [] : bodyMembers && body.type === 'interface_body' ? bodyMembers() : this.interfaceMembers(body);
    return { kind: 'interface', name: ident, members, ...this.base(node) };
  }

  private interfaceMembers(body: Node): A.InterfaceMemberAst[] {
    const out: A.InterfaceMemberAst[] = [];
    for (const m of body.namedChildren) {
      const member = m && this.interfaceMember(m);
      if (member) out.push(member);
    }
    return out;
  }

  private interfaceMember(m: Node): A.InterfaceMemberAst | undefined {
    if (m.type === 'use_item') return this.use(m);
    if (m.type === 'func_item') return this.func(m);
    return this.typedef(m);
  }

  private use(node: Node): A.UseAst | undefined {
    const path = node.childForFieldName('path');
    if (!path) return undefined;
    const names: A.UseAst['names'] = [];
    for (const n of node.namedChildren) {
      if (n?.type !== 'use_name') continue;
      const name = n.childForFieldName('name');
      const alias = n.childForFieldName('alias');
      if (name) names.push({ name: this.ident(name), alias: alias ? this.ident(alias) : undefined });
    }
    return { kind: 'use', path: this.usePath(path), names, ...this.base(node) };
  }

  private func(node: Node): A.FuncAst | undefined {
    const name = node.childForFieldName('name');
    const type = node.childForFieldName('type');
    if (!name || !type) return undefined;
    return { kind: 'func', name: this.ident(name), type: this.funcType(type), ...this.base(node) };
  }

  private typedef(node: Node): A.TypeDefAst | undefined {
    const nameNode = node.childForFieldName('name');
    if (!nameNode) return undefined;
    const name = this.ident(nameNode);
    const base = { ...this.base(node), name };
    switch (node.type) {
      case 'type_item':
        return { kind: 'type', type: this.type(node.childForFieldName('type'), 1), ...base };
      case 'record_item':
        return {
          kind: 'record',
          fields: this.cases(node, 'record_field').map((c) => ({ ...c, type: c.type ?? { kind: 'error', range: c.range } })),
          ...base,
        };
      case 'variant_item':
        return { kind: 'variant', cases: this.cases(node, 'variant_case'), ...base };
      case 'enum_item':
        return { kind: 'enum', cases: this.cases(node, 'enum_case'), ...base };
      case 'flags_item':
        return { kind: 'flags', flags: this.cases(node, 'flags_field'), ...base };
      case 'resource_item': {
        const body = node.childForFieldName('body');
        return { kind: 'resource', funcs: body ? this.resourceFuncs(body) : [], hasBody: !!body, ...base };
      }
    }
    return undefined;
  }

  private cases(node: Node, type: string): A.NamedCase[] {
    const out: A.NamedCase[] = [];
    for (const c of node.namedChildren) {
      if (c?.type !== type) continue;
      const name = c.childForFieldName('name');
      if (!name) continue;
      const t = c.childForFieldName('type');
      out.push({ name: this.ident(name), docs: this.docs(c), type: t ? this.type(t, 1) : undefined, range: this.range(c) });
    }
    return out;
  }

  private resourceFuncs(body: Node): A.ResourceFuncAst[] {
    const out: A.ResourceFuncAst[] = [];
    for (const m of body.namedChildren) {
      if (!m) continue;
      const base = this.base(m);
      if (m.type === 'constructor_item') {
        const kw = m.children.find((c) => c?.type === 'constructor')!;
        const params = m.childForFieldName('params');
        const result = m.childForFieldName('result')?.childForFieldName('type');
        const fake: A.FuncTypeAst = {
          async: false,
          params: params ? this.funcParams(params) : [],
          result: result ? this.type(result, 1) : undefined,
          range: this.range(m),
        };
        out.push({ kind: 'constructor', name: { name: 'constructor', raw: 'constructor', range: this.range(kw) }, type: fake, ...base });
      } else if (m.type === 'func_item' || m.type === 'static_func_item') {
        const name = m.childForFieldName('name');
        const type = m.childForFieldName('type');
        if (!name || !type) continue;
        out.push({ kind: m.type === 'func_item' ? 'method' : 'static', name: this.ident(name), type: this.funcType(type), ...base });
      }
    }
    return out;
  }

  private world(node: Node): A.WorldAst | undefined {
    const name = node.childForFieldName('name');
    if (!name) return undefined;
    const body = node.childForFieldName('body');
    const members: A.WorldMemberAst[] = [];
    for (const m of body?.namedChildren ?? []) {
      if (!m) continue;
      switch (m.type) {
        case 'import_item':
        case 'export_item': {
          const ie = this.importExport(m);
          if (ie) members.push(ie);
          break;
        }
        case 'include_item': {
          const path = m.childForFieldName('path');
          if (!path) break;
          const withNames: A.IncludeAst['with'] = [];
          for (const n of m.namedChildren) {
            if (n?.type !== 'include_name') continue;
            const a = n.childForFieldName('name'),
              b = n.childForFieldName('alias');
            if (a && b) withNames.push({ name: this.ident(a), alias: this.ident(b) });
          }
          members.push({ kind: 'include', path: this.usePath(path), with: withNames, ...this.base(m) });
          break;
        }
        case 'use_item': {
          const u = this.use(m);
          if (u) members.push(u);
          break;
        }
        default: {
          const t = this.typedef(m);
          if (t) members.push(t);
        }
      }
    }
    return { kind: 'world', name: this.ident(name), members, ...this.base(node) };
  }

  private importExport(node: Node): A.ImportExportAst | undefined {
    const kind = node.type === 'import_item' ? 'import' : 'export';
    const name = node.childForFieldName('name');
    const base = this.base(node);
    const path = node.childForFieldName('path');
    if (path) return { kind, target: { kind: 'path', path: this.usePath(path) }, ...base };
    const type = node.childForFieldName('type');
    if (!name || !type) return undefined;
    let target: A.ExternTypeAst;
    if (type.type === 'func_type') target = { kind: 'func', func: this.funcType(type) };
    else if (type.type === 'inline_interface') {
      const body = type.childForFieldName('body');
      target = { kind: 'interface', members: body ? this.interfaceMembers(body) : [], range: this.range(type) };
    } else {
      // `import x: i;` names an import of interface `i` (wit-parser's "implements",
      // accepted by wasm-tools since after 1.239, which read `x: i` as package `x:i`).
      target = { kind: 'path', path: this.usePath(type) };
    }
    return { kind, name: this.ident(name), target, ...base };
  }
}

/** `package a:b;` where only `package a:b { ... }` may stand: the error is at the `;`. */
function misplacedDecl(doc: WitDocument, node: Node): A.SyntaxProblem {
  const semi = node.lastChild;
  const at = semi && semi.type === ';' ? semi : node;
  return { range: doc.rangeOf(at.startIndex, at.endIndex), message: "expected '{', found ';'", code: 'syntax-error' };
}
