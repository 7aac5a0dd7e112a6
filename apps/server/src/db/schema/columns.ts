import { customType, timestamp } from 'drizzle-orm/pg-core';

/** Column helpers shared by the schema files. */
export const tuple = <T extends string>(values: readonly T[]) => values as [T, ...T[]];
export const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });
export const ts = (name: string) => timestamp(name, { withTimezone: true });
