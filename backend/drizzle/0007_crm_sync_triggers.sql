-- CRM sync outbox and per-field versions, kept by the database so no code path can forget them.
-- See docs/adr/001-crm-outbox-triggers.md.

-- One pending row per (connection, kind, subject), for every active connection of the subject's
-- workspace; a further change only bumps its version (and puts a parked row back in the queue).
CREATE OR REPLACE FUNCTION scrm_crm_outbox_queue(k text, ws uuid[], subjects text[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO crm_outbox AS o (workspace_id, connection_id, kind, subject_id)
  SELECT s.ws, c.id, k, s.subject
    FROM unnest(ws, subjects) AS s(ws, subject)
    JOIN crm_connections c ON c.workspace_id = s.ws AND c.state = 'active'
  ON CONFLICT (connection_id, kind, subject_id) DO UPDATE
    SET version = o.version + 1, changed_at = now(), parked_at = NULL,
        attempts = CASE WHEN o.parked_at IS NULL THEN o.attempts ELSE 0 END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION scrm_crm_outbox_touch(ws uuid, k text, subject text) RETURNS void
LANGUAGE sql AS $$ SELECT scrm_crm_outbox_queue(k, ARRAY[ws], ARRAY[subject]) $$;
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
-- Only statements that set a two-way column pay for it (ingest's time and metric updates do not).
CREATE TRIGGER contacts_field_versions_insert BEFORE INSERT ON contacts
  FOR EACH ROW WHEN (NEW.name IS NOT NULL OR NEW.email IS NOT NULL OR NEW.segment IS NOT NULL)
  EXECUTE FUNCTION scrm_contacts_field_versions();
--> statement-breakpoint
CREATE TRIGGER contacts_field_versions_update
  BEFORE UPDATE OF name, email, opt_in_status, segment, priority, attributes ON contacts
  FOR EACH ROW EXECUTE FUNCTION scrm_contacts_field_versions();
--> statement-breakpoint
-- Statement-level (one INSERT per statement, not one function call per row), and nothing at
-- all while no CRM is connected anywhere: ingest updates many contacts per statement.
CREATE OR REPLACE FUNCTION scrm_contacts_outbox() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ws uuid[];
  ids text[];
BEGIN
  IF NOT EXISTS (SELECT 1 FROM crm_connections WHERE state = 'active') THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(n.workspace_id), array_agg(n.id::text) INTO ws, ids FROM new_rows n;
  ELSE
    SELECT array_agg(n.workspace_id), array_agg(n.id::text) INTO ws, ids
      FROM new_rows n JOIN old_rows p ON p.id = n.id
     WHERE p IS DISTINCT FROM n;
  END IF;
  IF ids IS NOT NULL THEN PERFORM scrm_crm_outbox_queue('contact', ws, ids); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER contacts_outbox_insert AFTER INSERT ON contacts
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION scrm_contacts_outbox();
--> statement-breakpoint
CREATE TRIGGER contacts_outbox_update AFTER UPDATE ON contacts
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION scrm_contacts_outbox();
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
DECLARE
  ws uuid[];
  ids text[];
BEGIN
  IF NOT EXISTS (SELECT 1 FROM crm_connections WHERE state = 'active') THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(n.workspace_id), array_agg(n.id::text) INTO ws, ids
      FROM new_rows n WHERE n.wamid IS NOT NULL AND n.thread_visible;
  ELSE
    SELECT array_agg(n.workspace_id), array_agg(n.id::text) INTO ws, ids
      FROM new_rows n JOIN old_rows p ON p.id = n.id
     WHERE n.wamid IS NOT NULL AND n.thread_visible
       AND (p.wamid IS DISTINCT FROM n.wamid OR p.text IS DISTINCT FROM n.text
            OR p.deleted_at IS DISTINCT FROM n.deleted_at);
  END IF;
  IF ids IS NOT NULL THEN PERFORM scrm_crm_outbox_queue('message', ws, ids); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER messages_outbox_insert AFTER INSERT ON messages
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION scrm_messages_outbox();
--> statement-breakpoint
CREATE TRIGGER messages_outbox_update AFTER UPDATE ON messages
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION scrm_messages_outbox();
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
