/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kiosk-store.h"
#include "kiosk-store-private.h"
#include "kiosk-test-fs.h"
#include "kiosk-test-store.h"

/* The first schema exactly as version 1 of the kiosk created it, to test the migration. */
static const char v1_schema[] =
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
  ") STRICT;";

/* Names and numbers no log line or error message may ever contain. */
static const char * const sentinels[] = { "Privacy Sentinel", "77776666", NULL };
static gboolean sentinel_logged;
static gboolean debug_seen;

typedef struct
{
  char       *tmp;
  char       *data_dir;
  KioskStore *store;
} StoreFixture;

/* Helpers -------------------------------------------------------------------------------------- */

static char *
data_path (StoreFixture *fixture,
           const char   *name)
{
  return g_build_filename (fixture->data_dir, name, NULL);
}

static KioskRequest *
make_request (guint n)
{
  g_autofree char *name = g_strdup_printf ("Ana María %u", n);
  g_autofree char *phone = g_strdup_printf ("+506 8%03u 1234", n % 1000);
  g_autoptr(GError) error = NULL;
  KioskRequest *request;

  request = kiosk_request_new (name, phone, "+506", KIOSK_CALL_TIME_MORNING, "causes", TRUE,
                               "2025-01", &error);
  g_assert_no_error (error);

  return request;
}

static gint64
save_new (KioskStore *store,
          guint       n)
{
  g_autoptr(KioskRequest) request = make_request (n);
  g_autoptr(GError) error = NULL;
  gint64 id = kiosk_store_save (store, request, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static gint64
save_created (KioskStore *store,
              const char *name,
              const char *created_iso)
{
  g_autoptr(GDateTime) created = g_date_time_new_from_iso8601 (created_iso, NULL);
  g_autoptr(KioskRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  request = kiosk_request_new_full (0, created, name, "+50688881234", KIOSK_CALL_TIME_ANY, NULL,
                                    "2025-01", KIOSK_REQUEST_STATUS_PENDING, NULL, NULL, NULL);
  id = kiosk_store_save (store, request, &error);
  g_assert_no_error (error);

  return id;
}

static void
exec (KioskStore *store,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  _kiosk_store_test_exec (store, sql, &error);
  g_assert_no_error (error);
}

static char *
audit_trail (KioskStore *store)
{
  return kiosk_test_store_query (store, "SELECT coalesce (group_concat (event || ':' || count, ' '), '') "
                       "FROM (SELECT event, count FROM audit ORDER BY id)");
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);

  return st.st_mode & 07777;
}

static goffset
file_size (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);

  return st.st_size;
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  gsize needle_len = strlen (needle);

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;

  /* The file is binary, so string functions would stop at its first NUL. */
  for (gsize i = 0; i + needle_len <= length; i++)
    {
      if (memcmp (contents + i, needle, needle_len) == 0)
        return TRUE;
    }

  return FALSE;
}

static gint64
count_total (KioskStore *store,
             gint64     *pending)
{
  g_autoptr(GError) error = NULL;
  gint64 total = -1;

  kiosk_store_count_requests (store, &total, pending, &error);
  g_assert_no_error (error);

  return total;
}

/* Fixtures ------------------------------------------------------------------------------------- */

static void
empty_setup (StoreFixture  *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->tmp = g_dir_make_tmp ("kiosk-store-XXXXXX", &error);
  g_assert_no_error (error);
  /* Not created yet: the store makes it. */
  fixture->data_dir = g_build_filename (fixture->tmp, "data", NULL);
}

static void
store_setup (StoreFixture  *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  empty_setup (fixture, data);
  fixture->store = kiosk_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  g_assert_null (kiosk_store_get_warning (fixture->store));
}

static void
store_teardown (StoreFixture  *fixture,
                gconstpointer  data)
{
  if (fixture->store != NULL)
    kiosk_test_store_assert_released (fixture->store);
  kiosk_test_remove_tree (fixture->tmp);
  g_free (fixture->data_dir);
  g_free (fixture->tmp);
}

static KioskStore *
reopen (StoreFixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&fixture->store);
  fixture->store = kiosk_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);

  return fixture->store;
}

/* Saving and reading --------------------------------------------------------------------------- */

static void
assert_same_request (KioskRequest *a,
                     KioskRequest *b)
{
  g_assert_cmpstr (kiosk_request_get_name (a), ==, kiosk_request_get_name (b));
  g_assert_cmpstr (kiosk_request_get_phone (a), ==, kiosk_request_get_phone (b));
  g_assert_cmpint (kiosk_request_get_call_time (a), ==, kiosk_request_get_call_time (b));
  g_assert_cmpstr (kiosk_request_get_topic (a), ==, kiosk_request_get_topic (b));
  g_assert_cmpstr (kiosk_request_get_consent_version (a), ==,
                   kiosk_request_get_consent_version (b));
  g_assert_true (g_date_time_equal (kiosk_request_get_created (a),
                                    kiosk_request_get_created (b)));
}

static void
test_insert (StoreFixture  *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskRequest) request = NULL;
  g_autoptr(KioskRequest) read = NULL;
  g_autoptr(KioskRequest) reread = NULL;
  gint64 id, second, pending;

  request = kiosk_request_new ("Zoë O’Brien", "+506 8888-1234", "+506",
                               KIOSK_CALL_TIME_AFTERNOON, "treatments", TRUE, "2025-01", &error);
  g_assert_no_error (error);

  id = kiosk_store_save (fixture->store, request, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  /* Requests are immutable; the id comes back from the save. */
  g_assert_cmpint (kiosk_request_get_id (request), ==, 0);

  read = kiosk_store_get_request (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kiosk_request_get_id (read), ==, id);
  assert_same_request (request, read);
  g_assert_cmpint (kiosk_request_get_status (read), ==, KIOSK_REQUEST_STATUS_PENDING);
  g_assert_null (kiosk_request_get_exported_at (read));
  g_assert_null (kiosk_request_get_called_back_at (read));

  second = save_new (fixture->store, 2);
  g_assert_cmpint (second, >, id);
  g_assert_cmpint (count_total (fixture->store, &pending), ==, 2);
  g_assert_cmpint (pending, ==, 2);

  g_assert_null (kiosk_store_get_request (fixture->store, 999, &error));
  g_assert_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* And it is still there after closing and opening again. */
  reopen (fixture);
  reread = kiosk_store_get_request (fixture->store, id, &error);
  g_assert_no_error (error);
  assert_same_request (request, reread);
}

static void
test_data_dir (StoreFixture  *fixture,
               gconstpointer  data)
{
  g_autofree char *db = data_path (fixture, "requests.db");

  g_assert_cmpstr (kiosk_store_get_data_dir (fixture->store), ==, fixture->data_dir);
  g_assert_true (g_file_test (db, G_FILE_TEST_IS_REGULAR));
}

typedef struct
{
  GArray  *ids;
  GError  *error;
  guint    pending;
  GThread *main_thread;
} AsyncState;

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  AsyncState *state = user_data;
  gint64 id = kiosk_store_save_finish (KIOSK_STORE (source), result, &state->error);

  /* The callback runs where the save was started, not in the worker. */
  g_assert_true (g_thread_self () == state->main_thread);
  if (id > 0)
    g_array_append_val (state->ids, id);
  state->pending--;
}

static void
test_save_async (StoreFixture  *fixture,
                 gconstpointer  data)
{
  AsyncState state = { g_array_new (FALSE, FALSE, sizeof (gint64)), NULL, 0, g_thread_self () };
  g_autoptr(GListModel) list = NULL;
  guint polls = 0;

  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(KioskRequest) request = make_request (i);

      kiosk_store_save_async (fixture->store, request, NULL, saved_cb, &state);
      state.pending++;
    }

  /* The main thread keeps using the store while the workers save. */
  while (state.pending > 0)
    {
      g_main_context_iteration (NULL, FALSE);
      g_assert_cmpint (count_total (fixture->store, NULL), <=, 20);
      polls++;
    }
  g_test_message ("%u store calls from the main thread during the saves", polls);

  g_assert_no_error (state.error);
  g_assert_cmpuint (state.ids->len, ==, 20);
  for (guint i = 0; i < state.ids->len; i++)
    for (guint j = i + 1; j < state.ids->len; j++)
      g_assert_cmpint (g_array_index (state.ids, gint64, i), !=,
                       g_array_index (state.ids, gint64, j));

  list = kiosk_store_list_requests (fixture->store, TRUE, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 20);
  g_array_unref (state.ids);
}

