// The judge for `diff`: the same comparison done independently on what
// wit-parser resolved (`wasm-tools component wit --json DIR`), so that the
// items our engine reports can be held against wit-parser's own packages.
// Paths as issue 14 names them; a named type is referred to by its owner and
// name (versions dropped), anonymous types structurally; an item inside an
// added or removed container is covered by the container's entry.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

type Json = any;

interface Item {
  shape: string;
  parent?: string;
}

/** wit-parser's resolve of a folder, and which of its packages is the folder's own (named by its `package` header). */
export function witJson(tool: string, dir: string, features: string[] = ['active']): Json {
  const args = ['component', 'wit', '--json', ...(features.length ? ['--features', features.join(',')] : []), dir];
  const doc = JSON.parse(execFileSync(tool, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 }));
  const header = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.wit'))
    .map((f) => /^package\s+([^;\s]+)\s*;/m.exec(fs.readFileSync(path.join(dir, f), 'utf8'))?.[1])
    .find(Boolean);
  doc.rootPackage = doc.packages.findIndex((p: Json) => p.name === header);
  if (doc.rootPackage < 0) throw new Error(`no package ${header} in wit-parser's resolve of ${dir}`);
  return doc;
}

const noVersion = (s: string) => s.replace(/@.*$/, '');

function stability(s: Json): string {
  if (!s) return '';
  if (s.stable) return ` @since(${s.stable.since})${s.stable.deprecated ? ` @deprecated(${s.stable.deprecated})` : ''}`;
  if (s.unstable) return ` @unstable(${s.unstable.feature})${s.unstable.deprecated ? ` @deprecated(${s.unstable.deprecated})` : ''}`;
  return '';
}

/** Every item of the folder's own package, by path. */
export function jsonSurface(doc: Json): Map<string, Item> {
  const pkgIndex: number = doc.rootPackage;
  const pkg = doc.packages[pkgIndex];
  const ownerName = (owner: Json): string => {
    if (!owner) return '?';
    if (owner.interface !== undefined) {
      const i = doc.interfaces[owner.interface];
      return i.name ? `${noVersion(doc.packages[i.package].name)}/${i.name}` : `inline#${owner.interface}`;
    }
    const w = doc.worlds[owner.world];
    return `${noVersion(doc.packages[w.package].name)}/${w.name}`;
  };
  const ty = (t: Json): string => {
    if (typeof t === 'string') return t;
    const def = doc.types[t];
    if (def.name) return `${ownerName(def.owner)}.${def.name}`;
    return kind(def.kind);
  };
  const kind = (k: Json): string => {
    if (typeof k === 'string') return k;
    const [tag, v] = Object.entries(k)[0] as [string, Json];
    switch (tag) {
      case 'handle':
        return v.own !== undefined ? ty(v.own) : `borrow<${ty(v.borrow)}>`;
      case 'record':
        return `record{${v.fields.map((f: Json) => `${f.name}:${ty(f.type)}`).join(',')}}`;
      case 'variant':
        return `variant{${v.cases.map((c: Json) => `${c.name}${c.type == null ? '' : `(${ty(c.type)})`}`).join(',')}}`;
      case 'enum':
        return `enum{${v.cases.map((c: Json) => c.name).join(',')}}`;
      case 'flags':
        return `flags{${v.flags.map((c: Json) => c.name).join(',')}}`;
      case 'tuple':
        return `tuple<${v.types.map(ty).join(',')}>`;
      case 'result':
        return `result<${v.ok == null ? '_' : ty(v.ok)},${v.err == null ? '_' : ty(v.err)}>`;
      case 'type':
        return `=${ty(v)}`;
      default:
        return v == null ? tag : `${tag}<${Array.isArray(v) ? v.map((x) => (typeof x === 'number' ? x : ty(x))).join(',') : ty(v)}>`;
    }
  };
  const func = (f: Json): string => {
    const k = typeof f.kind === 'string' ? f.kind : Object.keys(f.kind)[0];
    const params = f.params.map((p: Json) => (Array.isArray(p) ? `${p[0]}:${ty(p[1])}` : `${p.name}:${ty(p.type)}`)).join(',');
    const result = f.result != null ? ty(f.result) : f.results ? JSON.stringify(f.results) : '';
    return `${k} func(${params})->${result}${stability(f.stability)}`;
  };
  const items = new Map<string, Item>();
  for (const [name, id] of Object.entries(pkg.interfaces) as Array<[string, number]>) {
    const iface = doc.interfaces[id];
    items.set(name, { shape: `interface${stability(iface.stability)}` });
    for (const [tname, tid] of Object.entries(iface.types) as Array<[string, number]>) {
      items.set(`${name}/${tname}`, { shape: `${kind(doc.types[tid].kind)}${stability(doc.types[tid].stability)}`, parent: name });
    }
    for (const [fname, f] of Object.entries(iface.functions) as Array<[string, Json]>) {
      const m = /^\[(?:async )?(method|static|constructor)\]([^.]+)(?:\.(.+))?$/.exec(fname);
      if (m) items.set(`${name}/${m[2]}.${m[1] === 'constructor' ? 'constructor' : m[3]}`, { shape: func(f), parent: `${name}/${m[2]}` });
      else items.set(`${name}/${fname.replace(/^\[async\]/, '')}`, { shape: func(f), parent: name });
    }
  }
  for (const [name, id] of Object.entries(pkg.worlds) as Array<[string, number]>) {
    const world = doc.worlds[id];
    items.set(name, { shape: `world${stability(world.stability)}` });
    for (const dir of ['imports', 'exports'] as const) {
      for (const [key, item] of Object.entries(world[dir]) as Array<[string, Json]>) {
        if (item.type !== undefined) {
          const def = doc.types[item.type];
          items.set(`${name}/${key}`, { shape: `${kind(def.kind)}${stability(def.stability)}`, parent: name });
        } else if (item.function) {
          items.set(`${name}/${key}`, { shape: `${dir} ${func(item.function)}`, parent: name });
        } else {
          const iface = doc.interfaces[item.interface.id];
          let path = key;
          let target = `inline{${Object.entries(iface.functions)
            .map(([n, f]) => `${n}:${func(f)}`)
            .join(',')}|${Object.entries(iface.types)
            .map(([n, t]) => `${n}:${kind(doc.types[t as number].kind)}`)
            .join(',')}}`;
          if (/^interface-\d+$/.test(key)) {
            const q = `${noVersion(doc.packages[iface.package].name)}/${iface.name}`;
            path = iface.package === pkgIndex ? iface.name : q;
            target = q;
          } else if (iface.name) {
            target = `${noVersion(doc.packages[iface.package].name)}/${iface.name}`;
          }
          items.set(`${name}/${path}`, { shape: `${dir} ${target}${stability(item.interface.stability)}`, parent: name });
        }
      }
    }
  }
  return items;
}

/** `path -> added | removed | changed` between two resolved packages. */
export function jsonDiff(oldDoc: Json, newDoc: Json): Map<string, string> {
  const a = jsonSurface(oldDoc),
    b = jsonSurface(newDoc);
  const out = new Map<string, string>();
  for (const [path, item] of a) {
    const after = b.get(path);
    if (!after) out.set(path, 'removed');
    else if (after.shape !== item.shape) out.set(path, 'changed');
  }
  for (const path of b.keys()) if (!a.has(path)) out.set(path, 'added');
  return out;
}
