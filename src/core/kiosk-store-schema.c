/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The store's schema as a list of forward migrations. `PRAGMA user_version` holds the number of
 * the last step applied; each step runs in its own transaction together with the version bump,
 * so a crash leaves the file at one version or the next, never in between. Steps are never
 * edited once released: a change is a new step at the end.
 */

#include "config.h"

#include "kiosk-store-private.h"

typedef struct
{
  int         version;
  const char *sql;
} Migration;

/* A random (version 4) UUID in SQL, for rows saved before UUIDs existed or written by hand;
 * the kiosk itself gives each new request one from g_uuid_string_random(). */
#define RANDOM_UUID_SQL \
  "lower (printf ('%s-%s-4%s-%s%s-%s', hex (randomblob (4)), hex (randomblob (2))," \
  "               substr (hex (randomblob (2)), 2), substr ('89ab', 1 + abs (random () % 4), 1)," \
  "               substr (hex (randomblob (2)), 2), hex (randomblob (6))))"

static const Migration migrations[] = {
  /* 1: the requests and the audit trail (events and counts only, never names or phones). */
  { 1,
    "CREATE TABLE requests ("
    "  id              INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  created_utc     TEXT NOT NULL CHECK (created_utc GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-"
    "[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),"
    "  name            TEXT NOT NULL CHECK (length (name) BETWEEN 1 AND 80),"
    "  phone           TEXT NOT NULL CHECK (phone GLOB '+[1-9]*' AND length (phone) <= 16),"
    "  call_time       TEXT NOT NULL CHECK (call_time IN ('any', 'morning', 'afternoon')),"
    "  topic           TEXT,"
    "  consent_version TEXT NOT NULL,"
    "  status          TEXT NOT NULL DEFAULT 'pending'"
    "                  CHECK (status IN ('pending', 'exported', 'called-back')),"
    "  exported_at     TEXT,"
    "  called_back_at  TEXT"
    ") STRICT;"
    "CREATE INDEX requests_by_created ON requests (created_utc);"
    "CREATE TABLE audit ("
    "  id     INTEGER PRIMARY KEY,"
    "  at_utc TEXT NOT NULL,"
    "  event  TEXT NOT NULL,"
    "  count  INTEGER NOT NULL DEFAULT 0"
    ") STRICT;" },
  /* 2: anonymous usage counts per day, and a key/value table for the last export. */
  { 2,
    "CREATE TABLE usage ("
    "  day   TEXT NOT NULL,"
    "  item  TEXT NOT NULL,"
    "  count INTEGER NOT NULL DEFAULT 0,"
    "  PRIMARY KEY (day, item)"
    ") STRICT, WITHOUT ROWID;"
    "CREATE TABLE meta ("
    "  key   TEXT PRIMARY KEY,"
    "  value TEXT"
    ") STRICT;"
    "CREATE INDEX requests_by_status ON requests (status, id);" },
  /* 3: the "no answer, try again" status and the time of that unanswered call. SQLite cannot
   * change a CHECK constraint in place, so the table is rebuilt; the AUTOINCREMENT counter is
   * carried over so that no id is ever handed out twice. */
  { 3,
    "CREATE TABLE requests_new ("
    "  id              INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  created_utc     TEXT NOT NULL CHECK (created_utc GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-"
    "[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),"
    "  name            TEXT NOT NULL CHECK (length (name) BETWEEN 1 AND 80),"
    "  phone           TEXT NOT NULL CHECK (phone GLOB '+[1-9]*' AND length (phone) <= 16),"
    "  call_time       TEXT NOT NULL CHECK (call_time IN ('any', 'morning', 'afternoon')),"
    "  topic           TEXT,"
    "  consent_version TEXT NOT NULL,"
    "  status          TEXT NOT NULL DEFAULT 'pending'"
    "                  CHECK (status IN ('pending', 'exported', 'called-back', 'no-answer')),"
    "  exported_at     TEXT,"
    "  called_back_at  TEXT,"
    "  no_answer_at    TEXT"
    ") STRICT;"
    "INSERT INTO requests_new (id, created_utc, name, phone, call_time, topic, consent_version,"
    "                          status, exported_at, called_back_at)"
    "  SELECT id, created_utc, name, phone, call_time, topic, consent_version,"
    "         status, exported_at, called_back_at FROM requests;"
    "DELETE FROM sqlite_sequence WHERE name = 'requests_new';"
    "INSERT INTO sqlite_sequence (name, seq)"
    "  SELECT 'requests_new', seq FROM sqlite_sequence WHERE name = 'requests';"
    "DROP TABLE requests;"
    "ALTER TABLE requests_new RENAME TO requests;"
    "CREATE INDEX requests_by_created ON requests (created_utc);"
    "CREATE INDEX requests_by_status ON requests (status, id);" },
  /* 4 (issue 12, the shared queue): each request gets a UUID, the time the queue server
   * confirmed it and the time its name and phone were erased here afterwards. The table is
   * rebuilt because name and phone become NULL once erased, which the old CHECKs forbid.
   * Existing rows get random version 4 UUIDs; the AUTOINCREMENT counter is carried over. */
  { 4,
    "CREATE TABLE requests_new ("
    "  id              INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  created_utc     TEXT NOT NULL CHECK (created_utc GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-"
    "[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),"
    "  name            TEXT CHECK (length (name) BETWEEN 1 AND 80),"
    "  phone           TEXT CHECK (phone GLOB '+[1-9]*' AND length (phone) <= 16),"
    "  call_time       TEXT NOT NULL CHECK (call_time IN ('any', 'morning', 'afternoon')),"
    "  topic           TEXT,"
    "  consent_version TEXT NOT NULL,"
    "  status          TEXT NOT NULL DEFAULT 'pending'"
    "                  CHECK (status IN ('pending', 'exported', 'called-back', 'no-answer')),"
    "  exported_at     TEXT,"
    "  called_back_at  TEXT,"
    "  no_answer_at    TEXT,"
    "  uuid            TEXT NOT NULL UNIQUE DEFAULT (" RANDOM_UUID_SQL ")"
    "                  CHECK (length (uuid) = 36),"
    "  sent_utc        TEXT,"
    "  erased_utc      TEXT,"
    "  CHECK ((name IS NULL) = (erased_utc IS NOT NULL) AND (phone IS NULL) = (name IS NULL)),"
    "  CHECK (erased_utc IS NULL OR sent_utc IS NOT NULL)"
    ") STRICT;"
    "INSERT INTO requests_new (id, created_utc, name, phone, call_time, topic, consent_version,"
    "                          status, exported_at, called_back_at, no_answer_at, uuid)"
    "  SELECT id, created_utc, name, phone, call_time, topic, consent_version, status,"
    "         exported_at, called_back_at, no_answer_at,"
    "         " RANDOM_UUID_SQL
    "  FROM requests;"
    "DELETE FROM sqlite_sequence WHERE name = 'requests_new';"
    "INSERT INTO sqlite_sequence (name, seq)"
    "  SELECT 'requests_new', seq FROM sqlite_sequence WHERE name = 'requests';"
    "DROP TABLE requests;"
    "ALTER TABLE requests_new RENAME TO requests;"
    "CREATE INDEX requests_by_created ON requests (created_utc);"
    "CREATE INDEX requests_by_status ON requests (status, id);"
    "CREATE INDEX requests_unsent ON requests (id) WHERE sent_utc IS NULL;"
    "CREATE INDEX requests_to_erase ON requests (sent_utc) WHERE erased_utc IS NULL"
    "                                                        AND sent_utc IS NOT NULL;" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == KIOSK_STORE_SCHEMA_VERSION);

static gboolean
read_version (sqlite3  *db,
              int      *version,
              GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return _kiosk_store_set_error (error, db, rc, "Could not read the schema version");

  *version = sqlite3_column_int (stmt, 0);

  return TRUE;
}

static gboolean
check_not_newer (int       version,
                 GError  **error)
{
  if (version <= KIOSK_STORE_SCHEMA_VERSION)
    return TRUE;

  g_set_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_NEWER_SCHEMA,
               "The request database has schema version %d; this version of the kiosk only "
               "knows up to %d", version, KIOSK_STORE_SCHEMA_VERSION);

  return FALSE;
}

