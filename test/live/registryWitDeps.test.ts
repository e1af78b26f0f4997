// The wit-deps side of "Fetch WIT dependencies": a project whose wit/ has a
// deps.toml is fetched with the real `wit-deps update` (by the extension's
// fetch: a temporary copy, then moved in). Its dependency is a tarball of
// test/fixtures/packages/shapes served over http on 127.0.0.1 (wit-deps takes
// a URL of a .tar.gz holding a wit/ folder); the unknown-package error clears,
// the type hovers, and the hover's resolution names the deps.lock URL. A URL
// that answers 404 gives one sentence naming the host and the package, with
// deps/ untouched.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { live } from '../live';
import { fetchDependencies, planFetch, runTool } from '../../client/src/packages/fetchDeps';
import { describeFailure } from '../../client/src/packages/failures';
import { parsePackageRef } from '../../client/src/packages/packageRef';
import { checkDepsToml } from '../../client/src/packages/manifests';
import { resolutionMarkdown, resolvePackage } from '../../client/src/packages/resolution';
import { serviceOver } from '../core/helpers';
import { nodeHost } from '../../server/src/nodeHost';
import { pathToUri } from '../../server/src/core/workspace';

const fixtures = path.resolve(__dirname, '..', 'fixtures', 'packages');

test(
  "wit-deps update through the extension's fetch: a tarball on 127.0.0.1 lands in wit/deps/, the error clears and the type hovers; a 404 names the host and leaves deps/",
  { timeout: 180_000 },
  async (t) => {
    const tools = live(t, ['wit-deps']);
    if (!tools) return;
    const dir = mkdtempSync(path.join(tmpdir(), 'wit-devkit-witdeps-test-'));
    // The tarball wit-deps expects: a top folder holding wit/.
    const tarRoot = path.join(dir, 'tar');
    cpSync(path.join(fixtures, 'shapes'), path.join(tarRoot, 'shapes-0.1.0'), { recursive: true });
    const tarball = path.join(dir, 'shapes.tar.gz');
    const tar = await runTool('tar', ['-czf', tarball, '-C', tarRoot, 'shapes-0.1.0'], { cwd: dir });
    assert.equal(tar.code, 0, tar.stderr);
    const body = readFileSync(tarball);
    const server = createServer((req, res) => {
      if (req.url === '/shapes.tar.gz') {
        res.writeHead(200, { 'content-type': 'application/gzip', 'content-length': body.length });
        res.end(body);
      } else {
        res.writeHead(404);
        res.end('not found');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const host = `127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const app = path.join(dir, 'app');
      cpSync(path.join(fixtures, 'app'), app, { recursive: true });
      const depsToml = `shapes = "http://${host}/shapes.tar.gz"\n`;
      writeFileSync(path.join(app, 'wit', 'deps.toml'), depsToml);
      assert.deepEqual(checkDepsToml(depsToml), []);
      const plan = planFetch(path.join(app, 'wit'));
      assert.equal(plan.tool, 'wit-deps');
      const result = await fetchDependencies(plan, tools['wit-deps'], { timeoutMs: 60_000 });
      assert.equal(result.outcome.code, 0, `${result.outcome.stderr}\n${result.outcome.stdout}`);
      const fetched = path.join(app, 'wit', 'deps', 'shapes', 'shapes.wit');
      assert.ok(existsSync(fetched), `not fetched: ${readdirSync(path.join(app, 'wit')).join(', ')}`);
      assert.ok(existsSync(path.join(app, 'wit', 'deps.lock')));

      const appWit = path.join(app, 'wit', 'app.wit');
      const uri = pathToUri(appWit);
      const text = readFileSync(appWit, 'utf8');
      const svc = await serviceOver(nodeHost);
      svc.openDocument(uri, text, 1);
      assert.deepEqual(
        [...svc.diagnostics(uri).values()].flat().map((d) => `${d.code}: ${d.message}`),
        [],
      );
      const hover = JSON.stringify(svc.hover(uri, svc.document(uri)!.positionAt(text.indexOf('at: point') + 4))?.contents);
      assert.match(hover, /record point/, hover);
      const resolved = resolutionMarkdown(resolvePackage(path.join(app, 'wit'), parsePackageRef('devkit:shapes/types@0.1.0')!));
      assert.equal(
        resolved,
        `**devkit:shapes** resolved to \`0.1.0\`\n- from \`wit/deps/shapes/\`\n- locked in \`wit/deps.lock\` from \`http://${host}/shapes.tar.gz\``,
      );

      // A URL that answers 404: nothing moves, the message names the host.
      const broken = path.join(dir, 'broken');
      mkdirSync(path.join(broken, 'wit', 'deps', 'old'), { recursive: true });
      writeFileSync(path.join(broken, 'wit', 'deps', 'old', 'kept.wit'), 'package devkit:old;\n');
      writeFileSync(path.join(broken, 'wit', 'app.wit'), 'package devkit:broken;\n\nworld app {\n  import devkit:shapes/types@0.1.0;\n}\n');
      writeFileSync(path.join(broken, 'wit', 'deps.toml'), `shapes = "http://${host}/missing.tar.gz"\n`);
      const failed = await fetchDependencies(planFetch(path.join(broken, 'wit')), tools['wit-deps'], { timeoutMs: 60_000 });
      assert.notEqual(failed.outcome.code, 0);
      assert.deepEqual(readdirSync(path.join(broken, 'wit', 'deps')), ['old']);
      assert.ok(!existsSync(path.join(broken, 'wit', 'deps.lock')));
      const failure = describeFailure(failed.outcome, {
        action: 'Fetching the WIT dependencies of wit/ with wit-deps',
        packageSpec: 'devkit:shapes@0.1.0',
        tool: 'wit-deps',
      });
      console.log(`404: ${failure.message}`);
      assert.ok(failure.message.includes(host) && failure.message.includes('devkit:shapes@0.1.0'), `${failure.message}\n${failure.detail}`);
    } finally {
      server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