static void
test_save_async_cancelled (StoreFixture  *fixture,
                           gconstpointer  data)
{
  AsyncState state = { g_array_new (FALSE, FALSE, sizeof (gint64)), NULL, 1, g_thread_self () };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(KioskRequest) request = make_request (1);

  /* Cancelled before it started: nothing is saved, and the caller is told so. */
  g_cancellable_cancel (cancellable);
  kiosk_store_save_async (fixture->store, request, cancellable, saved_cb, &state);
  while (state.pending > 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (count_total (fixture->store, NULL), ==, 0);
  g_clear_error (&state.error);
  g_array_unref (state.ids);
}

/* Files and settings --------------------------------------------------------------------------- */

static void
test_permissions (StoreFixture  *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = data_path (fixture, "requests.db");
  g_autofree char *wal = data_path (fixture, "requests.db-wal");
  g_autofree char *shm = data_path (fixture, "requests.db-shm");
  mode_t old_umask;

  /* Even with a careless umask. */
  old_umask = umask (0);
  fixture->store = kiosk_store_open (fixture->data_dir, &error);
  save_new (fixture->store, 1);
  umask (old_umask);
  g_assert_no_error (error);

  g_assert_cmpuint (file_mode (fixture->data_dir), ==, 0700);
  g_assert_cmpuint (file_mode (db), ==, 0600);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (file_mode (wal), ==, 0600);
  g_assert_cmpuint (file_mode (shm), ==, 0600);
}

static void
test_permissions_tightened (StoreFixture  *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = data_path (fixture, "requests.db");

  /* A database copied in by hand with a loose mode is made private. */
  g_assert_cmpint (g_mkdir (fixture->data_dir, 0700), ==, 0);
  g_file_set_contents (db, "", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (db, 0644), ==, 0);

  fixture->store = kiosk_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (db), ==, 0600);
}

static void
test_pragmas (StoreFixture  *fixture,
              gconstpointer  data)
{
  g_autofree char *journal_mode = kiosk_test_store_query (fixture->store, "PRAGMA journal_mode");

  g_assert_cmpstr (journal_mode, ==, "wal");
  g_assert_cmpint (kiosk_test_store_query_int (fixture->store, "PRAGMA synchronous"), ==, 2);   /* FULL */
  g_assert_cmpint (kiosk_test_store_query_int (fixture->store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (kiosk_test_store_query_int (fixture->store, "PRAGMA secure_delete"), ==, 1);
  g_assert_cmpint (kiosk_test_store_query_int (fixture->store, "PRAGMA user_version"), ==,
                   KIOSK_STORE_SCHEMA_VERSION);
  g_assert_cmpint (kiosk_test_store_query_int (fixture->store,
                              "SELECT count(*) FROM pragma_table_list "
                              "WHERE strict AND name IN ('requests', 'audit', 'usage', 'meta')"),
                   ==, 4);
}

static void
raw_exec (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
}

static void
write_raw_database (StoreFixture *fixture,
                    const char   *sql)
{
  g_autofree char *db_path = data_path (fixture, "requests.db");
  sqlite3 *db = NULL;

  g_assert_cmpint (g_mkdir_with_parents (fixture->data_dir, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  raw_exec (db, sql);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
test_migrate_v1 (StoreFixture  *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskRequest) old = NULL;
  g_autoptr(GDateTime) last_export = NULL;
  g_autofree char *journal_mode = NULL;
  g_autofree char *created = NULL;
  g_autofree char *sql = g_strconcat (v1_schema,
                                      "INSERT INTO requests (created_utc, name, phone, call_time,"
                                      "  topic, consent_version) "
                                      "VALUES ('2025-01-02T03:04:05Z', 'Old Row', '+50688881234',"
                                      "  'any', 'causes', 'v0');"
                                      "INSERT INTO audit (at_utc, event, count) "
                                      "VALUES ('2025-01-02T03:04:05Z', 'unlock', 0);"
                                      "PRAGMA user_version = 1;",
                                      NULL);
  const gint64 ids[] = { 1 };

  write_raw_database (fixture, sql);

  fixture->store = kiosk_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kiosk_test_store_query_int (fixture->store, "PRAGMA user_version"), ==,
                   KIOSK_STORE_SCHEMA_VERSION);
  journal_mode = kiosk_test_store_query (fixture->store, "PRAGMA journal_mode");
  g_assert_cmpstr (journal_mode, ==, "wal");

  /* The old row and audit trail are kept... */
  old = kiosk_store_get_request (fixture->store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kiosk_request_get_name (old), ==, "Old Row");
  created = g_date_time_format_iso8601 (kiosk_request_get_created (old));
  g_assert_cmpstr (created, ==, "2025-01-02T03:04:05Z");
  g_assert_cmpint (kiosk_test_store_query_int (fixture->store, "SELECT count(*) FROM audit"), ==, 1);

  /* ...and what version 2 added works. */
  kiosk_store_record_usage (fixture->store, "form", &error);
  g_assert_no_error (error);
  kiosk_store_mark_exported (fixture->store, ids, 1, &error);
  g_assert_no_error (error);
  last_export = kiosk_store_get_last_export (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (last_export);
  g_assert_cmpint (kiosk_test_store_query_int (fixture->store, "SELECT count(*) FROM sqlite_schema "
                                              "WHERE name = 'requests_by_status'"), ==, 1);
}

static void
test_newer_schema (StoreFixture  *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskStore) store = NULL;
  g_autofree char *db_path = data_path (fixture, "requests.db");
  g_autofree char *quarantine = data_path (fixture, "quarantine");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;

  write_raw_database (fixture, "CREATE TABLE future (x TEXT) STRICT; PRAGMA user_version = 99;");
  g_file_get_contents (db_path, &before, &before_len, NULL);

  /* A file from a newer kiosk is refused, not migrated, quarantined or even touched. */
  store = kiosk_store_open (fixture->data_dir, &error);
  g_assert_null (store);
  g_assert_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_NEWER_SCHEMA);

  g_file_get_contents (db_path, &after, &after_len, NULL);
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_false (g_file_test (quarantine, G_FILE_TEST_EXISTS));
}

/* Failures ------------------------------------------------------------------------------------- */

static void
test_disk_full (StoreFixture  *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *limit = NULL;
  g_autofree char *integrity = NULL;
  gint64 last_ok = 0;
  guint saved = 0;

  for (guint i = 0; i < 3; i++)
    last_ok = save_new (fixture->store, i);

  /* The database may not grow past its current size, as if the disk were full. */
  limit = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT,
                           kiosk_test_store_query_int (fixture->store, "PRAGMA page_count"));
  exec (fixture->store, limit);

  for (guint i = 0; i < 10000 && error == NULL; i++)
    {
      g_autoptr(KioskRequest) request = make_request (i);
      gint64 id = kiosk_store_save (fixture->store, request, &error);

      if (id > 0)
        {
          last_ok = id;
          saved++;
        }
      else
        {
          g_assert_cmpint (id, ==, 0);
        }
    }

  g_assert_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_FULL);
  g_test_message ("%u saves fitted before the database was full", saved);

  /* Every acknowledged row is there, and nothing of the failed one. */
  g_assert_cmpint (count_total (fixture->store, NULL), ==, 3 + saved);
  g_assert_cmpint (kiosk_test_store_query_int (fixture->store, "SELECT max(id) FROM requests"), ==, last_ok);
  integrity = kiosk_test_store_query (fixture->store, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");

  /* The store stays usable once there is room again. */
  exec (fixture->store, "PRAGMA max_page_count = 1073741823");
  g_assert_cmpint (save_new (fixture->store, 99), >, last_ok);
}

static void
test_read_only (StoreFixture  *fixture,
                gconstpointer  data)
{
  AsyncState state = { g_array_new (FALSE, FALSE, sizeof (gint64)), NULL, 1, g_thread_self () };
  g_autoptr(KioskRequest) request = make_request (2);
  g_autoptr(GError) error = NULL;
  gint64 id = save_new (fixture->store, 1);

  /* Tests may run as root, for whom chmod does not stop writes; query_only makes SQLite refuse
   * every write with SQLITE_READONLY, the same code a read-only file or mount gives. */
  exec (fixture->store, "PRAGMA query_only = 1");

  g_assert_cmpint (kiosk_store_save (fixture->store, request, &error), ==, 0);
  g_assert_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  kiosk_store_save_async (fixture->store, request, NULL, saved_cb, &state);
  while (state.pending > 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (state.error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_READ_ONLY);
  g_clear_error (&state.error);

  g_assert_false (kiosk_store_mark_called_back (fixture->store, id, &error));
  g_assert_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_cmpint (kiosk_store_purge_handled (fixture->store, &error), ==, -1);
  g_assert_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* Reading still works, and nothing changed. */
  exec (fixture->store, "PRAGMA query_only = 0");
  g_assert_cmpint (count_total (fixture->store, NULL), ==, 1);
  g_array_unref (state.ids);
}

static void
test_read_only_folder (StoreFixture  *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskStore) store = NULL;
  g_autofree char *db = data_path (fixture, "requests.db");

  if (geteuid () == 0)
    {
      g_test_skip ("root can write whatever the mode; /kiosk/store/read-only covers the error");
      return;
    }

  fixture->store = kiosk_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  save_new (fixture->store, 1);
  g_clear_object (&fixture->store);

  g_assert_cmpint (g_chmod (db, 0400), ==, 0);
  g_assert_cmpint (g_chmod (fixture->data_dir, 0500), ==, 0);
  store = kiosk_store_open (fixture->data_dir, &error);
  g_assert_null (store);
  g_assert_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_READ_ONLY);
}

