// A compile error in each language lands on its source file and line: the
// broken fixture (test/fixtures/langs/broken/<lang>) is built by the same
// build task as the working one, with the real compiler, and the problem
// matchers the task carries (buildMatchers.ts), read from package.json, are
// applied to the compiler's real output the way VS Code applies them
// (problemMatchers.ts). The workspace folder is the fixture's folder, as when
// a user opens it: Go, rustc and componentize-py print paths relative to it.
//   C       clang:           <abs>/hello.c:9:10: error: use of undeclared identifier 'undeclared_name'
//   Go      go build:        ./main.go:17:6: undefined: undefinedName
//   Rust    rustc via cargo: error[E0425]: ... / --> src/lib.rs:12:9
//   Python  componentize-py: File "/0/app.py", line 8 ... SyntaxError (caret), and File ... ModuleNotFoundError (no caret)
//   JS      componentize-js: app.js:5:18 ReferenceError: undefinedName is not defined (slow: WIT_DEVKIT_SLOW=1)
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { BUILD_PROBLEM_MATCHERS } from '../../client/src/tasks/buildMatchers';
import { parseTaskDefinition } from '../../client/src/tasks/taskDefinition';
import { live } from '../live';
import { BUILD_TOOLS, buildWithTask, copyFixture, removeCopy, taskFor, witFrom, type Lang } from './langFixtures';
import { matchProblems, type Problem } from './problemMatchers';

interface Expected {
  fixture: string;
  lang: Lang;
  file: string;
  line: number;
  column?: number;
  message: RegExp;
}

const CASES: Expected[] = [
  { fixture: 'broken/c', lang: 'c', file: 'hello.c', line: 9, column: 10, message: /undeclared identifier 'undeclared_name'/ },
  { fixture: 'broken/go', lang: 'go', file: 'main.go', line: 17, column: 6, message: /undefined: undefinedName/ },
  { fixture: 'broken/rust', lang: 'rust', file: 'src/lib.rs', line: 12, column: 9, message: /cannot find value `undefined_name`/ },
  { fixture: 'broken/python', lang: 'python', file: 'app.py', line: 8, message: /SyntaxError: '\(' was never closed/ },
  {
    fixture: 'broken/python-import',
    lang: 'python',
    file: 'app.py',
    line: 4,
    message: /ModuleNotFoundError: No module named 'no_such_module'/,
  },
  { fixture: 'broken/js', lang: 'js', file: 'app.js', line: 5, column: 18, message: /ReferenceError: undefinedName is not defined/ },
];

/** The builder of a language's task, whose matchers the task carries. */
function matchersOf(raw: Record<string, unknown>): string[] {
  const task = parseTaskDefinition(raw);
  assert.ok(typeof task !== 'string' && task.action === 'build', String(task));
  return BUILD_PROBLEM_MATCHERS[task.builder];
}

for (const c of CASES) {
  test(
    `${c.fixture}: the compiler's error is put on ${c.file}:${c.line}${c.column ? `:${c.column}` : ''}`,
    { timeout: 15 * 60_000 },
    async (t) => {
      const slow =
        c.lang === 'js'
          ? [
              () =>
                process.env.WIT_DEVKIT_SLOW === '1'
                  ? undefined
                  : { tool: 'jco', why: 'componentize-js takes ~30 s and ~800 MB: set WIT_DEVKIT_SLOW=1' },
            ]
          : [];
      const tools = live(t, BUILD_TOOLS[c.lang], slow);
      if (!tools) return;
      const cwd = copyFixture(c.fixture);
      try {
        const raw = taskFor(c.lang, 'hello.wasm', witFrom(c.fixture));
        const build = await buildWithTask(raw, cwd, tools);
        assert.notEqual(build.code, 0, `the broken ${c.lang} fixture built:\n${build.out}`);
        const problems = matchProblems(build.out, matchersOf(raw), cwd);
        const want = path.join(cwd, c.file);
        const here = problems.filter((p: Problem) => p.file === want);
        assert.ok(here.length > 0, `no problem on ${want}; matched: ${JSON.stringify(problems)}\noutput:\n${build.out}`);
        const first = here[0];
        assert.equal(first.line, c.line, JSON.stringify(first));
        assert.equal(first.column, c.column, JSON.stringify(first));
        assert.equal(first.severity, 'error');
        assert.match(first.message, c.message);
      } finally {
        removeCopy(cwd, c.fixture);
      }
    },
  );
}
