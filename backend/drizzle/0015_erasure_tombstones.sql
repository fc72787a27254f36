CREATE TABLE "erasure_tombstones" (
	"message_key_hash" text PRIMARY KEY NOT NULL,
	"erasure_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"erased_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "erasure_tombstones_workspace_idx" ON "erasure_tombstones" USING btree ("workspace_id","erased_at");