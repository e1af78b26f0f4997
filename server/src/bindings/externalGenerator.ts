// Bindings by the user's own wit-bindgen or componentize-py: run with an
// argument list into the snapshot's out/ folder, then read back what it wrote.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BindingsLanguage, GeneratedFile } from '../protocol';
import { LANGUAGES } from './languages';
import { COMPONENTIZE_PY, WIT_BINDGEN, componentizePyArgs, witBindgenArgs, missingToolMessage, type ExternalTool } from './toolArgs';
import { locateTool } from './toolLocator';
import { runTool } from './processRunner';

export interface ToolSettings { witBindgen?: string; componentizePy?: string }

/** A failure the user must act on (a missing tool); shown as it is. */
export class ToolMissingError extends Error {}

export interface ExternalRequest { language: BindingsLanguage; witDir: string; outDir: string; world?: string }

export function toolFor(language: BindingsLanguage): ExternalTool {
  return LANGUAGES[language].generator === 'componentize-py' ? COMPONENTIZE_PY : WIT_BINDGEN;
}

export function argsFor(req: ExternalRequest): string[] {
  return toolFor(req.language) === COMPONENTIZE_PY ? componentizePyArgs(req) : witBindgenArgs(req.language, req);
}

export async function generateExternal(req: ExternalRequest, settings: ToolSettings): Promise<GeneratedFile[]> {
  const tool = toolFor(req.language);
  const configured = tool === COMPONENTIZE_PY ? settings.componentizePy : settings.witBindgen;
  const executable = locateTool(tool.command, { configured });
  if (!executable) throw new ToolMissingError(missingToolMessage(tool));
  const result = await runTool(executable, argsFor(req), { cwd: path.dirname(req.outDir) });
  if (result.code !== 0) {
    const detail = (result.stderr || result.stdout).trim();
    throw new Error(`${tool.command} failed (exit ${result.code})${detail ? `: ${detail}` : ''}`);
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
