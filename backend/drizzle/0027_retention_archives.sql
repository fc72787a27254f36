CREATE TABLE "legal_holds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"contact_id" uuid,
	"reason" text NOT NULL,
	"placed_by" text NOT NULL,
	"placed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lifted_at" timestamp with time zone,
	"lifted_by" text,
	"lift_reason" text
);
--> statement-breakpoint
CREATE TABLE "message_archives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"month" text NOT NULL,
	"object_key" text NOT NULL,
	"codec" text NOT NULL,
	"messages" integer NOT NULL,
	"row_counts" jsonb NOT NULL,
	"media_files" integer DEFAULT 0 NOT NULL,
	"contact_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"raw_bytes" bigint NOT NULL,
	"compressed_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"restored_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_archives" ADD CONSTRAINT "message_archives_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "legal_holds_contact_active_uq" ON "legal_holds" USING btree ("workspace_id","contact_id") WHERE "legal_holds"."lifted_at" is null and "legal_holds"."contact_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "legal_holds_workspace_active_uq" ON "legal_holds" USING btree ("workspace_id") WHERE "legal_holds"."lifted_at" is null and "legal_holds"."contact_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "message_archives_month_uq" ON "message_archives" USING btree ("workspace_id","month");--> statement-breakpoint
CREATE INDEX "messages_workspace_sent_idx" ON "messages" USING btree ("workspace_id","sent_at");