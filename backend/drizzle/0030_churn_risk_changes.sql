CREATE TABLE "churn_risk_changes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "churn_risk_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"workspace_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"at_risk" boolean NOT NULL,
	"reason" jsonb
);
--> statement-breakpoint
ALTER TABLE "churn_risk_changes" ADD CONSTRAINT "churn_risk_changes_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "churn_risk_changes" ADD CONSTRAINT "churn_risk_changes_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "churn_risk_changes_workspace_at_idx" ON "churn_risk_changes" USING btree ("workspace_id","at");--> statement-breakpoint
CREATE INDEX "churn_risk_changes_contact_at_idx" ON "churn_risk_changes" USING btree ("contact_id","at");--> statement-breakpoint
-- Contacts at risk before the history existed: their current mark is the first entry.
INSERT INTO "churn_risk_changes" ("workspace_id", "contact_id", "at", "at_risk", "reason")
SELECT "workspace_id", "id", "churn_risk_at", true, "churn_risk_reason" FROM "contacts" WHERE "churn_risk_at" IS NOT NULL;
