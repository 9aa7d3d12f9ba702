/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "kiosk-export.h"
#include "kiosk-store-private.h"
#include "kiosk-test-csv.h"
#include "kiosk-test-fs.h"
#include "kiosk-test-store.h"

#define BOM    "\xEF\xBB\xBF"
#define HEADER "id,created,name,phone,preferred_time,topic,status,consent_version"

typedef struct
{
  char       *tmp;
  char       *target;
  KioskStore *store;
} Fixture;

/* Fixture -------------------------------------------------------------------------------------- */

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *data_dir = NULL;
  g_autoptr(GError) error = NULL;

  fixture->tmp = g_dir_make_tmp ("kiosk-export-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->target = g_build_filename (fixture->tmp, "requests.csv", NULL);
  data_dir = g_build_filename (fixture->tmp, "data", NULL);
  fixture->store = kiosk_store_open (data_dir, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  kiosk_test_store_assert_released (fixture->store);
  kiosk_test_delete_tree (fixture->tmp);
  g_free (fixture->target);
  g_free (fixture->tmp);
}

/* Helpers -------------------------------------------------------------------------------------- */

/* Bypasses kiosk_request_new()'s checks on purpose: the export must cope with whatever text is
 * in the file, also text the form would have refused. */
static gint64
save_full (KioskStore    *store,
           const char    *name,
           const char    *phone,
           const char    *created_iso,
           KioskCallTime  call_time,
           const char    *topic)
{
  g_autoptr(GDateTime) created = g_date_time_new_from_iso8601 (created_iso, NULL);
  g_autoptr(KioskRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_nonnull (created);
  request = kiosk_request_new_full (0, created, name, phone, call_time, topic, "2025-01",
                                    KIOSK_REQUEST_STATUS_PENDING, NULL, NULL, NULL);
  id = kiosk_store_save (store, request, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static gint64
save (KioskStore *store,
      const char *name)
{
  return save_full (store, name, "+50688881234", "2026-11-26T14:05:09Z", KIOSK_CALL_TIME_MORNING,
                    "causes");
}

static void
assert_query (KioskStore *store,
              const char *sql,
              const char *expected)
{
  g_autofree char *result = kiosk_test_store_query (store, sql);

  g_assert_cmpstr (result, ==, expected);
}

static char *
audit_trail (KioskStore *store)
{
  return kiosk_test_store_query (store, "SELECT coalesce (group_concat (event || ':' || count, ' '), '') "
                       "FROM (SELECT event, count FROM audit ORDER BY id)");
}

static void
assert_statuses (KioskStore *store,
                 const char *expected)
{
  assert_query (store, "SELECT group_concat (status, ' ') FROM (SELECT status FROM requests "
                       "ORDER BY id)", expected);
}

static void
mark (KioskStore *store,
      gint64      id)
{
  g_autoptr(GError) error = NULL;

  kiosk_store_mark_exported (store, &id, 1, &error);
  g_assert_no_error (error);
}

static void
call_back (KioskStore *store,
           gint64      id)
{
  g_autoptr(GError) error = NULL;

  kiosk_store_mark_called_back (store, id, &error);
  g_assert_no_error (error);
}

static guint
export_ok (Fixture          *fixture,
           KioskExportFlags  flags)
{
  g_autoptr(GError) error = NULL;
  guint n_rows = G_MAXUINT;

  g_assert_true (kiosk_export_requests_to_path (fixture->store, fixture->target, flags, &n_rows,
                                                &error));
  g_assert_no_error (error);

  return n_rows;
}

/* The names column of the exported file. */
static char *
exported_names (Fixture *fixture)
{
  g_autoptr(GPtrArray) rows = kiosk_test_csv_read_file (fixture->target);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 1; i < rows->len; i++)
    {
      GStrv row = g_ptr_array_index (rows, i);

      g_string_append_printf (names, "%s%s", i > 1 ? "|" : "", row[2]);
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);

  return st.st_mode & 07777;
}

static guint
count_entries (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

/* Tests ---------------------------------------------------------------------------------------- */

static void
test_header (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_cmpuint (export_ok (fixture, KIOSK_EXPORT_PENDING), ==, 0);

  g_assert_true (g_file_get_contents (fixture->target, &contents, &length, NULL));
  g_assert_cmpstr (contents, ==, BOM HEADER "\r\n");
  g_assert_cmpuint (file_mode (fixture->target), ==, 0600);
}

static void
test_row (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  GStrv row;
  gint64 id;

  id = save_full (fixture->store, "Ana María", "+50688881234", "2026-11-26T14:05:09Z",
                  KIOSK_CALL_TIME_AFTERNOON, "treatments");
  save_full (fixture->store, "Luis", "+50622223333", "2026-11-26T15:00:00Z",
             KIOSK_CALL_TIME_ANY, NULL);

  g_assert_cmpuint (export_ok (fixture, KIOSK_EXPORT_PENDING), ==, 2);
  rows = kiosk_test_csv_read_file (fixture->target);
  g_assert_cmpuint (rows->len, ==, 3);

  row = g_ptr_array_index (rows, 1);
  g_assert_cmpuint (g_strv_length (row), ==, 8);
  g_assert_cmpint (g_ascii_strtoll (row[0], NULL, 10), ==, id);
  g_assert_cmpstr (row[2], ==, "Ana María");
  /* The apostrophe keeps the '+' from starting a formula (see kiosk-csv-writer.h). */
  g_assert_cmpstr (row[3], ==, "'+50688881234");
  g_assert_cmpstr (row[4], ==, "afternoon");
  g_assert_cmpstr (row[5], ==, "treatments");
  g_assert_cmpstr (row[6], ==, "pending");
  g_assert_cmpstr (row[7], ==, "2025-01");

  row = g_ptr_array_index (rows, 2);
  g_assert_cmpstr (row[4], ==, "any");
  g_assert_cmpstr (row[5], ==, "");
}

/* main() sets TZ to America/Costa_Rica (UTC-6 all year) before anything reads the clock. */
static void
test_local_time (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;

  save_full (fixture->store, "Ana", "+50688881234", "2026-11-26T14:05:09Z",
             KIOSK_CALL_TIME_ANY, NULL);
  /* Just after midnight UTC is still the day before in Costa Rica. */
  save_full (fixture->store, "Luis", "+50688881234", "2026-01-01T00:30:00Z",
             KIOSK_CALL_TIME_ANY, NULL);

  export_ok (fixture, KIOSK_EXPORT_PENDING);
  rows = kiosk_test_csv_read_file (fixture->target);
  g_assert_cmpstr (((GStrv)g_ptr_array_index (rows, 1))[1], ==, "2026-11-26T08:05:09-06:00");
  g_assert_cmpstr (((GStrv)g_ptr_array_index (rows, 2))[1], ==, "2025-12-31T18:30:00-06:00");
}

static void
test_pending_and_all (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 exported = save (fixture->store, "Exported");
  gint64 called = save (fixture->store, "Called");
  g_autofree char *pending_names = NULL;
  g_autofree char *all_names = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  save (fixture->store, "Pending");
  mark (fixture->store, exported);
  call_back (fixture->store, called);

  g_assert_cmpuint (export_ok (fixture, KIOSK_EXPORT_PENDING), ==, 1);
  pending_names = exported_names (fixture);
  g_assert_cmpstr (pending_names, ==, "Pending");

  g_assert_cmpuint (export_ok (fixture, KIOSK_EXPORT_ALL), ==, 3);
  all_names = exported_names (fixture);
  g_assert_cmpstr (all_names, ==, "Exported|Called|Pending");
  rows = kiosk_test_csv_read_file (fixture->target);
  g_assert_cmpstr (((GStrv)g_ptr_array_index (rows, 1))[6], ==, "exported");
  g_assert_cmpstr (((GStrv)g_ptr_array_index (rows, 2))[6], ==, "called-back");
  g_assert_cmpstr (((GStrv)g_ptr_array_index (rows, 3))[6], ==, "pending");
}

static void
test_no_mark (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GDateTime) last_export = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *audit = NULL;

  save (fixture->store, "Ana");
  save (fixture->store, "Luis");

  g_assert_cmpuint (export_ok (fixture, KIOSK_EXPORT_PENDING), ==, 2);
  g_assert_cmpuint (export_ok (fixture, KIOSK_EXPORT_ALL), ==, 2);

  assert_statuses (fixture->store, "pending pending");
  assert_query (fixture->store, "SELECT count(*) FROM requests WHERE exported_at IS NOT NULL",
                "0");
  last_export = kiosk_store_get_last_export (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_null (last_export);
  /* Every export leaves an audit row with the number of rows written. */
  audit = audit_trail (fixture->store);
  g_assert_cmpstr (audit, ==, "export:2 export:2");
}

static void
test_mark (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GDateTime) last_export = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *audit = NULL;
  g_autofree char *contents = NULL;

  save (fixture->store, "Ana");
  save (fixture->store, "Luis");

  g_assert_cmpuint (export_ok (fixture, KIOSK_EXPORT_MARK), ==, 2);
  assert_statuses (fixture->store, "exported exported");
  last_export = kiosk_store_get_last_export (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (last_export);
  audit = audit_trail (fixture->store);
  g_assert_cmpstr (audit, ==, "export:2");

  /* Nothing is pending any more: the next export is the header alone. */
  g_assert_cmpuint (export_ok (fixture, KIOSK_EXPORT_PENDING | KIOSK_EXPORT_MARK), ==, 0);
  g_assert_true (g_file_get_contents (fixture->target, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, BOM HEADER "\r\n");
}

/* With --all, only the rows that were pending are marked: an earlier export keeps its time and a
 * called-back request its status. */
static void
test_mark_all_only_pending (Fixture       *fixture,
                            gconstpointer  data)
{
  gint64 exported = save (fixture->store, "Exported");
  gint64 called = save (fixture->store, "Called");
  g_autofree char *first_export = NULL;
  g_autofree char *audit = NULL;
  g_autofree char *sql = NULL;

  save (fixture->store, "Pending");
  mark (fixture->store, exported);
  call_back (fixture->store, called);
  sql = g_strdup_printf ("SELECT exported_at FROM requests WHERE id = %" G_GINT64_FORMAT,
                         exported);
  first_export = kiosk_test_store_query (fixture->store, sql);
  /* Make a re-mark visible: the store stores seconds. */
  g_usleep (G_USEC_PER_SEC * 11 / 10);

  g_assert_cmpuint (export_ok (fixture, KIOSK_EXPORT_ALL | KIOSK_EXPORT_MARK), ==, 3);

  assert_statuses (fixture->store, "exported called-back exported");
  assert_query (fixture->store, sql, first_export);
  assert_query (fixture->store, "SELECT count(*) FROM requests WHERE exported_at IS NOT NULL",
                "2");
  audit = audit_trail (fixture->store);
  g_assert_cmpstr (audit, ==, "export:1 called-back:1 export:1");
}

/* Names the form would refuse, but that a hand-edited or future database could hold, read back
 * by Python's csv module exactly, with an apostrophe where a spreadsheet would see a formula. */
static const struct
{
  const char *name;
  const char *expected;
} tricky_names[] = {
  { "Pérez, Ana", "Pérez, Ana" },
  { "Ana \"la Tica\" Mora", "Ana \"la Tica\" Mora" },
  { "Ana\nMora", "Ana\nMora" },
  { "Ana\r\nMora", "Ana\r\nMora" },
  { "Zoë O’Brien-Núñez", "Zoë O’Brien-Núñez" },
  { "Ana 🙂 Mora 👩🏽‍⚕️", "Ana 🙂 Mora 👩🏽‍⚕️" },
  { "=HYPERLINK(\"http://evil.example\",\"click\")", "'=HYPERLINK(\"http://evil.example\",\"click\")" },
  { "+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0" },
  { "-2+3", "'-2+3" },
  { "@SUM(1+1)", "'@SUM(1+1)" },
  { "\tAna", "'\tAna" },
  { "＝1+1", "'＝1+1" },
  /* An apostrophe that is part of the name is doubled, so the documented rule gives it back. */
  { "'Ana", "''Ana" },
  { "'-Ana", "''-Ana" },
  { "a,\"b\"\n=c", "a,\"b\"\n=c" },
};

static void
append_escaped (GString    *out,
                const char *cell)
{
  for (const char *p = cell; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\t': g_string_append (out, "\\t"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\\': g_string_append (out, "\\\\"); break;
        default: g_string_append_c (out, *p);
        }
    }
}

static void
append_expected_row (GString            *out,
                     const char * const *cells)
{
  for (guint i = 0; cells[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, '\t');
      append_escaped (out, cells[i]);
    }
  g_string_append_c (out, '\n');
}

static char *
write_expected (Fixture      *fixture,
                const gint64 *ids)
{
  g_autofree char *path = g_build_filename (fixture->tmp, "expected.txt", NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  const char * const header[] = {
    "id", "created", "name", "phone", "preferred_time", "topic", "status", "consent_version", NULL
  };

  append_expected_row (out, header);
  for (guint i = 0; i < G_N_ELEMENTS (tricky_names); i++)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, ids[i]);
      const char * const row[] = {
        id, "2026-11-26T08:05:09-06:00", tricky_names[i].expected, "'+50688881234", "morning",
        "causes", "pending", "2025-01", NULL
      };

      append_expected_row (out, row);
    }

  g_file_set_contents (path, out->str, out->len, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static void
test_tricky_names (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 ids[G_N_ELEMENTS (tricky_names)];
  g_autofree char *expected_path = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (tricky_names); i++)
    ids[i] = save (fixture->store, tricky_names[i].name);

  g_assert_cmpuint (export_ok (fixture, KIOSK_EXPORT_PENDING), ==, G_N_ELEMENTS (tricky_names));

  /* Our own strict reader agrees with Python's. */
  rows = kiosk_test_csv_read_file (fixture->target);
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (tricky_names) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (tricky_names); i++)
    g_assert_cmpstr (((GStrv)g_ptr_array_index (rows, i + 1))[2], ==, tricky_names[i].expected);

  expected_path = write_expected (fixture, ids);
  kiosk_test_run_python ("csv-expect.py", fixture->target, expected_path, NULL);
}

static void
assert_nothing_changed (Fixture *fixture)
{
  g_autoptr(GDateTime) last_export = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *audit = NULL;

  assert_statuses (fixture->store, "pending pending");
  assert_query (fixture->store, "SELECT count(*) FROM requests WHERE exported_at IS NOT NULL",
                "0");
  last_export = kiosk_store_get_last_export (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_null (last_export);
  audit = audit_trail (fixture->store);
  g_assert_cmpstr (audit, ==, "");
}

/* A target whose parent is a regular file cannot be created, even by root. */
static void
test_unwritable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *parent = g_build_filename (fixture->tmp, "not-a-folder", NULL);
  g_autofree char *target = g_build_filename (parent, "requests.csv", NULL);
  g_autoptr(GError) error = NULL;
  guint n_rows = 42;

  save (fixture->store, "Ana");
  save (fixture->store, "Luis");
  g_assert_true (g_file_set_contents (parent, "", 0, NULL));

  g_assert_false (kiosk_export_requests_to_path (fixture->store, target,
                                                 KIOSK_EXPORT_ALL | KIOSK_EXPORT_MARK,
                                                 &n_rows, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_test_message ("%s", error->message);
  g_assert_cmpuint (n_rows, ==, 42);
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  assert_nothing_changed (fixture);
}

static void
async_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for_export (Fixture          *fixture,
                 KioskExportFlags  flags,
                 GCancellable     *cancellable)
{
  GAsyncResult *result = NULL;

  kiosk_export_requests_to_path_async (fixture->store, fixture->target, flags, cancellable,
                                       async_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return result;
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  guint n_rows = 0;

  save (fixture->store, "Ana");
  save (fixture->store, "Luis");

  result = wait_for_export (fixture, KIOSK_EXPORT_MARK, NULL);
  g_assert_true (kiosk_export_requests_to_path_finish (fixture->store, result, &n_rows, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, 2);

  names = exported_names (fixture);
  g_assert_cmpstr (names, ==, "Ana|Luis");
  assert_statuses (fixture->store, "exported exported");
}

/* A cancelled export keeps the previous file as it was, leaves no temporary file next to it and
 * marks nothing. */
static void
test_async_cancelled (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  guint entries;

  save (fixture->store, "Ana");
  save (fixture->store, "Luis");
  g_assert_true (g_file_set_contents (fixture->target, "previous export", -1, NULL));
  entries = count_entries (fixture->tmp);

  g_cancellable_cancel (cancellable);
  result = wait_for_export (fixture, KIOSK_EXPORT_MARK, cancellable);
  g_assert_false (kiosk_export_requests_to_path_finish (fixture->store, result, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_assert_true (g_file_get_contents (fixture->target, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "previous export");
  g_assert_cmpuint (count_entries (fixture->tmp), ==, entries);
  assert_nothing_changed (fixture);
}

/* If the rows cannot be marked after the file is complete, the export says so, the file stays
 * and no row is marked (the marking is one transaction). */
static void
test_mark_fails (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;

  save (fixture->store, "Ana");
  save (fixture->store, "Luis");
  g_assert_true (_kiosk_store_test_exec (fixture->store,
                                         "CREATE TEMP TRIGGER refuse_mark BEFORE UPDATE ON requests "
                                         "BEGIN SELECT RAISE (ABORT, 'injected'); END",
                                         &error));
  g_assert_no_error (error);

  g_assert_false (kiosk_export_requests_to_path (fixture->store, fixture->target,
                                                 KIOSK_EXPORT_MARK, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "The export was written, but the requests "
                                                   "could not be marked as exported: "));

  names = exported_names (fixture);
  g_assert_cmpstr (names, ==, "Ana|Luis");
  assert_nothing_changed (fixture);
}

/* The stream export writes the same bytes as the file export and leaves the stream open. */
static void
test_stream (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autofree char *file_contents = NULL;
  gsize file_length = 0;
  guint n_rows = 0;

  save (fixture->store, "Pérez, Ana");
  save (fixture->store, "=1+1");
  export_ok (fixture, KIOSK_EXPORT_PENDING);
  g_assert_true (g_file_get_contents (fixture->target, &file_contents, &file_length, NULL));

  g_assert_true (kiosk_export_requests_to_stream (fixture->store, stream, KIOSK_EXPORT_MARK,
                                                  &n_rows, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, 2);
  g_assert_false (g_output_stream_is_closed (stream));
  g_assert_cmpmem (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                   g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)),
                   file_contents, file_length);
  assert_statuses (fixture->store, "exported exported");
}

/* Every row must be read from the store and written, however many there are. */
static void
test_many (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  _kiosk_store_test_exec (fixture->store,
                          "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                          "                         WHERE i < 5000) "
                          "INSERT INTO requests (created_utc, name, phone, call_time, "
                          "                      consent_version) "
                          "SELECT '2026-11-26T14:05:09Z', 'Patient ' || i, '+5068' || i, 'any', "
                          "       '2025-01' FROM n",
                          &error);
  g_assert_no_error (error);

  g_assert_cmpuint (export_ok (fixture, KIOSK_EXPORT_MARK), ==, 5000);
  rows = kiosk_test_csv_read_file (fixture->target);
  g_assert_cmpuint (rows->len, ==, 5001);
  g_assert_cmpstr (((GStrv)g_ptr_array_index (rows, 5000))[2], ==, "Patient 5000");
  assert_query (fixture->store, "SELECT count(*) FROM requests WHERE status = 'exported'",
                "5000");
}

static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *audit = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (kiosk_export_usage_to_path (fixture->store, fixture->target, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (fixture->target, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, BOM "day,item,count\r\n");
  g_clear_pointer (&contents, g_free);

  for (guint i = 0; i < 3; i++)
    kiosk_store_record_usage (fixture->store, "causes", NULL);
  kiosk_store_record_usage (fixture->store, "form", NULL);

  g_assert_true (kiosk_export_usage_to_path (fixture->store, fixture->target, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (fixture->target), ==, 0600);
  expected = g_strdup_printf (BOM "day,item,count\r\n%s,causes,3\r\n%s,form,1\r\n", day, day);
  g_assert_true (g_file_get_contents (fixture->target, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);

  g_assert_true (kiosk_export_usage_to_stream (fixture->store, stream, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                   g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)),
                   expected, strlen (expected));

  /* Counts are anonymous; exporting them touches no request and no audit row. */
  audit = audit_trail (fixture->store);
  g_assert_cmpstr (audit, ==, "");
}

static void
test_usage_unwritable (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *parent = g_build_filename (fixture->tmp, "not-a-folder", NULL);
  g_autofree char *target = g_build_filename (parent, "usage.csv", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (parent, "", 0, NULL));
  g_assert_false (kiosk_export_usage_to_path (fixture->store, target, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
}

/* The staff area exports with kiosk_export_requests_to_path_async() and
 * kiosk_export_usage_to_path(): they refuse the same targets as the command line. */
static void
test_staff_targets_refused (Fixture       *fixture,
                            gconstpointer  data)
{
  const char *data_dir = kiosk_store_get_data_dir (fixture->store);
  g_autofree char *db = g_build_filename (data_dir, "requests.db", NULL);
  g_autofree char *fifo = g_build_filename (fixture->tmp, "pipe.csv", NULL);
  g_autofree char *db_before = NULL;
  g_autofree char *db_after = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gsize before_length = 0, after_length = 0;

  save (fixture->store, "Ana");
  g_assert_true (g_file_get_contents (db, &db_before, &before_length, NULL));
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  g_free (fixture->target);
  fixture->target = g_strdup (db);
  result = wait_for_export (fixture, KIOSK_EXPORT_ALL | KIOSK_EXPORT_MARK, NULL);
  g_assert_false (kiosk_export_requests_to_path_finish (fixture->store, result, NULL, &error));
  g_assert_error (error, KIOSK_EXPORT_ERROR, KIOSK_EXPORT_ERROR_IN_DATA_FOLDER);
  g_clear_error (&error);

  g_assert_false (kiosk_export_usage_to_path (fixture->store, db, &error));
  g_assert_error (error, KIOSK_EXPORT_ERROR, KIOSK_EXPORT_ERROR_IN_DATA_FOLDER);
  g_clear_error (&error);

  g_assert_false (kiosk_export_requests_to_path (fixture->store, fifo, KIOSK_EXPORT_ALL, NULL,
                                                 &error));
  g_assert_error (error, KIOSK_EXPORT_ERROR, KIOSK_EXPORT_ERROR_NOT_REGULAR);
  g_assert_true (g_file_test (fifo, G_FILE_TEST_EXISTS) &&
                 !g_file_test (fifo, G_FILE_TEST_IS_REGULAR));

  g_assert_true (g_file_get_contents (db, &db_after, &after_length, NULL));
  g_assert_cmpmem (db_after, after_length, db_before, before_length);
  assert_statuses (fixture->store, "pending");
}

/* A stream export into one of the data folder's files is refused too. */
static void
test_stream_into_data_folder (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *db = g_build_filename (kiosk_store_get_data_dir (fixture->store),
                                          "requests.db", NULL);
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  int fd;

  save (fixture->store, "Ana");
  fd = open (db, O_WRONLY | O_APPEND | O_CLOEXEC);
  g_assert_cmpint (fd, >=, 0);
  out = g_unix_output_stream_new (fd, TRUE);

  g_assert_false (kiosk_export_requests_to_stream (fixture->store, out, KIOSK_EXPORT_ALL, NULL,
                                                   &error));
  g_assert_error (error, KIOSK_EXPORT_ERROR, KIOSK_EXPORT_ERROR_IN_DATA_FOLDER);
  g_clear_error (&error);
  g_assert_false (kiosk_export_usage_to_stream (fixture->store, out, &error));
  g_assert_error (error, KIOSK_EXPORT_ERROR, KIOSK_EXPORT_ERROR_IN_DATA_FOLDER);
  assert_statuses (fixture->store, "pending");
}

int
main (int   argc,
      char *argv[])
{
  /* Before anything reads the clock: the local-time test expects UTC-6 (no daylight saving). */
  g_setenv ("TZ", "America/Costa_Rica", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/kiosk/export/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("header", test_header);
  ADD ("row", test_row);
  ADD ("local-time", test_local_time);
  ADD ("pending-and-all", test_pending_and_all);
  ADD ("no-mark", test_no_mark);
  ADD ("mark", test_mark);
  ADD ("mark-all-only-pending", test_mark_all_only_pending);
  ADD ("tricky-names", test_tricky_names);
  ADD ("unwritable", test_unwritable);
  ADD ("async", test_async);
  ADD ("async-cancelled", test_async_cancelled);
  ADD ("mark-fails", test_mark_fails);
  ADD ("stream", test_stream);
  ADD ("many", test_many);
  ADD ("usage", test_usage);
  ADD ("usage-unwritable", test_usage_unwritable);
  ADD ("target/staff-area-refused", test_staff_targets_refused);
  ADD ("target/stream-into-data-folder", test_stream_into_data_folder);

  return g_test_run ();
}
