import { test as setup } from '@playwright/test';

import { describeError } from '../lib/errors.js';
import { resolveEnvTarget } from '../lib/targets/env-target.js';
import type { TargetOptions } from './fixtures.js';

/**
 * Runs before the preprod and prod projects: checks every setting at once, so a misconfigured
 * gate fails here with one message instead of skipping or failing every spec.
 */
setup.extend<TargetOptions>({ targetName: ['mock', { option: true }] })(
  'the target settings are complete and readable',
  ({ targetName }) => {
    if (targetName === 'mock') return;
    try {
      resolveEnvTarget(targetName);
    } catch (error) {
      // The message is the whole story; a stack into this file would only add noise.
      const failure = new Error(describeError(error));
      failure.stack = failure.message;
      throw failure;
    }
  },
);
