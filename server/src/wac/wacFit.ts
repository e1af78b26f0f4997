// Whether an instantiation argument fits the import it is passed for, and if not, why:
// in the words plug fit uses (common/component/plugFit.ts: `function \`f\` differs: needs
// ..., gets ...`, `... missing from ...`), comparing signatures by shape as it does, so the
// semantic check and the plug panel explain one mismatch the same way. wac's subtype check
// compares more (parameter names, resource identity): what it alone rejects still shows
// when its answer arrives.
import type { ComponentType, ExternItem, Sort } from '../../../common/component/model';
import { definitionText, shapeText, typeText } from '../../../common/component/witText';

/** An argument's sort and type as the checker knows them. */
export interface ArgumentItem {
  sort: Sort;
  type: ComponentType;
}

/** wac's words for a sort (`expected instance, found function`). */
export function sortWord(sort: Sort): string {
  if (sort === 'func') return 'function';
  if (sort === 'core module') return 'module';
  return sort;
}

/** Why `arg` (called `label`) does not fit `needed`; empty when it fits. */
export function argumentMisfit(needed: ExternItem, arg: ArgumentItem, label: string): string[] {
  if (needed.sort !== arg.sort) return [`expected ${sortWord(needed.sort)}, found ${sortWord(arg.sort)}`];
  if (needed.sort === 'func') {
    return shapeText(needed.type) === shapeText(arg.type)
      ? []
      : [`function \`${needed.name}\` differs: needs ${typeText(needed.type)}, gets ${typeText(arg.type)}`];
  }
  if (needed.sort !== 'instance' || needed.type.kind !== 'instance' || arg.type.kind !== 'instance') return [];
  const offered = new Map(arg.type.exports.map((e) => [e.name, e]));
  const reasons: string[] = [];
  // Types first, then functions: the order plug fit lists an interface's differences in.
  for (const e of needed.type.exports.filter((x) => x.sort === 'type')) {
    const other = offered.get(e.name);
    if (!other) reasons.push(`type \`${e.name}\` missing from ${label}`);
    else if (shapeText(other.type) !== shapeText(e.type))
      reasons.push(`type \`${e.name}\` differs: needs ${definitionText(e.type)}, gets ${definitionText(other.type)}`);
  }
  for (const e of needed.type.exports.filter((x) => x.sort === 'func')) {
    const other = offered.get(e.name);
    if (!other || other.sort !== 'func') reasons.push(`function \`${e.name}\` missing from ${label}`);
    else if (shapeText(other.type) !== shapeText(e.type))
      reasons.push(`function \`${e.name}\` differs: needs ${typeText(e.type)}, gets ${typeText(other.type)}`);
  }
  return reasons;
}
