/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/file.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kiosk-csv-writer.h"
#include "kiosk-test-fs.h"

#define BOM "\xEF\xBB\xBF"

/* An output stream that takes @budget bytes and then fails like a full disk. */
#define TEST_TYPE_FAILING_STREAM (test_failing_stream_get_type ())
G_DECLARE_FINAL_TYPE (TestFailingStream, test_failing_stream, TEST, FAILING_STREAM, GOutputStream)

struct _TestFailingStream
{
  GOutputStream parent_instance;

  gsize         budget;
  gsize         written;
};

G_DEFINE_FINAL_TYPE (TestFailingStream, test_failing_stream, G_TYPE_OUTPUT_STREAM)

static gssize
test_failing_stream_write (GOutputStream  *stream,
                           const void     *buffer,
                           gsize           count,
                           GCancellable   *cancellable,
                           GError        **error)
{
  TestFailingStream *self = TEST_FAILING_STREAM (stream);

  if (self->written >= self->budget)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "Injected write failure");
      return -1;
    }

  count = MIN (count, self->budget - self->written);
  self->written += count;

  return count;
}

static void
test_failing_stream_class_init (TestFailingStreamClass *klass)
{
  G_OUTPUT_STREAM_CLASS (klass)->write_fn = test_failing_stream_write;
}

static void
test_failing_stream_init (TestFailingStream *self)
{
}

static GOutputStream *
test_failing_stream_new (gsize budget)
{
  TestFailingStream *self = g_object_new (TEST_TYPE_FAILING_STREAM, NULL);

  self->budget = budget;

  return G_OUTPUT_STREAM (self);
}

typedef struct
{
  char *dir;
  char *target;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("kiosk-csv-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->target = g_build_filename (fixture->dir, "export.csv", NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  kiosk_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->target);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *)a, *(char * const *)b);
}

/* The folder's entries, sorted and joined with spaces, so a stray temporary file shows. */
static char *
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, (char *)name);
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **)names->pdata);
}

static void
assert_file_contents (const char *path,
                      const char *expected)
{
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, length, expected, strlen (expected));
}

static void
assert_mode (const char *path,
             guint       mode)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, mode);
}

static void
write_old_target (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (fixture->target, "old export\r\n", -1, &error);
  g_assert_no_error (error);
}

static void
write_row (KioskCsvWriter *writer,
           const char     *first,
           ...) G_GNUC_NULL_TERMINATED;

static void
write_row (KioskCsvWriter *writer,
           const char     *first,
           ...)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  va_list args;

  va_start (args, first);
  for (const char *cell = first; cell != NULL; cell = va_arg (args, const char *))
    g_ptr_array_add (cells, (char *)cell);
  va_end (args);
  g_ptr_array_add (cells, NULL);

  kiosk_csv_writer_write_row (writer, (const char * const *)cells->pdata, &error);
  g_assert_no_error (error);
}

typedef struct
{
  const char *cell;
  const char *escaped;
} EscapeCase;

static const EscapeCase escape_cases[] = {
  { "", "" },
  { "plain", "plain" },
  { "José Ñúñez", "José Ñúñez" },
  { "a,b", "\"a,b\"" },
  { "\"quoted\"", "\"\"\"quoted\"\"\"" },
  { "Pérez,\nJuan", "\"Pérez,\nJuan\"" },
  { "one\r\ntwo", "\"one\r\ntwo\"" },
  { "'already'", "\"''already'\"" },
  { "a=b", "a=b" },
  { " =1+1", " =1+1" },
  { "=1+1", "\"'=1+1\"" },
  { "=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"" },
  { "+50688881234", "\"'+50688881234\"" },
  { "-2+3", "\"'-2+3\"" },
  { "@SUM(A1)", "\"'@SUM(A1)\"" },
  { "\tx", "\"'\tx\"" },
  { "\rx", "\"'\rx\"" },
  { "\nx", "\"'\nx\"" },
  { "＝1+1", "\"'＝1+1\"" },
  { "＋1", "\"'＋1\"" },
  { "－1", "\"'－1\"" },
  { "＠x", "\"'＠x\"" },
  /* A cell that starts with an apostrophe gets one more, so that removing one guard apostrophe
   * gives it back exactly: "'-Ana" must not read back as "-Ana". */
  { "'-Ana", "\"''-Ana\"" },
  { "'Neill", "\"''Neill\"" },
  { "'", "\"''\"" },
  { "''", "\"'''\"" },
};

static void
test_escape_cell (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (escape_cases); i++)
    {
      g_autofree char *escaped = kiosk_csv_escape_cell (escape_cases[i].cell);

      g_assert_cmpstr (escaped, ==, escape_cases[i].escaped);
    }
}

