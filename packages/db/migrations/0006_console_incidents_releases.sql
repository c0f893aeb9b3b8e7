CREATE TABLE "auth"."incident_status_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"incident_id" text NOT NULL,
	"status" text NOT NULL,
	"actor" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "incident_status_events_status_check" CHECK ("auth"."incident_status_events"."status" in ('open', 'acknowledged', 'resolved'))
);
--> statement-breakpoint
CREATE TABLE "auth"."release_markers" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"note" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "incident_status_events_incident_idx" ON "auth"."incident_status_events" USING btree ("incident_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "release_markers_name_idx" ON "auth"."release_markers" USING btree ("name");--> statement-breakpoint
CREATE INDEX "release_markers_at_idx" ON "auth"."release_markers" USING btree ("at");