CREATE TABLE "analytics_keywords" (
	"workspace_id" uuid NOT NULL,
	"day" date NOT NULL,
	"language" text NOT NULL,
	"kind" text NOT NULL,
	"term" text NOT NULL,
	"messages" integer NOT NULL,
	CONSTRAINT "analytics_keywords_workspace_id_day_language_kind_term_pk" PRIMARY KEY("workspace_id","day","language","kind","term")
);
--> statement-breakpoint
ALTER TABLE "analytics_keywords" ADD CONSTRAINT "analytics_keywords_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;