static void
test_dangerous (void)
{
  const char * const dangerous[] = { "=", "+", "-", "@", "\t", "\r", "\n", "＝x", "＋x", "－x", "＠x" };
  const char * const harmless[] = { "", "'=", " =", "a-b", "5", "#", "%", "\xEF\xBC\x91" /* １ */ };

  for (guint i = 0; i < G_N_ELEMENTS (dangerous); i++)
    g_assert_true (kiosk_csv_cell_is_dangerous (dangerous[i]));
  for (guint i = 0; i < G_N_ELEMENTS (harmless); i++)
    g_assert_false (kiosk_csv_cell_is_dangerous (harmless[i]));
}

static void
test_exact_bytes (void)
{
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(KioskCsvWriter) writer = kiosk_csv_writer_new_for_stream (memory);
  g_autoptr(GError) error = NULL;
  const char *expected =
    BOM "id,name,phone,note\r\n"
    "1,José Ñúñez,\"'+50688881234\",\"says \"\"hi\"\", twice\"\r\n"
    "2,\"Pérez,\nJuan\",,\"'=1+1\"\r\n"
    "3,🙂 محمد,,\"''already'\"\r\n";

  write_row (writer, "id", "name", "phone", "note", NULL);
  write_row (writer, "1", "José Ñúñez", "+50688881234", "says \"hi\", twice", NULL);
  write_row (writer, "2", "Pérez,\nJuan", "", "=1+1", NULL);
  write_row (writer, "3", "🙂 محمد", "", "'already'", NULL);
  kiosk_csv_writer_finish (writer, &error);
  g_assert_no_error (error);

  /* The stream belongs to the caller (standard output for the CLI) and stays open. */
  g_assert_false (g_output_stream_is_closed (memory));
  g_assert_cmpmem (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (memory)),
                   g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory)),
                   expected, strlen (expected));
}

static void
test_no_rows (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskCsvWriter) writer = kiosk_csv_writer_new_for_path (fixture->target, &error);

  g_assert_no_error (error);
  kiosk_csv_writer_finish (writer, &error);
  g_assert_no_error (error);
  assert_file_contents (fixture->target, BOM);
}

static GPtrArray *
read_corpus (const char *path)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  gsize length;

  g_file_get_contents (path, &text, &length, &error);
  g_assert_no_error (error);
  g_assert_true (length > 0 && text[length - 1] == '\n');
  text[length - 1] = '\0';

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] != '#')
        g_ptr_array_add (cells, g_strcompress (lines[i]));
    }

  return g_steal_pointer (&cells);
}

static void
write_corpus (const char *path,
              GPtrArray  *corpus)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskCsvWriter) writer = kiosk_csv_writer_new_for_path (path, &error);

  g_assert_no_error (error);
  write_row (writer, "id", "cell", "copy", NULL);
  for (guint i = 0; i < corpus->len; i++)
    {
      g_autofree char *id = g_strdup_printf ("%u", i);
      const char *cell = g_ptr_array_index (corpus, i);

      write_row (writer, id, cell, cell, NULL);
    }
  kiosk_csv_writer_finish (writer, &error);
  g_assert_no_error (error);
}

