// TypeScript declarations through @bytecodealliance/jco-transpile, in process:
// the same code `jco types` / `jco guest-types` run, without a process per
// request. The module (and its WebAssembly) loads on first use only, through
// the one jco loader (common/jco/loader.ts).
import type { GeneratedFile } from '../../../common/protocol';
import { jcoTypegen } from '../../../common/jco/loader';

export interface TypesRequest {
  witDir: string;
  /** Qualified world name; jco needs it when the package has several worlds. */
  world?: string;
  guest: boolean;
}

export async function generateTypeScript({ witDir, world, guest }: TypesRequest): Promise<GeneratedFile[]> {
  const jco = await jcoTypegen();
  const opts = { ...(world ? { worldName: world, name: plainWorldName(world) } : {}) };
  const files = await (guest ? jco.generateGuestTypes : jco.generateHostTypes)(witDir, opts);
  const decoder = new TextDecoder();
  return Object.entries(files)
    .map(([file, bytes]) => ({ path: file, text: decoder.decode(bytes) }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** `wasi:http/service@0.3.0` -> `service`: the name of the world's own .d.ts. */
export function plainWorldName(world: string): string {
  const afterSlash = world.slice(world.lastIndexOf('/') + 1);
  const at = afterSlash.indexOf('@');
  return at < 0 ? afterSlash : afterSlash.slice(0, at);
}
