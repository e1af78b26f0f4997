// The names an interface or world body declares, read from the tree: its type
// items and the names its `use` items bring in. Completion offers them in type
// positions; the "did you mean" quick fix picks among them.
import type { Node } from '../parser';
import { unescapeName } from './treeWalk';

export interface ScopeName {
  /** As declared, without a `%` escape. */
  name: string;
  /** The item's keyword (`record`, `type`, `func` ...), or `use` for a name brought in by `use`. */
  keyword: string;
  /** The text that declares it: `use a.{b}`'s `b as c` for a use, the name for an item. */
  source: string;
}

export function namesInBody(body: Node): ScopeName[] {
  const out: ScopeName[] = [];
  for (let i = 0; i < body.childCount; i++) {
    const item = body.child(i)!;
    if (item.type === 'use_item') {
      for (let j = 0; j < item.childCount; j++) {
        const u = item.child(j)!;
        if (u.type !== 'use_name') continue;
        const n = u.childForFieldName('alias') ?? u.childForFieldName('name');
        if (n) out.push({ name: unescapeName(n.text), keyword: 'use', source: u.text });
      }
    } else if (item.type.endsWith('_item')) {
      const n = item.childForFieldName('name');
      if (n) out.push({ name: unescapeName(n.text), keyword: item.type.slice(0, -'_item'.length), source: n.text });
    }
  }
  return out;
}
