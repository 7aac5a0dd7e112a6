import { consultationsProvider } from './consultations.js';
import { legalProvider } from './legal.js';
import { mediationProvider } from './mediation.js';
import { meetingsProvider } from './meetings.js';
import { ordersProvider } from './orders.js';
import { partyProvider } from './party.js';
import { programmesProvider } from './programmes.js';
import { projectsProvider } from './projects.js';
import { registryProvider } from './registry.js';
import type { ReportProvider } from './types.js';
import { visitsProvider } from './visits.js';
import { volunteersProvider } from './volunteers.js';

/**
 * The modules that contribute to the work report, one provider file each. A module that is not listed here
 * contributes nothing, and its keys are absent from the report (never zero).
 */
export const REPORT_PROVIDERS: readonly ReportProvider[] = [
  registryProvider,
  partyProvider,
  volunteersProvider,
  ordersProvider,
  visitsProvider,
  mediationProvider,
  consultationsProvider,
  meetingsProvider,
  legalProvider,
  programmesProvider,
  projectsProvider,
];
