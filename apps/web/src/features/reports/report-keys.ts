import { ReportKey, type ReportValues } from '@linli/contracts';

/** The keys some of the values have, in the report's order. */
export function keysOf(values: readonly ReportValues[]): ReportKey[] {
  const present = new Set(values.flatMap((v) => Object.keys(v)));
  return ReportKey.options.filter((k) => present.has(k));
}
