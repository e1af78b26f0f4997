// Bindings by the user's own wit-bindgen or componentize-py: run with an
// argument list into the snapshot's out/ folder, then read back what it wrote.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BindingsLanguage, GeneratedFile } from '../../../common/protocol';
import { LANGUAGES } from '../../../common/bindingsLanguages';
import { COMPONENTIZE_PY, WIT_BINDGEN, WIT_BINDGEN_SUBCOMMANDS, componentizePyArgs, witBindgenArgs, type ExternalTool } from './toolArgs';
import { lookupTool } from '../../../common/tools/toolLookup';
import { runTool } from './processRunner';
import { checkTool, searchedFolders } from '../../../common/tools/check';
import { failedMessage } from '../../../common/tools/messages';

export interface ToolSettings {
  witBindgen?: string;
  componentizePy?: string;
}

/** A failure the user must act on (a tool missing, too old or not working); shown as it is. */
export class ToolMissingError extends Error {
  /** The `wit.tools.*` setting that points at another one (the client offers to open it). */
  constructor(
    message: string,
    readonly setting?: string,
  ) {
    super(message);
  }
}

/** Generators finish in seconds; one that runs for two minutes is stuck. */
const GENERATOR_TIMEOUT_MS = 120_000;

export interface ExternalRequest {
  language: BindingsLanguage;
  witDir: string;
  outDir: string;
  world?: string;
}

export function toolFor(language: BindingsLanguage): ExternalTool {
  return LANGUAGES[language].generator === 'componentize-py' ? COMPONENTIZE_PY : WIT_BINDGEN;
}

export function argsFor(req: ExternalRequest): string[] {
  return toolFor(req.language) === COMPONENTIZE_PY ? componentizePyArgs(req) : witBindgenArgs(req.language, req);
}

export async function generateExternal(req: ExternalRequest, settings: ToolSettings): Promise<GeneratedFile[]> {
  const tool = toolFor(req.language);
  const configured = tool === COMPONENTIZE_PY ? settings.componentizePy : settings.witBindgen;
  const py = tool === COMPONENTIZE_PY;
  const found = lookupTool({
    tool: py ? 'componentizePy' : 'witBindgen',
    configured: configured?.trim() || undefined,
    pathEnv: process.env.PATH,
  });
  const executable = found.found ? found.path : undefined;
  const args = argsFor(req);
  // Found, new enough, and with the generator this language needs. The server
  // knows nothing of workspace trust: the client asks for CLI generators only
  // in a trusted workspace (client/src/bindings/target.ts).
  const located = executable
    ? { path: executable }
    : { missing: { configured: configured?.trim() || undefined, searched: searchedFolders(process.env.PATH) } };
  const check = await checkTool(py ? 'componentizePyBindings' : 'witBindgenBindings', located, {
    trusted: true,
    subcommand: py ? 'bindings' : WIT_BINDGEN_SUBCOMMANDS[req.language],
  });
  if (!check.ok) throw new ToolMissingError(check.message, check.setting);
  const result = await runTool(check.path, args, { cwd: path.dirname(req.outDir), timeoutMs: GENERATOR_TIMEOUT_MS });
  if (result.code !== 0) {
    // The tool's error lines, not its backtrace; the subcommand, not the whole snapshot command line.
    const what = `${tool.command} ${py ? 'bindings' : args[0]}`;
    throw new Error(failedMessage(py ? 'componentizePy' : 'witBindgen', check.path, what, result, GENERATOR_TIMEOUT_MS));
  }
  const files = readTree(req.outDir);
  if (files.length === 0) throw new Error(`${tool.command} succeeded but wrote no files`);
  return files;
}

/** Text files as text; binary ones (NUL bytes or not UTF-8) as base64, marked so. */
export function fileEntry(relPath: string, bytes: Buffer): GeneratedFile {
  const text = bytes.includes(0) ? undefined : decodeUtf8(bytes);
  return text === undefined ? { path: relPath, text: bytes.toString('base64'), encoding: 'base64' } : { path: relPath, text };
}

function decodeUtf8(bytes: Buffer): string | undefined {
  try {
    // ignoreBOM keeps a leading byte-order mark in the text, so the file written is the tool's byte for byte.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Every file below `dir`, paths relative to it with forward slashes, sorted. */
export function readTree(dir: string): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  if (!fs.existsSync(dir)) return files;
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) files.push(fileEntry(child, fs.readFileSync(path.join(dir, child))));
    }
  };
  walk('');
  return files.sort((a, b) => a.path.localeCompare(b.path));
}
