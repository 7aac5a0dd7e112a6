CREATE TYPE "public"."vote_channel" AS ENUM('online', 'in_person', 'paper');--> statement-breakpoint
CREATE TYPE "public"."vote_eligibility" AS ENUM('compound_households', 'building_households', 'representatives');--> statement-breakpoint
CREATE TYPE "public"."programme_kind" AS ENUM('meal_aid', 'day_care', 'elderly_apartment', 'rehabilitation', 'comfort_visit', 'elderly_education', 'small_dining_table', 'tutoring', 'youth_training');--> statement-breakpoint
CREATE TABLE "consultation_votes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"resident_id" uuid,
	"option_key" text NOT NULL,
	"channel" "vote_channel" NOT NULL,
	"recorded_by" uuid,
	"cast_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"street_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"compound_id" uuid,
	"building_id" uuid,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"eligibility" "vote_eligibility" NOT NULL,
	"options" jsonb NOT NULL,
	"quorum" integer NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"eligible_at_close" integer,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_attendance" (
	"session_id" uuid NOT NULL,
	"enrolment_id" uuid NOT NULL,
	CONSTRAINT "programme_attendance_session_id_enrolment_id_pk" PRIMARY KEY("session_id","enrolment_id")
);
--> statement-breakpoint
CREATE TABLE "programme_enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"resident_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"street_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"grid_id" uuid,
	"enrolled_on" date NOT NULL,
	"ended_on" date,
	"visit_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"street_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"street_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"kind" "programme_kind" NOT NULL,
	"name" text NOT NULL,
	"provider_org_id" uuid,
	"venue" text DEFAULT '' NOT NULL,
	"eligible_tags" text[] DEFAULT '{}' NOT NULL,
	"min_age" integer,
	"max_age" integer,
	"capacity" integer,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "social_workers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"street_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"name" text NOT NULL,
	"qualification" text NOT NULL,
	"certificate_no" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consultation_votes" ADD CONSTRAINT "consultation_votes_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_votes" ADD CONSTRAINT "consultation_votes_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_votes" ADD CONSTRAINT "consultation_votes_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_votes" ADD CONSTRAINT "consultation_votes_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_area_id_area_nodes_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."area_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_attendance" ADD CONSTRAINT "programme_attendance_session_id_programme_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."programme_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_attendance" ADD CONSTRAINT "programme_attendance_enrolment_id_programme_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."programme_enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_enrolments" ADD CONSTRAINT "programme_enrolments_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_enrolments" ADD CONSTRAINT "programme_enrolments_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_enrolments" ADD CONSTRAINT "programme_enrolments_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_sessions" ADD CONSTRAINT "programme_sessions_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_provider_org_id_handler_orgs_id_fk" FOREIGN KEY ("provider_org_id") REFERENCES "public"."handler_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_workers" ADD CONSTRAINT "social_workers_org_id_handler_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."handler_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_votes_household_uq" ON "consultation_votes" USING btree ("consultation_id","household_id");--> statement-breakpoint
CREATE INDEX "consultations_community_idx" ON "consultations" USING btree ("community_id","closes_at");--> statement-breakpoint
CREATE INDEX "consultations_area_idx" ON "consultations" USING btree ("area_id");--> statement-breakpoint
CREATE UNIQUE INDEX "programme_enrolments_uq" ON "programme_enrolments" USING btree ("programme_id","resident_id");--> statement-breakpoint
CREATE INDEX "programme_enrolments_household_idx" ON "programme_enrolments" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "programme_enrolments_community_idx" ON "programme_enrolments" USING btree ("community_id","enrolled_on");--> statement-breakpoint
CREATE INDEX "programme_sessions_programme_idx" ON "programme_sessions" USING btree ("programme_id","held_on");--> statement-breakpoint
CREATE INDEX "programmes_community_idx" ON "programmes" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "social_workers_org_idx" ON "social_workers" USING btree ("org_id");