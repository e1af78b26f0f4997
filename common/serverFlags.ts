// The Node flags the language server runs with, wherever it is started (the
// extension's client, the benches and server tests), so what is measured is
// what users run.
//
// A 4 MB semi-space (V8's default is 16 MB): the server allocates in short
// bursts per keystroke and holds little between them, and the default young
// generation stayed resident. Measured with WASI 0.3 http open: 84 -> 79 MB,
// edit latency unchanged; 1 MB saved 11 MB but doubled the 5,000-line file's
// edit p50 (3.6 -> 7.1 ms: a scavenge or more per keystroke).
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4'];
