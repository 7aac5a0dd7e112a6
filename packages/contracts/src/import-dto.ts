import { z } from 'zod';
import type { Locale } from './locale.js';
import type { HouseholdStatus, ResidentStatus, ResidentType, Tenure } from './registry-dto.js';

/** What a column of a household register (户籍登记表) can hold. */
export const ImportField = z.enum([
  'seq',
  'compound',
  'building',
  'unit',
  'flat',
  'headName',
  'name',
  'relation',
  'sex',
  'idNumber',
  'birthDate',
  'ethnicity',
  'political',
  'phone',
  'registeredAddress',
  'residentType',
  'tags',
  'tenure',
  'note',
]);
export type ImportField = z.infer<typeof ImportField>;

/** Columns an import cannot do without. */
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['building', 'flat', 'name'];

export const IMPORT_FIELD_LABELS: Record<ImportField, Record<Locale, string>> = {
  seq: { 'zh-CN': '序号', en: 'No.' },
  compound: { 'zh-CN': '小区', en: 'Compound' },
  building: { 'zh-CN': '楼栋', en: 'Building' },
  unit: { 'zh-CN': '单元', en: 'Unit' },
  flat: { 'zh-CN': '房号', en: 'Flat' },
  headName: { 'zh-CN': '户主姓名', en: 'Head of household' },
  name: { 'zh-CN': '姓名', en: 'Name' },
  relation: { 'zh-CN': '与户主关系', en: 'Relation to head' },
  sex: { 'zh-CN': '性别', en: 'Sex' },
  idNumber: { 'zh-CN': '身份证号', en: 'ID number' },
  birthDate: { 'zh-CN': '出生日期', en: 'Date of birth' },
  ethnicity: { 'zh-CN': '民族', en: 'Ethnicity' },
  political: { 'zh-CN': '政治面貌', en: 'Political status' },
  phone: { 'zh-CN': '联系电话', en: 'Phone' },
  registeredAddress: { 'zh-CN': '户籍地址', en: 'Registered address' },
  residentType: { 'zh-CN': '人员类型', en: 'Resident type' },
  tags: { 'zh-CN': '特殊人群', en: 'Care tags' },
  tenure: { 'zh-CN': '居住性质', en: 'Tenure' },
  note: { 'zh-CN': '备注', en: 'Note' },
};

/** uploaded → checking → checked → importing → done; a refused commit or a broken file ends in failed. */
export const ImportStatus = z.enum(['uploaded', 'checking', 'checked', 'importing', 'done', 'failed']);
export type ImportStatus = z.infer<typeof ImportStatus>;

/** A column of the uploaded sheet; index is the Excel column number (A = 1). */
export const ImportColumn = z.object({ index: z.number().int().min(1), header: z.string(), field: ImportField.nullable() });
export type ImportColumn = z.infer<typeof ImportColumn>;

/** One problem: row as Excel shows it (the header row is 1), the column header, the problem in the user's language. */
export const ImportProblem = z.object({ row: z.number().int(), column: z.string().nullable(), problem: z.string() });
export type ImportProblem = z.infer<typeof ImportProblem>;

export const ImportCounts = z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() });
export type ImportCounts = z.infer<typeof ImportCounts>;

/** The exact shape `linli import --json` prints. */
export const ImportSummary = z.object({
  ok: z.boolean(),
  errors: z.array(ImportProblem),
  households: ImportCounts,
  residents: ImportCounts,
});
export type ImportSummary = z.infer<typeof ImportSummary>;

/**
 * A dry run's or a commit's report. `errors` lists at most 1,000 problems (`errorCount` counts all);
 * `warnings` are values that were normalised (full-width digits …); `missingFlats` were (or would be) created.
 */
export const ImportReport = ImportSummary.extend({
  errorCount: z.number().int(),
  warnings: z.array(ImportProblem),
  skippedRows: z.array(z.number().int()),
  missingFlats: z.number().int(),
  committed: z.boolean(),
}).meta({ id: 'ImportReport' });
export type ImportReport = z.infer<typeof ImportReport>;

export const ImportDto = z
  .object({
    id: z.uuid(),
    communityId: z.uuid(),
    status: ImportStatus,
    fileName: z.string(),
    rowCount: z.number().int(),
    columns: z.array(ImportColumn),
    progress: z.object({ done: z.number().int(), total: z.number().int() }),
    report: ImportReport.nullable(),
    createdAt: z.string(),
    abilities: z.object({ canCommit: z.boolean() }),
  })
  .meta({ id: 'Import' });
export type ImportDto = z.infer<typeof ImportDto>;

/** Column number → field (null: ignore the column). Columns left out keep their automatic mapping. */
export const ImportMapping = z.record(z.string().regex(/^\d{1,4}$/), ImportField.nullable());
export type ImportMapping = z.infer<typeof ImportMapping>;

export const DryRunImportInput = z.object({
  mapping: ImportMapping.default({}),
  /** create flats the register names but the building lacks */
  createMissingFlats: z.boolean().default(false),
});
export type DryRunImportInput = z.infer<typeof DryRunImportInput>;

export const CommitImportInput = DryRunImportInput.extend({
  /** import the valid rows and skip the rest, instead of importing nothing */
  onlyValidRows: z.boolean().default(false),
});
export type CommitImportInput = z.infer<typeof CommitImportInput>;

/** The multipart upload's fields (communityId may also come as a query parameter). */
export const CreateImportQuery = z.object({ communityId: z.uuid().optional() });
export type CreateImportQuery = z.infer<typeof CreateImportQuery>;

/** How registers and exports write the registry's enumerations. */
export const RESIDENT_TYPE_LABELS: Record<ResidentType, Record<Locale, string>> = {
  registered: { 'zh-CN': '户籍', en: 'Registered' },
  floating: { 'zh-CN': '流动', en: 'Floating' },
  away: { 'zh-CN': '人户分离', en: 'Registered but away' },
  overseas: { 'zh-CN': '境外', en: 'Overseas' },
};
export const TENURE_LABELS: Record<Tenure, Record<Locale, string>> = {
  owner: { 'zh-CN': '自住', en: 'Owner-occupied' },
  rented: { 'zh-CN': '租住', en: 'Rented' },
  other: { 'zh-CN': '其他', en: 'Other' },
};
export const RESIDENT_STATUS_LABELS: Record<ResidentStatus, Record<Locale, string>> = {
  active: { 'zh-CN': '在册', en: 'Active' },
  moved_out: { 'zh-CN': '已迁出', en: 'Moved out' },
  deceased: { 'zh-CN': '已死亡', en: 'Deceased' },
};
export const HOUSEHOLD_STATUS_LABELS: Record<HouseholdStatus, Record<Locale, string>> = {
  active: { 'zh-CN': '在册', en: 'Active' },
  moved_out: { 'zh-CN': '已迁出', en: 'Moved out' },
};