/* Every cell of the injection corpus, read back by Python's csv module, is either the original
 * text or the original with one apostrophe in front, and never starts like a formula. */
static void
test_corpus_roundtrip (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *corpus_path = g_test_build_filename (G_TEST_DIST, "fixtures",
                                                        "csv-injection-corpus.txt", NULL);
  g_autoptr(GPtrArray) corpus = read_corpus (corpus_path);

  g_assert_cmpuint (corpus->len, >=, 30);
  write_corpus (fixture->target, corpus);
  kiosk_test_run_python ("csv-roundtrip.py", fixture->target, corpus_path, NULL);
}

static void
test_invalid_utf8 (Fixture       *fixture,
                   gconstpointer  data)
{
  const char * const header[] = { "name", NULL };
  const char * const latin1[] = { "Jos\xE9", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskCsvWriter) writer = NULL;
  g_autofree char *listing = NULL;

  write_old_target (fixture);
  writer = kiosk_csv_writer_new_for_path (fixture->target, &error);
  g_assert_no_error (error);

  g_assert_true (kiosk_csv_writer_write_row (writer, header, &error));
  g_assert_false (kiosk_csv_writer_write_row (writer, latin1, &error));
  g_assert_error (error, KIOSK_CSV_ERROR, KIOSK_CSV_ERROR_INVALID_UTF8);
  g_clear_error (&error);

  /* The writer stopped for good and took its temporary file with it. */
  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "export.csv");
  g_assert_false (kiosk_csv_writer_write_row (writer, header, &error));
  g_assert_error (error, KIOSK_CSV_ERROR, KIOSK_CSV_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (kiosk_csv_writer_finish (writer, &error));
  g_assert_error (error, KIOSK_CSV_ERROR, KIOSK_CSV_ERROR_FAILED);
  assert_file_contents (fixture->target, "old export\r\n");
}

static void
test_column_count (Fixture       *fixture,
                   gconstpointer  data)
{
  const char * const header[] = { "id", "name", NULL };
  const char * const short_row[] = { "1", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskCsvWriter) writer = kiosk_csv_writer_new_for_path (fixture->target, &error);

  g_assert_no_error (error);
  g_assert_true (kiosk_csv_writer_write_row (writer, header, &error));
  g_assert_false (kiosk_csv_writer_write_row (writer, short_row, &error));
  g_assert_error (error, KIOSK_CSV_ERROR, KIOSK_CSV_ERROR_COLUMN_COUNT);
  g_assert_false (g_file_test (fixture->target, G_FILE_TEST_EXISTS));
}

static void
test_finish_replaces (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskCsvWriter) writer = NULL;
  g_autofree char *listing = NULL;

  write_old_target (fixture);
  g_assert_cmpint (g_chmod (fixture->target, 0644), ==, 0);
  writer = kiosk_csv_writer_new_for_path (fixture->target, &error);
  g_assert_no_error (error);
  write_row (writer, "id", "phone", NULL);
  write_row (writer, "1", "+50688881234", NULL);

  /* Until finish, the old export is what the target name shows. */
  assert_file_contents (fixture->target, "old export\r\n");
  kiosk_csv_writer_finish (writer, &error);
  g_assert_no_error (error);

  assert_file_contents (fixture->target, BOM "id,phone\r\n1,\"'+50688881234\"\r\n");
  assert_mode (fixture->target, 0600);
  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "export.csv");
}

/* Even a umask that takes the owner's write bit away gives an exact 0600. */
static void
test_umask (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskCsvWriter) writer = NULL;
  mode_t old_umask = umask (0277);

  writer = kiosk_csv_writer_new_for_path (fixture->target, &error);
  umask (old_umask);
  g_assert_no_error (error);
  write_row (writer, "id", NULL);
  kiosk_csv_writer_finish (writer, &error);
  g_assert_no_error (error);

  assert_mode (fixture->target, 0600);
}

