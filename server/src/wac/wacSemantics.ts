// The semantic check of a WAC document, every error at once: wac (wac-parser's resolver)
// stops at its first, so a document with three mistakes would show one. This walks the
// tree-sitter-wac tree the way wac's resolver walks its AST (statements in order; in a `new`,
// the arguments, then the spreads, then each argument against its import, then what is
// missing), with the components of the document's deps/ folder (given by `packages`: no
// files are read here), and words each error as wac words it, at the token wac points at.
// An expression that failed evaluates to an unknown value, which nothing checks further, so
// one mistake is reported once and not again at every use of its name.
// The WIT declared in the document binds names and has its type names checked
// (wacTypeNames.ts); only its functions, and interfaces made of them, are typed
// (wacLocalTypes.ts): an argument of any other declared type is not type-checked.
import type { ComponentType, ExternItem, Sort } from '../../../common/component/model';
import type { Node, Tree } from '../core/index';
import type { ItemKind, WacDefinitions } from './wacDefinitions';
import { checkInstantiation, implicitConflicts } from './wacInstantiation';
import { funcType, interfaceType } from './wacLocalTypes';
import { packagePathTarget, targetOf } from './wacPaths';
import { checkTypeNames, interfaceItems } from './wacTypeNames';

/** A package found where wac finds it; what it defines and instantiates to, when read. */
export interface WacPackage {
  file: string;
  /** The interfaces and worlds it defines, when they are known (wacDefinitions.ts). */
  definitions?: WacDefinitions;
  /** What `new` of it instantiates, when known: its imports, and the exports of the instance. */
  world?: { imports: ExternItem[]; exports: ExternItem[] };
}
/** The package `name` at `version`, or undefined when wac would not find it. */
export type WacPackages = (name: string, version: string | undefined) => WacPackage | undefined;

export interface WacSemanticProblem {
  /** Offsets into the text. */
  start: number;
  end: number;
  severity: 'error' | 'warning';
  /** What kind of problem (`unknown-export`, `missing-argument` ...). */
  code: string;
  /** The first line is wac's message; lines after it say why. */
  message: string;
}

/** What an expression evaluates to, as far as the checker knows. */
export interface Value {
  /** Undefined when unknown (an error was reported, or a type the checker does not model). */
  sort?: Sort;
  type?: ComponentType;
  /** For an import: its name in the composition. */
  importName?: string;
  /** For an export of an instance: the export's name. */
  aliasName?: string;
  /** For an instance of a named interface: the interface's name (wac's type id). */
  id?: string;
  /** For a type declared in the document: what it is (`interface`, `world`, `record` ...). */
  declared?: string;
  /**
   * For a declared interface: its types and functions (what a `use` of it may name); for an
   * instance of an interface whose types are not read (imported by path): its exports' names.
   */
  items?: Map<string, ItemKind>;
}

interface Binding {
  value: Value;
  node: Node;
  /** A type declaration (`interface`, `record` ...): a definition an export may not be named after. */
  definition?: string;
  let?: boolean;
  used: boolean;
}

/** What the walk keeps: names in scope, the composition's imports and exports, the problems found. */
export interface Scope {
  text: string;
  packages: WacPackages;
  /** The document's own package (`new` of it is an unknown package, as in wac). */
  self?: string;
  /** Its name as written, with its version (`docs:x@1.2.0`): a local interface's path starts with it. */
  selfPackage?: string;
  names: Map<string, Binding>;
  imports: Map<string, Node>;
  /** The imports a `new ... { ... }` leaves to the composition, by name: the package that leaves each. */
  implicitImports: Map<string, string>;
  exports: Map<string, Node>;
  problems: WacSemanticProblem[];
}

export function report(scope: Scope, node: { startIndex: number; endIndex: number }, code: string, message: string): void {
  scope.problems.push({ start: node.startIndex, end: node.endIndex, severity: 'error', code, message });
}

const unquote = (s: string) => s.replace(/^"|"$/g, '');
/** A string literal's value, or an identifier's name (`%` escapes a keyword). */
export const nameOf = (n: Node) => (n.type === 'string_literal' ? unquote(n.text) : n.text.replace(/^%/, ''));
/** `ns:name@1.2.3` as its name and version. */
export const splitPackage = (text: string) => {
  const at = text.indexOf('@');
  return at < 0 ? { name: text, version: undefined } : { name: text.slice(0, at), version: text.slice(at + 1) };
};

