// The Node flags the language server runs with, wherever it is started (the
// extension's client, the benches and server tests), so what is measured is
// what users run.
//
// A 2 MB semi-space (V8's default is 16 MB): the server allocates in short
// bursts per keystroke and holds little between them, and the young
// generation stays resident until V8's memory reducer runs, 8 s after the
// last full collection. 4 MB first took WASI 0.3 http open from 84 to 79 MB;
// 2 MB (once keystrokes allocated less) takes it from 74-75 to 71-72 MB and
// the 50,000-line workspace from 143 to 138 MB, with the 5,000-line file's
// edit p50/p95, the edit bursts and first diagnostics unchanged (fresh
// servers interleaved). 1 MB saved more but doubled the 5,000-line file's
// edit p50 (3.6 -> 7.1 ms: a scavenge or more per keystroke).
//
// A 64 MB initial old space: a fresh heap's first old-generation limit is a
// few MB, so the first analysis of a large file or workspace (everything it
// builds outlives the young generation) ran an incremental mark and a full
// collection midway: 5-10 ms of the 5,000-line file's first diagnostics (GC
// events traced in fresh servers; none are left with this flag). This only
// moves the first limit; nothing is reserved or committed up front, and V8's
// memory reducer still collects once the server is idle. Wall-clock medians
// of 10 fresh servers each, interleaved, moved 196 -> 180 ms in one run and
// not measurably in another (the machine's noise is +-20 ms); resident memory
// with WASI 0.3 http open is unchanged (86-87 MB), the 50,000-line workspace
// 150-151 -> 143-144 MB.
//
// tree-sitter's wasm on Liftoff only (V8's baseline wasm compiler, no tier-up
// to TurboFan): the first parse of a large file ran slower while V8 tiered
// the parser up in the middle of it (the parse loop itself never switches:
// wasm has no on-stack replacement) than it does on Liftoff code throughout.
// Cold parse of the 5,000-line file, in process, 37-50 -> 29-34 ms; its first
// diagnostics over LSP, fresh servers interleaved, median 153 -> 124 ms and
// spawn-to-diagnostics 285 -> 265 ms; WASI 0.3 http's RSS 75-83 -> 74-75 MB
// (no TurboFan code or compiler memory). The cost: a full parse once warm is
// slower (18 -> 25 ms for that file), so opening the 50,000-line workspace
// takes 1.0 -> 1.1-1.2 s; an edit's incremental parse is too small to show,
// and jco's wasm (TypeScript bindings) was no slower warm, faster cold.
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=2', '--initial-old-space-size=64', '--liftoff-only'];
