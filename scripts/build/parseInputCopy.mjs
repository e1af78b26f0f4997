// An esbuild plugin for the Node bundles: web-tree-sitter hands the text to the
// parser in 5,119-character chunks, each copied by emscripten's stringToUTF16,
// one DataView.setInt16 call per character. Cold (the first parse of a file, in
// a server just started) that loop is most of the copying time: ~16 ms of the
// first diagnostics of a 5,000-line file (119 k characters). Node's native
// UTF-16LE write copies the same code units (lone surrogates included, it does
// not re-encode) into the same buffer, with the same terminating zero.
// The pattern is web-tree-sitter 0.25's own line; if an upgrade changes it the
// build fails here rather than silently shipping the slow path.
import { readFile } from 'node:fs/promises';

const SLOW = 'stringToUTF16(string, inputBufferAddress, INPUT_BUFFER_SIZE);';
const FAST =
  '{ const written = Buffer.from(HEAPU8.buffer, HEAPU8.byteOffset + inputBufferAddress, INPUT_BUFFER_SIZE)' +
  ".write(string, 0, INPUT_BUFFER_SIZE - 2, 'utf16le'); " +
  'HEAPU8[inputBufferAddress + written] = 0; HEAPU8[inputBufferAddress + written + 1] = 0; }';

export const parseInputCopy = {
  name: 'web-tree-sitter-parse-input-copy',
  setup(build) {
    build.onLoad({ filter: /[\\/]web-tree-sitter[\\/]tree-sitter\.c?js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (source.split(SLOW).length !== 2) {
        throw new Error(`${args.path}: web-tree-sitter's parse callback changed; update scripts/build/parseInputCopy.mjs`);
      }
      return { contents: source.replace(SLOW, FAST), loader: 'js' };
    });
  },
};