typedef enum
{
  CORRUPT_HEADER,
  CORRUPT_PAGES,
  CORRUPT_TRUNCATED,
} Corruption;

static void
corrupt_file (const char *path,
              Corruption  how)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8192);

  switch (how)
    {
    case CORRUPT_HEADER:
      memset (contents, 'X', 100);
      break;
    case CORRUPT_PAGES:
      memset (contents + 4096, 0xA5, length - 4096);
      break;
    case CORRUPT_TRUNCATED:
      length = 4096;
      break;
    }

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
}

/* The copies in quarantine/, as "name" -> contents. */
static GHashTable *
read_quarantine (StoreFixture *fixture)
{
  g_autofree char *dir_path = data_path (fixture, "quarantine");
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GHashTable *files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *name;

  g_assert_nonnull (dir);
  g_assert_cmpuint (file_mode (dir_path), ==, 0700);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      char *contents = NULL;

      g_assert_cmpuint (file_mode (path), ==, 0600);
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_hash_table_insert (files, g_strdup (name), contents);
    }

  return files;
}

static const char fake_wal[] = "Whatever was in the -wal file must survive byte for byte.\n";

/* Breaks the closed database, adds a -wal, opens it again and returns the copy's path. */
static char *
break_and_reopen (StoreFixture *fixture,
                  Corruption    how,
                  char        **original,
                  gsize        *original_len)
{
  g_autofree char *db = data_path (fixture, "requests.db");
  g_autofree char *wal = data_path (fixture, "requests.db-wal");
  g_autoptr(GError) error = NULL;
  const char *warning;

  g_clear_object (&fixture->store);
  corrupt_file (db, how);
  g_assert_true (g_file_set_contents (wal, fake_wal, -1, NULL));
  g_assert_true (g_file_get_contents (db, original, original_len, NULL));

  g_test_expect_message ("PatientKiosk", G_LOG_LEVEL_WARNING, "*copied it to*quarantine*");
  fixture->store = kiosk_store_open (fixture->data_dir, &error);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);

  warning = kiosk_store_get_warning (fixture->store);
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "damaged"));
  g_assert_nonnull (strstr (warning, "/quarantine/requests-"));

  return g_strdup (strstr (warning, fixture->data_dir));
}

/* The command line's open: no folder or file is created, and a damaged file is left exactly as
 * it is (a running kiosk may have it open) instead of being set aside. */
static void
test_open_existing (StoreFixture  *fixture,
                    gconstpointer  data)
{
  g_autofree char *db = data_path (fixture, "requests.db");
  g_autofree char *quarantine = data_path (fixture, "quarantine");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(KioskStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gsize before_len = 0, after_len = 0;

  store = kiosk_store_open_existing (fixture->data_dir, &error);
  g_assert_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_NOT_FOUND);
  g_assert_null (store);
  g_assert_false (g_file_test (fixture->data_dir, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  fixture->store = kiosk_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 200; i++)
    save_new (fixture->store, i);

  /* Next to the open store, as the command line runs next to the kiosk. */
  store = kiosk_store_open_existing (fixture->data_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_total (store, NULL), ==, 200);
  g_clear_object (&store);

  g_clear_object (&fixture->store);
  corrupt_file (db, CORRUPT_PAGES);
  g_assert_true (g_file_get_contents (db, &before, &before_len, NULL));
  store = kiosk_store_open_existing (fixture->data_dir, &error);
  g_assert_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_CORRUPT);
  g_assert_null (store);
  g_assert_true (g_file_get_contents (db, &after, &after_len, NULL));
  g_assert_cmpmem (after, after_len, before, before_len);
  g_assert_false (g_file_test (quarantine, G_FILE_TEST_EXISTS));
}

static void
test_corrupt (StoreFixture  *fixture,
              gconstpointer  data)
{
  Corruption how = GPOINTER_TO_INT (data);
  g_autoptr(GHashTable) copies = NULL;
  g_autofree char *original = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *copy_name = NULL;
  g_autofree char *wal_name = NULL;
  g_autofree char *integrity = NULL;
  gsize original_len = 0;
  const char *copied_db;

  for (guint i = 0; i < 200; i++)
    save_new (fixture->store, i);

  copy = break_and_reopen (fixture, how, &original, &original_len);
  /* The sentence ends with a period after the path. */
  copy[strlen (copy) - 1] = '\0';
  copy_name = g_path_get_basename (copy);
  wal_name = g_strconcat (copy_name, "-wal", NULL);

  /* The damaged file and its -wal were copied byte for byte... */
  copies = read_quarantine (fixture);
  g_assert_cmpuint (g_hash_table_size (copies), ==, 2);
  copied_db = g_hash_table_lookup (copies, copy_name);
  g_assert_nonnull (copied_db);
  g_assert_cmpmem (copied_db, file_size (copy), original, original_len);
  g_assert_cmpstr (g_hash_table_lookup (copies, wal_name), ==, fake_wal);

  /* ...and a new, working database replaced them. */
  g_assert_cmpint (count_total (fixture->store, NULL), ==, 0);
  save_new (fixture->store, 1);
  integrity = kiosk_test_store_query (fixture->store, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");

  /* A later clean start has no warning. */
  reopen (fixture);
  g_assert_null (kiosk_store_get_warning (fixture->store));
}

static void
test_corrupt_twice (StoreFixture  *fixture,
                    gconstpointer  data)
{
  g_autoptr(GHashTable) copies = NULL;
  g_autofree char *first_original = NULL;
  g_autofree char *second_original = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize len;

  for (guint i = 0; i < 200; i++)
    save_new (fixture->store, i);
  first = break_and_reopen (fixture, CORRUPT_HEADER, &first_original, &len);

  for (guint i = 0; i < 200; i++)
    save_new (fixture->store, i);
  second = break_and_reopen (fixture, CORRUPT_HEADER, &second_original, &len);

  /* Two breakdowns within the same second keep two sets of copies. */
  g_assert_cmpstr (first, !=, second);
  copies = read_quarantine (fixture);
  g_assert_cmpuint (g_hash_table_size (copies), ==, 4);
}

/* Staff operations ----------------------------------------------------------------------------- */

static void
test_mark_exported (StoreFixture  *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) pending_list = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) last_export = NULL;
  g_autoptr(KioskRequest) first = NULL;
  g_autoptr(KioskRequest) newest = NULL;
  g_autofree char *trail = NULL;
  gint64 ids[5];
  gint64 exported[] = { 0, 0, 0, 999 };
  gint64 pending;

  last_export = kiosk_store_get_last_export (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_null (last_export);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    ids[i] = save_new (fixture->store, i);
  exported[0] = ids[0];
  exported[1] = ids[1];
  exported[2] = ids[2];

  /* 999 does not exist and is skipped. */
  kiosk_store_mark_exported (fixture->store, exported, G_N_ELEMENTS (exported), &error);
  g_assert_no_error (error);

  first = kiosk_store_get_request (fixture->store, ids[0], NULL);
  g_assert_cmpint (kiosk_request_get_status (first), ==, KIOSK_REQUEST_STATUS_EXPORTED);
  g_assert_nonnull (kiosk_request_get_exported_at (first));
  g_assert_cmpint (count_total (fixture->store, &pending), ==, 5);
  g_assert_cmpint (pending, ==, 2);

  last_export = kiosk_store_get_last_export (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_date_time_difference (last_export, before), >=, -G_TIME_SPAN_SECOND);
  g_assert_cmpint (g_date_time_difference (last_export, before), <, 10 * G_TIME_SPAN_SECOND);

  trail = audit_trail (fixture->store);
  g_assert_cmpstr (trail, ==, "export:3");

  /* Staff lists: newest first, pending only or all. */
  pending_list = kiosk_store_list_requests (fixture->store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (pending_list), ==, 2);
  newest = g_list_model_get_item (pending_list, 0);
  g_assert_cmpint (kiosk_request_get_id (newest), ==, ids[4]);
  all = kiosk_store_list_requests (fixture->store, TRUE, &error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 5);

  /* An empty export still records its time. */
  kiosk_store_mark_exported (fixture->store, NULL, 0, &error);
  g_assert_no_error (error);

  /* A hand-edited time is an error, not "never exported" (issue 8, defect 9: every NULL
   * return sets its error). */
  g_clear_pointer (&last_export, g_date_time_unref);
  exec (fixture->store, "UPDATE meta SET value = 'yesterday' WHERE key = 'last_export'");
  last_export = kiosk_store_get_last_export (fixture->store, &error);
  g_assert_null (last_export);
  g_assert_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_FAILED);
}

