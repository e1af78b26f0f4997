// Lowering of one item: an interface and its members (use, func, typedefs,
// resources), a world and its members. Tolerant like the rest of lowering: a
// half-typed item lowers to what can be read of it.
import type { Range } from 'vscode-languageserver-types';
import type { SyntaxNode as Node } from './syntaxNode';
import type * as A from './ast';
import { NodeReader } from './nodeReader';

export class ItemLowering extends NodeReader {
  protected base(node: Node): { gates: A.Gate[]; docs?: string; range: Range } {
    const gatesNode = node.namedChildren.find((c) => c?.type === 'gates');
    return { gates: gatesNode ? this.gates(gatesNode) : [], docs: this.docs(node), range: this.range(node) };
  }

  /** `bodyMembers` reads the members instead of the copy, when the copy left the body out. */
  protected interface(node: Node, bodyMembers?: () => A.InterfaceMemberAst[]): A.InterfaceAst | undefined {
    const name = node.childForFieldName('name');
    if (!name) return undefined;
    const body = node.childForFieldName('body');
    const ident = this.ident(name);
    const members = !body ? [] : bodyMembers && body.type === 'interface_body' ? bodyMembers() : this.interfaceMembers(body);
    return { kind: 'interface', name: ident, members, ...this.base(node) };
  }

  protected interfaceMembers(body: Node): A.InterfaceMemberAst[] {
    const out: A.InterfaceMemberAst[] = [];
    for (const m of body.namedChildren) {
      const member = m && this.interfaceMember(m);
      if (member) out.push(member);
    }
    return out;
  }

  protected interfaceMember(m: Node): A.InterfaceMemberAst | undefined {
    if (m.type === 'use_item') return this.use(m);
    if (m.type === 'func_item') return this.func(m);
    return this.typedef(m);
  }

  protected use(node: Node): A.UseAst | undefined {
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

  protected func(node: Node): A.FuncAst | undefined {
    const name = node.childForFieldName('name');
    const type = node.childForFieldName('type');
    if (!name || !type) return undefined;
    return { kind: 'func', name: this.ident(name), type: this.funcType(type), ...this.base(node) };
  }

  protected typedef(node: Node): A.TypeDefAst | undefined {
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

  protected cases(node: Node, type: string): A.NamedCase[] {
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

  protected resourceFuncs(body: Node): A.ResourceFuncAst[] {
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

  protected world(node: Node): A.WorldAst | undefined {
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

  protected importExport(node: Node): A.ImportExportAst | undefined {
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
