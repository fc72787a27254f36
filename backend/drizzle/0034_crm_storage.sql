CREATE TABLE "crm_storage_budgets" (
	"connection_id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"reported_capacity" bigint,
	"reported_at" timestamp with time zone,
	"reported_source" text,
	"capacity_override" bigint,
	"budget_basis_points" integer,
	"thinning_since" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crm_storage_usage" (
	"connection_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"month" text NOT NULL,
	"kind" text NOT NULL,
	"records_created" integer DEFAULT 0 NOT NULL,
	"writes" integer DEFAULT 0 NOT NULL,
	"bytes" bigint DEFAULT 0 NOT NULL,
	"units" bigint DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crm_storage_usage_connection_id_month_kind_pk" PRIMARY KEY("connection_id","month","kind")
);
--> statement-breakpoint
ALTER TABLE "crm_storage_budgets" ADD CONSTRAINT "crm_storage_budgets_connection_id_crm_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."crm_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_storage_budgets" ADD CONSTRAINT "crm_storage_budgets_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_storage_usage" ADD CONSTRAINT "crm_storage_usage_connection_id_crm_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."crm_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_storage_usage" ADD CONSTRAINT "crm_storage_usage_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;