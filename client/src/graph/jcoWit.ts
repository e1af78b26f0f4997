// The WIT of a built component, as `jco wit` prints it: jco's componentWit, run in
// process from the copy of jco-transpile the extension ships (common/jco/loader.ts),
// loaded on first use only (it is large).
import { jcoWasmTools } from '../../../common/jco/loader';

export async function componentWitText(binary: Uint8Array): Promise<string> {
  return (await jcoWasmTools()).componentWit(binary);
}
