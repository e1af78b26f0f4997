// The `wit-devkit` executable (dist/cli.js, the package's bin): runs the
// command and exits with its code once the output is written.
import { runCli, defaultWasmDir } from './run';

runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  wasmDir: defaultWasmDir(__dirname),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`wit-devkit: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
