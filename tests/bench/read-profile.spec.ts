import { expect, test } from '@playwright/test';

import { topSelfTime, type CpuProfile } from '../../scripts/bench/read-profile.js';

test.describe('bench profile reader', () => {
  test('sums self time per function across call sites, largest first', () => {
    const frame = (functionName: string, url = 'file:///work/app/walk.js') => ({
      functionName,
      url,
      lineNumber: 9,
    });
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame('(root)', '') },
        { id: 2, callFrame: frame('walk') },
        { id: 3, callFrame: frame('walk') },
        { id: 4, callFrame: frame('send') },
      ],
      samples: [2, 3, 4, 2],
      timeDeltas: [0, 1000, 1000, 1000],
    };

    const top = topSelfTime(profile, 2);

    expect(top.map((entry) => entry.location)).toEqual(['walk (walk.js:10)', 'send (walk.js:10)']);
    expect(top[0]!.percent).toBeCloseTo(75, 10);
  });
});
