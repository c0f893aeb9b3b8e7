CREATE TABLE "auth"."consistency_rows" (
	"run_id" bigint NOT NULL,
	"persona" text NOT NULL,
	"module" text NOT NULL,
	"rated_days" integer NOT NULL,
	"rating_mean" double precision,
	"rating_sd" double precision,
	"rating_range" smallint,
	"checked_days" integer NOT NULL,
	"pass_k" double precision,
	"pass_at_k" double precision,
	CONSTRAINT "consistency_rows_run_id_persona_module_pk" PRIMARY KEY("run_id","persona","module"),
	CONSTRAINT "consistency_rows_pass_check" CHECK ("auth"."consistency_rows"."pass_k" between 0 and 1)
);
--> statement-breakpoint
CREATE TABLE "auth"."consistency_runs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone NOT NULL,
	"k" smallint NOT NULL,
	"seed" integer NOT NULL,
	"days" double precision NOT NULL,
	"brain" text NOT NULL,
	"persona_count" integer NOT NULL,
	"persona_days" integer NOT NULL,
	"simulated_from" timestamp with time zone NOT NULL,
	"simulated_to" timestamp with time zone NOT NULL,
	"faults" text,
	"rated_days" integer NOT NULL,
	"rating_mean" double precision,
	"rating_sd" double precision,
	"rating_range" smallint,
	"checked_days" integer NOT NULL,
	"pass_k" double precision,
	"pass_at_k" double precision,
	CONSTRAINT "consistency_runs_k_check" CHECK ("auth"."consistency_runs"."k" >= 2),
	CONSTRAINT "consistency_runs_pass_check" CHECK ("auth"."consistency_runs"."pass_k" between 0 and 1)
);
--> statement-breakpoint
ALTER TABLE "auth"."consistency_rows" ADD CONSTRAINT "consistency_rows_run_id_consistency_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "auth"."consistency_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consistency_runs_started_idx" ON "auth"."consistency_runs" USING btree ("started_at" DESC NULLS LAST);