-- id_masked/phone_masked of existing rows are filled from code (the database cannot decrypt): the residentMasks job, backfillResidentMasks in modules/exports/mask-backfill.ts.
ALTER TABLE "residents" ADD COLUMN "id_masked" text;--> statement-breakpoint
ALTER TABLE "residents" ADD COLUMN "phone_masked" text;