// The changes between two surfaces, each classified for the two sides of the
// contract. A component that IMPORTS an item calls what its host provides; a
// component that EXPORTS it provides what others call (for a world: its
// imports are provided by the host, its exports by the component). So:
//   removed -> breaks importers (what they call is gone); exporters may keep
//              providing it (an instance with more than is asked still fits);
//   added   -> importers do not use it yet; exporters no longer provide all
//              that is expected;
//   changed -> breaks both: the component model has no subtyping of value or
//              function types, so any change of a type, a signature or a
//              direction is a mismatch at link time;
//   gates only (@since, @deprecated) -> compatible: documentation for tooling.
// Every item has its own entry, also those inside an added or removed
// interface, world or resource (the difference of the two resolved packages,
// path by path); an interface or world is `changed` only when its own gates
// change, since each of its items is compared on its own.
import type { Change, ItemKind, PackageSurface, SurfaceItem } from './types';
import { printGates } from './shapes';

const LABEL: Record<ItemKind, string> = {
  interface: 'interface',
  world: 'world',
  type: 'type',
  function: 'function',
  'world-item': 'world item',
};

export function compareSurfaces(oldS: PackageSurface, newS: PackageSurface): Change[] {
  const changes: Change[] = [];
  for (const [path, item] of oldS.items) if (!newS.items.has(path)) changes.push(removedChange(item));
  for (const [path, item] of newS.items) if (!oldS.items.has(path)) changes.push(addedChange(item));
  for (const [path, before] of oldS.items) {
    const after = newS.items.get(path);
    if (after) {
      const change = changedItem(before, after);
      if (change) changes.push(change);
    }
  }
  // In source order of the new side, removed items where they were.
  const order = [...new Set([...newS.items.keys(), ...oldS.items.keys()])];
  return changes.sort((a, b) => order.indexOf(a.path) - order.indexOf(b.path));
}

function who(item: SurfaceItem): { importers: string; exporters: string } {
  if (item.kind === 'world-item') {
    return item.direction === 'import'
      ? { importers: 'components targeting the world (they import it)', exporters: 'hosts running the world (they provide it)' }
      : { importers: "hosts and components calling the world's export", exporters: 'components targeting the world (they export it)' };
  }
  return { importers: 'components that import it', exporters: 'components that export it' };
}

function removedChange(item: SurfaceItem): Change {
  const w = who(item);
  const world = item.kind === 'world';
  return {
    path: item.path,
    change: 'removed',
    kind: item.kind,
    old: item,
    importers: 'breaking',
    exporters: world ? 'breaking' : 'compatible',
    reasons: [
      `${LABEL[item.kind]} removed (was \`${item.shape}\`)`,
      `breaks ${w.importers}: it is no longer provided`,
      world
        ? 'breaks components built for the world: it is no longer in the package'
        : `compatible for ${w.exporters}: providing more than is asked still fits`,
    ],
  };
}

function addedChange(item: SurfaceItem): Change {
  const w = who(item);
  // A new interface or world is asked of nobody until a world names it.
  const container = item.kind === 'interface' || item.kind === 'world';
  return {
    path: item.path,
    change: 'added',
    kind: item.kind,
    new: item,
    importers: 'compatible',
    exporters: container ? 'compatible' : 'breaking',
    reasons: [
      `${LABEL[item.kind]} added: \`${item.shape}\` (${printGates(item.gates)})`,
      `compatible for ${w.importers}: they do not use it yet`,
      container ? 'compatible for exporters: no world asks for it yet' : `breaks ${w.exporters}: they must now provide it too`,
    ],
  };
}

function changedItem(before: SurfaceItem, after: SurfaceItem): Change | undefined {
  const reasons: string[] = [];
  const gatesBefore = printGates(before.gates),
    gatesAfter = printGates(after.gates);
  const structural = before.shape !== after.shape || before.direction !== after.direction;
  if (!structural && gatesBefore === gatesAfter) return undefined;
  if (before.direction !== after.direction) reasons.push(`moved from the world's ${before.direction}s to its ${after.direction}s`);
  if (before.shape !== after.shape) reasons.push(...partChanges(before, after));
  if (gatesBefore !== gatesAfter) reasons.push(`gate changed: ${gatesBefore} -> ${gatesAfter}`);
  if (!structural) {
    reasons.push('compatible for both sides: gates are versioning metadata, the contract is the same');
    return {
      path: after.path,
      change: 'changed',
      kind: after.kind,
      old: before,
      new: after,
      importers: 'compatible',
      exporters: 'compatible',
      reasons,
    };
  }
  reasons.push(`breaks both sides: \`${before.shape}\` is now \`${after.shape}\`, and component types must match exactly`);
  return {
    path: after.path,
    change: 'changed',
    kind: after.kind,
    old: before,
    new: after,
    importers: 'breaking',
    exporters: 'breaking',
    reasons,
  };
}

/** What differs part by part: fields, cases, flags, params, result, use target. */
function partChanges(before: SurfaceItem, after: SurfaceItem): string[] {
  const a = new Map(before.parts),
    b = new Map(after.parts);
  const out: string[] = [];
  for (const [name, t] of before.parts) {
    if (!b.has(name)) out.push(`${name} removed${t ? ` (was ${t})` : ''}`);
    else if (b.get(name) !== t) out.push(`${name}: ${t || '(no payload)'} -> ${b.get(name) || '(no payload)'}`);
  }
  for (const [name, t] of after.parts) if (!a.has(name)) out.push(`${name} added${t ? ` (${t})` : ''}`);
  const order = (parts: Array<[string, string]>) => parts.map(([n]) => n).filter((n) => a.has(n) && b.has(n));
  if (!out.length && order(before.parts).join() !== order(after.parts).join()) out.push('parts reordered (order is part of the type)');
  if (!out.length) out.push(`\`${before.shape}\` -> \`${after.shape}\``);
  return out;
}
