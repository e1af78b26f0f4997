// A burst of edits is analysed once at its newest version, not once per edit
// in turn: 114 edits sent 3 ms apart (as the issue measured), and the same sent
// back to back. No publication is older than one already received, the last is
// for the last version and has the right diagnostics.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { editBurst } from './editBurst';

for (const gapMs of [3, 0]) {
  test(
    `${gapMs ? `edits ${gapMs} ms apart` : 'edits back to back'}: analysed at the newest version, never an older one`,
    { timeout: 60_000 },
    async () => {
      const { versions, diagnostics, edits } = await editBurst(gapMs);
      assert.equal(versions[versions.length - 1], edits + 1, 'the last publication is for the last version');
      for (let i = 1; i < versions.length; i++)
        assert.ok(versions[i] >= versions[i - 1], `published ${versions[i]} after ${versions[i - 1]}`);
      assert.ok(diagnostics.length > 0 && diagnostics.every((d: { range: { start: { line: number } } }) => d.range.start.line >= 0));
      // Back to back, the edits reach the server together: far fewer analyses than edits.
      if (!gapMs) assert.ok(versions.length < edits / 4, `${versions.length} publications for ${edits} edits`);
    },
  );
}
