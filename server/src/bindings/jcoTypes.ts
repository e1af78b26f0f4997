// TypeScript declarations through @bytecodealliance/jco-transpile, in process:
// the same code `jco types` / `jco guest-types` run, without a process per
// request. The module (and its WebAssembly) loads on first use only, through
// the one jco loader (common/jco/loader.ts).
import type { GeneratedFile } from '../../../common/protocol';
import { jcoBindgen, jcoTypegen } from '../../../common/jco/loader';
import { singleSource } from './witSingleSource';

export interface TypesRequest {
  witDir: string;
  /** Qualified world name; jco needs it when the package has several worlds. */
  world?: string;
  guest: boolean;
}

export async function generateTypeScript({ witDir, world, guest }: TypesRequest): Promise<GeneratedFile[]> {
  const source = world ? singleSource(witDir) : undefined;
  if (world && source !== undefined) {
    try {
      return decoded(await fromSource(source, world, guest));
    } catch {
      // Read from the path instead: its errors name the files (the text joins them).
    }
  }
  const jco = await jcoTypegen();
  const opts = { ...(world ? { worldName: world, name: plainWorldName(world) } : {}) };
  return decoded(Object.entries(await (guest ? jco.generateGuestTypes : jco.generateHostTypes)(witDir, opts)));
}

/** What typegen.js's runTypesComponent passes the generator, with the WIT as one text (witSingleSource.ts). */
async function fromSource(source: string, world: string, guest: boolean): Promise<Array<[string, Uint8Array]>> {
  const bindgen = await jcoBindgen();
  await bindgen.$init;
  return bindgen.generateTypes(plainWorldName(world), {
    wit: { tag: 'source', val: source },
    world,
    tlaCompat: false,
    features: { tag: 'list', val: [] },
    guest,
    asyncMode: { tag: 'sync' },
    flagsAsBigint: false,
    variantsInlineCases: false,
    useNamespaceObjects: false,
    enumValuesScreamingSnakeCase: false,
  });
}

function decoded(files: Array<[string, Uint8Array]>): GeneratedFile[] {
  const decoder = new TextDecoder();
  return files.map(([file, bytes]) => ({ path: file, text: decoder.decode(bytes) })).sort((a, b) => a.path.localeCompare(b.path));
}

/** `wasi:http/service@0.3.0` -> `service`: the name of the world's own .d.ts. */
export function plainWorldName(world: string): string {
  const afterSlash = world.slice(world.lastIndexOf('/') + 1);
  const at = afterSlash.indexOf('@');
  return at < 0 ? afterSlash : afterSlash.slice(0, at);
}
