CREATE TABLE "auth"."persona_transcripts" (
	"tick_id" text PRIMARY KEY NOT NULL,
	"persona_id" text NOT NULL,
	"entries" jsonb NOT NULL,
	"dropped" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "auth"."persona_transcripts" ADD CONSTRAINT "persona_transcripts_tick_id_persona_ticks_id_fk" FOREIGN KEY ("tick_id") REFERENCES "auth"."persona_ticks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth"."persona_transcripts" ADD CONSTRAINT "persona_transcripts_persona_id_personas_user_id_fk" FOREIGN KEY ("persona_id") REFERENCES "auth"."personas"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "persona_transcripts_created_idx" ON "auth"."persona_transcripts" USING btree ("created_at");