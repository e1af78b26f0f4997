// The names a world declared in a WAC document takes, checked as wac's resolver checks
// them: an import may not take a name a type, a `use` or an import before it took, nor an
// export one an export took; an interface imported or exported by its name is known by
// its path (`docs:x/logger@1.2.0`). Its includes are resolved after its other items, in
// order (wac does so: an include first still conflicts with an export after it): an
// export of the included world (renamed by `with`, whose names must be the included
// world's) may not take a name the world exports, unless both are the same interface.
import type { Node } from '../core/index';
import type { ItemKind } from './wacDefinitions';
import { targetOf, type PathTarget } from './wacPaths';
import { nameOf, report, splitPackage, type Scope } from './wacSemantics';

export class WorldNames {
  private readonly world: string;
  private readonly imports = new Set<string>();
  /** Each export's name, with what it is when known (an interface may be exported twice). */
  private readonly exports = new Map<string, ItemKind | undefined>();
  private readonly includes: Node[] = [];

  constructor(
    private readonly scope: Scope,
    body: Node,
  ) {
    this.world = body.parent?.childForFieldName('name')?.text ?? '';
  }

  /**
   * Takes the names of one item of the world's body, in order; `types` are the types and
   * `use`d names it declares, which are imports of the world.
   */
  add(item: Node, types: string[]): void {
    if (item.type === 'world_include') {
      this.includes.push(item);
      return;
    }
    for (const name of types) this.imports.add(name);
    if (item.type !== 'world_import' && item.type !== 'world_export') return;
    const named = item.childForFieldName('name');
    const at = named ?? item.childForFieldName('path');
    const name = named ? nameOf(named) : at ? pathName(this.scope, at) : undefined;
    if (!at || name === undefined) return;
    if (item.type === 'world_import') {
      if (this.imports.has(name)) this.conflict(at, 'import', name);
      this.imports.add(name);
    } else {
      if (this.exports.has(name)) this.conflict(at, 'export', name);
      this.exports.set(name, named ? undefined : 'interface');
    }
  }

  /** Resolves the includes, after every other item. */
  includeAll(): void {
    for (const include of this.includes) {
      const path = include.childForFieldName('world');
      const target = path && targetOf(this.scope, path, 'world');
      if (path && target) this.include(path, target, renames(include));
    }
  }

  private include(path: Node, target: PathTarget, renamed: Map<string, Node>): void {
    // A name `with` renames must be one of the world's (its imports known: a package's world).
    if (target.items && target.imports)
      for (const [own, at] of renamed)
        if (!target.items.has(own) && !target.imports.has(own))
          report(this.scope, at, 'unknown-include-name', `world \`${target.name}\` does not have an import or export named \`${own}\``);
    for (const [own, kind] of target.items ?? []) {
      const alias = renamed.get(own)?.parent?.childForFieldName('alias');
      const name = alias ? nameOf(alias) : own;
      const before = this.exports.get(name);
      if (this.exports.has(name) && !(before === 'interface' && kind === 'interface'))
        report(
          this.scope,
          path,
          'include-conflict',
          `export \`${name}\` from world \`${target.name}\` conflicts with export of the same name in world \`${this.world}\``,
        );
      this.exports.set(name, kind);
    }
  }

  private conflict(at: Node, side: 'import' | 'export', name: string): void {
    report(
      this.scope,
      at,
      `duplicate-${side}`,
      `${side} \`${name}\` conflicts with existing ${side} of the same name in world \`${this.world}\``,
    );
  }
}

/** `include w with { a as b }`: each renamed name, by name (its node; the alias is beside it). */
function renames(include: Node): Map<string, Node> {
  const out = new Map<string, Node>();
  for (const item of include.namedChildren) {
    const name = item?.type === 'include_item' ? item.childForFieldName('name') : null;
    if (name) out.set(nameOf(name), name);
  }
  return out;
}

/** The name an interface imported or exported by name is known by: its path, a local one's with the package's. */
function pathName(scope: Scope, at: Node): string | undefined {
  if (at.type === 'package_path') return at.text;
  if (scope.names.get(nameOf(at))?.value.declared !== 'interface' || !scope.selfPackage) return undefined;
  const { name, version } = splitPackage(scope.selfPackage);
  return `${name}/${nameOf(at)}${version ? `@${version}` : ''}`;
}
