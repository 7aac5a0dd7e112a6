CREATE TYPE "public"."mediation_agreement_status" AS ENUM('draft', 'signed', 'superseded');--> statement-breakpoint
CREATE TYPE "public"."dispute_kind" AS ENUM('neighbour', 'property_fee', 'parking', 'family', 'renovation_noise', 'labour', 'other');--> statement-breakpoint
CREATE TYPE "public"."mediation_status" AS ENUM('open', 'agreed', 'failed', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."legal_topic" AS ENUM('family', 'inheritance', 'labour', 'property', 'neighbour', 'contract', 'consumer', 'other');--> statement-breakpoint
CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"organiser" text NOT NULL,
	"organiser_user_id" uuid,
	"team_id" uuid,
	"place" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"audience_area_id" uuid,
	"audience_tag" text,
	"audience_team_id" uuid,
	"checkin_code" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"people_served" integer DEFAULT 0 NOT NULL,
	"confirmed_count" integer DEFAULT 0 NOT NULL,
	"community_id" uuid NOT NULL,
	"street_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activities_capacity_ck" CHECK ("activities"."confirmed_count" <= "activities"."capacity"),
	CONSTRAINT "activities_time_ck" CHECK ("activities"."ends_at" > "activities"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "activity_signups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"volunteer_id" uuid,
	"display_name" text NOT NULL,
	"status" text NOT NULL,
	"checked_in_at" timestamp with time zone,
	"checked_out_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "volunteer_hours" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"activity_id" uuid,
	"order_id" uuid,
	"source" text NOT NULL,
	"status" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"hours" numeric(6, 1) NOT NULL,
	"place" text,
	"content" text NOT NULL,
	"people_served" integer DEFAULT 0 NOT NULL,
	"organiser" text NOT NULL,
	"recorded_by" uuid,
	"verified_by" uuid,
	"community_id" uuid NOT NULL,
	"street_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteer_hours_time_ck" CHECK ("volunteer_hours"."ends_at" > "volunteer_hours"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "volunteer_star_settings" (
	"community_id" uuid PRIMARY KEY NOT NULL,
	"thresholds" integer[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "volunteer_teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"handler_org_id" uuid,
	"leader_volunteer_id" uuid,
	"community_id" uuid NOT NULL,
	"street_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "volunteers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resident_id" uuid,
	"user_id" uuid,
	"name" text NOT NULL,
	"phone_enc" "bytea",
	"phone_tail" text,
	"skills" text[] DEFAULT '{}' NOT NULL,
	"availability" text,
	"consent_extra" boolean DEFAULT false NOT NULL,
	"consent_at" timestamp with time zone,
	"team_id" uuid,
	"registered_by" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"community_id" uuid NOT NULL,
	"street_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "compound_property" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"compound_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"street_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"org_id" uuid,
	"contract_start" date,
	"contract_end" date,
	"note" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mediation_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" "mediation_agreement_status" DEFAULT 'draft' NOT NULL,
	"terms" jsonb NOT NULL,
	"signed_at" timestamp with time zone,
	"supersedes_id" uuid
);
--> statement-breakpoint
CREATE TABLE "mediation_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_no" text NOT NULL,
	"district_id" uuid NOT NULL,
	"street_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"kind" "dispute_kind" NOT NULL,
	"title" text NOT NULL,
	"facts" text NOT NULL,
	"status" "mediation_status" DEFAULT 'open' NOT NULL,
	"summary" text,
	"order_id" uuid,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"reminded_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"opened_by" uuid
);
--> statement-breakpoint
CREATE TABLE "mediation_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"visited_on" date NOT NULL,
	"performed" boolean NOT NULL,
	"notes" text NOT NULL,
	"visitor" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mediation_mediators" (
	"case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"presiding" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mediation_parties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"kind" text NOT NULL,
	"side" text NOT NULL,
	"resident_id" uuid,
	"name" text
);
--> statement-breakpoint
CREATE TABLE "mediation_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"held_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"notes" text NOT NULL,
	"recorded_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"street_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"consulted_on" date NOT NULL,
	"topic" "legal_topic" NOT NULL,
	"question" text NOT NULL,
	"advice" text NOT NULL,
	"lawyer_name" text NOT NULL,
	"resident_id" uuid,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_duty_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"weekday" smallint NOT NULL,
	"starts_at" text NOT NULL,
	"ends_at" text NOT NULL,
	"lawyer_name" text NOT NULL,
	"firm" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_organiser_user_id_users_id_fk" FOREIGN KEY ("organiser_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_team_id_volunteer_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."volunteer_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_signups" ADD CONSTRAINT "activity_signups_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_signups" ADD CONSTRAINT "activity_signups_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_signups" ADD CONSTRAINT "activity_signups_volunteer_id_volunteers_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."volunteers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_hours" ADD CONSTRAINT "volunteer_hours_volunteer_id_volunteers_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."volunteers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_hours" ADD CONSTRAINT "volunteer_hours_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_hours" ADD CONSTRAINT "volunteer_hours_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_hours" ADD CONSTRAINT "volunteer_hours_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_teams" ADD CONSTRAINT "volunteer_teams_handler_org_id_handler_orgs_id_fk" FOREIGN KEY ("handler_org_id") REFERENCES "public"."handler_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_team_id_volunteer_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."volunteer_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compound_property" ADD CONSTRAINT "compound_property_compound_id_area_nodes_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."area_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compound_property" ADD CONSTRAINT "compound_property_org_id_handler_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."handler_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_agreements" ADD CONSTRAINT "mediation_agreements_case_id_mediation_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."mediation_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_cases" ADD CONSTRAINT "mediation_cases_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_cases" ADD CONSTRAINT "mediation_cases_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_follow_ups" ADD CONSTRAINT "mediation_follow_ups_case_id_mediation_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."mediation_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_mediators" ADD CONSTRAINT "mediation_mediators_case_id_mediation_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."mediation_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_mediators" ADD CONSTRAINT "mediation_mediators_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_parties" ADD CONSTRAINT "mediation_parties_case_id_mediation_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."mediation_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_parties" ADD CONSTRAINT "mediation_parties_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_sessions" ADD CONSTRAINT "mediation_sessions_case_id_mediation_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."mediation_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_consultations" ADD CONSTRAINT "legal_consultations_org_id_handler_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."handler_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_consultations" ADD CONSTRAINT "legal_consultations_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_consultations" ADD CONSTRAINT "legal_consultations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_duty_slots" ADD CONSTRAINT "legal_duty_slots_org_id_handler_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."handler_orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_community_idx" ON "activities" USING btree ("community_id","starts_at");--> statement-breakpoint
CREATE INDEX "activities_street_idx" ON "activities" USING btree ("street_id");--> statement-breakpoint
CREATE UNIQUE INDEX "activity_signups_live_uq" ON "activity_signups" USING btree ("activity_id","user_id") WHERE "activity_signups"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "activity_signups_activity_idx" ON "activity_signups" USING btree ("activity_id","status","created_at");--> statement-breakpoint
CREATE INDEX "activity_signups_user_idx" ON "activity_signups" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "volunteer_hours_volunteer_idx" ON "volunteer_hours" USING btree ("volunteer_id","starts_at");--> statement-breakpoint
CREATE INDEX "volunteer_hours_community_idx" ON "volunteer_hours" USING btree ("community_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "volunteer_hours_activity_uq" ON "volunteer_hours" USING btree ("volunteer_id","activity_id") WHERE "volunteer_hours"."activity_id" IS NOT NULL AND "volunteer_hours"."status" <> 'rejected';--> statement-breakpoint
CREATE UNIQUE INDEX "volunteer_hours_order_uq" ON "volunteer_hours" USING btree ("order_id") WHERE "volunteer_hours"."order_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "volunteer_teams_community_idx" ON "volunteer_teams" USING btree ("community_id");--> statement-breakpoint
CREATE UNIQUE INDEX "volunteer_teams_name_uq" ON "volunteer_teams" USING btree ("community_id","name");--> statement-breakpoint
CREATE INDEX "volunteers_community_idx" ON "volunteers" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "volunteers_team_idx" ON "volunteers" USING btree ("team_id");--> statement-breakpoint
CREATE UNIQUE INDEX "volunteers_resident_uq" ON "volunteers" USING btree ("resident_id") WHERE "volunteers"."resident_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "volunteers_user_uq" ON "volunteers" USING btree ("user_id") WHERE "volunteers"."user_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "compound_property_compound_uq" ON "compound_property" USING btree ("compound_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mediation_agreements_version_uq" ON "mediation_agreements" USING btree ("case_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "mediation_cases_no_uq" ON "mediation_cases" USING btree ("case_no");--> statement-breakpoint
CREATE INDEX "mediation_cases_community_idx" ON "mediation_cases" USING btree ("community_id","opened_at");--> statement-breakpoint
CREATE INDEX "mediation_cases_order_idx" ON "mediation_cases" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "mediation_follow_ups_case_idx" ON "mediation_follow_ups" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mediation_mediators_uq" ON "mediation_mediators" USING btree ("case_id","user_id");--> statement-breakpoint
CREATE INDEX "mediation_mediators_user_idx" ON "mediation_mediators" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "mediation_parties_case_idx" ON "mediation_parties" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "mediation_parties_resident_idx" ON "mediation_parties" USING btree ("resident_id");--> statement-breakpoint
CREATE INDEX "mediation_sessions_case_idx" ON "mediation_sessions" USING btree ("case_id","held_at");--> statement-breakpoint
CREATE INDEX "legal_consultations_community_idx" ON "legal_consultations" USING btree ("community_id","consulted_on");--> statement-breakpoint
CREATE INDEX "legal_duty_slots_org_idx" ON "legal_duty_slots" USING btree ("org_id","weekday");