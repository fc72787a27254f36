CREATE TABLE "message_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"waba_id" text,
	"name" text NOT NULL,
	"language" text NOT NULL,
	"category" text NOT NULL,
	"status" text DEFAULT 'APPROVED' NOT NULL,
	"body_params" integer DEFAULT 0 NOT NULL,
	"components" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quick_replies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"key" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"defaults" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_slots" (
	"key" text PRIMARY KEY NOT NULL,
	"next_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "send_jobs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "send_jobs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"workspace_id" uuid NOT NULL,
	"message_id" bigint NOT NULL,
	"channel_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"recipient" text NOT NULL,
	"kind" text NOT NULL,
	"priority" smallint NOT NULL,
	"category" text NOT NULL,
	"business_initiated" integer DEFAULT 0 NOT NULL,
	"content_hash" text NOT NULL,
	"event_key" text,
	"idempotency_key" text,
	"broadcast_id" uuid,
	"request" jsonb NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"transient_failures" integer DEFAULT 0 NOT NULL,
	"pair_backoffs" integer DEFAULT 0 NOT NULL,
	"marketing_cap_retries" integer DEFAULT 0 NOT NULL,
	"not_before" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tier_recipients" (
	"portfolio_id" text NOT NULL,
	"recipient" text NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	CONSTRAINT "tier_recipients_portfolio_id_recipient_pk" PRIMARY KEY("portfolio_id","recipient")
);
--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "unreachable_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "automation_paused_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "whatsapp_channels" ADD COLUMN "portfolio_id" text;--> statement-breakpoint
ALTER TABLE "whatsapp_channels" ADD COLUMN "mps" integer DEFAULT 80 NOT NULL;--> statement-breakpoint
ALTER TABLE "whatsapp_channels" ADD COLUMN "tier_limit" integer DEFAULT 250;--> statement-breakpoint
ALTER TABLE "whatsapp_channels" ADD COLUMN "coexistence" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "whatsapp_channels" ADD COLUMN "paused_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "whatsapp_channels" ADD COLUMN "paused_reason" text;--> statement-breakpoint
ALTER TABLE "message_templates" ADD CONSTRAINT "message_templates_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quick_replies" ADD CONSTRAINT "quick_replies_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "send_jobs" ADD CONSTRAINT "send_jobs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "send_jobs" ADD CONSTRAINT "send_jobs_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "send_jobs" ADD CONSTRAINT "send_jobs_channel_id_whatsapp_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."whatsapp_channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "send_jobs" ADD CONSTRAINT "send_jobs_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "message_templates_uq" ON "message_templates" USING btree ("workspace_id","name","language");--> statement-breakpoint
CREATE UNIQUE INDEX "quick_replies_key_uq" ON "quick_replies" USING btree ("workspace_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "send_jobs_message_uq" ON "send_jobs" USING btree ("message_id");--> statement-breakpoint
CREATE UNIQUE INDEX "send_jobs_idempotency_uq" ON "send_jobs" USING btree ("workspace_id","idempotency_key") WHERE "send_jobs"."idempotency_key" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "send_jobs_broadcast_contact_uq" ON "send_jobs" USING btree ("broadcast_id","contact_id") WHERE "send_jobs"."broadcast_id" is not null;--> statement-breakpoint
CREATE INDEX "send_jobs_due_idx" ON "send_jobs" USING btree ("channel_id","priority","not_before","id") WHERE "send_jobs"."state" in ('queued', 'sending', 'unknown');--> statement-breakpoint
CREATE INDEX "send_jobs_contact_idx" ON "send_jobs" USING btree ("contact_id","created_at");