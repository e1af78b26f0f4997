// The judge of the canonical ABI: the core module wasm-tools makes for a world
// (`component embed --dummy-names SCHEME`, then `print`), read back as one line
// per import and export with its core signature, the form module.ts prints.
// Outputs are kept in a temp folder for the run (several tests ask for the same world).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export type DummyMode = 'sync' | 'async-callback' | 'async-stackful';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'wit-devkit-abi-judge-'));
process.on('exit', () => fs.rmSync(scratch, { recursive: true, force: true }));

export function toolVersion(tool: string): string {
  const m = /(\d+\.\d+\.\d+)/.exec(execFileSync(tool, ['--version'], { encoding: 'utf8', timeout: 60_000 }));
  if (!m) throw new Error(`no version from ${tool}`);
  return m[1];
}

/** The printed dummy module of a world, or the tool's error. */
export function dummyModule(
  tool: string,
  witPath: string,
  world: string,
  scheme: 'legacy' | 'standard32',
  mode: DummyMode,
): { wat: string } | { error: string } {
  const args = ['component', 'embed', '--features', 'active', '--dummy-names', scheme];
  if (mode === 'async-callback') args.push('--async-callback');
  if (mode === 'async-stackful') args.push('--async-stackful');
  const key = createHash('sha1')
    .update(JSON.stringify([tool, witPath, world, args]))
    .digest('hex');
  const cached = path.join(scratch, `${key}.json`);
  if (fs.existsSync(cached)) return JSON.parse(fs.readFileSync(cached, 'utf8'));
  const wasm = path.join(scratch, `${key}.wasm`);
  let out: { wat: string } | { error: string };
  try {
    execFileSync(tool, [...args, witPath, '-w', world, '-o', wasm], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 60_000 });
    out = { wat: execFileSync(tool, ['print', wasm], { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 << 20 }) };
  } catch (e) {
    out = {
      error: String((e as { stderr?: Buffer }).stderr ?? e)
        .split('\n')
        .slice(0, 3)
        .join(' / '),
    };
  }
  fs.writeFileSync(cached, JSON.stringify(out));
  return out;
}

const STR = /"((?:[^"\\]|\\.)*)"/g;
const unquote = (s: string) => JSON.parse(`"${s.replace(/\\([0-9a-f]{2})/g, '\\u00$1')}"`) as string;

/** Imports and exports of a printed module, as `import "m" "n" (params) -> (results)` lines. */
export function moduleLines(wat: string): string[] {
  const types = new Map<number, string>();
  const funcTypes: string[] = [];
  const lines: string[] = [];
  const exports: Array<{ name: string; func?: number }> = [];
  const sig = (body: string) => {
    const params = [...body.matchAll(/\(param ([^)]*)\)/g)].flatMap((m) => m[1].trim().split(/\s+/));
    const results = [...body.matchAll(/\(result ([^)]*)\)/g)].flatMap((m) => m[1].trim().split(/\s+/));
    return `(${params.join(' ')}) -> (${results.join(' ')})`;
  };
  for (const raw of wat.split('\n')) {
    const line = raw.trim();
    let m: RegExpExecArray | null;
    if ((m = /^\(type \(;(\d+);\) \(func(.*)\)\)$/.exec(line))) types.set(Number(m[1]), sig(m[2]));
    else if (line.startsWith('(import ')) {
      const [mod, name] = [...line.matchAll(STR)].map((x) => unquote(x[1]));
      const t = /\(type (\d+)\)/.exec(line);
      const s = t ? types.get(Number(t[1]))! : '?';
      funcTypes.push(s);
      lines.push(`import ${JSON.stringify(mod)} ${JSON.stringify(name)} ${s}`);
    } else if (line.startsWith('(export ')) {
      const [name] = [...line.matchAll(STR)].map((x) => unquote(x[1]));
      const f = /\(func (\d+)\)/.exec(line);
      exports.push({ name, func: f ? Number(f[1]) : undefined });
    } else if ((m = /^\(func \(;(\d+);\) \(type (\d+)\)/.exec(line))) funcTypes[Number(m[1])] = types.get(Number(m[2]))!;
  }
  for (const e of exports) lines.push(`export ${JSON.stringify(e.name)} ${e.func === undefined ? 'memory' : funcTypes[e.func]}`);
  return lines;
}

/**
 * Imports no WIT function or resource stands for: the async ABI's built-ins
 * (`[waitable-set-new]`, `[task-cancel]` ...) and each function's future and
 * stream intrinsics (`[stream-new-0]f` ...), which wasm-tools adds in its
 * async modes. They are the component's, not a signature's, so not shown.
 */
export function isAsyncIntrinsic(line: string): boolean {
  const m = /^import "[^"]*" "(.*)" /.exec(line);
  if (!m) return false;
  return /^\[[^\]]+\]$/.test(m[1]) || /^(\[async-lower\])?\[(stream|future)-[a-z-]+-\d+\]/.test(m[1]);
}