static void
start_export (Fixture         *fixture,
              KioskCsvWriter **writer)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  write_old_target (fixture);
  *writer = kiosk_csv_writer_new_for_path (fixture->target, &error);
  g_assert_no_error (error);
  write_row (*writer, "id", "name", NULL);
  for (guint i = 0; i < 5000; i++)
    write_row (*writer, "1", "José Ñúñez", NULL);

  /* The temporary file is hidden, next to the target and already 0600. */
  listing = list_dir (fixture->dir);
  g_assert_true (g_str_has_prefix (listing, ".export.csv."));
  g_assert_true (g_str_has_suffix (listing, " export.csv"));
}

static void
test_abort (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(KioskCsvWriter) writer = NULL;
  g_autofree char *listing = NULL;

  start_export (fixture, &writer);
  kiosk_csv_writer_abort (writer);
  kiosk_csv_writer_abort (writer);

  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "export.csv");
  assert_file_contents (fixture->target, "old export\r\n");
}

static void
test_dispose_unfinished (Fixture       *fixture,
                         gconstpointer  data)
{
  KioskCsvWriter *writer = NULL;
  g_autofree char *listing = NULL;

  start_export (fixture, &writer);
  g_assert_finalize_object (writer);

  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "export.csv");
  assert_file_contents (fixture->target, "old export\r\n");
}

/* Works as root too, where a read-only folder would not stop anything. */
static void
test_parent_is_file (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->target, "inner.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskCsvWriter) writer = NULL;
  g_autofree char *listing = NULL;

  write_old_target (fixture);
  writer = kiosk_csv_writer_new_for_path (path, &error);
  g_assert_null (writer);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);

  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "export.csv");
}

/* The rename fails at the very end: the target is a folder. */
static void
test_rename_fails (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *inside = g_build_filename (fixture->target, "keep", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskCsvWriter) writer = NULL;
  g_autofree char *listing = NULL;

  g_assert_cmpint (g_mkdir (fixture->target, 0700), ==, 0);
  g_file_set_contents (inside, "keep", -1, &error);
  g_assert_no_error (error);

  writer = kiosk_csv_writer_new_for_path (fixture->target, &error);
  g_assert_no_error (error);
  write_row (writer, "id", NULL);
  g_assert_false (kiosk_csv_writer_finish (writer, &error));
  g_assert_nonnull (error);

  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "export.csv");
  assert_file_contents (inside, "keep");
}

/* A real write error on the file, as root too: the file size limit makes write() fail with
 * EFBIG part way through the export. It runs in a subprocess so the limit goes away after. */
static void
test_write_error (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskCsvWriter) writer = NULL;
  g_autofree char *listing = NULL;
  struct rlimit limit;
  guint rows = 0;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, 0);
      g_test_trap_assert_passed ();
      return;
    }

  write_old_target (fixture);
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  limit.rlim_cur = 100 * 1024;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  writer = kiosk_csv_writer_new_for_path (fixture->target, &error);
  g_assert_no_error (error);
  while (error == NULL && rows++ < 100000)
    {
      const char * const row[] = { "1", "Pérez, Juan", "+50688881234", NULL };

      kiosk_csv_writer_write_row (writer, row, &error);
    }

  g_assert_nonnull (error);
  g_assert_true (error->domain == G_IO_ERROR);
  g_assert_cmpuint (rows, >, 1000);
  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "export.csv");
  assert_file_contents (fixture->target, "old export\r\n");
}

