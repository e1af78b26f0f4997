// A world as a component, for plug fit against a world: jco embeds the world into
// a dummy core module and makes a component of it, whose imports and exports carry
// exactly the world's types — the component reader then reads them like any other.
// jco runs in process, from the copy of jco-transpile the extension ships.
import { realpathSync } from 'node:fs';
import * as path from 'node:path';
import { jcoWasmTools } from '../../../common/jco/loader';

/** The component of `world` (qualified name) of the WIT package in `witDir` (as saved on disk). */
export async function worldAsComponent(witDir: string, world: string): Promise<Uint8Array> {
  const jco = await jcoWasmTools();
  // The real path: jco's WASI filesystem shim does not follow symbolic links (a
  // package reached through a linked folder is "No such file or directory").
  const embedded = await jco.componentEmbed({ witPath: realpathSync(path.resolve(witDir)), dummy: true, world });
  return jco.componentNew(embedded);
}
