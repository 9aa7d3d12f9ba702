-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Patient Kiosk: the shared reception queue on PostgreSQL (13 or later; Debian 12 has 15).
--
-- Applied by `patient-kiosk --queue-setup` (or `psql -f`), as a role that may create schemas
-- and roles (the database owner with CREATEROLE, or a superuser). Running it again changes
-- nothing: every statement checks first or replaces in place. It makes:
--
--   patient_kiosk.schema_version   the version of this file that was applied last
--   patient_kiosk.requests         one row per callback request, keyed by the kiosk's UUID
--   patient_kiosk_kiosk            group role of the kiosks: INSERT only, reads nothing back
--   patient_kiosk_reception        group role of reception: reads, and changes the status only
--
-- Log-in roles are made by the DBA and join a group, e.g.
--   CREATE ROLE kiosk_lobby LOGIN PASSWORD '...' IN ROLE patient_kiosk_kiosk;
--   CREATE ROLE desk_maria LOGIN PASSWORD '...' IN ROLE patient_kiosk_reception;
-- Status changes record current_user, so each reception person should have their own role.

SET client_min_messages = warning;

DO $roles$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'patient_kiosk_kiosk') THEN
    CREATE ROLE patient_kiosk_kiosk NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'patient_kiosk_reception') THEN
    CREATE ROLE patient_kiosk_reception NOLOGIN;
  END IF;
END
$roles$;

CREATE SCHEMA IF NOT EXISTS patient_kiosk;
REVOKE ALL ON SCHEMA patient_kiosk FROM PUBLIC;

CREATE TABLE IF NOT EXISTS patient_kiosk.schema_version (
  version    integer PRIMARY KEY,
  applied_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS patient_kiosk.requests (
  uuid              uuid PRIMARY KEY,
  kiosk             text NOT NULL CHECK (length (kiosk) BETWEEN 1 AND 64),
  created_at        timestamptz NOT NULL,
  received_at       timestamptz NOT NULL DEFAULT now(),
  name              text NOT NULL CHECK (length (name) BETWEEN 1 AND 80),
  phone             text NOT NULL CHECK (phone ~ '^\+[1-9][0-9]{4,14}$'),
  call_time         text NOT NULL CHECK (call_time IN ('any', 'morning', 'afternoon')),
  topic             text,
  consent_version   text NOT NULL,
  sent_by           name NOT NULL DEFAULT current_user,
  status            text NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'called-back', 'no-answer')),
  status_changed_by name,
  status_changed_at timestamptz
);

CREATE INDEX IF NOT EXISTS requests_by_created ON patient_kiosk.requests (created_at DESC);
CREATE INDEX IF NOT EXISTS requests_by_status ON patient_kiosk.requests (status, created_at);

-- Who changed a status and when come from the session, never from the client's values.
CREATE OR REPLACE FUNCTION patient_kiosk.record_status_change () RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status IS DISTINCT FROM OLD.status THEN
    NEW.status_changed_by := current_user;
    NEW.status_changed_at := now();
  ELSE
    NEW.status_changed_by := OLD.status_changed_by;
    NEW.status_changed_at := OLD.status_changed_at;
  END IF;
  RETURN NEW;
END
$$;

-- The kiosk's values are taken as sent, except the role, which is the session's.
CREATE OR REPLACE FUNCTION patient_kiosk.record_sender () RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.sent_by := current_user;
  NEW.received_at := now();
  NEW.status := 'pending';
  NEW.status_changed_by := NULL;
  NEW.status_changed_at := NULL;
  RETURN NEW;
END
$$;

-- Desk apps LISTEN on patient_kiosk_queue; the payload is the request's UUID, never a name.
CREATE OR REPLACE FUNCTION patient_kiosk.notify_queue () RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify ('patient_kiosk_queue', NEW.uuid::text);
  RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER requests_record_status_change
  BEFORE UPDATE ON patient_kiosk.requests
  FOR EACH ROW EXECUTE FUNCTION patient_kiosk.record_status_change ();
CREATE OR REPLACE TRIGGER requests_record_sender
  BEFORE INSERT ON patient_kiosk.requests
  FOR EACH ROW EXECUTE FUNCTION patient_kiosk.record_sender ();
CREATE OR REPLACE TRIGGER requests_notify
  AFTER INSERT OR UPDATE ON patient_kiosk.requests
  FOR EACH ROW EXECUTE FUNCTION patient_kiosk.notify_queue ();

-- Least privilege. A kiosk inserts (INSERT ... ON CONFLICT DO NOTHING needs no SELECT when
-- nothing is returned) and cannot read a single row back, so a stolen kiosk's password opens
-- nothing. Reception reads everything and may change the status column only.
REVOKE ALL ON ALL TABLES IN SCHEMA patient_kiosk FROM PUBLIC, patient_kiosk_kiosk,
  patient_kiosk_reception;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA patient_kiosk FROM PUBLIC;
GRANT USAGE ON SCHEMA patient_kiosk TO patient_kiosk_kiosk, patient_kiosk_reception;
GRANT INSERT (uuid, kiosk, created_at, name, phone, call_time, topic, consent_version)
  ON patient_kiosk.requests TO patient_kiosk_kiosk;
GRANT SELECT ON patient_kiosk.requests, patient_kiosk.schema_version TO patient_kiosk_reception;
GRANT UPDATE (status) ON patient_kiosk.requests TO patient_kiosk_reception;
GRANT EXECUTE ON FUNCTION patient_kiosk.record_status_change (), patient_kiosk.record_sender (),
  patient_kiosk.notify_queue () TO patient_kiosk_kiosk, patient_kiosk_reception;

INSERT INTO patient_kiosk.schema_version (version) VALUES (1) ON CONFLICT DO NOTHING;
