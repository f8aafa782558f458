import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

describe('compiled schemas', () => {
  it('are compiled from the schemas as they are now (`npm run build` compiles them again)', async () => {
    const { compileSchemas, GENERATED } = await import('../../scripts/compileSchemas.mjs');
    assert.equal(readFileSync(GENERATED, 'utf8'), compileSchemas());
  });
});
