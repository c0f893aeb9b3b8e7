CREATE TABLE "auth"."persona_dead_letters" (
	"id" text PRIMARY KEY NOT NULL,
	"persona_id" text NOT NULL,
	"kind" text NOT NULL,
	"tick_id" text,
	"runner_id" text,
	"status" integer NOT NULL,
	"reason" text NOT NULL,
	"payload" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "persona_dead_letters_kind_check" CHECK ("auth"."persona_dead_letters"."kind" in ('actions', 'feedback', 'tick'))
);
--> statement-breakpoint
ALTER TABLE "auth"."persona_ticks" DROP CONSTRAINT "persona_ticks_status_check";--> statement-breakpoint
ALTER TABLE "auth"."personas" ADD COLUMN "next_due_at" timestamp with time zone DEFAULT '0001-01-01T00:00:00Z' NOT NULL;--> statement-breakpoint
ALTER TABLE "auth"."personas" ADD COLUMN "claimed_by" text;--> statement-breakpoint
ALTER TABLE "auth"."personas" ADD COLUMN "lease_until" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "persona_dead_letters_created_idx" ON "auth"."persona_dead_letters" USING btree ("created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "persona_dead_letters_persona_created_idx" ON "auth"."persona_dead_letters" USING btree ("persona_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "personas_next_due_idx" ON "auth"."personas" USING btree ("next_due_at","created_at","user_id");--> statement-breakpoint
CREATE INDEX "personas_lease_until_idx" ON "auth"."personas" USING btree ("lease_until") WHERE "auth"."personas"."lease_until" is not null;--> statement-breakpoint
ALTER TABLE "auth"."persona_ticks" ADD CONSTRAINT "persona_ticks_status_check" CHECK ("auth"."persona_ticks"."status" in ('running', 'ok', 'failed', 'timeout', 'abandoned'));--> statement-breakpoint
-- hand-written: a trigger keeps personas.next_due_at on every write of the columns it
-- depends on, so an index serves the due query (generated columns need immutable
-- expressions; timestamptz arithmetic and time zones are not). Never active → year 1 (due
-- first); else last_active_at + 1 h (hourly) / 24 h; a weekdays persona's due time that
-- falls on its Saturday or Sunday moves to Monday 00:00 in its own timezone.
CREATE FUNCTION "auth"."persona_next_due"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  due timestamptz;
  local_day int;
BEGIN
  IF NEW.last_active_at IS NULL THEN
    NEW.next_due_at := '0001-01-01T00:00:00Z';
    RETURN NEW;
  END IF;
  due := NEW.last_active_at
    + CASE NEW.tick_cadence WHEN 'hourly' THEN interval '1 hour' ELSE interval '24 hours' END;
  IF NEW.tick_cadence = 'weekdays' THEN
    local_day := extract(isodow FROM (due AT TIME ZONE NEW.timezone));
    IF local_day > 5 THEN
      due := (date_trunc('day', due AT TIME ZONE NEW.timezone) + (8 - local_day) * interval '1 day')
        AT TIME ZONE NEW.timezone;
    END IF;
  END IF;
  NEW.next_due_at := due;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "personas_next_due" BEFORE INSERT OR UPDATE OF "last_active_at", "tick_cadence", "timezone"
ON "auth"."personas" FOR EACH ROW EXECUTE FUNCTION "auth"."persona_next_due"();--> statement-breakpoint
UPDATE "auth"."personas" SET "last_active_at" = "last_active_at";
