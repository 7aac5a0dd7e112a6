import type { FieldIssue, Locale, ServiceField } from '@linli/contracts';
import { invalid } from '../../core/errors.js';
import type { Tx } from '../../db/pool.js';
import { CATALOGUE_MESSAGES } from './messages.js';
import { orgServesStreet } from './repo.js';

/** Field codes must be unique within a service; the default org must serve the street (400 otherwise). */
export async function checkServiceInput(
  tx: Tx,
  locale: Locale,
  streetId: string,
  input: { fields?: readonly ServiceField[]; defaultHandlerOrgId?: string | null },
): Promise<void> {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  (input.fields ?? []).forEach((f, i) => {
    if (seen.has(f.code)) issues.push({ path: `fields.${i}.code`, message: CATALOGUE_MESSAGES.fieldCodeRepeated()[locale] });
    seen.add(f.code);
  });
  if (input.defaultHandlerOrgId && !(await orgServesStreet(tx, input.defaultHandlerOrgId, streetId))) {
    issues.push({ path: 'defaultHandlerOrgId', message: CATALOGUE_MESSAGES.orgNotServing()[locale] });
  }
  if (issues.length > 0) throw invalid(issues);
}
