CREATE TABLE "analytics_product_keywords" (
	"workspace_id" uuid NOT NULL,
	"month" date NOT NULL,
	"sku" text NOT NULL,
	"kind" text NOT NULL,
	"term" text NOT NULL,
	"messages" integer NOT NULL,
	"negative" integer NOT NULL,
	CONSTRAINT "analytics_product_keywords_workspace_id_month_sku_kind_term_pk" PRIMARY KEY("workspace_id","month","sku","kind","term")
);
--> statement-breakpoint
ALTER TABLE "analytics_product_keywords" ADD CONSTRAINT "analytics_product_keywords_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;