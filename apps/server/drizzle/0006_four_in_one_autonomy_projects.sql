CREATE TYPE "public"."project_kpi_source" AS ENUM('manual', 'activities', 'orders', 'programme_sessions', 'programme_beneficiaries');--> statement-breakpoint
CREATE TYPE "public"."project_category" AS ENUM('benefit', 'purchase');--> statement-breakpoint
CREATE TYPE "public"."project_link_kind" AS ENUM('activity', 'service', 'programme');--> statement-breakpoint
CREATE TYPE "public"."meeting_decision_outcome" AS ENUM('orders', 'mediation', 'tasks');--> statement-breakpoint
CREATE TYPE "public"."meeting_attendance" AS ENUM('pending', 'present', 'absent', 'excused');--> statement-breakpoint
CREATE TYPE "public"."meeting_kind" AS ENUM('representative', 'joint', 'party_alliance');--> statement-breakpoint
CREATE TYPE "public"."meeting_status" AS ENUM('draft', 'held', 'closed');--> statement-breakpoint
ALTER TYPE "public"."vote_eligibility" ADD VALUE 'owners';--> statement-breakpoint
CREATE TABLE "area_bounds" (
	"area_id" uuid PRIMARY KEY NOT NULL,
	"south" double precision NOT NULL,
	"west" double precision NOT NULL,
	"north" double precision NOT NULL,
	"east" double precision NOT NULL,
	CONSTRAINT "area_bounds_box_ck" CHECK ("area_bounds"."south" < "area_bounds"."north" AND "area_bounds"."west" < "area_bounds"."east")
);
--> statement-breakpoint
CREATE TABLE "flat_owners" (
	"flat_id" uuid PRIMARY KEY NOT NULL,
	"household_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"street_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "property_surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"street_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"compound_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"period" text NOT NULL,
	"title" text NOT NULL,
	"questions" jsonb NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"survey_weight" integer DEFAULT 70 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"resident_id" uuid,
	"ratings" jsonb NOT NULL,
	"texts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"channel" "vote_channel" NOT NULL,
	"recorded_by" uuid,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"evaluator_id" uuid NOT NULL,
	"scores" jsonb NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"total" numeric(5, 1) NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"superseded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "project_evaluators" (
	"project_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_evaluators_project_id_user_id_pk" PRIMARY KEY("project_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "project_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"title" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"content_type" text,
	"size" integer,
	"storage_key" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_kpis" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"target" integer NOT NULL,
	"source" "project_kpi_source" NOT NULL,
	"manual_value" integer
);
--> statement-breakpoint
CREATE TABLE "project_links" (
	"project_id" uuid NOT NULL,
	"kind" "project_link_kind" NOT NULL,
	"target_id" uuid NOT NULL,
	CONSTRAINT "project_links_project_id_kind_target_id_pk" PRIMARY KEY("project_id","kind","target_id")
);
--> statement-breakpoint
CREATE TABLE "project_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"category" "project_category" NOT NULL,
	"district_id" uuid NOT NULL,
	"street_id" uuid NOT NULL,
	"community_id" uuid,
	"buyer_area_id" uuid NOT NULL,
	"provider_org_id" uuid NOT NULL,
	"contract_no" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"budget_cents" bigint NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"scorecard" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_decision_orders" (
	"decision_id" uuid NOT NULL,
	"order_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"text" text NOT NULL,
	"outcome" "meeting_decision_outcome",
	"mediation_case_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_invitees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"kind" text NOT NULL,
	"role" text NOT NULL,
	"resident_id" uuid,
	"org_id" uuid,
	"name" text,
	"attendance" "meeting_attendance" DEFAULT 'pending' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"title" text NOT NULL,
	"assignee" text NOT NULL,
	"due_on" date NOT NULL,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"street_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"kind" "meeting_kind" NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"agenda" jsonb NOT NULL,
	"minutes" text DEFAULT '' NOT NULL,
	"status" "meeting_status" DEFAULT 'draft' NOT NULL,
	"held_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "consultation_votes_household_uq";--> statement-breakpoint
DROP INDEX "programme_enrolments_uq";--> statement-breakpoint
ALTER TABLE "flats" ADD COLUMN "floor_area_m2" numeric(8, 2);--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "run_by" uuid;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "claimed_by" text;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "lease_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "party_members" ADD COLUMN "user_id" uuid;--> statement-breakpoint
ALTER TABLE "volunteer_hours" ADD COLUMN "decision_note" text;--> statement-breakpoint
ALTER TABLE "consultation_votes" ADD COLUMN "flat_id" uuid;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "owner_base_at_close" jsonb;--> statement-breakpoint
ALTER TABLE "area_bounds" ADD CONSTRAINT "area_bounds_area_id_area_nodes_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."area_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flat_owners" ADD CONSTRAINT "flat_owners_flat_id_flats_id_fk" FOREIGN KEY ("flat_id") REFERENCES "public"."flats"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flat_owners" ADD CONSTRAINT "flat_owners_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_surveys" ADD CONSTRAINT "property_surveys_compound_id_area_nodes_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."area_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_surveys" ADD CONSTRAINT "property_surveys_org_id_handler_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."handler_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_surveys" ADD CONSTRAINT "property_surveys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_survey_id_property_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."property_surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_evaluations" ADD CONSTRAINT "project_evaluations_project_id_service_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."service_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_evaluations" ADD CONSTRAINT "project_evaluations_evaluator_id_users_id_fk" FOREIGN KEY ("evaluator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_evaluators" ADD CONSTRAINT "project_evaluators_project_id_service_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."service_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_evaluators" ADD CONSTRAINT "project_evaluators_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_evidence" ADD CONSTRAINT "project_evidence_project_id_service_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."service_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_evidence" ADD CONSTRAINT "project_evidence_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_kpis" ADD CONSTRAINT "project_kpis_project_id_service_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."service_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_links" ADD CONSTRAINT "project_links_project_id_service_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."service_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_milestones" ADD CONSTRAINT "project_milestones_project_id_service_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."service_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_projects" ADD CONSTRAINT "service_projects_buyer_area_id_area_nodes_id_fk" FOREIGN KEY ("buyer_area_id") REFERENCES "public"."area_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_projects" ADD CONSTRAINT "service_projects_provider_org_id_handler_orgs_id_fk" FOREIGN KEY ("provider_org_id") REFERENCES "public"."handler_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decision_orders" ADD CONSTRAINT "meeting_decision_orders_decision_id_meeting_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."meeting_decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decision_orders" ADD CONSTRAINT "meeting_decision_orders_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD CONSTRAINT "meeting_decisions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD CONSTRAINT "meeting_decisions_mediation_case_id_mediation_cases_id_fk" FOREIGN KEY ("mediation_case_id") REFERENCES "public"."mediation_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_invitees" ADD CONSTRAINT "meeting_invitees_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_invitees" ADD CONSTRAINT "meeting_invitees_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_invitees" ADD CONSTRAINT "meeting_invitees_org_id_handler_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."handler_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_tasks" ADD CONSTRAINT "meeting_tasks_decision_id_meeting_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."meeting_decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "flat_owners_household_idx" ON "flat_owners" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "flat_owners_community_idx" ON "flat_owners" USING btree ("community_id");--> statement-breakpoint
CREATE UNIQUE INDEX "property_surveys_compound_period_uq" ON "property_surveys" USING btree ("compound_id","period");--> statement-breakpoint
CREATE INDEX "property_surveys_community_idx" ON "property_surveys" USING btree ("community_id","period");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_answers_household_uq" ON "survey_answers" USING btree ("survey_id","household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "project_evaluations_live_uq" ON "project_evaluations" USING btree ("project_id","evaluator_id") WHERE "project_evaluations"."superseded_at" IS NULL;--> statement-breakpoint
CREATE INDEX "project_evaluators_user_idx" ON "project_evaluators" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "project_evidence_project_idx" ON "project_evidence" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE INDEX "project_kpis_project_idx" ON "project_kpis" USING btree ("project_id","position");--> statement-breakpoint
CREATE INDEX "project_milestones_project_idx" ON "project_milestones" USING btree ("project_id","position");--> statement-breakpoint
CREATE INDEX "service_projects_street_idx" ON "service_projects" USING btree ("street_id","starts_on");--> statement-breakpoint
CREATE INDEX "service_projects_community_idx" ON "service_projects" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "service_projects_provider_idx" ON "service_projects" USING btree ("provider_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "service_projects_contract_uq" ON "service_projects" USING btree ("street_id","contract_no");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_decision_orders_uq" ON "meeting_decision_orders" USING btree ("decision_id","order_id");--> statement-breakpoint
CREATE INDEX "meeting_decision_orders_order_idx" ON "meeting_decision_orders" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "meeting_decisions_meeting_idx" ON "meeting_decisions" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "meeting_invitees_meeting_idx" ON "meeting_invitees" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "meeting_tasks_decision_idx" ON "meeting_tasks" USING btree ("decision_id","position");--> statement-breakpoint
CREATE INDEX "meetings_community_idx" ON "meetings" USING btree ("community_id","starts_at");--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_run_by_users_id_fk" FOREIGN KEY ("run_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_members" ADD CONSTRAINT "party_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_votes" ADD CONSTRAINT "consultation_votes_flat_id_flats_id_fk" FOREIGN KEY ("flat_id") REFERENCES "public"."flats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "party_members_user_uq" ON "party_members" USING btree ("user_id") WHERE "party_members"."user_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_votes_flat_uq" ON "consultation_votes" USING btree ("consultation_id","flat_id");--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_votes_household_uq" ON "consultation_votes" USING btree ("consultation_id","household_id") WHERE flat_id IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "programme_enrolments_uq" ON "programme_enrolments" USING btree ("programme_id","resident_id") WHERE "programme_enrolments"."ended_on" IS NULL;