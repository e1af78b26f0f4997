// Groups the files of a package source into packages, as wit-parser does: the
// `package a:b;` headers name the source's main package (all files must agree);
// `package a:b { ... }` blocks are packages of their own.
import type { Range } from 'vscode-languageserver-types';
import type * as A from '../syntax/ast';
import type { PackageEntity } from './entities';
import type { DiagnosticSink } from './diagnostics';
import type { PackageSource } from './discover';
import type { PackageModel } from '../model';

export interface LoweredSource {
  source: PackageSource;
  files: A.FileAst[];
}

export function packageKey(name: A.PackageNameAst): { key: string; baseName: string; version?: string } {
  const segs = name.segments.map((s) => s.name);
  const baseName = segs.join(':');
  const version = name.version?.text;
  return { key: version ? `${baseName}@${version}` : baseName, baseName, version };
}

export class PackageTable {
  readonly packages: PackageEntity[] = [];
  private readonly byKey = new Map<string, PackageEntity>();

  get(key: string): PackageEntity | undefined {
    return this.byKey.get(key);
  }

  /** Packages named `ns:name` whatever their version (for "did you mean" and errors). */
  withBaseName(baseName: string): PackageEntity[] {
    return this.packages.filter((p) => p.baseName === baseName);
  }

  /** A package resolved before (a base), looked up like the others. */
  adopt(p: PackageEntity): void {
    this.byKey.set(p.key, p);
    this.packages.push(p);
  }

  getOrCreate(key: string, baseName: string, version: string | undefined, isDependency: boolean, opaque = false): PackageEntity {
    let p = this.byKey.get(key);
    if (p) return p;
    const model: PackageModel = { name: key, uris: [], interfaces: [], worlds: [], dependencies: [], isDependency };
    p = { key, baseName, version, isDependency, opaque, items: new Map(), units: [], model, refs: new Map() };
    this.byKey.set(key, p);
    this.packages.push(p);
    return p;
  }
}

export function groupPackages(lowered: LoweredSource, table: PackageTable, sink: DiagnosticSink): void {
  const { source, files } = lowered;
  let main: { key: string; baseName: string; version?: string; uri: string; range: Range } | undefined;
  let docsSeen = false;
  for (const file of files) {
    file.packageDecls.forEach((decl, i) => {
      // A second header is a syntax error (reported while lowering).
      if (i > 0) return;
      checkPackageName(file.uri, decl.name, sink);
      const k = packageKey(decl.name);
      if (!main) main = { ...k, uri: file.uri, range: decl.name.range };
      else if (main.key !== k.key) {
        sink.error(
          file.uri,
          decl.name.range,
          `package identifier \`${k.key}\` does not match previous package name of \`${main.key}\``,
          'package-header',
        );
      }
      if (decl.docs) {
        // wit-parser points at the second header's comments, not the header.
        if (docsSeen)
          sink.error(file.uri, decl.docsRange ?? decl.range, "found doc comments on multiple 'package' items", 'package-header');
        docsSeen = true;
      }
    });
  }
  let mainPkg: PackageEntity | undefined;
  const claim = (pkg: PackageEntity, uri: string, range: Range) => {
    if (pkg.location === undefined) pkg.location = source.location;
    else if (pkg.location !== source.location) {
      sink.error(
        uri,
        range,
        `package \`${pkg.key}\` is defined in two different locations: ${pkg.location} and ${source.location}`,
        'package-header',
      );
    }
  };
  if (main) {
    mainPkg = table.getOrCreate(main.key, main.baseName, main.version, source.isDependency);
    claim(mainPkg, main.uri, main.range);
    mainPkg.declUri ??= main.uri;
    mainPkg.declRange ??= main.range;
  }
  if (!mainPkg && files.length && files.every((f) => !f.items.some((i) => i.kind !== 'nested-package'))) {
    // Nothing but nested packages (or nothing at all): wit-parser still wants a header.
    const file = files[0];
    const nested = file.items[0];
    const at = nested?.kind === 'nested-package' ? nested.name.range : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    sink.error(file.uri, at, 'no `package` header was found in any WIT file for this package', 'package-header');
  }
  // Each header group and each nested block defines a package: a name defined twice is an error.
  const defined = new Set<string>(main ? [main.key] : []);
  for (const file of files) {
    const topLevel = file.items.filter((i) => i.kind !== 'nested-package');
    if (topLevel.length) {
      if (mainPkg) {
        mainPkg.units.push({ uri: file.uri, items: topLevel });
        if (!mainPkg.model.uris.includes(file.uri)) mainPkg.model.uris.push(file.uri);
      } else {
        const first = topLevel[0];
        const at = 'name' in first && first.name && 'range' in first.name ? (first.name as A.Ident).range : first.range;
        sink.error(file.uri, at, 'no `package` header was found in any WIT file for this package', 'package-header');
      }
    }
    // Nested blocks, flattened (depth limits were checked while lowering).
    const stack: A.NestedPackageAst[] = file.items.filter((i): i is A.NestedPackageAst => i.kind === 'nested-package');
    while (stack.length) {
      const nested = stack.shift()!;
      checkPackageName(file.uri, nested.name, sink);
      const k = packageKey(nested.name);
      if (defined.has(k.key))
        sink.error(file.uri, nested.name.range, `package \`${k.key}\` is defined in two different locations`, 'package-header');
      defined.add(k.key);
      const pkg = table.getOrCreate(k.key, k.baseName, k.version, source.isDependency);
      claim(pkg, file.uri, nested.name.range);
      pkg.declUri ??= file.uri;
      pkg.declRange ??= nested.name.range;
      pkg.units.push({ uri: file.uri, items: nested.items.filter((i) => i.kind !== 'nested-package') });
      if (!pkg.model.uris.includes(file.uri)) pkg.model.uris.push(file.uri);
      for (const inner of nested.items) {
        if (inner.kind !== 'nested-package') continue;
        // Grammatical, but wit-parser resolves a nested package alone and rejects one inside it.
        if (nested.depth === 1) sink.error(file.uri, inner.name.range, 'nested packages must be placed at the top-level', 'package-header');
        stack.push(inner);
      }
    }
  }
}

