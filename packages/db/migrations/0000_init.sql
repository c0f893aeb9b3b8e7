CREATE SCHEMA "auth";
--> statement-breakpoint
CREATE TYPE "auth"."user_kind" AS ENUM('human', 'persona', 'system');--> statement-breakpoint
CREATE TABLE "auth"."accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"user_id" text NOT NULL,
	"access_token" text,
	"refresh_token" text,
	"id_token" text,
	"access_token_expires_at" timestamp with time zone,
	"refresh_token_expires_at" timestamp with time zone,
	"scope" text,
	"password" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auth"."invitations" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"email" text NOT NULL,
	"role" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"inviter_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auth"."jwks" (
	"id" text PRIMARY KEY NOT NULL,
	"public_key" text NOT NULL,
	"private_key" text NOT NULL,
	"alg" text,
	"crv" text,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "auth"."members" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"user_id" text NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auth"."organizations" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"type" text DEFAULT 'personal' NOT NULL,
	"logo" text,
	"metadata" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_slug_unique" UNIQUE("slug"),
	CONSTRAINT "organizations_type_check" CHECK ("auth"."organizations"."type" in ('personal', 'family', 'team', 'practice', 'brand'))
);
--> statement-breakpoint
CREATE TABLE "auth"."persona_actions" (
	"id" text PRIMARY KEY NOT NULL,
	"persona_id" text NOT NULL,
	"tick_id" text NOT NULL,
	"seq" integer NOT NULL,
	"tool_name" text NOT NULL,
	"module" text NOT NULL,
	"space_id" text NOT NULL,
	"tool_use_id" text,
	"input_hash" text,
	"result" text NOT NULL,
	"error_message" text,
	"latency_ms" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "persona_actions_result_check" CHECK ("auth"."persona_actions"."result" in ('ok', 'error'))
);
--> statement-breakpoint
CREATE TABLE "auth"."persona_feedback" (
	"id" text PRIMARY KEY NOT NULL,
	"persona_id" text NOT NULL,
	"tick_id" text NOT NULL,
	"module" text NOT NULL,
	"rating" smallint NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "persona_feedback_rating_check" CHECK ("auth"."persona_feedback"."rating" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "auth"."persona_ticks" (
	"id" text PRIMARY KEY NOT NULL,
	"persona_id" text NOT NULL,
	"runner_id" text,
	"brain" text,
	"model" text,
	"space_id" text,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"status" text NOT NULL,
	"error" text,
	"actions_count" integer DEFAULT 0 NOT NULL,
	"input_tokens" integer,
	"output_tokens" integer,
	"cost_usd" double precision,
	CONSTRAINT "persona_ticks_status_check" CHECK ("auth"."persona_ticks"."status" in ('running', 'ok', 'failed', 'timeout'))
);
--> statement-breakpoint
CREATE TABLE "auth"."personas" (
	"user_id" text PRIMARY KEY NOT NULL,
	"archetype" text NOT NULL,
	"system_prompt" text NOT NULL,
	"module_mix" jsonb NOT NULL,
	"tick_cadence" text NOT NULL,
	"locale" text DEFAULT 'en' NOT NULL,
	"timezone" text DEFAULT 'UTC' NOT NULL,
	"traits" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"last_active_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "personas_tick_cadence_check" CHECK ("auth"."personas"."tick_cadence" in ('hourly', 'daily', 'weekdays')),
	CONSTRAINT "personas_locale_check" CHECK ("auth"."personas"."locale" in ('en', 'de'))
);
--> statement-breakpoint
CREATE TABLE "auth"."sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"token" text NOT NULL,
	"ip_address" text,
	"user_agent" text,
	"user_id" text NOT NULL,
	"active_organization_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sessions_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "auth"."users" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"email_verified" boolean DEFAULT false NOT NULL,
	"image" text,
	"kind" "auth"."user_kind" DEFAULT 'human' NOT NULL,
	"role" text DEFAULT 'user' NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "auth"."verifications" (
	"id" text PRIMARY KEY NOT NULL,
	"identifier" text NOT NULL,
	"value" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "auth"."accounts" ADD CONSTRAINT "accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth"."invitations" ADD CONSTRAINT "invitations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "auth"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth"."invitations" ADD CONSTRAINT "invitations_inviter_id_users_id_fk" FOREIGN KEY ("inviter_id") REFERENCES "auth"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth"."members" ADD CONSTRAINT "members_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "auth"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth"."members" ADD CONSTRAINT "members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth"."persona_actions" ADD CONSTRAINT "persona_actions_persona_id_personas_user_id_fk" FOREIGN KEY ("persona_id") REFERENCES "auth"."personas"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth"."persona_feedback" ADD CONSTRAINT "persona_feedback_persona_id_personas_user_id_fk" FOREIGN KEY ("persona_id") REFERENCES "auth"."personas"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth"."persona_ticks" ADD CONSTRAINT "persona_ticks_persona_id_personas_user_id_fk" FOREIGN KEY ("persona_id") REFERENCES "auth"."personas"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth"."personas" ADD CONSTRAINT "personas_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth"."sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accounts_user_id_idx" ON "auth"."accounts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "invitations_organization_id_idx" ON "auth"."invitations" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "invitations_email_idx" ON "auth"."invitations" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "members_organization_user_idx" ON "auth"."members" USING btree ("organization_id","user_id");--> statement-breakpoint
CREATE INDEX "members_user_id_idx" ON "auth"."members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "persona_actions_persona_created_idx" ON "auth"."persona_actions" USING btree ("persona_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "persona_actions_tick_idx" ON "auth"."persona_actions" USING btree ("tick_id");--> statement-breakpoint
CREATE INDEX "persona_actions_module_created_idx" ON "auth"."persona_actions" USING btree ("module","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "persona_feedback_module_created_idx" ON "auth"."persona_feedback" USING btree ("module","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "persona_feedback_persona_created_idx" ON "auth"."persona_feedback" USING btree ("persona_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "persona_ticks_persona_started_idx" ON "auth"."persona_ticks" USING btree ("persona_id","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "persona_ticks_started_idx" ON "auth"."persona_ticks" USING btree ("started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "personas_last_active_at_idx" ON "auth"."personas" USING btree ("last_active_at");--> statement-breakpoint
CREATE INDEX "sessions_user_id_idx" ON "auth"."sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "verifications_identifier_idx" ON "auth"."verifications" USING btree ("identifier");