static void
test_mark_exported_atomic (StoreFixture  *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) last_export = NULL;
  gint64 ids[3];
  gint64 pending;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    ids[i] = save_new (fixture->store, i);

  /* The audit row is the last statement of the transaction; make it fail. */
  exec (fixture->store, "CREATE TEMP TRIGGER fail_audit BEFORE INSERT ON audit "
                        "BEGIN SELECT RAISE (ABORT, 'audit refused'); END");
  g_assert_false (kiosk_store_mark_exported (fixture->store, ids, G_N_ELEMENTS (ids), &error));
  g_assert_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_FAILED);
  g_clear_error (&error);

  /* The updates before it were rolled back with it. */
  g_assert_cmpint (count_total (fixture->store, &pending), ==, 3);
  g_assert_cmpint (pending, ==, 3);
  last_export = kiosk_store_get_last_export (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_null (last_export);

  /* And the store is not left inside a transaction. */
  exec (fixture->store, "DROP TRIGGER fail_audit");
  g_assert_true (kiosk_store_mark_exported (fixture->store, ids, G_N_ELEMENTS (ids), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_total (fixture->store, &pending), ==, 3);
  g_assert_cmpint (pending, ==, 0);
}

static void
test_mark_called_back (StoreFixture  *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskRequest) request = NULL;
  g_autoptr(GDateTime) first_time = NULL;
  g_autofree char *trail = NULL;
  gint64 id = save_new (fixture->store, 1);
  const gint64 ids[] = { id };

  kiosk_store_mark_called_back (fixture->store, id, &error);
  g_assert_no_error (error);
  request = kiosk_store_get_request (fixture->store, id, NULL);
  g_assert_cmpint (kiosk_request_get_status (request), ==, KIOSK_REQUEST_STATUS_CALLED_BACK);
  g_assert_nonnull (kiosk_request_get_called_back_at (request));
  first_time = g_date_time_ref (kiosk_request_get_called_back_at (request));

  /* Exporting it later does not turn it back into "exported". */
  kiosk_store_mark_exported (fixture->store, ids, 1, &error);
  g_assert_no_error (error);
  g_clear_object (&request);
  request = kiosk_store_get_request (fixture->store, id, NULL);
  g_assert_cmpint (kiosk_request_get_status (request), ==, KIOSK_REQUEST_STATUS_CALLED_BACK);
  g_assert_nonnull (kiosk_request_get_exported_at (request));
  g_assert_true (g_date_time_equal (kiosk_request_get_called_back_at (request), first_time));

  g_assert_false (kiosk_store_mark_called_back (fixture->store, 999, &error));
  g_assert_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (save_new (fixture->store, 2), >, id);

  /* The failed call left no audit row. */
  trail = audit_trail (fixture->store);
  g_assert_cmpstr (trail, ==, "called-back:1 export:1");
}

/* "No answer, try again": the request stays open, keeps its place through export and purge, and
 * a later successful call closes it. */
static void
test_mark_no_answer (StoreFixture  *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskRequest) request = NULL;
  g_autoptr(GListModel) open = NULL;
  g_autofree char *trail = NULL;
  gint64 id = save_new (fixture->store, 1);
  gint64 total = 0, pending = 0;

  g_assert_true (kiosk_store_mark_no_answer (fixture->store, id, &error));
  g_assert_no_error (error);
  request = kiosk_store_get_request (fixture->store, id, NULL);
  g_assert_cmpint (kiosk_request_get_status (request), ==, KIOSK_REQUEST_STATUS_NO_ANSWER);
  g_assert_nonnull (kiosk_request_get_no_answer_at (request));
  g_assert_true (kiosk_request_is_open (request));
  g_assert_cmpstr (kiosk_request_status_to_string (KIOSK_REQUEST_STATUS_NO_ANSWER), ==, "no-answer");

  /* Still listed, counted and kept. */
  open = kiosk_store_list_requests (fixture->store, FALSE, &error);
  g_assert_cmpuint (g_list_model_get_n_items (open), ==, 1);
  kiosk_store_count_requests (fixture->store, &total, &pending, &error);
  g_assert_cmpint (pending, ==, 1);
  g_assert_cmpint (kiosk_store_purge_handled (fixture->store, &error), ==, 0);
  kiosk_store_mark_exported (fixture->store, &id, 1, &error);
  g_clear_object (&request);
  request = kiosk_store_get_request (fixture->store, id, NULL);
  g_assert_cmpint (kiosk_request_get_status (request), ==, KIOSK_REQUEST_STATUS_NO_ANSWER);
  g_assert_nonnull (kiosk_request_get_exported_at (request));

  /* The next call reaches them; "no answer" can then not be recorded over it. */
  g_assert_true (kiosk_store_mark_called_back (fixture->store, id, &error));
  g_assert_false (kiosk_store_mark_no_answer (fixture->store, id, &error));
  g_assert_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (kiosk_store_mark_no_answer (fixture->store, 999, &error));
  g_assert_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_NOT_FOUND);

  trail = audit_trail (fixture->store);
  g_assert_cmpstr (trail, ==, "no-answer:1 purge:0 export:1 called-back:1");
}

/* Version 3 rebuilds the requests table: rows, and the AUTOINCREMENT counter, survive. */
static void
test_migrate_v2 (StoreFixture  *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskRequest) old = NULL;
  g_autofree char *sql = g_strconcat (v1_schema,
                                      "CREATE TABLE usage (day TEXT NOT NULL, item TEXT NOT NULL,"
                                      "  count INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (day, item))"
                                      "  STRICT, WITHOUT ROWID;"
                                      "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) STRICT;"
                                      "CREATE INDEX requests_by_status ON requests (status, id);"
                                      "INSERT INTO requests (created_utc, name, phone, call_time,"
                                      "  topic, consent_version, status) VALUES"
                                      "  ('2025-01-02T03:04:05Z', 'Kept Row', '+50688881234',"
                                      "   'any', 'causes', 'v0', 'called-back'),"
                                      "  ('2025-01-02T03:04:06Z', 'Gone Row', '+50688881234',"
                                      "   'any', NULL, 'v0', 'pending');"
                                      "DELETE FROM requests WHERE id = 2;"
                                      "PRAGMA user_version = 2;",
                                      NULL);

  write_raw_database (fixture, sql);

  fixture->store = kiosk_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kiosk_test_store_query_int (fixture->store, "PRAGMA user_version"), ==,
                   KIOSK_STORE_SCHEMA_VERSION);
  old = kiosk_store_get_request (fixture->store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kiosk_request_get_name (old), ==, "Kept Row");
  g_assert_cmpint (kiosk_request_get_status (old), ==, KIOSK_REQUEST_STATUS_CALLED_BACK);

  /* Id 2 was handed out once; it is never handed out again. */
  g_assert_cmpint (save_new (fixture->store, 3), ==, 3);
  g_assert_cmpint (kiosk_test_store_query_int (fixture->store, "SELECT count(*) FROM sqlite_schema "
                                              "WHERE name LIKE 'requests_by_%'"), ==, 2);
}

