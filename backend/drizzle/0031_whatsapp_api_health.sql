CREATE TABLE "whatsapp_api_routes" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"route" text DEFAULT 'primary' NOT NULL,
	"failing_streak" integer DEFAULT 0 NOT NULL,
	"healthy_streak" integer DEFAULT 0 NOT NULL,
	"switched_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "whatsapp_health_probes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"channel_id" uuid NOT NULL,
	"ms" integer,
	"verdict" text NOT NULL,
	"detail" text,
	"probed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "whatsapp_api_routes" ADD CONSTRAINT "whatsapp_api_routes_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whatsapp_health_probes" ADD CONSTRAINT "whatsapp_health_probes_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whatsapp_health_probes" ADD CONSTRAINT "whatsapp_health_probes_channel_id_whatsapp_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."whatsapp_channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "whatsapp_health_probes_ws_idx" ON "whatsapp_health_probes" USING btree ("workspace_id","probed_at" DESC NULLS LAST);