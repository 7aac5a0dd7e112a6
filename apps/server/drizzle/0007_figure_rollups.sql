CREATE TABLE "figure_rollup_state" (
	"name" text PRIMARY KEY NOT NULL,
	"built_through" date
);
--> statement-breakpoint
CREATE TABLE "order_figure_days" (
	"day" date NOT NULL,
	"community_id" uuid NOT NULL,
	"street_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"category" "service_category" NOT NULL,
	"handler_org_id" uuid,
	"placed" integer NOT NULL,
	"dispatched" integer NOT NULL,
	"accepted_on_time" integer NOT NULL,
	"closed" integer NOT NULL,
	"resolved" integer NOT NULL,
	"closed_on_time" integer NOT NULL,
	"handled" integer NOT NULL,
	"reworked" integer NOT NULL,
	"extended" integer NOT NULL,
	"rated" integer NOT NULL,
	"satisfied" integer NOT NULL,
	"dispatch_seconds" double precision NOT NULL,
	"dispatch_n" integer NOT NULL,
	"accept_seconds" double precision NOT NULL,
	"accept_n" integer NOT NULL,
	"handle_seconds" double precision NOT NULL,
	"handle_n" integer NOT NULL,
	"close_seconds" double precision NOT NULL,
	"close_n" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_figure_dirty" (
	"day" date NOT NULL,
	"community_id" uuid NOT NULL,
	"seq" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "order_figure_dirty_day_community_id_pk" PRIMARY KEY("day","community_id")
);
--> statement-breakpoint
CREATE TABLE "order_figure_months" (
	"month" date NOT NULL,
	"community_id" uuid NOT NULL,
	"street_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"category" "service_category" NOT NULL,
	"handler_org_id" uuid,
	"placed" integer NOT NULL,
	"dispatched" integer NOT NULL,
	"accepted_on_time" integer NOT NULL,
	"closed" integer NOT NULL,
	"resolved" integer NOT NULL,
	"closed_on_time" integer NOT NULL,
	"handled" integer NOT NULL,
	"reworked" integer NOT NULL,
	"extended" integer NOT NULL,
	"rated" integer NOT NULL,
	"satisfied" integer NOT NULL,
	"dispatch_seconds" double precision NOT NULL,
	"dispatch_n" integer NOT NULL,
	"accept_seconds" double precision NOT NULL,
	"accept_n" integer NOT NULL,
	"handle_seconds" double precision NOT NULL,
	"handle_n" integer NOT NULL,
	"close_seconds" double precision NOT NULL,
	"close_n" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "order_figure_days_community_idx" ON "order_figure_days" USING btree ("community_id","day");--> statement-breakpoint
CREATE INDEX "order_figure_days_street_idx" ON "order_figure_days" USING btree ("street_id","day");--> statement-breakpoint
CREATE INDEX "order_figure_days_day_idx" ON "order_figure_days" USING btree ("day");--> statement-breakpoint
CREATE INDEX "order_figure_months_community_idx" ON "order_figure_months" USING btree ("community_id","month");--> statement-breakpoint
CREATE INDEX "order_figure_months_street_idx" ON "order_figure_months" USING btree ("street_id","month");