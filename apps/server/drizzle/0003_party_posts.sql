ALTER TYPE "public"."role" ADD VALUE 'party_organiser';--> statement-breakpoint
CREATE TABLE "duty_logs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"holder_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"member_id" uuid,
	"on" date NOT NULL,
	"hours" numeric(4, 1) NOT NULL,
	"content" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"community_id" uuid NOT NULL,
	"street_id" uuid NOT NULL,
	"district_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "party_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"resident_id" uuid,
	"name" text,
	"sex" smallint,
	"birth_date" date,
	"phone_enc" "bytea",
	"phone_tail" text,
	"standing" text DEFAULT 'full' NOT NULL,
	"joined_on" date,
	"education" text,
	"employment" text DEFAULT 'in_service' NOT NULL,
	"registration" text DEFAULT 'local' NOT NULL,
	"flow" text DEFAULT 'none' NOT NULL,
	"flow_note" text,
	"work_unit" text,
	"reported_on" date,
	"commitments" text,
	"status" text DEFAULT 'active' NOT NULL,
	"left_on" date,
	"community_id" uuid NOT NULL,
	"street_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "party_members_person_ck" CHECK ("party_members"."resident_id" IS NOT NULL OR ("party_members"."name" IS NOT NULL AND "party_members"."birth_date" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "post_holders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"post_id" uuid NOT NULL,
	"member_id" uuid,
	"resident_id" uuid,
	"status" text NOT NULL,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"note" text,
	"created_by" uuid,
	"community_id" uuid NOT NULL,
	"street_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	CONSTRAINT "post_holders_person_ck" CHECK ("post_holders"."member_id" IS NOT NULL OR "post_holders"."resident_id" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"duties" text NOT NULL,
	"area_id" uuid NOT NULL,
	"party_org_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"compound_id" uuid,
	"grid_id" uuid,
	"building_id" uuid,
	"community_id" uuid NOT NULL,
	"street_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "party_orgs" ADD COLUMN "secretary_member_id" uuid;--> statement-breakpoint
ALTER TABLE "party_orgs" ADD COLUMN "position" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "party_orgs" ADD COLUMN "compound_id" uuid;--> statement-breakpoint
ALTER TABLE "party_orgs" ADD COLUMN "grid_id" uuid;--> statement-breakpoint
ALTER TABLE "party_orgs" ADD COLUMN "building_id" uuid;--> statement-breakpoint
ALTER TABLE "party_orgs" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "party_orgs" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
-- data from before: party members from residents, building posts as posts with their holders
UPDATE "party_orgs" o SET "compound_id" = a."compound_id", "grid_id" = a."grid_id", "building_id" = a."building_id" FROM "area_nodes" a WHERE a."id" = o."area_id";--> statement-breakpoint
INSERT INTO "party_members" ("org_id", "resident_id", "standing", "employment", "community_id", "street_id", "district_id")
SELECT r."party_org_id", r."id", CASE WHEN r."political" = '02' THEN 'probationary' ELSE 'full' END,
  CASE WHEN r."birth_date" <= current_date - interval '60 years' THEN 'retired' ELSE 'in_service' END, o."community_id", o."street_id", o."district_id"
FROM "residents" r JOIN "party_orgs" o ON o."id" = r."party_org_id" WHERE r."status" = 'active';--> statement-breakpoint
INSERT INTO "posts" ("id", "kind", "title", "duties", "area_id", "building_id", "grid_id", "compound_id", "community_id", "street_id", "district_id", "created_at")
SELECT bp."id", CASE bp."post" WHEN 'red_post' THEN 'red_post_keeper' ELSE 'building_leader' END,
  CASE bp."post" WHEN 'red_post' THEN '红色驿站站长' ELSE '楼栋长' END, '', bp."building_id", bp."building_id", a."grid_id", a."compound_id", bp."community_id", bp."street_id", bp."district_id", bp."created_at"
FROM "building_posts" bp JOIN "area_nodes" a ON a."id" = bp."building_id";--> statement-breakpoint
INSERT INTO "post_holders" ("post_id", "member_id", "resident_id", "status", "claimed_at", "confirmed_at", "community_id", "street_id", "district_id")
SELECT bp."id", m."id", bp."resident_id", 'active', bp."created_at", bp."created_at", bp."community_id", bp."street_id", bp."district_id"
FROM "building_posts" bp LEFT JOIN "party_members" m ON m."resident_id" = bp."resident_id" AND m."status" = 'active';--> statement-breakpoint
DROP TABLE "building_posts" CASCADE;--> statement-breakpoint
ALTER TABLE "duty_logs" ADD CONSTRAINT "duty_logs_holder_id_post_holders_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."post_holders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_logs" ADD CONSTRAINT "duty_logs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_members" ADD CONSTRAINT "party_members_org_id_party_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_members" ADD CONSTRAINT "party_members_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_holders" ADD CONSTRAINT "post_holders_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_holders" ADD CONSTRAINT "post_holders_member_id_party_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."party_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_holders" ADD CONSTRAINT "post_holders_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_holders" ADD CONSTRAINT "post_holders_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_area_id_area_nodes_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."area_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_party_org_id_party_orgs_id_fk" FOREIGN KEY ("party_org_id") REFERENCES "public"."party_orgs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "duty_logs_holder_idx" ON "duty_logs" USING btree ("holder_id","on");--> statement-breakpoint
CREATE INDEX "duty_logs_member_idx" ON "duty_logs" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "duty_logs_community_idx" ON "duty_logs" USING btree ("community_id","on");--> statement-breakpoint
CREATE INDEX "party_members_org_idx" ON "party_members" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "party_members_community_idx" ON "party_members" USING btree ("community_id","status");--> statement-breakpoint
CREATE INDEX "party_members_street_idx" ON "party_members" USING btree ("street_id");--> statement-breakpoint
CREATE UNIQUE INDEX "party_members_active_resident_uq" ON "party_members" USING btree ("resident_id") WHERE "party_members"."status" = 'active' AND "party_members"."resident_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "post_holders_live_uq" ON "post_holders" USING btree ("post_id") WHERE "post_holders"."status" IN ('claimed', 'active');--> statement-breakpoint
CREATE INDEX "post_holders_member_idx" ON "post_holders" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "post_holders_resident_idx" ON "post_holders" USING btree ("resident_id");--> statement-breakpoint
CREATE INDEX "post_holders_community_idx" ON "post_holders" USING btree ("community_id","status");--> statement-breakpoint
CREATE INDEX "posts_community_idx" ON "posts" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "posts_area_idx" ON "posts" USING btree ("area_id");--> statement-breakpoint
CREATE INDEX "posts_building_idx" ON "posts" USING btree ("building_id");--> statement-breakpoint
CREATE INDEX "posts_grid_idx" ON "posts" USING btree ("grid_id");--> statement-breakpoint
ALTER TABLE "party_orgs" ADD CONSTRAINT "party_orgs_parent_id_party_orgs_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "party_orgs_parent_idx" ON "party_orgs" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "party_orgs_street_idx" ON "party_orgs" USING btree ("street_id");--> statement-breakpoint
DROP TYPE "public"."building_post_kind";