CREATE TYPE "public"."service_category" AS ENUM('property', 'home_service', 'renovation', 'mediation', 'volunteer', 'social_org');--> statement-breakpoint
CREATE TYPE "public"."order_channel" AS ENUM('portal', 'proxy', 'desk', 'meeting', 'open311');--> statement-breakpoint
CREATE TYPE "public"."order_outcome" AS ENUM('resolved', 'unresolved', 'not_responsible', 'duplicate', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."order_rating" AS ENUM('satisfied', 'basic', 'unsatisfied');--> statement-breakpoint
CREATE TYPE "public"."order_status" AS ENUM('placed', 'dispatched', 'accepted', 'in_progress', 'handled', 'confirmed', 'closed', 'suspended', 'merged', 'withdrawn');--> statement-breakpoint
CREATE SEQUENCE "public"."order_no_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "community_order_settings" (
	"community_id" uuid PRIMARY KEY NOT NULL,
	"community_may_close" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"street_id" uuid NOT NULL,
	"code" text NOT NULL,
	"category" "service_category" NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"keywords" text[] DEFAULT '{}' NOT NULL,
	"fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"default_handler_org_id" uuid,
	"time_limits" jsonb NOT NULL,
	"emergency" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"order_id" uuid,
	"event_id" bigint,
	"name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"storage_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"street_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"from_status" "order_status",
	"to_status" "order_status",
	"text" text DEFAULT '' NOT NULL,
	"internal" boolean DEFAULT false NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"notified_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_no" text NOT NULL,
	"service_id" uuid NOT NULL,
	"category" "service_category" NOT NULL,
	"emergency" boolean DEFAULT false NOT NULL,
	"status" "order_status" DEFAULT 'placed' NOT NULL,
	"suspended_from" "order_status",
	"version" integer DEFAULT 1 NOT NULL,
	"channel" "order_channel" NOT NULL,
	"description" text NOT NULL,
	"fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"district_id" uuid NOT NULL,
	"street_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"compound_id" uuid,
	"grid_id" uuid,
	"building_id" uuid,
	"flat_id" uuid,
	"household_id" uuid,
	"resident_id" uuid,
	"address" text DEFAULT '' NOT NULL,
	"contact_name" text,
	"contact_phone_enc" "bytea",
	"contact_email" text,
	"placed_by" uuid,
	"consent" jsonb,
	"idempotency_key" text,
	"open311_token" text,
	"lat" text,
	"long" text,
	"handler_org_id" uuid,
	"handler_user_id" uuid,
	"handled_by" uuid,
	"placed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"dispatched_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"handled_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"stage_started_at" timestamp with time zone,
	"stage_due_at" timestamp with time zone,
	"dispatch_due_at" timestamp with time zone,
	"accept_due_at" timestamp with time zone,
	"handle_due_at" timestamp with time zone,
	"confirm_due_at" timestamp with time zone,
	"close_due_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"overdue_since" timestamp with time zone,
	"escalation_level" smallint DEFAULT 0 NOT NULL,
	"suspended_at" timestamp with time zone,
	"accepted_on_time" boolean,
	"handled_on_time" boolean,
	"closed_on_time" boolean,
	"rework_count" smallint DEFAULT 0 NOT NULL,
	"extension_count" smallint DEFAULT 0 NOT NULL,
	"extension_hours" integer DEFAULT 0 NOT NULL,
	"extension_pending_hours" integer,
	"extension_pending_reason" text,
	"rating" "order_rating",
	"rating_reasons" text[] DEFAULT '{}' NOT NULL,
	"rated_via" text,
	"outcome" "order_outcome",
	"merged_into_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"to" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"name" text PRIMARY KEY NOT NULL,
	"last_started_at" timestamp with time zone,
	"last_finished_at" timestamp with time zone,
	"last_result" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"order_id" uuid,
	"event_id" bigint,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "open311_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"district_id" uuid NOT NULL,
	"street_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "open311_keys_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"webhook_id" uuid NOT NULL,
	"event_id" bigint,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_status" integer,
	"last_error" text,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhooks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"secret_enc" "bytea" NOT NULL,
	"events" text[] DEFAULT '{}' NOT NULL,
	"area_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"street_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "community_order_settings" ADD CONSTRAINT "community_order_settings_community_id_area_nodes_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."area_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_street_id_area_nodes_id_fk" FOREIGN KEY ("street_id") REFERENCES "public"."area_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_default_handler_org_id_handler_orgs_id_fk" FOREIGN KEY ("default_handler_org_id") REFERENCES "public"."handler_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_events" ADD CONSTRAINT "order_events_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_handler_org_id_handler_orgs_id_fk" FOREIGN KEY ("handler_org_id") REFERENCES "public"."handler_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open311_keys" ADD CONSTRAINT "open311_keys_community_id_area_nodes_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."area_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_webhook_id_webhooks_id_fk" FOREIGN KEY ("webhook_id") REFERENCES "public"."webhooks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhooks" ADD CONSTRAINT "webhooks_area_id_area_nodes_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."area_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "services_street_code_uq" ON "services" USING btree ("street_id","code");--> statement-breakpoint
CREATE INDEX "services_street_category_idx" ON "services" USING btree ("street_id","category");--> statement-breakpoint
CREATE INDEX "attachments_order_idx" ON "attachments" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "attachments_owner_idx" ON "attachments" USING btree ("owner_id","created_at");--> statement-breakpoint
CREATE INDEX "order_events_order_idx" ON "order_events" USING btree ("order_id","id");--> statement-breakpoint
CREATE INDEX "order_events_pending_idx" ON "order_events" USING btree ("id") WHERE "order_events"."notified_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "orders_no_uq" ON "orders" USING btree ("order_no");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_idempotency_uq" ON "orders" USING btree ("placed_by","idempotency_key") WHERE "orders"."idempotency_key" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "orders_open311_token_uq" ON "orders" USING btree ("open311_token") WHERE "orders"."open311_token" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "orders_community_status_idx" ON "orders" USING btree ("community_id","status");--> statement-breakpoint
CREATE INDEX "orders_street_placed_idx" ON "orders" USING btree ("street_id","placed_at");--> statement-breakpoint
CREATE INDEX "orders_community_placed_idx" ON "orders" USING btree ("community_id","placed_at");--> statement-breakpoint
CREATE INDEX "orders_handler_status_idx" ON "orders" USING btree ("handler_org_id","status");--> statement-breakpoint
CREATE INDEX "orders_resident_idx" ON "orders" USING btree ("resident_id");--> statement-breakpoint
CREATE INDEX "orders_household_idx" ON "orders" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "orders_placed_by_idx" ON "orders" USING btree ("placed_by");--> statement-breakpoint
CREATE INDEX "orders_stage_due_idx" ON "orders" USING btree ("stage_due_at") WHERE "orders"."stage_due_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "orders_open_service_building_idx" ON "orders" USING btree ("service_id","compound_id","building_id") WHERE "orders"."status" IN ('placed', 'dispatched', 'accepted', 'in_progress');--> statement-breakpoint
CREATE INDEX "orders_placed_month_idx" ON "orders" USING btree (date_trunc('month', placed_at AT TIME ZONE 'Asia/Shanghai'));--> statement-breakpoint
CREATE INDEX "orders_live_due_idx" ON "orders" USING btree ("community_id","stage_due_at") WHERE "orders"."status" IN ('placed', 'dispatched', 'accepted', 'in_progress', 'handled', 'confirmed', 'suspended');--> statement-breakpoint
CREATE INDEX "orders_live_street_due_idx" ON "orders" USING btree ("street_id","stage_due_at") WHERE "orders"."status" IN ('placed', 'dispatched', 'accepted', 'in_progress', 'handled', 'confirmed', 'suspended');--> statement-breakpoint
CREATE INDEX "orders_placed_idx" ON "orders" USING btree ("placed_at");--> statement-breakpoint
CREATE INDEX "orders_description_trgm_idx" ON "orders" USING gin ("description" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "email_outbox_pending_idx" ON "email_outbox" USING btree ("next_attempt_at") WHERE "email_outbox"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_event_user_uq" ON "notifications" USING btree ("event_id","user_id");--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("user_id") WHERE "notifications"."read_at" IS NULL;--> statement-breakpoint
CREATE INDEX "open311_keys_street_idx" ON "open311_keys" USING btree ("street_id");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_pending_idx" ON "webhook_deliveries" USING btree ("next_attempt_at") WHERE "webhook_deliveries"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "webhook_deliveries_webhook_idx" ON "webhook_deliveries" USING btree ("webhook_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_deliveries_event_uq" ON "webhook_deliveries" USING btree ("webhook_id","event_id");--> statement-breakpoint
CREATE INDEX "webhooks_street_idx" ON "webhooks" USING btree ("street_id");