/** Every semantic problem of a document that parsed (syntax errors are reported before this runs). */
export function checkWacSemantics(tree: Tree, text: string, packages: WacPackages): WacSemanticProblem[] {
  const scope: Scope = {
    text,
    packages,
    names: new Map(),
    imports: new Map(),
    implicitImports: new Map(),
    exports: new Map(),
    problems: [],
  };
  const declared = tree.rootNode.namedChildren.find((s) => s?.type === 'package_decl')?.childForFieldName('name')?.text;
  scope.selfPackage = declared;
  scope.self = declared === undefined ? undefined : splitPackage(declared).name;
  packagePaths(scope, tree.rootNode);
  for (const statement of tree.rootNode.namedChildren) {
    if (!statement) continue;
    switch (statement.type) {
      case 'package_decl': {
        const targets = statement.childForFieldName('targets');
        if (targets) targetOf(scope, targets, 'world');
        break;
      }
      case 'import_statement':
        importStatement(scope, statement);
        break;
      case 'let_statement': {
        const value = expression(scope, statement.childForFieldName('value'));
        const name = statement.childForFieldName('name');
        if (name) bind(scope, name, value, { let: true });
        break;
      }
      case 'export_statement':
        exportStatement(scope, statement);
        break;
      case 'interface_decl':
      case 'world_decl':
      case 'record_decl':
      case 'variant_decl':
      case 'flags_decl':
      case 'enum_decl':
      case 'type_alias':
        typeDeclaration(scope, statement);
        break;
    }
  }
  implicitConflicts(scope);
  // wac finds the packages before it resolves anything (wac-resolver's visitor, then its file
  // lookup), so its first error is a package one wherever that is: ours are in its order.
  const phase = (p: WacSemanticProblem) => PHASES.indexOf(p.code) + 1 || PHASES.length + 1;
  return [...scope.problems.sort((a, b) => phase(a) - phase(b)), ...unused(scope)];
}

const PHASES = ['instantiate-self', 'unknown-package'];

/**
 * The packages named by paths (`import x: ns:pkg/iface@1.0.0;`, `use`, `include`, `targets`):
 * wac looks each one up before it resolves anything, a `new`'s with them (checkInstantiation).
 */
function packagePaths(scope: Scope, node: Node): void {
  if (node.type === 'package_path') {
    const slash = node.text.indexOf('/');
    const name = node.text.slice(0, slash < 0 ? undefined : slash);
    const version = splitPackage(node.text).version;
    // (A path into the document's own package names what it declares: wacPaths.ts.)
    if (name !== scope.self && !scope.packages(name, version))
      report(
        scope,
        { startIndex: node.startIndex, endIndex: node.startIndex + name.length },
        'unknown-package',
        `unknown package \`${name}\``,
      );
    return;
  }
  for (const child of node.namedChildren) if (child) packagePaths(scope, child);
}

/** Binds a local name; a second binding of it is wac's `already defined`, at the second. */
function bind(scope: Scope, name: Node, value: Value, extra: Partial<Binding> = {}): void {
  const key = nameOf(name);
  if (scope.names.has(key)) report(scope, name, 'duplicate-name', `\`${key}\` is already defined`);
  scope.names.set(key, { value, node: name, used: false, ...extra });
}

/** A local name's value, marked used; undefined (and reported) when no statement before binds it. */
export function lookup(scope: Scope, name: Node): Value | undefined {
  const binding = scope.names.get(nameOf(name));
  if (!binding) {
    report(scope, name, 'undefined-name', `undefined name \`${nameOf(name)}\``);
    return undefined;
  }
  binding.used = true;
  return binding.value;
}

const DECLARATION_KIND: Record<string, string> = {
  interface_decl: 'interface',
  world_decl: 'world',
  record_decl: 'record',
  variant_decl: 'variant',
  flags_decl: 'flags',
  enum_decl: 'enum',
  type_alias: 'type',
};

