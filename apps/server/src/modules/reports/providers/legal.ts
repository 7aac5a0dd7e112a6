import { LEGAL_TOPIC_LABELS, LegalTopic } from '@linli/contracts';
import { sql } from 'drizzle-orm';
import { legalConsultations } from '../../../db/schema/index.js';
import { collectByKind } from './meetings.js';
import type { ReportProvider } from './types.js';

/** 法律咨询: consultations recorded at the legal service center in the period, by topic. */
export const legalProvider: ReportProvider = {
  module: 'legal',
  keys: ['legalConsultations'],
  collect: (db, t) =>
    collectByKind(db, t, {
      table: legalConsultations,
      at: sql`${legalConsultations.consultedOn}::timestamp AT TIME ZONE 'Asia/Shanghai'`,
      kind: legalConsultations.topic,
      where: sql`true`,
      key: 'legalConsultations',
      kinds: LegalTopic.options,
      labels: LEGAL_TOPIC_LABELS,
    }),
};
