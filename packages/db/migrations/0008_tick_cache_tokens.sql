ALTER TABLE "auth"."persona_ticks" ADD COLUMN "cache_read_tokens" integer;--> statement-breakpoint
ALTER TABLE "auth"."persona_ticks" ADD COLUMN "cache_write_tokens" integer;