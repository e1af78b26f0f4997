// The types of the WIT a WAC document declares itself, as far as the semantic check needs
// them to fit an argument to an import: functions over primitive, list, option, tuple and
// result types, and interfaces made only of such functions. Anything else (a named type, a
// resource, a `use`) leaves the whole item unknown: an interface modelled in part would be
// told it lacks what it has, so it is not checked at all, and wac says what is wrong with it.
import type { ComponentType } from '../../../common/component/model';
import type { Node } from '../core/index';

const named = (node: Node, field: string) => node.childForFieldName(field);

/** A value type, or undefined when it is not one modelled here. */
function valueType(node: Node | null): ComponentType | undefined {
  if (!node) return undefined;
  switch (node.type) {
    case 'primitive_type':
      return { kind: 'prim', name: node.text };
    case 'list_type': {
      const element = valueType(named(node, 'element'));
      return element && { kind: 'list', element };
    }
    case 'option_type': {
      const type = valueType(named(node, 'type'));
      return type && { kind: 'option', type };
    }
    case 'tuple_type': {
      const types = node.namedChildren.map((c) => (c ? valueType(c) : undefined));
      return types.every((t): t is ComponentType => t !== undefined) ? { kind: 'tuple', types } : undefined;
    }
    case 'result_type': {
      const side = (field: string): ComponentType | undefined | null => {
        const n = named(node, field);
        if (!n || n.type === 'omitted') return undefined;
        return valueType(n) ?? null;
      };
      const ok = side('ok');
      const err = side('err');
      return ok === null || err === null ? undefined : { kind: 'result', ok, err };
    }
    default:
      return undefined;
  }
}

/** A `func(...) -> ...` type. */
export function funcType(node: Node): ComponentType | undefined {
  const params = [];
  for (const p of named(node, 'params')?.namedChildren ?? []) {
    const name = p && named(p, 'name');
    const type = p && valueType(named(p, 'type'));
    if (!name || !type) return undefined;
    params.push({ name: name.text.replace(/^%/, ''), type });
  }
  const resultNode = named(node, 'result');
  const result = resultNode ? valueType(resultNode) : undefined;
  if (resultNode && !result) return undefined;
  return { kind: 'func', params, result, async: !!named(node, 'async') };
}

/** An interface body's functions as an instance type; undefined when it holds anything else. */
export function interfaceType(body: Node | null): ComponentType | undefined {
  if (!body) return undefined;
  const exports = [];
  for (const item of body.namedChildren) {
    if (!item) continue;
    if (item.type !== 'interface_export') return undefined;
    const name = named(item, 'name');
    const type = named(item, 'type');
    const func = type?.type === 'func_type' ? funcType(type) : undefined;
    if (!name || !func) return undefined;
    exports.push({ name: name.text.replace(/^%/, ''), sort: 'func' as const, type: func });
  }
  return { kind: 'instance', exports };
}
