-- Workspaces that existed before the switch were already auto-replying: keep them sending.
-- New workspaces start with the default pack's sends off (absent = off).
UPDATE "workspaces" SET "settings" = "settings" || '{"automation":{"default_pack_sends":true}}'::jsonb
WHERE NOT ("settings" ? 'automation');
