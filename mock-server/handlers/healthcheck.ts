import type { Handler } from './handler.js';

/** Mock choice (the real body is undocumented): `{"status":"UP"}`. */
export const healthcheck: Handler<'healthcheck'> = () => ({ status: 'UP' });
