// What an `unknown-package` diagnostic is about: the foreign package a WIT
// reference names (`ns:pkg/iface@1.2.3` -> `ns:pkg`, version 1.2.3), read from
// the text the diagnostic covers, or from its message as a fallback.
// No `vscode` import: unit-tested in test/packages/.

export interface PackageRef {
  namespace: string;
  name: string;
  /** The version the reference asks for, when it names one. */
  version?: string;
  /** `ns:pkg`. */
  key: string;
  /** `ns:pkg@ver`, or `ns:pkg` when no version is named. */
  spec: string;
}

const ID = String.raw`%?[a-z][a-z0-9]*(?:-[a-z0-9]+)*`;
const SEMVER = String.raw`\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?`;
const REF = new RegExp(String.raw`^\s*(${ID})\s*:\s*(${ID})((?:\s*/\s*${ID})*)\s*(?:@\s*(${SEMVER}))?`);
const MESSAGE = new RegExp(String.raw`package '(${ID}):(${ID})(?:@(${SEMVER}))?' not found`);

function make(namespace: string, name: string, version: string | undefined): PackageRef {
  const strip = (s: string) => s.replace(/^%/, '');
  const ns = strip(namespace);
  const n = strip(name);
  const key = `${ns}:${n}`;
  return { namespace: ns, name: n, version, key, spec: version ? `${key}@${version}` : key };
}

/** Reads `ns:pkg[/iface][@ver]` at the start of `text` (the diagnostic's range). */
export function parsePackageRef(text: string): PackageRef | undefined {
  const m = REF.exec(text);
  if (!m) return undefined;
  // A nested namespace (`a:b:c`) is not a registry package.
  const after = text.slice(m[0].length);
  if (/^\s*:/.test(after)) return undefined;
  return make(m[1], m[2], m[4]);
}

/** The package named in the core's message: `package 'ns:pkg@1.0.0' not found. ...`. */
export function packageRefFromMessage(message: string): PackageRef | undefined {
  const m = MESSAGE.exec(message);
  return m ? make(m[1], m[2], m[3]) : undefined;
}

/** The diagnostic's range text first, its message next. */
export function packageRefOf(rangeText: string, message: string): PackageRef | undefined {
  return parsePackageRef(rangeText) ?? packageRefFromMessage(message);
}