/* Every table of ours with its columns (name, type, NOT NULL, key), in one line of text. */
#define SIGNATURE_SQL \
  "SELECT coalesce (group_concat (t.name || '(' || (" \
  "    SELECT group_concat (c.name || ' ' || c.type || ' ' || c.\"notnull\" || ' ' || c.pk, ', ')" \
  "    FROM pragma_table_info (t.name) AS c) || ')', '; '), '') " \
  "FROM (SELECT name FROM sqlite_schema " \
  "      WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name) AS t"

static gboolean
read_signature (sqlite3  *db,
                char    **signature,
                GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, SIGNATURE_SQL, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return _kiosk_store_set_error (error, db, rc, "Could not read the schema");

  *signature = g_strdup ((const char *)sqlite3_column_text (stmt, 0));

  return TRUE;
}

/* What our own migrations make at @version, built in memory, so the comparison never needs a
 * hand-kept copy of the schema. */
static gboolean
expected_signature (int       version,
                    char    **signature,
                    GError  **error)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE, NULL);
  gboolean ok = rc == SQLITE_OK;

  if (!ok)
    _kiosk_store_set_error (error, db, rc, "Could not build the expected schema");
  for (int i = 0; ok && i < version; i++)
    ok = _kiosk_store_exec (db, migrations[i].sql, error);
  if (ok)
    ok = read_signature (db, signature, error);

  sqlite3_close (db);

  return ok;
}

