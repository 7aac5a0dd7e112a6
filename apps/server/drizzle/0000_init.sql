CREATE TYPE "public"."area_kind" AS ENUM('district', 'street', 'community', 'compound', 'grid', 'building');--> statement-breakpoint
CREATE TYPE "public"."audit_outcome" AS ENUM('ok', 'denied', 'failed');--> statement-breakpoint
CREATE TYPE "public"."handler_org_kind" AS ENUM('property', 'social_org', 'legal_center', 'volunteer_team', 'street_dept', 'utility');--> statement-breakpoint
CREATE TYPE "public"."resident_status" AS ENUM('active', 'moved_out', 'deceased');--> statement-breakpoint
CREATE TYPE "public"."resident_type" AS ENUM('registered', 'floating', 'away', 'overseas');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('system_admin', 'street_supervisor', 'community_admin', 'community_staff', 'grid_worker', 'building_leader', 'handler_staff', 'volunteer', 'resident', 'evaluator');--> statement-breakpoint
CREATE TYPE "public"."building_post_kind" AS ENUM('building_leader', 'red_post');--> statement-breakpoint
CREATE TYPE "public"."import_status" AS ENUM('uploaded', 'checking', 'checked', 'importing', 'done', 'failed');--> statement-breakpoint
CREATE TYPE "public"."visit_kind" AS ENUM('home', 'phone', 'other');--> statement-breakpoint
CREATE TABLE "area_nodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "area_kind" NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"parent_id" uuid,
	"district_id" uuid,
	"street_id" uuid,
	"community_id" uuid,
	"compound_id" uuid,
	"grid_id" uuid,
	"building_id" uuid,
	"map_x" integer,
	"map_y" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "area_nodes_parent_ck" CHECK (("area_nodes"."kind" = 'district') = ("area_nodes"."parent_id" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "flats" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"building_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"street_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"grid_id" uuid,
	"unit_no" smallint NOT NULL,
	"floor_no" smallint NOT NULL,
	"flat_no" text NOT NULL,
	"position" smallint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "handler_orgs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "handler_org_kind" NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"area_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"street_id" uuid NOT NULL,
	"community_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"action" text NOT NULL,
	"entity_type" text,
	"entity_id" text,
	"outcome" "audit_outcome" DEFAULT 'ok' NOT NULL,
	"ip" text,
	"request_id" text,
	"street_id" uuid,
	"community_id" uuid,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_failures" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"key_kind" text NOT NULL,
	"key" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "role_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "role" NOT NULL,
	"area_id" uuid,
	"org_id" uuid,
	CONSTRAINT "role_assignments_one_scope_ck" CHECK (("role_assignments"."area_id" IS NULL) <> ("role_assignments"."org_id" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"locale" text DEFAULT 'zh-CN' NOT NULL,
	"resident_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_login_at" timestamp with time zone,
	CONSTRAINT "users_username_lower_ck" CHECK ("users"."username" = lower("users"."username"))
);
--> statement-breakpoint
CREATE TABLE "care_tag_settings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"street_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"code" text NOT NULL,
	"label_zh" text NOT NULL,
	"label_en" text NOT NULL,
	"color" text NOT NULL,
	"applies_to" text NOT NULL,
	"visit_every_days" integer,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "households" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"flat_id" uuid,
	"building_id" uuid,
	"grid_id" uuid,
	"compound_id" uuid,
	"community_id" uuid NOT NULL,
	"street_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"tenure" text DEFAULT 'owner' NOT NULL,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"moved_in_on" date,
	"moved_out_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "party_orgs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"parent_id" uuid,
	"area_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"street_id" uuid NOT NULL,
	"district_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"street_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"changes" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "residents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"street_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"grid_id" uuid,
	"building_id" uuid,
	"name" text NOT NULL,
	"name_initials" text NOT NULL,
	"id_number_enc" "bytea",
	"id_number_hash" text,
	"id_tail" text,
	"phone_enc" "bytea",
	"phone_tail" text,
	"sex" smallint DEFAULT 0 NOT NULL,
	"birth_date" date,
	"relation" text DEFAULT '99' NOT NULL,
	"political" text DEFAULT '13' NOT NULL,
	"ethnicity" text DEFAULT '01' NOT NULL,
	"resident_type" "resident_type" DEFAULT 'registered' NOT NULL,
	"status" "resident_status" DEFAULT 'active' NOT NULL,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"party_org_id" uuid,
	"volunteer" boolean DEFAULT false NOT NULL,
	"note" text,
	"moved_in_on" date,
	"moved_out_on" date,
	"died_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "building_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"building_id" uuid NOT NULL,
	"resident_id" uuid NOT NULL,
	"post" "building_post_kind" NOT NULL,
	"grid_id" uuid,
	"community_id" uuid NOT NULL,
	"street_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"street_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"created_by" uuid,
	"file_name" text NOT NULL,
	"stored_name" text NOT NULL,
	"file_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"status" "import_status" DEFAULT 'uploaded' NOT NULL,
	"header_row" integer DEFAULT 1 NOT NULL,
	"row_count" integer NOT NULL,
	"columns" jsonb NOT NULL,
	"options" jsonb DEFAULT '{"createMissingFlats":false,"onlyValidRows":false}'::jsonb NOT NULL,
	"progress_done" integer DEFAULT 0 NOT NULL,
	"progress_total" integer DEFAULT 0 NOT NULL,
	"report" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "household_last_visits" (
	"household_id" uuid PRIMARY KEY NOT NULL,
	"last_visited_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"street_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"compound_id" uuid,
	"grid_id" uuid,
	"building_id" uuid,
	"visitor_id" uuid NOT NULL,
	"visited_on" date NOT NULL,
	"kind" "visit_kind" NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"needs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "area_nodes" ADD CONSTRAINT "area_nodes_parent_id_area_nodes_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."area_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flats" ADD CONSTRAINT "flats_building_id_area_nodes_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."area_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handler_orgs" ADD CONSTRAINT "handler_orgs_area_id_area_nodes_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."area_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_area_id_area_nodes_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."area_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_org_id_handler_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."handler_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_tag_settings" ADD CONSTRAINT "care_tag_settings_community_id_area_nodes_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."area_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_flat_id_flats_id_fk" FOREIGN KEY ("flat_id") REFERENCES "public"."flats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_building_id_area_nodes_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."area_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_orgs" ADD CONSTRAINT "party_orgs_area_id_area_nodes_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."area_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residents" ADD CONSTRAINT "residents_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "building_posts" ADD CONSTRAINT "building_posts_building_id_area_nodes_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."area_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "building_posts" ADD CONSTRAINT "building_posts_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_community_id_area_nodes_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."area_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_last_visits" ADD CONSTRAINT "household_last_visits_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_visitor_id_users_id_fk" FOREIGN KEY ("visitor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "area_nodes_code_uq" ON "area_nodes" USING btree ("code");--> statement-breakpoint
CREATE INDEX "area_nodes_parent_idx" ON "area_nodes" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "area_nodes_street_idx" ON "area_nodes" USING btree ("street_id");--> statement-breakpoint
CREATE INDEX "area_nodes_community_idx" ON "area_nodes" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "area_nodes_grid_idx" ON "area_nodes" USING btree ("grid_id");--> statement-breakpoint
CREATE UNIQUE INDEX "flats_building_unit_no_uq" ON "flats" USING btree ("building_id","unit_no","flat_no");--> statement-breakpoint
CREATE INDEX "flats_community_idx" ON "flats" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "handler_orgs_street_idx" ON "handler_orgs" USING btree ("street_id");--> statement-breakpoint
CREATE UNIQUE INDEX "handler_orgs_area_name_uq" ON "handler_orgs" USING btree ("area_id","name");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("action","at");--> statement-breakpoint
CREATE INDEX "login_failures_key_idx" ON "login_failures" USING btree ("key_kind","key","at");--> statement-breakpoint
CREATE INDEX "role_assignments_user_idx" ON "role_assignments" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_uq" ON "users" USING btree ("username");--> statement-breakpoint
CREATE UNIQUE INDEX "care_tag_settings_community_code_uq" ON "care_tag_settings" USING btree ("community_id","code");--> statement-breakpoint
CREATE INDEX "households_community_idx" ON "households" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "households_building_idx" ON "households" USING btree ("building_id");--> statement-breakpoint
CREATE INDEX "households_flat_idx" ON "households" USING btree ("flat_id");--> statement-breakpoint
CREATE INDEX "households_grid_idx" ON "households" USING btree ("grid_id");--> statement-breakpoint
CREATE INDEX "households_compound_idx" ON "households" USING btree ("compound_id");--> statement-breakpoint
CREATE INDEX "households_street_idx" ON "households" USING btree ("street_id");--> statement-breakpoint
CREATE INDEX "households_tags_idx" ON "households" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "party_orgs_community_idx" ON "party_orgs" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "registry_history_entity_idx" ON "registry_history" USING btree ("entity_id","id");--> statement-breakpoint
CREATE INDEX "registry_history_household_idx" ON "registry_history" USING btree ("household_id","id");--> statement-breakpoint
CREATE INDEX "residents_household_idx" ON "residents" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "residents_community_idx" ON "residents" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "residents_id_hash_idx" ON "residents" USING btree ("id_number_hash");--> statement-breakpoint
CREATE INDEX "residents_building_idx" ON "residents" USING btree ("building_id");--> statement-breakpoint
CREATE INDEX "residents_grid_idx" ON "residents" USING btree ("grid_id");--> statement-breakpoint
CREATE INDEX "residents_street_idx" ON "residents" USING btree ("street_id");--> statement-breakpoint
CREATE UNIQUE INDEX "residents_active_id_uq" ON "residents" USING btree ("district_id","id_number_hash") WHERE "residents"."status" = 'active';--> statement-breakpoint
CREATE INDEX "residents_name_trgm_idx" ON "residents" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "residents_initials_idx" ON "residents" USING btree ("name_initials" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "residents_phone_tail_idx" ON "residents" USING btree ("phone_tail");--> statement-breakpoint
CREATE INDEX "residents_id_tail_idx" ON "residents" USING btree ("id_tail");--> statement-breakpoint
CREATE INDEX "residents_tags_idx" ON "residents" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "residents_birth_date_idx" ON "residents" USING btree ("community_id","birth_date");--> statement-breakpoint
CREATE INDEX "residents_type_idx" ON "residents" USING btree ("community_id","resident_type");--> statement-breakpoint
CREATE INDEX "residents_political_idx" ON "residents" USING btree ("community_id","political");--> statement-breakpoint
CREATE UNIQUE INDEX "building_posts_uq" ON "building_posts" USING btree ("building_id","post","resident_id");--> statement-breakpoint
CREATE INDEX "building_posts_community_idx" ON "building_posts" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "building_posts_resident_idx" ON "building_posts" USING btree ("resident_id");--> statement-breakpoint
CREATE INDEX "import_jobs_community_idx" ON "import_jobs" USING btree ("community_id","created_at");--> statement-breakpoint
CREATE INDEX "visits_household_visited_idx" ON "visits" USING btree ("household_id","visited_on");--> statement-breakpoint
CREATE INDEX "visits_community_visited_idx" ON "visits" USING btree ("community_id","visited_on");