static void
test_purge (StoreFixture  *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskRequest) handled = NULL;
  g_autoptr(KioskRequest) kept = NULL;
  g_autofree char *db = data_path (fixture, "requests.db");
  g_autofree char *wal = data_path (fixture, "requests.db-wal");
  g_autofree char *trail = NULL;
  gint64 keep, pending;
  gint64 ids[2];

  handled = kiosk_request_new ("Handled Person", "+506 7777 1111", "+506", KIOSK_CALL_TIME_ANY,
                               NULL, TRUE, "1", &error);
  ids[0] = kiosk_store_save (fixture->store, handled, &error);
  g_assert_no_error (error);
  ids[1] = save_new (fixture->store, 2);
  keep = save_new (fixture->store, 3);
  kiosk_store_mark_exported (fixture->store, ids, 1, &error);
  g_assert_no_error (error);
  kiosk_store_mark_called_back (fixture->store, ids[1], &error);
  g_assert_no_error (error);

  g_assert_cmpint (kiosk_store_purge_handled (fixture->store, &error), ==, 2);
  g_assert_no_error (error);
  g_assert_cmpint (count_total (fixture->store, &pending), ==, 1);
  g_assert_cmpint (pending, ==, 1);
  kept = kiosk_store_get_request (fixture->store, keep, NULL);
  g_assert_nonnull (kept);

  trail = audit_trail (fixture->store);
  g_assert_cmpstr (trail, ==, "export:1 called-back:1 purge:2");

  /* secure_delete and the checkpoint leave no copy of the deleted rows in either file. */
  g_assert_cmpint (file_size (wal), ==, 0);
  g_assert_false (file_contains (db, "Handled Person"));
  g_assert_false (file_contains (db, "+50677771111"));

  g_assert_cmpint (kiosk_store_purge_handled (fixture->store, &error), ==, 0);
}

static void
test_retention (StoreFixture  *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2025-03-10T12:00:00Z", NULL);
  g_autoptr(GListModel) left = NULL;
  g_autoptr(KioskRequest) oldest_kept = NULL;
  g_autofree char *db = data_path (fixture, "requests.db");
  g_autofree char *wal = data_path (fixture, "requests.db-wal");
  g_autofree char *trail = NULL;
  gint64 old_id;

  /* Thirty days before "now" is 2025-02-08T12:00:00Z. */
  old_id = save_created (fixture->store, "Expired Person", "2025-01-01T00:00:00Z");
  save_created (fixture->store, "Expired Person", "2025-02-08T11:59:59Z");
  save_created (fixture->store, "Kept Person", "2025-02-08T12:00:00Z");
  save_created (fixture->store, "Kept Person", "2025-03-10T11:00:00Z");
  /* Whatever their status. */
  kiosk_store_mark_exported (fixture->store, &old_id, 1, &error);
  g_assert_no_error (error);

  g_assert_cmpint (kiosk_store_delete_expired (fixture->store, 30, now, &error), ==, 2);
  g_assert_no_error (error);

  left = kiosk_store_list_requests (fixture->store, TRUE, &error);
  g_assert_cmpuint (g_list_model_get_n_items (left), ==, 2);
  oldest_kept = g_list_model_get_item (left, 1);
  g_assert_cmpstr (kiosk_request_get_name (oldest_kept), ==, "Kept Person");

  g_assert_cmpint (file_size (wal), ==, 0);
  g_assert_false (file_contains (db, "Expired Person"));

  /* A run with nothing to delete is recorded too. */
  g_assert_cmpint (kiosk_store_delete_expired (fixture->store, 30, now, &error), ==, 0);
  trail = audit_trail (fixture->store);
  g_assert_cmpstr (trail, ==, "export:1 expire-open:1 expire:2 expire:0");
}

/* Retention never deletes an open request without a trace, and says beforehand when it will. */
static void
test_retention_open (StoreFixture  *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2025-03-10T12:00:00Z", NULL);
  g_autoptr(GDateTime) expiry = NULL;
  g_autoptr(KioskRequest) request = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autofree char *expiry_text = NULL;
  KioskAuditEntry *newest;
  gint64 tried = save_created (fixture->store, "Tried Person", "2025-01-01T00:00:00Z");
  gint64 called = save_created (fixture->store, "Called Person", "2025-01-01T00:00:00Z");

  request = kiosk_store_get_request (fixture->store, tried, &error);
  g_assert_no_error (error);
  expiry = kiosk_store_expiry_time (request, 30);
  expiry_text = g_date_time_format_iso8601 (expiry);
  g_assert_cmpstr (expiry_text, ==, "2025-01-31T00:00:00Z");

  g_assert_true (kiosk_store_mark_no_answer (fixture->store, tried, &error));
  g_assert_true (kiosk_store_mark_called_back (fixture->store, called, &error));
  g_assert_cmpint (kiosk_store_delete_expired (fixture->store, 30, now, &error), ==, 2);
  g_assert_no_error (error);

  /* Newest first: the total, then how many of them nobody had called back. */
  audit = kiosk_store_list_audit (fixture->store, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 2);
  newest = g_ptr_array_index (audit, 0);
  g_assert_cmpstr (newest->event, ==, "expire");
  g_assert_cmpint (newest->count, ==, 2);
  g_assert_cmpstr (((KioskAuditEntry *)g_ptr_array_index (audit, 1))->event, ==, "expire-open");
  g_assert_cmpint (((KioskAuditEntry *)g_ptr_array_index (audit, 1))->count, ==, 1);
}

static void
test_audit (StoreFixture  *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *trail = NULL;
  g_autofree char *at = NULL;

  g_assert_true (kiosk_store_audit (fixture->store, "unlock", 0, &error));
  g_assert_no_error (error);
  g_assert_true (kiosk_store_audit (fixture->store, "pin-failed", 3, &error));

  trail = audit_trail (fixture->store);
  g_assert_cmpstr (trail, ==, "unlock:0 pin-failed:3");
  at = kiosk_test_store_query (fixture->store, "SELECT at_utc FROM audit ORDER BY id LIMIT 1");
  g_assert_cmpuint (strlen (at), ==, strlen ("2025-01-01T00:00:00Z"));
  g_assert_true (g_str_has_suffix (at, "Z"));
}

static void
test_audit_rejects_free_text (void)
{
  g_autofree char *tmp = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(KioskStore) store = kiosk_store_open (g_getenv ("KIOSK_TEST_DIR"), NULL);

      /* An event is an identifier: a name can never end up in the audit trail. */
      kiosk_store_audit (store, "called Ana María", 1, NULL);
      return;
    }

  tmp = g_dir_make_tmp ("kiosk-store-XXXXXX", NULL);
  g_setenv ("KIOSK_TEST_DIR", tmp, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  kiosk_test_remove_tree (tmp);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*_kiosk_store_is_valid_key*");
}

