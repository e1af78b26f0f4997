// Versions as wit-parser (wasm-tools 1.239) reads them: after `@` it takes
// `int . int . int`, then `-` and `+` each followed by dot-separated parts,
// stopping quietly at the first thing that does not fit. So a dangling `-` or
// `+` is eaten and dropped (`1.0.0-;` is version 1.0.0), and the grammar's
// single version token can hold text wit-parser stops before (`1.0.0-a.`).

/** What wit-parser takes as the version, and any text of the token it does not accept. */
export function readVersion(token: string): { text: string; rest: string } {
  const core = /^\d+\.\d+\.\d+/.exec(token);
  // Not even `x.y.z`: left whole for the semver check to reject.
  if (!core) return { text: token, rest: '' };
  let end = core[0].length;
  let pos = end;
  for (const prefix of ['-', '+']) {
    if (token[pos] !== prefix) continue;
    pos++;
    for (;;) {
      // In a version, each dot-separated part is letters, digits and `-`.
      const part = /^[A-Za-z0-9-]+/.exec(token.slice(pos));
      if (!part) break;
      pos += part[0].length;
      end = pos;
      // A `.` belongs to the version only when another part follows it.
      if (token[pos] !== '.' || !/^[A-Za-z0-9-]/.test(token.slice(pos + 1))) break;
      pos++;
    }
  }
  return { text: token.slice(0, end), rest: token.slice(pos) };
}
