import * as assert from 'node:assert/strict';
import { Reload } from '../../src/shared/reload';

describe('Reload', () => {
  it('runs one load at a time and exactly one more for the requests made during it', async () => {
    let loads = 0;
    let active = 0;
    let overlap = false;
    const reload = new Reload(async () => {
      active++;
      overlap ||= active > 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      loads++;
      active--;
    });
    const first = reload.now();
    const during = [reload.now(), reload.now(), reload.now()];
    await Promise.all([first, ...during]);
    assert.equal(loads, 2);
    assert.equal(overlap, false);
    await reload.idle();
    assert.equal(loads, 2);
  });

  it('loads once after a burst, and not at all when no longer wanted', async () => {
    let loads = 0;
    const reload = new Reload(async () => void loads++, 10);
    for (let i = 0; i < 5; i++) reload.soon();
    await new Promise((resolve) => setTimeout(resolve, 40));
    assert.equal(loads, 1);
    reload.soon(() => false);
    await new Promise((resolve) => setTimeout(resolve, 40));
    assert.equal(loads, 1);
  });
});
