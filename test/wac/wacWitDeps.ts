// Deps for the WAC tests of package paths: test/fixtures/wac's components, and two WIT
// packages beside them as folders of WIT (wac's file-system resolver finds `ns:name` in
// deps/ns/name/ and `ns:name@v` in deps/ns/name/v/), written into a temporary folder so
// the fixtures stay as the other tests know them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as assert from 'node:assert/strict';
import { wacPackage } from '../../server/src/wac/wacPackages';
import { checkWacSemantics } from '../../server/src/wac/wacSemantics';
import type { WacGrammar } from '../../server/src/wac/wacSyntaxTree';
import { repoRoot } from './wacTokenizer';

export const IFACE_WIT = `package docs:iface;
interface logger {
  log: func(msg: string);
}
interface types {
  record point { x: u32, y: u32 }
  resource blob { constructor(); size: func() -> u32; }
}
world w {
  import logger;
  export run: func();
}
`;
export const CALC_WIT = `package docs:calc@0.1.0;
interface logger { log: func(msg: string); }
interface adder { add: func(a: u32, b: u32) -> u32; }
`;

/** test/fixtures/wac's deps with two WIT packages beside its components. */
export function depsWithWit(into: string): string {
  const deps = path.join(into, 'deps');
  fs.cpSync(path.join(repoRoot, 'test/fixtures/wac/deps'), deps, { recursive: true, dereference: true });
  fs.mkdirSync(path.join(deps, 'docs/iface'), { recursive: true });
  fs.writeFileSync(path.join(deps, 'docs/iface/iface.wit'), IFACE_WIT);
  fs.mkdirSync(path.join(deps, 'docs/calc/0.1.0'), { recursive: true });
  fs.writeFileSync(path.join(deps, 'docs/calc/0.1.0/calc.wit'), CALC_WIT);
  return deps;
}

/** The semantic errors of `text` over `deps`, each as `line:column [token] message`. */
export function semanticErrors(g: WacGrammar, deps: string, text: string): string[] {
  const tree = g.parse(text);
  assert.ok(tree);
  try {
    return checkWacSemantics(tree, text, (n, v) => wacPackage(deps, n, v, g.parseWit))
      .filter((p) => p.severity === 'error')
      .map((p) => {
        const before = text.slice(0, p.start).split('\n');
        return `${before.length}:${before[before.length - 1].length + 1} [${text.slice(p.start, p.end)}] ${p.message}`;
      });
  } finally {
    tree.delete();
  }
}
