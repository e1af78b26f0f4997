// Runtime jco under VS Code's Node debugger. The Node debugger launches a
// small runner (written once into the extension's storage) that, at launch
// time, so after any preLaunchTask has rebuilt the component:
//   1. runs `jco transpile <component> -o <dir> --name component ...` from an
//      argument list (the core .wasm keeps its DWARF, so the debugger can
//      break inside it);
//   2. links jco's WASI host, @bytecodealliance/preview2-shim, beside the
//      output, as `jco run` does, so the transpiled imports resolve;
//   3. calls the component's wasi:cli/run and prints the exit code on stderr,
//      which the Debug Console shows.
//   (4. gives it the launch config's `dirs` as preopens, like wasmtime --dir.)
// Runner argv: <component> <outDir> <shimDir> <jcoCommand> <jcoScript|""> <preopens JSON> -- <component args...>
// No `vscode` import.
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { preopenMap, type JcoInvocation } from '../tasks/jcoLayout';

/** The jco transpile arguments for debugging (pinned by unit tests). */
export function transpileArgs(component: string, outDir: string): string[] {
  return ['transpile', component, '-o', outDir, '--name', 'component', '--no-typescript', '--quiet'];
}

/** The runner's arguments for one launch; `dirs` are preopens as for wasmtime --dir. */
export function runnerArgs(component: string, outDir: string, jco: JcoInvocation, args: string[], dirs: string[] = []): string[] {
  return [component, outDir, jco.shimDir, jco.command, jco.script, JSON.stringify(preopenMap(dirs)), '--', ...args];
}

/** The line the runner prints last; tests and users look for it. */
export const EXIT_LINE_PREFIX = '[wasm-component] exited with code';

export const RUNNER_FILE = 'wasm-component-runner.mjs';

export function runnerSource(): string {
  return `// Written by WIT DevKit: transpiles a wasi:cli component with jco and runs it
// under Node's debugger. Argv: ${'<component> <outDir> <shimDir> <jcoCommand> <jcoScript|""> <preopens> -- <args...>'}
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

process.on('exit', (code) => process.stderr.write(\`${EXIT_LINE_PREFIX} \${code}\\n\`));
const [component, outDir, shimDir, jcoCommand, jcoScript, preopens, separator, ...args] = process.argv.slice(2);
if (separator !== '--') {
  console.error('usage: runner <component> <outDir> <shimDir> <jcoCommand> <jcoScript> <preopens> -- <args...>');
  process.exit(2);
}
rmSync(outDir, { recursive: true, force: true });
mkdirSync(join(outDir, 'node_modules', '@bytecodealliance'), { recursive: true });
const transpile = ${JSON.stringify(transpileArgs('COMPONENT', 'OUTDIR'))}
  .map((a) => (a === 'COMPONENT' ? component : a === 'OUTDIR' ? outDir : a));
const command = jcoCommand === 'node' ? process.execPath : jcoCommand;
execFileSync(command, jcoScript ? [jcoScript, ...transpile] : transpile, { stdio: ['ignore', 'ignore', 'inherit'] });
symlinkSync(shimDir, join(outDir, 'node_modules', '@bytecodealliance', 'preview2-shim'), 'dir');
writeFileSync(join(outDir, 'package.json'), JSON.stringify({ type: 'module' }));
// The same shim instance the component will import (resolved through the symlink to its real path).
const { _setPreopens } = await import(pathToFileURL(join(shimDir, 'dist', 'nodejs', 'filesystem.js')).href);
_setPreopens(JSON.parse(preopens));
// jco's WASI shim reads the guest's argv from process.argv[1...]: argv[0] is the component's name.
process.argv.splice(1, process.argv.length - 1, basename(component, '.wasm'), ...args);
const mod = await import(pathToFileURL(join(outDir, 'component.js')).href);
const run = mod.run ?? Object.entries(mod).find(([k]) => k.startsWith('wasi:cli/run@'))?.[1];
if (!run || typeof run.run !== 'function') {
  console.error('This component does not export wasi:cli/run: it is not a command that can be launched.');
  process.exit(1);
}
try {
  run.run();
  // Let the WASI shim flush stdout before leaving (as jco run does).
  await new Promise((resolve) => setTimeout(resolve));
  process.exit(0);
} catch (e) {
  console.error(e);
  process.exit(1);
}
`;
}

/** Writes the runner into `dir` (the extension's storage); returns its path. */
export async function writeRunner(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, RUNNER_FILE);
  await writeFile(file, runnerSource());
  return file;
}