static void
test_stream_error (void)
{
  g_autoptr(GOutputStream) failing = test_failing_stream_new (100 * 1024);
  g_autoptr(KioskCsvWriter) writer = kiosk_csv_writer_new_for_stream (failing);
  const char * const row[] = { "1", "José", "+50688881234", NULL };
  g_autoptr(GError) error = NULL;
  guint rows = 0;

  while (error == NULL && rows++ < 100000)
    kiosk_csv_writer_write_row (writer, row, &error);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_cmpuint (rows, >, 1000);
  g_clear_error (&error);
  g_assert_false (kiosk_csv_writer_write_row (writer, row, &error));
  g_assert_error (error, KIOSK_CSV_ERROR, KIOSK_CSV_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (kiosk_csv_writer_finish (writer, &error));
  g_assert_error (error, KIOSK_CSV_ERROR, KIOSK_CSV_ERROR_FAILED);
}

/* A stream that fails on the last flush makes finish fail. */
static void
test_stream_error_on_finish (void)
{
  g_autoptr(GOutputStream) failing = test_failing_stream_new (10);
  g_autoptr(KioskCsvWriter) writer = kiosk_csv_writer_new_for_stream (failing);
  g_autoptr(GError) error = NULL;

  write_row (writer, "id", "name", "phone", NULL);
  g_assert_false (kiosk_csv_writer_finish (writer, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
}

#define LARGE_ROWS 100000

/* The benchmark's size: streamed through the buffer, the file has every record. */
static void
test_large_export (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskCsvWriter) writer = kiosk_csv_writer_new_for_path (fixture->target, &error);
  g_autofree char *contents = NULL;
  guint records = 0;
  gsize length;

  g_assert_no_error (error);
  g_test_timer_start ();
  write_row (writer, "id", "created", "name", "phone", "reason", "language", NULL);
  for (guint i = 0; i < LARGE_ROWS; i++)
    {
      g_autofree char *id = g_strdup_printf ("%u", i + 1);

      write_row (writer, id, "2024-05-01T10:15:00Z", "María José Pérez, hija",
                 "+50688881234", "Tics en el ojo \"izquierdo\"", "es", NULL);
    }
  kiosk_csv_writer_finish (writer, &error);
  g_assert_no_error (error);
  g_test_message ("%d rows written in %.3f s", LARGE_ROWS, g_test_timer_elapsed ());

  g_file_get_contents (fixture->target, &contents, &length, &error);
  g_assert_no_error (error);
  for (gsize i = 1; i < length; i++)
    records += contents[i - 1] == '\r' && contents[i] == '\n';
  g_assert_cmpuint (records, ==, LARGE_ROWS + 1);
  g_assert_true (g_str_has_suffix (contents, "\r\n100000,2024-05-01T10:15:00Z,"
                                             "\"María José Pérez, hija\",\"'+50688881234\","
                                             "\"Tics en el ojo \"\"izquierdo\"\"\",es\r\n"));
}

#define ADD_FIXTURE_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

/* SIGINT, SIGTERM and SIGHUP during an export remove its temporary file, then end the process
 * as the signal would (checked in a subprocess, which the signal kills). */
static void
test_signal_removes_temporary (Fixture       *fixture,
                               gconstpointer  data)
{
  static const int signals[] = { SIGINT, SIGTERM, SIGHUP };
  const char * const row[] = { "name", NULL };
  const char * const cells[] = { "Ana", NULL };
  g_autofree char *listing = NULL;

  if (g_test_subprocess ())
    {
      int signum = atoi (g_getenv ("KIOSK_TEST_SIGNAL"));
      /* The subprocess has a fixture of its own; it writes into the parent's folder. */
      g_autofree char *target = g_build_filename (g_getenv ("KIOSK_TEST_DIR"), "export.csv",
                                                  NULL);
      g_autoptr(KioskCsvWriter) writer = NULL;

      signal (signum, SIG_DFL);
      kiosk_csv_writer_install_signal_handlers ();
      writer = kiosk_csv_writer_new_for_path (target, NULL);
      g_assert_nonnull (writer);
      g_assert_true (kiosk_csv_writer_write_row (writer, row, NULL));
      g_assert_true (kiosk_csv_writer_write_row (writer, cells, NULL));
      raise (signum);
      g_assert_not_reached ();
    }

  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    {
      g_autofree char *number = g_strdup_printf ("%d", signals[i]);

      g_setenv ("KIOSK_TEST_SIGNAL", number, TRUE);
      g_setenv ("KIOSK_TEST_DIR", fixture->dir, TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_failed ();
      g_clear_pointer (&listing, g_free);
      listing = list_dir (fixture->dir);
      g_assert_cmpstr (listing, ==, "");
    }
}

/* What SIGKILL leaves is removed by the next export to that folder, unless an export holds it. */
static void
test_stale_temporaries (Fixture       *fixture,
                        gconstpointer  data)
{
  const char * const row[] = { "name", NULL };
  g_autofree char *stale = g_build_filename (fixture->dir, ".old.csv.patient-kiosk-q1W2e3", NULL);
  g_autofree char *busy = g_build_filename (fixture->dir, ".other.csv.patient-kiosk-Z9y8X7",
                                            NULL);
  g_autofree char *foreign = g_build_filename (fixture->dir, ".notes.txt.AbCdEf", NULL);
  g_autoptr(KioskCsvWriter) writer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;
  int busy_fd;

  g_assert_true (g_file_set_contents (stale, "Ana,+50688881234", -1, NULL));
  g_assert_true (g_file_set_contents (foreign, "not ours", -1, NULL));
  busy_fd = open (busy, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  g_assert_cmpint (busy_fd, >=, 0);
  g_assert_cmpint (flock (busy_fd, LOCK_EX), ==, 0);

  writer = kiosk_csv_writer_new_for_path (fixture->target, &error);
  g_assert_no_error (error);
  g_assert_true (kiosk_csv_writer_write_row (writer, row, NULL));
  g_assert_true (kiosk_csv_writer_finish (writer, &error));
  g_assert_no_error (error);
  close (busy_fd);

  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==,
                   ".notes.txt.AbCdEf .other.csv.patient-kiosk-Z9y8X7 export.csv");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kiosk/csv-writer/escape-cell", test_escape_cell);
  g_test_add_func ("/kiosk/csv-writer/dangerous", test_dangerous);
  g_test_add_func ("/kiosk/csv-writer/exact-bytes", test_exact_bytes);
  ADD_FIXTURE_TEST ("/kiosk/csv-writer/no-rows", test_no_rows);
  ADD_FIXTURE_TEST ("/kiosk/csv-writer/corpus-roundtrip", test_corpus_roundtrip);
  ADD_FIXTURE_TEST ("/kiosk/csv-writer/invalid-utf8", test_invalid_utf8);
  ADD_FIXTURE_TEST ("/kiosk/csv-writer/column-count", test_column_count);
  ADD_FIXTURE_TEST ("/kiosk/csv-writer/atomic/finish-replaces", test_finish_replaces);
  ADD_FIXTURE_TEST ("/kiosk/csv-writer/atomic/umask", test_umask);
  ADD_FIXTURE_TEST ("/kiosk/csv-writer/atomic/abort", test_abort);
  ADD_FIXTURE_TEST ("/kiosk/csv-writer/atomic/dispose-unfinished", test_dispose_unfinished);
  ADD_FIXTURE_TEST ("/kiosk/csv-writer/atomic/parent-is-file", test_parent_is_file);
  ADD_FIXTURE_TEST ("/kiosk/csv-writer/atomic/rename-fails", test_rename_fails);
  ADD_FIXTURE_TEST ("/kiosk/csv-writer/atomic/write-error", test_write_error);
  g_test_add_func ("/kiosk/csv-writer/stream/write-error", test_stream_error);
  g_test_add_func ("/kiosk/csv-writer/stream/error-on-finish", test_stream_error_on_finish);
  ADD_FIXTURE_TEST ("/kiosk/csv-writer/large-export", test_large_export);
  g_test_add ("/kiosk/csv-writer/signal/removes-temporary", Fixture, "removes-temporary",
              fixture_setup, test_signal_removes_temporary, fixture_teardown);
  ADD_FIXTURE_TEST ("/kiosk/csv-writer/stale-temporaries", test_stale_temporaries);

  return g_test_run ();
}
