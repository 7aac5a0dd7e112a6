import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A CommonJS package loaded at its first use rather than at start: exceljs, pinyin-pro and nodemailer together cost
 * about 0.7 s of every start (BENCHMARKS.md, start-up) and only some requests and jobs need them.
 */
export function lazyRequire<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(name) as T);
}
