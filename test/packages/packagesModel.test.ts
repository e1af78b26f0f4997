// The "WIT Packages" view's model (client/src/packages/packagesModel.ts): the
// packages of a folder, what each uses, resolved, missing or stale.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { dependencyLabel, packageNode, witFolders } from '../../client/src/packages/packagesModel';

test('the packages of a workspace, their dependencies resolved, missing or stale, and who uses them', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'wit-devkit-model-'));
  try {
    const wit = path.join(root, 'app', 'wit');
    mkdirSync(path.join(wit, 'deps', 'devkit-shapes-0.1.0'), { recursive: true });
    mkdirSync(path.join(root, 'node_modules', 'x'), { recursive: true });
    writeFileSync(path.join(root, 'node_modules', 'x', 'ignored.wit'), 'package x:y;\n');
    writeFileSync(
      path.join(wit, 'app.wit'),
      [
        'package devkit:app@0.1.0;',
        '// use wasi:ignored/in-comment@1.0.0;',
        'interface canvas {',
        '  use devkit:shapes/types@0.1.0.{point};',
        '  use devkit:app/other.{thing};',
        '}',
        'world app {',
        '  import wasi:io/poll@0.2.0;',
        '  import devkit:shapes/types@0.1.0;',
        '  export devkit:colors/palette@0.2.0;',
        '}',
        '',
      ].join('\n'),
    );
    writeFileSync(path.join(wit, 'deps', 'devkit-shapes-0.1.0', 'package.wit'), 'package devkit:shapes@0.1.0;\ninterface types {}\n');
    mkdirSync(path.join(wit, 'deps', 'colors'));
    writeFileSync(path.join(wit, 'deps', 'colors', 'c.wit'), 'package devkit:colors@0.1.0;\ninterface palette {}\n');
    writeFileSync(
      path.join(root, 'app', 'wkg.lock'),
      'version = 1\n\n[[packages]]\nname = "devkit:shapes"\nregistry = "127.0.0.1:5000"\n\n[[packages.versions]]\nrequirement = "=0.1.0"\nversion = "0.1.0"\ndigest = "sha256:' +
        'd'.repeat(64) +
        '"\n',
    );

    assert.deepEqual(witFolders(root), [wit]);
    // A budget of folders looked into keeps a huge workspace cheap.
    assert.deepEqual(witFolders(root, 200, 1), []);
    const node = packageNode(wit, (ref) => (ref.namespace === 'wasi' ? 'wasi.dev' : undefined));
    assert.equal(node.name, 'devkit:app@0.1.0');
    assert.deepEqual(
      node.dependencies.map((d) => [d.ref.spec, d.state, dependencyLabel(d).description]),
      [
        ['devkit:colors@0.2.0', 'stale', 'stale: deps/ has 0.1.0'],
        ['devkit:shapes@0.1.0', 'resolved', '0.1.0 from 127.0.0.1:5000'],
        ['wasi:io@0.2.0', 'missing', 'missing: not under deps/'],
      ],
    );
    assert.deepEqual(node.dependencies[1].usedBy, [path.join(wit, 'app.wit')]);
    assert.equal(node.dependencies[2].resolution.registry, 'wasi.dev');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
