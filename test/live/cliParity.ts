// What the generator's own CLI writes for a world, read back byte for byte, to
// compare with what the extension writes (for the languages no compiler here
// can check, this equality is the proof that nothing was lost or altered).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BindingsLanguage, GeneratedFile } from '../../common/protocol';
import { fileBytes } from '../../client/src/bindings/outputLayout';
import { listTree, type WorldCase } from './bindingsCases';
import { run } from './bindingsCompilers';

/**
 * `wit-bindgen <lang> --out-dir OUT --world WORLD WIT` (with the options Rust
 * and C# cannot run without) or `componentize-py -d WIT -w WORLD bindings OUT`,
 * as wit-bindgen's and componentize-py's docs write them.
 */
export async function cliOutput(tool: string, language: BindingsLanguage, c: WorldCase): Promise<Map<string, Buffer>> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), `wit-live-cli-${language}-`));
  try {
    // Written out here, not taken from the product: a wrong option there shows as a difference.
    const required: Partial<Record<BindingsLanguage, string[]>> = { rust: ['--generate-all'], csharp: ['--runtime', 'native-aot'] };
    const args =
      language === 'python'
        ? ['-d', c.witDir, '-w', c.world, 'bindings', out]
        : [language, ...(required[language] ?? []), '--out-dir', out, '--world', c.world, c.witDir];
    const r = await run(tool, args);
    if (!r.ok) throw new Error(`${r.command} failed:\n${r.output}`);
    return new Map(listTree(out).map((f) => [f, fs.readFileSync(path.join(out, f))]));
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

/**
 * wit-bindgen 0.63's MoonBit generator writes the FFI helpers of each ffi.mbt
 * (mbt_ffi_load32, mbt_ffi_free, ...) in hash-set order, which changes from
 * one run to the next: two runs of the CLI itself differ there. Such a file
 * counts as the same when it holds the same `///|` blocks, in any order.
 */
const ORDER_FREE_BLOCKS = /(^|\/)ffi\.mbt$/;

function sameBlocks(a: Buffer, b: Buffer): boolean {
  const blocks = (x: Buffer) =>
    x
      .toString('utf8')
      .split('///|\n')
      .map((block) => block.trimEnd())
      .sort();
  const [x, y] = [blocks(a), blocks(b)];
  return x.length === y.length && x.every((block, i) => block === y[i]);
}

export interface Comparison {
  /** Missing, extra, or differing files (with the first differing byte). */
  problems: string[];
  /** Files equal only up to the order of their blocks (see ORDER_FREE_BLOCKS). */
  reordered: string[];
}

/** The CLI's files against the extension's, byte for byte. */
export function compareWithCli(cli: Map<string, Buffer>, extension: GeneratedFile[]): Comparison {
  const ours = new Map(extension.map((f) => [f.path, Buffer.from(fileBytes(f))]));
  const problems: string[] = [];
  const reordered: string[] = [];
  for (const [file, bytes] of cli) {
    const mine = ours.get(file);
    if (!mine) problems.push(`${file}: written by the CLI, not by the extension`);
    else if (!mine.equals(bytes)) {
      if (ORDER_FREE_BLOCKS.test(file) && sameBlocks(mine, bytes)) {
        reordered.push(file);
        continue;
      }
      let at = 0;
      while (at < bytes.length && at < mine.length && bytes[at] === mine[at]) at++;
      problems.push(`${file}: differs from byte ${at} (CLI ${bytes.length} bytes, extension ${mine.length})`);
    }
  }
  for (const file of ours.keys()) if (!cli.has(file)) problems.push(`${file}: written by the extension, not by the CLI`);
  return { problems, reordered };
}