static gboolean
compare_schema (sqlite3  *db,
                int       version,
                GError  **error)
{
  g_autofree char *found = NULL;
  g_autofree char *expected = NULL;

  if (!read_signature (db, &found, error) || !expected_signature (version, &expected, error))
    return FALSE;

  if (!g_str_equal (found, expected))
    {
      g_set_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_FOREIGN_SCHEMA,
                   "The file is not a request database of this kiosk: its tables do not match "
                   "schema version %d", version);
      return FALSE;
    }

  return TRUE;
}

/**
 * _kiosk_store_check_schema:
 *
 * Decides whether the file is ours before anything (even the journal mode) changes it:
 *
 * - a `user_version` newer than ours is a file of a newer kiosk: %KIOSK_STORE_ERROR_NEWER_SCHEMA,
 *   and the file must be left exactly as it is (the newer kiosk may come back);
 * - otherwise its tables and columns must be exactly those our migrations make at its
 *   `user_version` (none at all for version 0, a new file). Anything else, such as the right
 *   version with other columns, or another program's database, is not ours:
 *   %KIOSK_STORE_ERROR_FOREIGN_SCHEMA, which kiosk_store_open() treats like damage (the file
 *   is copied into quarantine/ and a new one started; nothing is deleted) and
 *   kiosk_store_open_existing() reports without touching the file.
 *
 * The version and the tables are read in one read transaction, so a kiosk migrating the file
 * at the same moment cannot make a half-migrated file look foreign.
 */
gboolean
_kiosk_store_check_schema (sqlite3  *db,
                           GError  **error)
{
  int version = 0;
  gboolean ok;

  if (!_kiosk_store_exec (db, "BEGIN", error))
    return FALSE;

  ok = read_version (db, &version, error) &&
       check_not_newer (version, error) &&
       compare_schema (db, version, error);

  if (!ok)
    {
      _kiosk_store_rollback (db);
      return FALSE;
    }

  return _kiosk_store_exec (db, "COMMIT", error);
}

static gboolean
apply_step (sqlite3          *db,
            const Migration  *step,
            GError          **error)
{
  g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", step->version);

  g_debug ("Migrating the request database to schema version %d", step->version);

  return _kiosk_store_exec (db, step->sql, error) && _kiosk_store_exec (db, bump, error);
}

/* Applies the step after @version, in the transaction the caller opened. Sets @done when the
 * file needs nothing more. */
static gboolean
migrate_one (sqlite3   *db,
             gboolean  *done,
             GError   **error)
{
  int version = 0;

  if (!read_version (db, &version, error) || !check_not_newer (version, error))
    return FALSE;

  *done = version == KIOSK_STORE_SCHEMA_VERSION;
  if (*done)
    return TRUE;

  g_assert (migrations[version].version == version + 1);

  return apply_step (db, &migrations[version], error);
}

/**
 * _kiosk_store_migrate:
 *
 * Brings the schema up to %KIOSK_STORE_SCHEMA_VERSION. The version is read inside each step's
 * write transaction, so two processes opening a new file at once do not both apply a step.
 */
gboolean
_kiosk_store_migrate (sqlite3  *db,
                      GError  **error)
{
  gboolean done = FALSE;
  int version = 0;

  /* An up-to-date file needs no write lock: opening must not wait for (or fail behind) a writer
   * that is saving, as the command line does next to a busy kiosk. */
  if (!read_version (db, &version, error))
    return FALSE;
  done = version == KIOSK_STORE_SCHEMA_VERSION;

  while (!done)
    {
      if (!_kiosk_store_exec (db, "BEGIN IMMEDIATE", error))
        return FALSE;

      if (!migrate_one (db, &done, error) || !_kiosk_store_exec (db, "COMMIT", error))
        {
          _kiosk_store_rollback (db);
          return FALSE;
        }
    }

  return TRUE;
}