/** A type declared at the top: a name, and an export of the composition (wac's define_type). */
function typeDeclaration(scope: Scope, statement: Node): void {
  const name = statement.childForFieldName('name');
  if (!name) return;
  // Its items first (wac resolves the declaration, then defines it); the name is not yet in
  // scope, but a record's own fields may not name it either.
  const body = statement.childForFieldName('body');
  checkTypeNames(scope, body ?? statement, new Set(), statement.type === 'interface_decl' ? nameOf(name) : undefined);
  const key = nameOf(name);
  if (scope.exports.has(key))
    report(scope, name, 'export-conflict', `type declaration \`${key}\` conflicts with a previous export of the same name`);
  else scope.exports.set(key, name);
  const declared = DECLARATION_KIND[statement.type];
  const type = statement.type === 'interface_decl' ? interfaceType(body) : undefined;
  const items = statement.type === 'interface_decl' ? interfaceItems(body) : undefined;
  bind(scope, name, { sort: 'type', declared, type, items }, { definition: declared });
}

function importStatement(scope: Scope, statement: Node): void {
  const id = statement.childForFieldName('name');
  const alias = statement.childForFieldName('alias');
  const type = statement.childForFieldName('type');
  if (!id || !type) return;
  checkTypeNames(scope, type);
  let value: Value = {};
  let name = alias ? nameOf(alias) : nameOf(id);
  let at: Node = alias ?? id;
  if (type.type === 'package_path') {
    // Imported by path: named by it; an instance of the interface, or a component of the
    // world, it names (their types are not read here).
    if (!alias) {
      name = type.text;
      at = type;
    }
    const target = packagePathTarget(scope, type);
    value = {
      id: type.text,
      sort: target && (target.kind === 'interface' ? 'instance' : 'component'),
      items: target?.kind === 'interface' ? target.items : undefined,
    };
  } else if (type.type === 'func_type') value = { sort: 'func', type: funcType(type) };
  else if (type.type === 'inline_interface') value = { sort: 'instance', type: interfaceType(type.childForFieldName('body')) };
  else if (type.type === 'identifier') {
    // An import of a declared interface is an instance of it, of a world a component (wac's
    // promote); their types are not modelled here. Other names keep what they are.
    const named = lookup(scope, type);
    if (named?.declared === 'interface') value = { sort: 'instance', type: named.type };
    else if (named?.declared === 'world') value = { sort: 'component' };
    else value = named && !named.declared ? { sort: named.sort, type: named.type, id: named.id } : {};
    if (!alias && named?.id) name = named.id;
  }
  const previous = scope.imports.get(name);
  if (previous) report(scope, at, 'duplicate-import', `duplicate import \`${name}\``);
  else scope.imports.set(name, at);
  bind(scope, id, { ...value, importName: name });
}

function exportStatement(scope: Scope, statement: Node): void {
  const expr = statement.childForFieldName('value');
  const value = expression(scope, expr);
  if (!expr || (value.sort === undefined && value.importName === undefined && value.aliasName === undefined && value.id === undefined)) {
    // Unknown (an error already said why): nothing to infer a name from or spread.
    return;
  }
  const alias = statement.childForFieldName('alias');
  if (statement.childForFieldName('spread')) {
    if (value.sort !== 'instance') {
      report(scope, expr, 'not-an-instance', 'an instance is required to perform a spread operation');
      return;
    }
    if (value.type?.kind !== 'instance') return;
    const fresh = value.type.exports.filter((e) => !scope.exports.has(e.name));
    for (const e of fresh) scope.exports.set(e.name, expr);
    if (fresh.length === 0)
      report(
        scope,
        expr,
        'spread-export-no-effect',
        'instance has no exports or all exports of the instance match previously exported names',
      );
    return;
  }
  const name = alias ? nameOf(alias) : ((value.sort === 'instance' ? value.id : undefined) ?? value.importName ?? value.aliasName);
  const at = alias ?? expr;
  if (name === undefined) {
    report(scope, expr, 'export-requires-as', 'export statement requires an `as` clause as the export name cannot be inferred');
    return;
  }
  const definition = scope.names.get(name)?.definition;
  if (definition) report(scope, at, 'export-conflict', `export \`${name}\` conflicts with ${definition} definition`);
  else if (scope.exports.has(name)) report(scope, at, 'duplicate-export', `duplicate export \`${name}\``);
  else scope.exports.set(name, at);
}

