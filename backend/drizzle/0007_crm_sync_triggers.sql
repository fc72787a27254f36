-- CRM sync outbox and per-field versions, kept by the database so no code path can forget them.
-- See docs/adr/001-crm-outbox-triggers.md.

-- One pending row per (connection, kind, subject); a further change only bumps its version.
CREATE OR REPLACE FUNCTION scrm_crm_outbox_touch(ws uuid, k text, subject text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO crm_outbox AS o (workspace_id, connection_id, kind, subject_id)
  SELECT ws, c.id, k, subject FROM crm_connections c WHERE c.workspace_id = ws AND c.state = 'active'
  ON CONFLICT (connection_id, kind, subject_id) DO UPDATE
    SET version = o.version + 1, changed_at = now(), parked_at = NULL,
        attempts = CASE WHEN o.parked_at IS NULL THEN o.attempts ELSE 0 END;
END $$;
--> statement-breakpoint
-- Two-way fields get the millisecond time of their last local write, unless the writer set it
-- (a CRM change applies the CRM's own time).
CREATE OR REPLACE FUNCTION scrm_contacts_field_versions() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ms bigint := floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint;
  fv jsonb := coalesce(NEW.field_versions, '{}'::jsonb);
  old_fv jsonb := CASE WHEN TG_OP = 'UPDATE' THEN coalesce(OLD.field_versions, '{}'::jsonb) ELSE '{}'::jsonb END;
  k text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.name IS NOT NULL AND NOT fv ? 'name' THEN fv := fv || jsonb_build_object('name', ms); END IF;
    IF NEW.email IS NOT NULL AND NOT fv ? 'email' THEN fv := fv || jsonb_build_object('email', ms); END IF;
    IF NEW.segment IS NOT NULL AND NOT fv ? 'segment' THEN fv := fv || jsonb_build_object('segment', ms); END IF;
  ELSE
    IF NEW.name IS DISTINCT FROM OLD.name AND (fv -> 'name') IS NOT DISTINCT FROM (old_fv -> 'name') THEN
      fv := fv || jsonb_build_object('name', ms); END IF;
    IF NEW.email IS DISTINCT FROM OLD.email AND (fv -> 'email') IS NOT DISTINCT FROM (old_fv -> 'email') THEN
      fv := fv || jsonb_build_object('email', ms); END IF;
    IF NEW.opt_in_status IS DISTINCT FROM OLD.opt_in_status AND (fv -> 'opt_in_status') IS NOT DISTINCT FROM (old_fv -> 'opt_in_status') THEN
      fv := fv || jsonb_build_object('opt_in_status', ms); END IF;
    IF NEW.segment IS DISTINCT FROM OLD.segment AND (fv -> 'segment') IS NOT DISTINCT FROM (old_fv -> 'segment') THEN
      fv := fv || jsonb_build_object('segment', ms); END IF;
    IF NEW.priority IS DISTINCT FROM OLD.priority AND (fv -> 'priority') IS NOT DISTINCT FROM (old_fv -> 'priority') THEN
      fv := fv || jsonb_build_object('priority', ms); END IF;
    IF NEW.attributes IS DISTINCT FROM OLD.attributes THEN
      FOR k IN SELECT jsonb_object_keys(coalesce(NEW.attributes, '{}'::jsonb) || coalesce(OLD.attributes, '{}'::jsonb)) LOOP
        IF (NEW.attributes -> k) IS DISTINCT FROM (OLD.attributes -> k)
           AND (fv -> ('attributes.' || k)) IS NOT DISTINCT FROM (old_fv -> ('attributes.' || k)) THEN
          fv := fv || jsonb_build_object('attributes.' || k, ms);
        END IF;
      END LOOP;
    END IF;
  END IF;
  NEW.field_versions := fv;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER contacts_field_versions BEFORE INSERT OR UPDATE ON contacts
  FOR EACH ROW EXECUTE FUNCTION scrm_contacts_field_versions();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION scrm_contacts_outbox() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM scrm_crm_outbox_touch(NEW.workspace_id, 'contact', NEW.id::text);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER contacts_outbox_insert AFTER INSERT ON contacts
  FOR EACH ROW EXECUTE FUNCTION scrm_contacts_outbox();
--> statement-breakpoint
CREATE TRIGGER contacts_outbox_update AFTER UPDATE ON contacts
  FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION scrm_contacts_outbox();
--> statement-breakpoint
-- A tag change is a change of the contact's `tags` field.
CREATE OR REPLACE FUNCTION scrm_contact_tags_touch() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  row_contact uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.contact_id ELSE NEW.contact_id END;
BEGIN
  UPDATE contacts
     SET field_versions = coalesce(field_versions, '{}'::jsonb)
           || jsonb_build_object('tags', floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint),
         updated_at = now()
   WHERE id = row_contact;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER contact_tags_touch AFTER INSERT OR DELETE ON contact_tags
  FOR EACH ROW EXECUTE FUNCTION scrm_contact_tags_touch();
--> statement-breakpoint
-- Messages go to the CRM once Meta gave them an id (inbound always; outbound once accepted).
CREATE OR REPLACE FUNCTION scrm_messages_outbox() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.wamid IS NOT NULL AND NEW.thread_visible THEN
    PERFORM scrm_crm_outbox_touch(NEW.workspace_id, 'message', NEW.id::text);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER messages_outbox_insert AFTER INSERT ON messages
  FOR EACH ROW EXECUTE FUNCTION scrm_messages_outbox();
--> statement-breakpoint
CREATE TRIGGER messages_outbox_update AFTER UPDATE OF wamid, text, deleted_at ON messages
  FOR EACH ROW WHEN (OLD.wamid IS DISTINCT FROM NEW.wamid OR OLD.text IS DISTINCT FROM NEW.text OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
  EXECUTE FUNCTION scrm_messages_outbox();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION scrm_follow_up_tasks_outbox() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM scrm_crm_outbox_touch(NEW.workspace_id, 'task', NEW.id::text);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER follow_up_tasks_outbox AFTER INSERT OR UPDATE ON follow_up_tasks
  FOR EACH ROW EXECUTE FUNCTION scrm_follow_up_tasks_outbox();
