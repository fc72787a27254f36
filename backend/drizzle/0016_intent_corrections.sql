CREATE TABLE "intent_automation_pauses" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "intent_automation_pauses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"workspace_id" uuid NOT NULL,
	"intent" text NOT NULL,
	"accuracy" real NOT NULL,
	"reviewed" integer NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" text
);
--> statement-breakpoint
CREATE TABLE "message_corrections" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "message_corrections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"workspace_id" uuid NOT NULL,
	"message_id" bigint NOT NULL,
	"field" text NOT NULL,
	"predicted" text,
	"predicted_confidence" real,
	"value" text NOT NULL,
	"corrected_by" text NOT NULL,
	"rep" text,
	"corrected_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workspace_intent_models" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"weights" jsonb NOT NULL,
	"examples" integer NOT NULL,
	"last_correction_id" bigint DEFAULT 0 NOT NULL,
	"trained_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "intents" jsonb;--> statement-breakpoint
ALTER TABLE "intent_automation_pauses" ADD CONSTRAINT "intent_automation_pauses_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_corrections" ADD CONSTRAINT "message_corrections_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_corrections" ADD CONSTRAINT "message_corrections_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_intent_models" ADD CONSTRAINT "workspace_intent_models_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "intent_automation_pauses_open_uq" ON "intent_automation_pauses" USING btree ("workspace_id","intent") WHERE "intent_automation_pauses"."confirmed_at" is null;--> statement-breakpoint
CREATE INDEX "intent_automation_pauses_workspace_idx" ON "intent_automation_pauses" USING btree ("workspace_id","raised_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "message_corrections_message_field_uq" ON "message_corrections" USING btree ("message_id","field");--> statement-breakpoint
CREATE INDEX "message_corrections_workspace_idx" ON "message_corrections" USING btree ("workspace_id","field","corrected_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "message_corrections_intent_idx" ON "message_corrections" USING btree ("workspace_id","predicted","corrected_at" DESC NULLS LAST) WHERE "message_corrections"."field" = 'intent';