static void
test_usage (StoreFixture  *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) usage = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  KioskUsageCount *row;

  usage = kiosk_store_list_usage (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (usage->len, ==, 0);
  g_clear_pointer (&usage, g_ptr_array_unref);

  kiosk_store_record_usage (fixture->store, "causes", &error);
  kiosk_store_record_usage (fixture->store, "form", &error);
  kiosk_store_record_usage (fixture->store, "causes", &error);
  g_assert_no_error (error);

  usage = kiosk_store_list_usage (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (usage->len, ==, 2);
  row = g_ptr_array_index (usage, 0);
  g_assert_cmpstr (row->day, ==, today);
  g_assert_cmpstr (row->item, ==, "causes");
  g_assert_cmpint (row->count, ==, 2);
  row = g_ptr_array_index (usage, 1);
  g_assert_cmpstr (row->item, ==, "form");
  g_assert_cmpint (row->count, ==, 1);
}

/* Streaming ------------------------------------------------------------------------------------ */

typedef struct
{
  gint64 last_id;
  guint  visited;
  guint  stop_after;
  gboolean fail;
} ForeachState;

static gboolean
visit (KioskRequest  *request,
       gpointer       user_data,
       GError       **error)
{
  ForeachState *state = user_data;

  g_assert_cmpint (kiosk_request_get_id (request), >, state->last_id);
  state->last_id = kiosk_request_get_id (request);
  state->visited++;

  if (state->visited == state->stop_after)
    {
      if (state->fail)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "CSV disk full");
      return FALSE;
    }

  return TRUE;
}

static void
test_foreach (StoreFixture  *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ForeachState state = { 0 };
  gint64 ids[10];

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    ids[i] = save_new (fixture->store, i);
  kiosk_store_mark_exported (fixture->store, ids, 4, &error);

  /* Pending only, in id order. */
  g_assert_true (kiosk_store_foreach_request (fixture->store, FALSE, visit, &state, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (state.visited, ==, 6);

  state = (ForeachState) { 0 };
  g_assert_true (kiosk_store_foreach_request (fixture->store, TRUE, visit, &state, &error));
  g_assert_cmpuint (state.visited, ==, 10);

  /* Stopping early is not an error... */
  state = (ForeachState) { .stop_after = 3 };
  g_assert_true (kiosk_store_foreach_request (fixture->store, TRUE, visit, &state, &error));
  g_assert_cmpuint (state.visited, ==, 3);

  /* ...failing is, and the callback's error comes back. */
  state = (ForeachState) { .stop_after = 3, .fail = TRUE };
  g_assert_false (kiosk_store_foreach_request (fixture->store, TRUE, visit, &state, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
}

static void
test_foreach_large (StoreFixture  *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ForeachState state = { 0 };
  gint64 start = g_get_monotonic_time ();

  exec (fixture->store,
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000) "
        "INSERT INTO requests (created_utc, name, phone, call_time, consent_version) "
        "SELECT '2025-01-01T00:00:00Z', 'Person ' || i, '+50688880000', 'any', '1' FROM n");

  g_assert_true (kiosk_store_foreach_request (fixture->store, FALSE, visit, &state, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (state.visited, ==, 100000);
  g_test_message ("100,000 rows streamed in %.2f s",
                  (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC);
}

static gboolean
reenter (KioskRequest  *request,
         gpointer       user_data,
         GError       **error)
{
  kiosk_store_count_requests (user_data, NULL, NULL, NULL);

  return TRUE;
}

static void
test_foreach_reentry (void)
{
  g_autofree char *tmp = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(KioskStore) store = kiosk_store_open (g_getenv ("KIOSK_TEST_DIR"), NULL);

      save_new (store, 1);
      kiosk_store_foreach_request (store, TRUE, reenter, store, NULL);
      return;
    }

  /* A callback that calls back into the store aborts with a clear message instead of
   * deadlocking the kiosk. */
  tmp = g_dir_make_tmp ("kiosk-store-XXXXXX", NULL);
  g_setenv ("KIOSK_TEST_DIR", tmp, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  kiosk_test_remove_tree (tmp);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*must not call into the store*");
}

/* Faults at open: a transient read error is not damage ----------------------------------------- */

static char *
find_fiu_run (void)
{
  return g_find_program_in_path ("fiu-run");
}

/* Runs kiosk-crash-writer DATA_DIR 0 (open the store, then exit) under fiu-run. Returns its exit
 * status: 0 opened, 1 failed with a message, 3 opened but set the database aside. */
static int
open_under_fiu (const char *data_dir,
                const char *fiu_command,
                char      **err)
{
  g_autofree char *fiu_run = find_fiu_run ();
  g_autofree char *writer = g_test_build_filename (G_TEST_BUILT, "kiosk-crash-writer", NULL);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                              &error, fiu_run, "-x", "-c", fiu_command, writer, data_dir, "0",
                              NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, err, &error);
  g_assert_no_error (error);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);

  /* A crash (a signal) is never acceptable, whatever failed. */
  if (!g_subprocess_get_if_exited (process))
    g_error ("The store opener died with signal %d under “%s”: %s",
             g_subprocess_get_term_sig (process), fiu_command, *err);

  return g_subprocess_get_exit_status (process);
}

static gboolean
skip_without_fiu (void)
{
  g_autofree char *fiu_run = find_fiu_run ();
  g_autofree char *writer = g_test_build_filename (G_TEST_BUILT, "kiosk-crash-writer", NULL);

  if (kiosk_test_skip_without_fiu (fiu_run))
    return TRUE;
  if (!g_file_test (writer, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("kiosk-crash-writer is not built");
      return TRUE;
    }

  return FALSE;
}

/* Issue 8, defect 4: with 3 % of pread() calls failing, starts quarantined a healthy database.
 * Each failure mode of the libfiu wrapper is tried: a random errno, and EIO (5), which SQLite
 * reports as SQLITE_CORRUPT although nothing is damaged. */
static void
test_read_errors_at_open (StoreFixture  *fixture,
                          gconstpointer  data)
{
  static const char * const commands[] = {
    "enable_random name=posix/io/rw/pread,probability=0.03",
    "enable_random name=posix/io/rw/pread,probability=0.03,failinfo=5",
  };
  g_autofree char *quarantine = data_path (fixture, "quarantine");
  guint opened = 0, failed = 0;

  if (skip_without_fiu ())
    return;

  for (guint i = 0; i < 300; i++)
    save_new (fixture->store, i);
  g_clear_object (&fixture->store);

  for (guint round = 0; round < 15; round++)
    {
      for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
        {
          g_autofree char *err = NULL;
          int status = open_under_fiu (fixture->data_dir, commands[c], &err);

          if (status == 1)
            {
              /* Only an I/O error may stop a start, and it says so. */
              g_test_message ("status %d, %zu bytes: %s", status, strlen (err), err);
              g_assert_nonnull (strstr (err, "I/O"));
              failed++;
            }
          else
            {
              g_assert_cmpint (status, ==, 0);
              opened++;
            }
        }
    }

  g_test_message ("%u starts opened, %u failed with an I/O error, none set the file aside",
                  opened, failed);
  g_assert_false (g_file_test (quarantine, G_FILE_TEST_EXISTS));
  reopen (fixture);
  g_assert_cmpint (count_total (fixture->store, NULL), ==, 300);
}

/* Issue 8, defect 9: a failing close() made the open return FALSE without an error, and the
 * caller crashed on error->message. */
static void
test_close_fails_at_open (StoreFixture  *fixture,
                          gconstpointer  data)
{
  g_autofree char *err = NULL;

  if (skip_without_fiu ())
    return;

  /* failinfo=5: close() fails with EIO (otherwise libfiu picks an errno at random, and GLib
   * takes EINTR for success). */
  g_assert_cmpint (open_under_fiu (fixture->data_dir,
                                   "enable name=posix/io/oc/close,failnum=5,failinfo=5",
                                   &err), ==, 1);
  g_assert_nonnull (strstr (err, "Could not"));
  g_clear_pointer (&err, g_free);

  /* The issue's own command: whatever the errno, a message or success, never a crash. */
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *other_err = NULL;

      g_assert_cmpint (open_under_fiu (fixture->data_dir,
                                       "enable name=posix/io/oc/close,failnum=5", &other_err),
                       <=, 1);
    }
}

/* What staff read about a store that did not open: each reason in its own words. */
static void
test_describe_error (void)
{
  g_autoptr(GError) io = g_error_new_literal (KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_IO, "x");
  g_autoptr(GError) other = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "x");

  g_assert_nonnull (strstr (kiosk_store_describe_error (io), "left as it is"));
  g_assert_nonnull (strstr (kiosk_store_describe_error (other), "system log"));
  g_assert_nonnull (strstr (kiosk_store_describe_error (NULL), "system log"));
}

/* Foreign schemas ------------------------------------------------------------------------------ */

static void
assert_set_aside (StoreFixture *fixture,
                  const char   *original,
                  gsize         original_len)
{
  const char *warning = kiosk_store_get_warning (fixture->store);
  g_autofree char *copy = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  /* The warning ends with the copy's path and a period. */
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "/quarantine/requests-"));
  copy = g_strdup (strstr (warning, fixture->data_dir));
  copy[strlen (copy) - 1] = '\0';
  g_assert_true (g_file_get_contents (copy, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, original, original_len);
  g_assert_cmpuint (file_mode (copy), ==, 0600);

  /* The new database works. */
  g_assert_cmpint (count_total (fixture->store, NULL), ==, 0);
  save_new (fixture->store, 1);
}

/* Issue 8, defect 11: the right user_version but other columns opened, and every save failed.
 * A file that is not ours is set aside like a damaged one, never deleted or changed. */
static void
test_foreign_schema (StoreFixture  *fixture,
                     gconstpointer  data)
{
  const char *sql = data;
  g_autofree char *db_path = data_path (fixture, "requests.db");
  g_autofree char *original = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskStore) existing = NULL;
  g_autofree char *after = NULL;
  gsize original_len = 0, after_len = 0;

  write_raw_database (fixture, sql);
  g_assert_true (g_file_get_contents (db_path, &original, &original_len, NULL));

  /* The command line's open refuses it and leaves it as it is. */
  existing = kiosk_store_open_existing (fixture->data_dir, &error);
  g_assert_null (existing);
  g_assert_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_FOREIGN_SCHEMA);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (db_path, &after, &after_len, NULL));
  g_assert_cmpmem (after, after_len, original, original_len);

  g_test_expect_message ("PatientKiosk", G_LOG_LEVEL_WARNING, "*copied it to*quarantine*");
  fixture->store = kiosk_store_open (fixture->data_dir, &error);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  assert_set_aside (fixture, original, original_len);
}