/** wac's find_matching_interface_name: `baz` for the one `ns:pkg/baz@v` of `names`, unless `baz` itself is one. */
export function matchingInterfaceName(name: string, names: string[]): string | undefined {
  if (names.includes(name)) return undefined;
  const matches = names.filter((n) => {
    const slash = n.lastIndexOf('/');
    return slash >= 0 && n.slice(slash + 1).replace(/@.*$/, '') === name;
  });
  return matches.length === 1 ? matches[0] : undefined;
}

/** The exports of an instance whose types are not read: their names and sorts only. */
const namedExports = (items: Map<string, ItemKind>): { name: string; sort: Sort; type?: ComponentType }[] =>
  [...items].map(([name, kind]) => ({ name, sort: kind === 'function' ? 'func' : kind === 'interface' ? 'instance' : 'type' }));

const exportsOf = (value: Value): ExternItem[] | undefined => (value.type?.kind === 'instance' ? value.type.exports : undefined);

/** The value of an expression; unknown ({}) when it failed or is beyond what is modelled. */
export function expression(scope: Scope, node: Node | null): Value {
  if (!node) return {};
  switch (node.type) {
    case 'name_expression': {
      const id = node.namedChild(0);
      return (id && lookup(scope, id)) || {};
    }
    case 'nested_expression':
      return expression(scope, node.childForFieldName('inner'));
    case 'new_expression':
      return checkInstantiation(scope, node);
    case 'access_expression':
    case 'named_access_expression':
      return access(scope, node);
    default:
      return {};
  }
}

/** The span wac names for an object: the primary expression, or the postfix before this one. */
function objectSpan(object: Node): { startIndex: number; endIndex: number } {
  if (object.type === 'access_expression' || object.type === 'named_access_expression') {
    const opener = object.children.find((c) => c?.type === '.' || c?.type === '[');
    return { startIndex: opener?.startIndex ?? object.startIndex, endIndex: object.endIndex };
  }
  return object;
}

/** `i.name` or `i["name"]`: the export of an instance (an access of a non-instance is an error). */
function access(scope: Scope, node: Node): Value {
  const object = node.childForFieldName('object');
  const value = expression(scope, object);
  if (!object || value.sort === undefined) return {};
  if (value.sort !== 'instance') {
    report(scope, objectSpan(object), 'not-an-instance', 'an instance is required to perform an access operation');
    return {};
  }
  const field = node.childForFieldName(node.type === 'access_expression' ? 'field' : 'name');
  const exports = exportsOf(value) ?? (value.items && namedExports(value.items));
  if (!exports || !field) return {};
  const opener = node.children.find((c) => c?.type === '.' || c?.type === '[');
  const written = nameOf(field);
  const name =
    node.type === 'access_expression'
      ? (matchingInterfaceName(
          written,
          exports.map((e) => e.name),
        ) ?? written)
      : written;
  const found = exports.find((e) => e.name === name);
  if (!found) {
    report(
      scope,
      { startIndex: opener?.startIndex ?? field.startIndex, endIndex: node.endIndex },
      'unknown-export',
      `the instance has no export named \`${name}\``,
    );
    return {};
  }
  return {
    sort: found.sort,
    type: found.type,
    aliasName: found.name,
    id: found.sort === 'instance' && name.includes('/') ? name : undefined,
  };
}

/** The lets nothing reads: wac composes them, and the instance is dead weight in the component. */
function unused(scope: Scope): WacSemanticProblem[] {
  const out: WacSemanticProblem[] = [];
  for (const [name, b] of scope.names) {
    // (A let whose expression failed has its error; unknown, it is not called unused too.)
    if (!b.let || b.used || b.value.sort === undefined) continue;
    out.push({
      start: b.node.startIndex,
      end: b.node.endIndex,
      severity: 'warning',
      code: 'unused-instance',
      message:
        b.value.sort === 'instance'
          ? `instance \`${name}\` is never used: nothing takes its exports and the composition does not export it`
          : `\`${name}\` is never used: nothing takes it and the composition does not export it`,
    });
  }
  return out;
}