function checkPackageName(uri: string, name: A.PackageNameAst, sink: DiagnosticSink): void {
  if (name.segments.length > 2) {
    sink.error(uri, name.segments[2].range, 'nested namespaces are not supported in package names', 'package-header');
  }
  if (name.nested.length) sink.error(uri, name.nested[0].range, 'nested package names are not supported', 'package-header');
  if (name.version && !isSemver(name.version.text)) {
    sink.error(uri, name.version.range, `\`${name.version.text}\` is not a valid semver version`, 'invalid-version');
  }
}

const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

export function isSemver(text: string): boolean {
  return SEMVER.test(text);
}

/**
 * Comparisons made so far: every `@since` of a package is compared with its
 * version on every analysis (WASI has one per item), and there are few pairs.
 */
const compared = new Map<string, number>();

/** Compares two semver versions (precedence; build metadata ignored). */
export function compareSemver(a: string, b: string): number {
  const key = `${a} ${b}`;
  let result = compared.get(key);
  if (result === undefined) {
    if (compared.size > 10_000) compared.clear();
    compared.set(key, (result = compareSemverUncached(a, b)));
  }
  return result;
}

function compareSemverUncached(a: string, b: string): number {
  const parse = (v: string) => {
    const [core, pre] = v.split('+')[0].split(/-(.*)/s);
    return { nums: core.split('.').map(Number), pre };
  };
  const x = parse(a),
    y = parse(b);
  for (let i = 0; i < 3; i++) if (x.nums[i] !== y.nums[i]) return x.nums[i] - y.nums[i];
  if (x.pre === y.pre) return 0;
  if (x.pre === undefined) return 1;
  if (y.pre === undefined) return -1;
  const xs = x.pre.split('.'),
    ys = y.pre.split('.');
  for (let i = 0; i < Math.max(xs.length, ys.length); i++) {
    if (xs[i] === undefined) return -1;
    if (ys[i] === undefined) return 1;
    const xn = /^\d+$/.test(xs[i]),
      yn = /^\d+$/.test(ys[i]);
    if (xn && yn && Number(xs[i]) !== Number(ys[i])) return Number(xs[i]) - Number(ys[i]);
    if (xn !== yn) return xn ? -1 : 1;
    if (xs[i] !== ys[i]) return xs[i] < ys[i] ? -1 : 1;
  }
  return 0;
}
