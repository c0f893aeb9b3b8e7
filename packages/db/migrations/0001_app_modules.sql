CREATE SCHEMA "app";
--> statement-breakpoint
CREATE TABLE "app"."articles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"space_id" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"url" text NOT NULL,
	"title" text NOT NULL,
	"source" text,
	"summary" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'unread' NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "articles_status_check" CHECK ("app"."articles"."status" in ('unread', 'reading', 'read', 'archived'))
);
--> statement-breakpoint
CREATE TABLE "app"."calendar_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"space_id" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"all_day" boolean DEFAULT false NOT NULL,
	"location" text,
	"notes" text,
	"status" text DEFAULT 'confirmed' NOT NULL,
	CONSTRAINT "calendar_events_range_check" CHECK ("app"."calendar_events"."ends_at" >= "app"."calendar_events"."starts_at"),
	CONSTRAINT "calendar_events_status_check" CHECK ("app"."calendar_events"."status" in ('confirmed', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "app"."contact_interactions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"space_id" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"contact_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"summary" text NOT NULL,
	"happened_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "app"."contacts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"space_id" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"phone" text,
	"company" text,
	"role" text,
	"notes" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"last_contacted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "app"."dreams" (
	"id" uuid PRIMARY KEY NOT NULL,
	"space_id" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"dreamt_on" date NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"lucid" boolean DEFAULT false NOT NULL,
	"vividness" smallint,
	"emotions" text[] DEFAULT '{}'::text[] NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "dreams_vividness_check" CHECK ("app"."dreams"."vividness" is null or "app"."dreams"."vividness" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "app"."goal_checkins" (
	"id" uuid PRIMARY KEY NOT NULL,
	"space_id" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"goal_id" uuid NOT NULL,
	"progress" integer NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "app"."goals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"space_id" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"target_date" date,
	"progress" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"achieved_at" timestamp with time zone,
	CONSTRAINT "goals_progress_check" CHECK ("app"."goals"."progress" between 0 and 100),
	CONSTRAINT "goals_status_check" CHECK ("app"."goals"."status" in ('active', 'achieved', 'abandoned'))
);
--> statement-breakpoint
CREATE TABLE "app"."habit_logs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"habit_id" uuid NOT NULL,
	"space_id" text NOT NULL,
	"logged_on" date NOT NULL,
	"count" integer DEFAULT 1 NOT NULL,
	"note" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "habit_logs_count_check" CHECK ("app"."habit_logs"."count" between 1 and 1000)
);
--> statement-breakpoint
CREATE TABLE "app"."habits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"space_id" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"period" text DEFAULT 'daily' NOT NULL,
	"target_per_period" integer DEFAULT 1 NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	CONSTRAINT "habits_period_check" CHECK ("app"."habits"."period" in ('daily', 'weekly')),
	CONSTRAINT "habits_target_check" CHECK ("app"."habits"."target_per_period" between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "app"."invoices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"space_id" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"number" text NOT NULL,
	"client_name" text NOT NULL,
	"client_email" text,
	"contact_id" uuid,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"lines" jsonb NOT NULL,
	"total_cents" integer NOT NULL,
	"issued_on" date NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"sent_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"notes" text,
	CONSTRAINT "invoices_status_check" CHECK ("app"."invoices"."status" in ('draft', 'sent', 'paid', 'void')),
	CONSTRAINT "invoices_total_check" CHECK ("app"."invoices"."total_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "app"."journal_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"space_id" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"entry_date" date NOT NULL,
	"title" text,
	"body" text NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "app"."library_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"space_id" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"title" text NOT NULL,
	"author" text,
	"kind" text DEFAULT 'book' NOT NULL,
	"status" text DEFAULT 'want' NOT NULL,
	"rating" smallint,
	"notes" text,
	"started_on" date,
	"finished_on" date,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "library_items_kind_check" CHECK ("app"."library_items"."kind" in ('book', 'paper', 'course', 'audiobook', 'other')),
	CONSTRAINT "library_items_status_check" CHECK ("app"."library_items"."status" in ('want', 'reading', 'finished', 'dropped')),
	CONSTRAINT "library_items_rating_check" CHECK ("app"."library_items"."rating" is null or "app"."library_items"."rating" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "app"."mood_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"space_id" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"score" smallint NOT NULL,
	"emotions" text[] DEFAULT '{}'::text[] NOT NULL,
	"note" text,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "mood_entries_score_check" CHECK ("app"."mood_entries"."score" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "app"."notes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"space_id" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"pinned" boolean DEFAULT false NOT NULL,
	"archived" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "app"."research_questions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"space_id" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"question" text NOT NULL,
	"context" text,
	"status" text DEFAULT 'open' NOT NULL,
	"answer" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "research_questions_status_check" CHECK ("app"."research_questions"."status" in ('open', 'answered', 'parked'))
);
--> statement-breakpoint
CREATE TABLE "app"."research_sources" (
	"id" uuid PRIMARY KEY NOT NULL,
	"space_id" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"question_id" uuid,
	"title" text NOT NULL,
	"url" text,
	"citation" text,
	"notes" text,
	"kind" text DEFAULT 'paper' NOT NULL,
	CONSTRAINT "research_sources_kind_check" CHECK ("app"."research_sources"."kind" in ('paper', 'article', 'book', 'dataset', 'other'))
);
--> statement-breakpoint
CREATE TABLE "app"."todos" (
	"id" uuid PRIMARY KEY NOT NULL,
	"space_id" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"title" text NOT NULL,
	"notes" text,
	"due_on" date,
	"priority" text DEFAULT 'normal' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "todos_priority_check" CHECK ("app"."todos"."priority" in ('low', 'normal', 'high')),
	CONSTRAINT "todos_status_check" CHECK ("app"."todos"."status" in ('open', 'done'))
);
--> statement-breakpoint
ALTER TABLE "app"."articles" ADD CONSTRAINT "articles_space_id_organizations_id_fk" FOREIGN KEY ("space_id") REFERENCES "auth"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."articles" ADD CONSTRAINT "articles_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "auth"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."calendar_events" ADD CONSTRAINT "calendar_events_space_id_organizations_id_fk" FOREIGN KEY ("space_id") REFERENCES "auth"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."calendar_events" ADD CONSTRAINT "calendar_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "auth"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."contact_interactions" ADD CONSTRAINT "contact_interactions_space_id_organizations_id_fk" FOREIGN KEY ("space_id") REFERENCES "auth"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."contact_interactions" ADD CONSTRAINT "contact_interactions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "auth"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."contact_interactions" ADD CONSTRAINT "contact_interactions_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "app"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."contacts" ADD CONSTRAINT "contacts_space_id_organizations_id_fk" FOREIGN KEY ("space_id") REFERENCES "auth"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."contacts" ADD CONSTRAINT "contacts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "auth"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."dreams" ADD CONSTRAINT "dreams_space_id_organizations_id_fk" FOREIGN KEY ("space_id") REFERENCES "auth"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."dreams" ADD CONSTRAINT "dreams_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "auth"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."goal_checkins" ADD CONSTRAINT "goal_checkins_space_id_organizations_id_fk" FOREIGN KEY ("space_id") REFERENCES "auth"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."goal_checkins" ADD CONSTRAINT "goal_checkins_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "auth"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."goal_checkins" ADD CONSTRAINT "goal_checkins_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "app"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."goals" ADD CONSTRAINT "goals_space_id_organizations_id_fk" FOREIGN KEY ("space_id") REFERENCES "auth"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."goals" ADD CONSTRAINT "goals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "auth"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."habit_logs" ADD CONSTRAINT "habit_logs_habit_id_habits_id_fk" FOREIGN KEY ("habit_id") REFERENCES "app"."habits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."habits" ADD CONSTRAINT "habits_space_id_organizations_id_fk" FOREIGN KEY ("space_id") REFERENCES "auth"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."habits" ADD CONSTRAINT "habits_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "auth"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."invoices" ADD CONSTRAINT "invoices_space_id_organizations_id_fk" FOREIGN KEY ("space_id") REFERENCES "auth"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."invoices" ADD CONSTRAINT "invoices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "auth"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."invoices" ADD CONSTRAINT "invoices_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "app"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."journal_entries" ADD CONSTRAINT "journal_entries_space_id_organizations_id_fk" FOREIGN KEY ("space_id") REFERENCES "auth"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."journal_entries" ADD CONSTRAINT "journal_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "auth"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."library_items" ADD CONSTRAINT "library_items_space_id_organizations_id_fk" FOREIGN KEY ("space_id") REFERENCES "auth"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."library_items" ADD CONSTRAINT "library_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "auth"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."mood_entries" ADD CONSTRAINT "mood_entries_space_id_organizations_id_fk" FOREIGN KEY ("space_id") REFERENCES "auth"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."mood_entries" ADD CONSTRAINT "mood_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "auth"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."notes" ADD CONSTRAINT "notes_space_id_organizations_id_fk" FOREIGN KEY ("space_id") REFERENCES "auth"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."notes" ADD CONSTRAINT "notes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "auth"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."research_questions" ADD CONSTRAINT "research_questions_space_id_organizations_id_fk" FOREIGN KEY ("space_id") REFERENCES "auth"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."research_questions" ADD CONSTRAINT "research_questions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "auth"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."research_sources" ADD CONSTRAINT "research_sources_space_id_organizations_id_fk" FOREIGN KEY ("space_id") REFERENCES "auth"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."research_sources" ADD CONSTRAINT "research_sources_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "auth"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."research_sources" ADD CONSTRAINT "research_sources_question_id_research_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "app"."research_questions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."todos" ADD CONSTRAINT "todos_space_id_organizations_id_fk" FOREIGN KEY ("space_id") REFERENCES "auth"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."todos" ADD CONSTRAINT "todos_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "auth"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "articles_space_status_idx" ON "app"."articles" USING btree ("space_id","status","created_at");--> statement-breakpoint
CREATE INDEX "calendar_events_space_starts_idx" ON "app"."calendar_events" USING btree ("space_id","starts_at");--> statement-breakpoint
CREATE INDEX "contact_interactions_contact_idx" ON "app"."contact_interactions" USING btree ("space_id","contact_id","happened_at");--> statement-breakpoint
CREATE INDEX "contacts_space_name_idx" ON "app"."contacts" USING btree ("space_id","name");--> statement-breakpoint
CREATE INDEX "dreams_space_day_idx" ON "app"."dreams" USING btree ("space_id","dreamt_on");--> statement-breakpoint
CREATE INDEX "goal_checkins_goal_idx" ON "app"."goal_checkins" USING btree ("space_id","goal_id","created_at");--> statement-breakpoint
CREATE INDEX "goals_space_status_idx" ON "app"."goals" USING btree ("space_id","status");--> statement-breakpoint
CREATE INDEX "habit_logs_habit_day_idx" ON "app"."habit_logs" USING btree ("habit_id","logged_on");--> statement-breakpoint
CREATE INDEX "habit_logs_space_day_idx" ON "app"."habit_logs" USING btree ("space_id","logged_on");--> statement-breakpoint
CREATE INDEX "habits_space_idx" ON "app"."habits" USING btree ("space_id","archived");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_space_number_idx" ON "app"."invoices" USING btree ("space_id","number");--> statement-breakpoint
CREATE INDEX "invoices_space_status_idx" ON "app"."invoices" USING btree ("space_id","status","due_on");--> statement-breakpoint
CREATE INDEX "journal_entries_space_date_idx" ON "app"."journal_entries" USING btree ("space_id","entry_date");--> statement-breakpoint
CREATE INDEX "library_items_space_status_idx" ON "app"."library_items" USING btree ("space_id","status");--> statement-breakpoint
CREATE INDEX "mood_entries_space_recorded_idx" ON "app"."mood_entries" USING btree ("space_id","recorded_at");--> statement-breakpoint
CREATE INDEX "notes_space_updated_idx" ON "app"."notes" USING btree ("space_id","archived","updated_at");--> statement-breakpoint
CREATE INDEX "research_questions_space_status_idx" ON "app"."research_questions" USING btree ("space_id","status");--> statement-breakpoint
CREATE INDEX "research_sources_space_question_idx" ON "app"."research_sources" USING btree ("space_id","question_id");--> statement-breakpoint
CREATE INDEX "todos_space_status_idx" ON "app"."todos" USING btree ("space_id","status","due_on");