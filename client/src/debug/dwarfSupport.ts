// Runtime jco: VS Code's JavaScript debugger (js-debug) maps the transpiled
// core module's DWARF to C/Rust source lines only with its DWARF symbolizer,
// the npm module @vscode/dwarf-debugging, which it loads from the
// "WebAssembly DWARF Debugging" extension (ms-vscode.wasm-dwarf-debugging)
// or from beside itself (js-debug 1.117: `import("@vscode/dwarf-debugging")`,
// then that extension's exports). Without it a breakpoint in C source stays
// unbound and the debugger shows WebAssembly text. Tried in code-server with
// a local stand-in of that extension around @vscode/dwarf-debugging 0.0.2:
// the jco launch stopped on debug.c's line with `sum = 42` in Locals.
// So before a jco launch the user is told, once per session, if it is missing.
import * as vscode from 'vscode';

export const DWARF_EXTENSION_ID = 'ms-vscode.wasm-dwarf-debugging';

let told = false;

/** Says (without stopping the launch) that source breakpoints under jco need the DWARF extension. */
export function adviseDwarfSupport(): void {
  if (told || vscode.extensions.getExtension(DWARF_EXTENSION_ID)) return;
  told = true;
  const install = 'Install WebAssembly DWARF Debugging';
  void vscode.window
    .showInformationMessage(
      'Runtime jco: breakpoints in C/Rust source need the "WebAssembly DWARF Debugging" extension ' +
        `(${DWARF_EXTENSION_ID}), which lets VS Code's JavaScript debugger read the component's DWARF. ` +
        'Without it the debugger stops only in WebAssembly text. Runtime wasmtime (lldb-dap) needs no extension.',
      install,
    )
    .then((choice) => {
      if (choice === install) void vscode.commands.executeCommand('workbench.extensions.installExtension', DWARF_EXTENSION_ID);
    });
}