/* Readers and writers -------------------------------------------------------------------------- */

/* Issue 8, defect 11: "database is locked" for exports while the kiosk saved. A writer holding
 * the write lock must not stop another connection from opening the file and reading it. */
static void
test_read_while_writing (StoreFixture  *fixture,
                         gconstpointer  data)
{
  g_autofree char *db_path = data_path (fixture, "requests.db");
  g_autoptr(KioskStore) reader = NULL;
  g_autoptr(GError) error = NULL;
  ForeachState state = { 0 };
  sqlite3 *writer = NULL;

  for (guint i = 0; i < 5; i++)
    save_new (fixture->store, i);

  g_assert_cmpint (sqlite3_open (db_path, &writer), ==, SQLITE_OK);
  raw_exec (writer, "BEGIN IMMEDIATE; INSERT INTO audit (at_utc, event) "
                    "VALUES ('2025-01-01T00:00:00Z', 'held');");

  reader = kiosk_store_open_existing (fixture->data_dir, &error);
  g_assert_no_error (error);
  g_assert_true (kiosk_store_foreach_request (reader, TRUE, visit, &state, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (state.visited, ==, 5);

  raw_exec (writer, "COMMIT");
  g_assert_cmpint (sqlite3_close (writer), ==, SQLITE_OK);
}

typedef struct
{
  KioskStore *store;
  guint       visited;
} CountState;

static gboolean
count_visit (KioskRequest  *request,
             gpointer       user_data,
             GError       **error)
{
  ((CountState *)user_data)->visited++;

  return TRUE;
}

/* What the command-line export does, start to end: open, read every row, audit, close. */
static gboolean
export_once (const char  *data_dir,
             GError     **error)
{
  g_autoptr(KioskStore) store = kiosk_store_open_existing (data_dir, error);
  CountState state = { store, 0 };

  return store != NULL &&
         kiosk_store_foreach_request (store, TRUE, count_visit, &state, error) &&
         kiosk_store_audit (store, "export", state.visited, error);
}

/* Exports in a loop while another process saves in a loop: none may fail. Bounded by the
 * number of exports, not by time; the writer saves until it is killed. */
#define N_EXPORTS 60

static void
test_exports_during_saves (StoreFixture  *fixture,
                           gconstpointer  data)
{
  g_autofree char *writer = g_test_build_filename (G_TEST_BUILT, "kiosk-crash-writer", NULL);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_test (writer, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("kiosk-crash-writer is not built");
      return;
    }

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error, writer,
                              fixture->data_dir, NULL);
  g_assert_no_error (error);

  for (guint i = 1; i <= N_EXPORTS; i++)
    {
      if (!export_once (fixture->data_dir, &error))
        {
          /* Not left saving in the background after the test aborts. */
          g_subprocess_force_exit (process);
          g_error ("Export %u failed while the writer saved: %s", i, error->message);
        }
    }

  /* The writer never stops by itself: if it did, it found a problem. */
  g_assert_nonnull (g_subprocess_get_identifier (process));
  g_subprocess_force_exit (process);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_subprocess_get_if_exited (process));
  g_test_message ("%u exports while another process saved, none failed; %" G_GINT64_FORMAT
                  " saves", N_EXPORTS, count_total (reopen (fixture), NULL));
}

/* Deleted names and the WAL -------------------------------------------------------------------- */

static const char deleted_name[] = "Deleted Sentinel";

static void
save_handled (KioskStore *store,
              guint       n)
{
  g_autofree char *name = g_strdup_printf ("%s %u", deleted_name, n);
  g_autoptr(KioskRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  request = kiosk_request_new (name, "+506 8888 1234", "+506", KIOSK_CALL_TIME_ANY, NULL, TRUE,
                               "1", &error);
  g_assert_no_error (error);
  id = kiosk_store_save (store, request, &error);
  g_assert_no_error (error);
  kiosk_store_mark_called_back (store, id, &error);
  g_assert_no_error (error);
}

/* Every file in the data folder, -wal and -shm included, byte by byte. */
static gboolean
data_dir_mentions (StoreFixture *fixture,
                   const char   *needle)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->data_dir, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = data_path (fixture, name);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR) && file_contains (path, needle))
        return TRUE;
    }

  return FALSE;
}

/* Saves handled requests, then purges them while another connection reads. */
static sqlite3 *
purge_under_reader (StoreFixture *fixture)
{
  g_autofree char *db_path = data_path (fixture, "requests.db");
  g_autoptr(GError) error = NULL;
  sqlite3 *reader = NULL;

  for (guint i = 0; i < 50; i++)
    save_handled (fixture->store, i);

  g_assert_cmpint (sqlite3_open (db_path, &reader), ==, SQLITE_OK);
  raw_exec (reader, "BEGIN; SELECT count(*) FROM requests;");

  g_assert_cmpint (kiosk_store_purge_handled (fixture->store, &error), ==, 50);
  g_assert_no_error (error);

  return reader;
}

static void
release_reader (sqlite3 *reader)
{
  raw_exec (reader, "COMMIT");
  g_assert_cmpint (sqlite3_close (reader), ==, SQLITE_OK);
}

/* Issue 8, defect 8: the checkpoint after a purge gave up while a reader held a snapshot, and
 * the deleted names stayed in the -wal. The next store operation after the reader left must
 * finish it. */
static void
test_purge_reader_next_operation (StoreFixture  *fixture,
                                  gconstpointer  data)
{
  release_reader (purge_under_reader (fixture));

  count_total (fixture->store, NULL);
  g_assert_false (data_dir_mentions (fixture, deleted_name));
}

static gboolean
set_flag (gpointer user_data)
{
  *(gboolean *)user_data = TRUE;

  return G_SOURCE_REMOVE;
}

/* With nothing else happening (an idle kiosk), the store's own retry finishes it. */
static void
test_purge_reader_idle (StoreFixture  *fixture,
                        gconstpointer  data)
{
  gboolean given_up = FALSE;
  guint guard;

  release_reader (purge_under_reader (fixture));

  /* A guard, not a timed assertion: it only ends the wait if no retry ever comes. */
  guard = g_timeout_add_seconds (20, set_flag, &given_up);
  while (!given_up && data_dir_mentions (fixture, deleted_name))
    g_main_context_iteration (NULL, TRUE);
  if (!given_up)
    g_source_remove (guard);

  g_assert_false (data_dir_mentions (fixture, deleted_name));
}

