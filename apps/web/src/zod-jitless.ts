// `zod` in the web build resolves here (vite.config.ts alias): zod itself, configured before any schema is made.
// The server's Content-Security-Policy forbids eval; zod 4 probes for it with `Function('')` when it builds an object
// schema, and the refused probe is reported as a CSP violation. Jitless parsing never probes.
import * as z from 'zod/v4';

z.config({ jitless: true });

export * from 'zod/v4';
export { z, z as default };
