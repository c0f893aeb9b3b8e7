-- The class of an error message, so one failure groups together however its ids, numbers
-- and quoted values differ: lower case; UUIDs and long hex ids become <id>, quoted text
-- <text>, numbers <n>; whitespace collapsed; at most 200 characters. The identity service
-- stores it with every new error row; old rows get it here.
CREATE FUNCTION "auth"."error_signature"(message text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT left(btrim(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
    lower(message),
    '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}', '<id>', 'g'),
    '"[^"]*"|''[^'']*''|`[^`]*`', '<text>', 'g'),
    '\m[0-9a-f]{16,}\M', '<id>', 'g'),
    '-?[0-9]+(\.[0-9]+)?', '<n>', 'g'),
    '\s+', ' ', 'g')), 200)
$$;--> statement-breakpoint
ALTER TABLE "auth"."persona_actions" ADD COLUMN "error_kind" text;--> statement-breakpoint
ALTER TABLE "auth"."persona_actions" ADD COLUMN "error_signature" text;--> statement-breakpoint
-- Rows stored before outcome kinds existed read as before: an error was one stream, so it
-- counts as an app error.
ALTER TABLE "auth"."persona_actions" ADD COLUMN "outcome" text;--> statement-breakpoint
ALTER TABLE "auth"."persona_actions" ADD COLUMN "check_status" text;--> statement-breakpoint
ALTER TABLE "auth"."persona_actions" ADD COLUMN "check_expected" text;--> statement-breakpoint
ALTER TABLE "auth"."persona_actions" ADD COLUMN "check_seen" text;--> statement-breakpoint
ALTER TABLE "auth"."persona_actions" ADD COLUMN "check_by" integer;--> statement-breakpoint
ALTER TABLE "auth"."persona_actions" ADD COLUMN "check_of" integer;--> statement-breakpoint
UPDATE "auth"."persona_actions" SET "outcome" = CASE WHEN "result" = 'error' THEN 'app_error' ELSE 'ok' END;--> statement-breakpoint
ALTER TABLE "auth"."persona_actions" ALTER COLUMN "outcome" SET NOT NULL;--> statement-breakpoint
UPDATE "auth"."persona_actions" SET "error_signature" = "auth"."error_signature"("error_message") WHERE "error_message" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "persona_actions_created_idx" ON "auth"."persona_actions" USING btree ("created_at");--> statement-breakpoint
ALTER TABLE "auth"."persona_actions" ADD CONSTRAINT "persona_actions_error_kind_check" CHECK ("auth"."persona_actions"."error_kind" in ('invalid_input', 'app_error', 'timeout', 'transport'));--> statement-breakpoint
ALTER TABLE "auth"."persona_actions" ADD CONSTRAINT "persona_actions_outcome_check" CHECK ("auth"."persona_actions"."outcome" in ('ok', 'invalid_input', 'app_error', 'timeout', 'transport', 'check_failed'));--> statement-breakpoint
ALTER TABLE "auth"."persona_actions" ADD CONSTRAINT "persona_actions_check_status_check" CHECK ("auth"."persona_actions"."check_status" in ('passed', 'failed'));