/* A reader of ours (the command line's export) checkpoints as it closes. */
static gboolean
purge_during_visit (KioskRequest  *request,
                    gpointer       user_data,
                    GError       **error)
{
  StoreFixture *fixture = user_data;

  g_assert_cmpint (kiosk_store_purge_handled (fixture->store, error), ==, 50);

  return FALSE;
}

static void
test_purge_reader_closes (StoreFixture  *fixture,
                          gconstpointer  data)
{
  g_autoptr(KioskStore) reader = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 50; i++)
    save_handled (fixture->store, i);

  reader = kiosk_store_open_existing (fixture->data_dir, &error);
  g_assert_no_error (error);
  g_assert_true (kiosk_store_foreach_request (reader, TRUE, purge_during_visit, fixture,
                                              &error));
  g_assert_no_error (error);
  g_assert_true (data_dir_mentions (fixture, deleted_name));

  kiosk_test_store_assert_released (g_steal_pointer (&reader));
  g_assert_false (data_dir_mentions (fixture, deleted_name));
}

/* Privacy -------------------------------------------------------------------------------------- */

static gboolean
mentions_sentinel (const char *text)
{
  for (guint i = 0; sentinels[i] != NULL; i++)
    {
      if (text != NULL && strstr (text, sentinels[i]) != NULL)
        return TRUE;
    }

  return FALSE;
}

static GLogWriterOutput
checking_writer (GLogLevelFlags   level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0)
        sentinel_logged = sentinel_logged || mentions_sentinel (fields[i].value);
    }

  /* Debug messages are checked, then dropped, so the test log stays readable. */
  if (level & G_LOG_LEVEL_DEBUG)
    {
      debug_seen = TRUE;
      return G_LOG_WRITER_HANDLED;
    }

  return g_log_writer_default (level, fields, n_fields, user_data);
}

static void
assert_private_error (GError *error)
{
  g_assert_nonnull (error);
  g_assert_false (mentions_sentinel (error->message));
}

static void
test_privacy (StoreFixture  *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskRequest) request = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *limit = NULL;
  gint64 id;

  g_log_set_debug_enabled (TRUE);

  /* Refusals do not echo what was typed. */
  g_assert_null (kiosk_request_normalize_name ("Privacy Sentinel 😀", &error));
  assert_private_error (error);
  g_clear_error (&error);
  g_assert_null (kiosk_request_normalize_phone ("7777 6666 x", "+506", &error));
  assert_private_error (error);
  g_clear_error (&error);

  request = kiosk_request_new ("Privacy Sentinel", "7777 6666", "+506", KIOSK_CALL_TIME_ANY,
                               NULL, TRUE, "1", &error);
  g_assert_no_error (error);
  id = kiosk_store_save (fixture->store, request, &error);
  g_assert_no_error (error);

  /* Every kind of operation, and failures, with debug messages on. */
  g_assert_true (kiosk_store_mark_called_back (fixture->store, id, &error));
  g_assert_true (kiosk_store_mark_exported (fixture->store, &id, 1, &error));
  g_clear_object (&fixture->store);
  reopen (fixture);

  exec (fixture->store, "PRAGMA query_only = 1");
  g_assert_cmpint (kiosk_store_save (fixture->store, request, &error), ==, 0);
  assert_private_error (error);
  g_clear_error (&error);
  exec (fixture->store, "PRAGMA query_only = 0");

  limit = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT,
                           kiosk_test_store_query_int (fixture->store, "PRAGMA page_count"));
  exec (fixture->store, limit);
  while (kiosk_store_save (fixture->store, request, &error) > 0)
    ;
  assert_private_error (error);
  g_clear_error (&error);
  exec (fixture->store, "PRAGMA max_page_count = 1073741823");

  g_assert_cmpint (kiosk_store_purge_handled (fixture->store, &error), ==, 1);
  g_assert_cmpint (kiosk_store_delete_expired (fixture->store, 1, now, &error), >=, 0);

  g_log_set_debug_enabled (FALSE);
  g_assert_true (debug_seen);
  g_assert_false (sentinel_logged);
}

int
main (int   argc,
      char *argv[])
{
  g_log_set_writer_func (checking_writer, NULL, NULL);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/kiosk/store/" path, StoreFixture, NULL, store_setup, func, store_teardown)
#define ADD_EMPTY(path, func) \
  g_test_add ("/kiosk/store/" path, StoreFixture, NULL, empty_setup, func, store_teardown)
#define ADD_CORRUPT(path, how) \
  g_test_add ("/kiosk/store/corrupt/" path, StoreFixture, GINT_TO_POINTER (how), store_setup, \
              test_corrupt, store_teardown)

  ADD ("insert", test_insert);
  ADD ("data-dir", test_data_dir);
  ADD ("save-async", test_save_async);
  ADD ("save-async-cancelled", test_save_async_cancelled);
  ADD_EMPTY ("permissions", test_permissions);
  ADD_EMPTY ("permissions-tightened", test_permissions_tightened);
  ADD ("pragmas", test_pragmas);
  ADD_EMPTY ("migrate-v1", test_migrate_v1);
  ADD_EMPTY ("newer-schema", test_newer_schema);
  ADD ("disk-full", test_disk_full);
  ADD ("read-only", test_read_only);
  ADD_EMPTY ("read-only-folder", test_read_only_folder);
  ADD_CORRUPT ("header", CORRUPT_HEADER);
  ADD_CORRUPT ("pages", CORRUPT_PAGES);
  ADD_CORRUPT ("truncated", CORRUPT_TRUNCATED);
  ADD ("corrupt/twice", test_corrupt_twice);
  ADD_EMPTY ("open-existing", test_open_existing);
  ADD ("mark-exported", test_mark_exported);
  ADD ("mark-exported-atomic", test_mark_exported_atomic);
  ADD ("mark-called-back", test_mark_called_back);
  ADD ("purge", test_purge);
  ADD ("retention", test_retention);
  ADD ("retention-open", test_retention_open);
  ADD ("mark-no-answer", test_mark_no_answer);
  ADD_EMPTY ("migrate-v2", test_migrate_v2);
  ADD ("audit", test_audit);
  g_test_add_func ("/kiosk/store/audit-rejects-free-text", test_audit_rejects_free_text);
  ADD ("usage", test_usage);
  ADD ("foreach", test_foreach);
  ADD ("foreach-large", test_foreach_large);
  g_test_add_func ("/kiosk/store/foreach-reentry", test_foreach_reentry);
  ADD ("privacy", test_privacy);
  ADD ("faults/read-errors-at-open", test_read_errors_at_open);
  g_test_add_func ("/kiosk/store/describe-error", test_describe_error);
  ADD_EMPTY ("faults/close-fails-at-open", test_close_fails_at_open);
  g_test_add ("/kiosk/store/foreign-schema/same-version", StoreFixture,
              "CREATE TABLE requests (x TEXT); CREATE TABLE audit (y TEXT);"
              "CREATE TABLE usage (z TEXT); CREATE TABLE meta (k TEXT);"
              "INSERT INTO requests VALUES ('not ours'); PRAGMA user_version = 2;",
              empty_setup, test_foreign_schema, store_teardown);
  g_test_add ("/kiosk/store/foreign-schema/no-version", StoreFixture,
              "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('not ours');",
              empty_setup, test_foreign_schema, store_teardown);
  g_test_add ("/kiosk/store/foreign-schema/v1-other-columns", StoreFixture,
              "CREATE TABLE requests (id INTEGER PRIMARY KEY, who TEXT);"
              "CREATE TABLE audit (id INTEGER PRIMARY KEY);"
              "INSERT INTO requests (who) VALUES ('not ours'); PRAGMA user_version = 1;",
              empty_setup, test_foreign_schema, store_teardown);
  ADD ("read-while-writing", test_read_while_writing);
  ADD ("exports-during-saves", test_exports_during_saves);
  ADD ("purge-reader/next-operation", test_purge_reader_next_operation);
  ADD ("purge-reader/idle", test_purge_reader_idle);
  ADD ("purge-reader/closes", test_purge_reader_closes);

  return g_test_run ();
}
