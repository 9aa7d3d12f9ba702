/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Runs the built patient-kiosk (KIOSK_EXE) with the command-line commands, without a display,
 * against a store this test fills and keeps open, as a running kiosk would.
 */

#include "config.h"

#include <fcntl.h>
#include <glib-unix.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "kiosk-staff-pin.h"
#include "kiosk-store-private.h"
#include "kiosk-test-csv.h"
#include "kiosk-test-fs.h"
#include "kiosk-test-store.h"

#define VERSION_LINE PACKAGE_NAME " " PACKAGE_VERSION "\n"
#define HEADER_ROW   "id,created,name,phone,preferred_time,topic,status,consent_version"

/* No line on standard error may ever contain these: the test patients' name and phone. */
#define SENTINEL_NAME  "Privacy Sentinel"
#define SENTINEL_PHONE "77776666"

typedef struct
{
  char       *tmp;
  char       *xdg_data_home;
  char       *data_dir;
  char       *target;
  KioskStore *store;
} Fixture;

typedef struct
{
  int     status;
  GBytes *out;
  char   *err;
} Run;

static void
run_free (Run *run)
{
  g_clear_pointer (&run->out, g_bytes_unref);
  g_free (run->err);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Run, run_free)

/* Fixture -------------------------------------------------------------------------------------- */

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->tmp = g_dir_make_tmp ("kiosk-cli-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->xdg_data_home = g_build_filename (fixture->tmp, "xdg", NULL);
  fixture->data_dir = g_build_filename (fixture->tmp, "data", NULL);
  fixture->target = g_build_filename (fixture->tmp, "requests.csv", NULL);
}

/* The test's own connection stays open while the command runs, as the kiosk's would. */
static void
store_setup (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture_setup (fixture, data);
  fixture->store = kiosk_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->store != NULL)
    g_assert_finalize_object (fixture->store);
  kiosk_test_delete_tree (fixture->tmp);
  g_free (fixture->target);
  g_free (fixture->data_dir);
  g_free (fixture->xdg_data_home);
  g_free (fixture->tmp);
}

/* Helpers -------------------------------------------------------------------------------------- */

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';

  return n;
}

static void
check_stderr (Run *run)
{
  g_assert_null (strstr (run->err, SENTINEL_NAME));
  g_assert_null (strstr (run->err, SENTINEL_PHONE));
}

/* Runs patient-kiosk with @args (NULL-terminated) and @input on standard input, with no display
 * and with XDG_DATA_HOME inside the test's folder. Standard output is collected, or goes to
 * @stdout_fd when it is not -1. */
static Run *
run_kiosk_argv (Fixture            *fixture,
                const char         *input,
                int                 stdout_fd,
                const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) subprocess = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GBytes) stdin_bytes = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;
  Run *run = g_new0 (Run, 1);

  g_ptr_array_add (argv, (gpointer)g_getenv ("KIOSK_EXE"));
  g_assert_nonnull (argv->pdata[0]);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        (stdout_fd < 0 ? G_SUBPROCESS_FLAGS_STDOUT_PIPE : 0) |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  if (stdout_fd >= 0)
    g_subprocess_launcher_take_stdout_fd (launcher, stdout_fd);
  /* Had the command initialised GTK, it would fail here for want of a display. */
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", fixture->xdg_data_home, TRUE);
  subprocess = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  g_assert_no_error (error);

  /* Without @input, standard input is at its end at once. */
  stdin_bytes = g_bytes_new (input, input != NULL ? strlen (input) : 0);
  g_subprocess_communicate (subprocess, stdin_bytes, NULL, &run->out, &err, &error);
  g_assert_no_error (error);

  g_assert_true (g_subprocess_get_if_exited (subprocess));
  run->status = g_subprocess_get_exit_status (subprocess);
  /* An empty GBytes may have no data pointer at all. */
  run->err = g_bytes_get_size (err) > 0 ? g_strndup (g_bytes_get_data (err, NULL),
                                                     g_bytes_get_size (err))
                                        : g_strdup ("");
  g_test_message ("exit %d, stderr: %s", run->status, run->err);
  check_stderr (run);

  return run;
}

#define run_kiosk(fixture, input, ...) \
  run_kiosk_argv ((fixture), (input), -1, (const char * const[]) { __VA_ARGS__, NULL })
#define run_kiosk_to_fd(fixture, fd, ...) \
  run_kiosk_argv ((fixture), NULL, (fd), (const char * const[]) { __VA_ARGS__, NULL })

static void
assert_success (Run *run)
{
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
}

/* Exit status 1 and one line on standard error that names the program. */
static void
assert_failure (Run        *run,
                const char *fragment)
{
  g_assert_cmpint (run->status, ==, 1);
  g_assert_cmpuint (count_lines (run->err), ==, 1);
  g_assert_true (g_str_has_prefix (run->err, "patient-kiosk: "));
  g_assert_nonnull (strstr (run->err, fragment));
}

static char *
data_dir_option (Fixture *fixture)
{
  return g_strconcat ("--data-dir=", fixture->data_dir, NULL);
}

static char *
target_option (const char *option,
               const char *target)
{
  return g_strconcat (option, "=", target, NULL);
}

static gint64
save (KioskStore *store,
      const char *name)
{
  g_autoptr(KioskRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  request = kiosk_request_new (name, "+506 7777 6666", "+506", KIOSK_CALL_TIME_MORNING,
                               "causes", TRUE, "2025-01", &error);
  g_assert_no_error (error);
  id = kiosk_store_save (store, request, &error);
  g_assert_no_error (error);

  return id;
}

/* Three pending patients and one already exported. */
static void
fill (KioskStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 exported = save (store, SENTINEL_NAME " Old");

  kiosk_store_mark_exported (store, &exported, 1, &error);
  g_assert_no_error (error);
  save (store, SENTINEL_NAME " Uno");
  save (store, "Pérez, Ana María");
  save (store, SENTINEL_NAME " \"Tres\"");
}

static char *
names_of (GPtrArray *rows)
{
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *header = NULL;

  g_assert_cmpuint (rows->len, >=, 1);
  header = g_strjoinv (",", g_ptr_array_index (rows, 0));
  g_assert_cmpstr (header, ==, HEADER_ROW);
  for (guint i = 1; i < rows->len; i++)
    g_string_append_printf (names, "%s%s", i > 1 ? "|" : "",
                            ((GStrv)g_ptr_array_index (rows, i))[2]);

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static char *
names_in_file (const char *path)
{
  g_autoptr(GPtrArray) rows = kiosk_test_csv_read_file (path);

  return names_of (rows);
}

static char *
names_in_bytes (GBytes *bytes)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  g_autoptr(GPtrArray) rows = kiosk_test_csv_parse (data, length);

  return names_of (rows);
}

static void
assert_statuses (KioskStore *store,
                 const char *expected)
{
  g_autofree char *statuses = kiosk_test_store_query (store, "SELECT group_concat (status, ' ') FROM "
                                            "(SELECT status FROM requests ORDER BY id)");

  g_assert_cmpstr (statuses, ==, expected);
}

static void
assert_last_audit (KioskStore *store,
                   const char *expected)
{
  g_autofree char *last = kiosk_test_store_query (store, "SELECT event || ':' || count FROM audit "
                                        "ORDER BY id DESC LIMIT 1");

  g_assert_cmpstr (last, ==, expected);
}

/* Tests ---------------------------------------------------------------------------------------- */

static void
test_version (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(Run) run = run_kiosk (fixture, NULL, "--version");

  assert_success (run);
  g_assert_cmpmem (g_bytes_get_data (run->out, NULL), g_bytes_get_size (run->out),
                   VERSION_LINE, strlen (VERSION_LINE));
}

static void
test_export_file (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *data_dir = data_dir_option (fixture);
  g_autofree char *export = target_option ("--export-csv", fixture->target);
  g_autofree char *names = NULL;
  g_autoptr(Run) run = NULL;
  GStatBuf st;

  fill (fixture->store);
  run = run_kiosk (fixture, NULL, export, data_dir);
  assert_success (run);
  g_assert_cmpuint (g_bytes_get_size (run->out), ==, 0);

  names = names_in_file (fixture->target);
  g_assert_cmpstr (names, ==, SENTINEL_NAME " Uno|Pérez, Ana María|" SENTINEL_NAME " \"Tres\"");
  g_assert_cmpint (g_stat (fixture->target, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0600);

  /* Without --mark-exported, only the audit trail changes. */
  assert_statuses (fixture->store, "exported pending pending pending");
  assert_last_audit (fixture->store, "export:3");
}

static void
test_export_stdout (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *data_dir = data_dir_option (fixture);
  g_autofree char *export = target_option ("--export-csv", fixture->target);
  g_autofree char *file_contents = NULL;
  g_autofree char *names = NULL;
  g_autoptr(Run) to_file = NULL;
  g_autoptr(Run) to_stdout = NULL;
  gsize file_length = 0;

  fill (fixture->store);
  to_stdout = run_kiosk (fixture, NULL, "--export-csv=-", data_dir);
  assert_success (to_stdout);
  names = names_in_bytes (to_stdout->out);
  g_assert_cmpstr (names, ==, SENTINEL_NAME " Uno|Pérez, Ana María|" SENTINEL_NAME " \"Tres\"");

  /* `--export-csv=- > FILE` and `--export-csv=FILE` give the same bytes. */
  to_file = run_kiosk (fixture, NULL, export, data_dir);
  assert_success (to_file);
  g_assert_true (g_file_get_contents (fixture->target, &file_contents, &file_length, NULL));
  g_assert_cmpmem (g_bytes_get_data (to_stdout->out, NULL), g_bytes_get_size (to_stdout->out),
                   file_contents, file_length);
}

static void
test_export_all (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *data_dir = data_dir_option (fixture);
  g_autofree char *names = NULL;
  g_autoptr(Run) run = NULL;

  fill (fixture->store);
  run = run_kiosk (fixture, NULL, "--export-csv=-", "--all", data_dir);
  assert_success (run);
  names = names_in_bytes (run->out);
  g_assert_cmpstr (names, ==, SENTINEL_NAME " Old|" SENTINEL_NAME " Uno|Pérez, Ana María|"
                              SENTINEL_NAME " \"Tres\"");
  assert_statuses (fixture->store, "exported pending pending pending");
}

static void
test_mark_exported (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *data_dir = data_dir_option (fixture);
  g_autofree char *export = target_option ("--export-csv", fixture->target);
  g_autofree char *names = NULL;
  g_autofree char *again_names = NULL;
  g_autoptr(GDateTime) last_export = NULL;
  g_autoptr(Run) run = NULL;
  g_autoptr(Run) again = NULL;

  fill (fixture->store);
  run = run_kiosk (fixture, NULL, export, "--mark-exported", data_dir);
  assert_success (run);
  names = names_in_file (fixture->target);
  g_assert_cmpstr (names, ==, SENTINEL_NAME " Uno|Pérez, Ana María|" SENTINEL_NAME " \"Tres\"");

  /* The kiosk's open connection sees the marks at once. */
  assert_statuses (fixture->store, "exported exported exported exported");
  assert_last_audit (fixture->store, "export:3");
  last_export = kiosk_store_get_last_export (fixture->store, NULL);
  g_assert_nonnull (last_export);

  again = run_kiosk (fixture, NULL, "--export-csv=-", "--mark-exported", data_dir);
  assert_success (again);
  again_names = names_in_bytes (again->out);
  g_assert_cmpstr (again_names, ==, "");
}

/* A target whose parent is a regular file: exit 1, one line, no file, nothing marked. */
static void
test_unwritable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *data_dir = data_dir_option (fixture);
  g_autofree char *parent = g_build_filename (fixture->tmp, "not-a-folder", NULL);
  g_autofree char *target = g_build_filename (parent, "requests.csv", NULL);
  g_autofree char *export = target_option ("--export-csv", target);
  g_autoptr(Run) run = NULL;

  fill (fixture->store);
  g_assert_true (g_file_set_contents (parent, "", 0, NULL));

  run = run_kiosk (fixture, NULL, export, "--all", "--mark-exported", data_dir);
  assert_failure (run, target);
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  assert_statuses (fixture->store, "exported pending pending pending");
  assert_last_audit (fixture->store, "export:1");
}

/* A reader that is gone before the first row: exit 1 with one line, and nothing marked. */
static void
test_stdout_closed (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *data_dir = data_dir_option (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(Run) run = NULL;
  int fds[2];

  fill (fixture->store);
  g_unix_open_pipe (fds, FD_CLOEXEC, &error);
  g_assert_no_error (error);
  close (fds[0]);

  run = run_kiosk_to_fd (fixture, fds[1], "--export-csv=-", "--mark-exported", data_dir);
  assert_failure (run, "cannot export the requests");
  assert_statuses (fixture->store, "exported pending pending pending");
  assert_last_audit (fixture->store, "export:1");
}

/* An export never creates a database, nor the folder for one. */
static void
test_missing_database (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *data_dir = data_dir_option (fixture);
  g_autofree char *db_path = g_build_filename (fixture->data_dir, "requests.db", NULL);
  g_autoptr(Run) run = NULL;
  g_autoptr(Run) in_empty_dir = NULL;
  g_autoptr(Run) usage = NULL;

  run = run_kiosk (fixture, NULL, "--export-csv=-", data_dir);
  assert_failure (run, "no request database in ");
  g_assert_nonnull (strstr (run->err, fixture->data_dir));
  g_assert_cmpuint (g_bytes_get_size (run->out), ==, 0);
  g_assert_false (g_file_test (fixture->data_dir, G_FILE_TEST_EXISTS));

  g_assert_cmpint (g_mkdir (fixture->data_dir, 0700), ==, 0);
  in_empty_dir = run_kiosk (fixture, NULL, "--export-csv=-", "--mark-exported", data_dir);
  assert_failure (in_empty_dir, "no request database in ");
  usage = run_kiosk (fixture, NULL, "--export-usage-csv=-", data_dir);
  assert_failure (usage, "no request database in ");
  g_assert_false (g_file_test (db_path, G_FILE_TEST_EXISTS));
}

/* A damaged database is reported and left alone: setting it aside is the kiosk's job, and
 * replacing it under a running kiosk would lose its next saves. */
static void
test_corrupt_database (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *data_dir = data_dir_option (fixture);
  g_autofree char *db_path = g_build_filename (fixture->data_dir, "requests.db", NULL);
  g_autofree char *quarantine = g_build_filename (fixture->data_dir, "quarantine", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *after = NULL;
  g_autoptr(Run) run = NULL;
  gsize length = 0, after_length = 0;

  fill (fixture->store);
  g_clear_object (&fixture->store);
  g_assert_true (g_file_get_contents (db_path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4096);
  memset (contents + 4096, 0xA5, length - 4096);
  g_assert_true (g_file_set_contents (db_path, contents, length, NULL));

  run = run_kiosk (fixture, NULL, "--export-csv=-", "--mark-exported", data_dir);
  assert_failure (run, "cannot open the request database in ");
  g_assert_cmpuint (g_bytes_get_size (run->out), ==, 0);
  g_assert_true (g_file_get_contents (db_path, &after, &after_length, NULL));
  g_assert_cmpmem (after, after_length, contents, length);
  g_assert_false (g_file_test (quarantine, G_FILE_TEST_EXISTS));
}

/* Without --data-dir the store is $XDG_DATA_HOME/patient-kiosk. */
static void
test_default_data_dir (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *default_dir = g_build_filename (fixture->xdg_data_home, PACKAGE_NAME, NULL);
  g_autoptr(KioskStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  g_autoptr(Run) run = NULL;

  store = kiosk_store_open (default_dir, &error);
  g_assert_no_error (error);
  save (store, SENTINEL_NAME " Default");

  run = run_kiosk (fixture, NULL, "--export-csv=-");
  assert_success (run);
  names = names_in_bytes (run->out);
  g_assert_cmpstr (names, ==, SENTINEL_NAME " Default");
}

static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *data_dir = data_dir_option (fixture);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *expected = NULL;
  g_autofree char *export = target_option ("--export-usage-csv", fixture->target);
  g_autofree char *contents = NULL;
  g_autoptr(Run) run = NULL;
  g_autoptr(Run) to_file = NULL;

  kiosk_store_record_usage (fixture->store, "causes", NULL);
  kiosk_store_record_usage (fixture->store, "causes", NULL);
  kiosk_store_record_usage (fixture->store, "form", NULL);
  expected = g_strdup_printf ("\xEF\xBB\xBF" "day,item,count\r\n%s,causes,2\r\n%s,form,1\r\n",
                              day, day);

  run = run_kiosk (fixture, NULL, "--export-usage-csv=-", data_dir);
  assert_success (run);
  g_assert_cmpmem (g_bytes_get_data (run->out, NULL), g_bytes_get_size (run->out),
                   expected, strlen (expected));

  to_file = run_kiosk (fixture, NULL, export, data_dir);
  assert_success (to_file);
  g_assert_true (g_file_get_contents (fixture->target, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
}

static void
test_set_staff_pin (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *data_dir = data_dir_option (fixture);
  g_autoptr(KioskStaffPin) pin = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(Run) run = NULL;

  run = run_kiosk (fixture, "24681357\n", "--set-staff-pin", data_dir);
  assert_success (run);
  g_assert_cmpuint (g_bytes_get_size (run->out), ==, 0);

  pin = kiosk_staff_pin_new (fixture->data_dir, &error);
  g_assert_no_error (error);
  g_assert_true (kiosk_staff_pin_verify (pin, "24681357", NULL, &error));
  g_assert_no_error (error);
}

static void
test_set_staff_pin_invalid (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *data_dir = data_dir_option (fixture);
  g_autoptr(KioskStaffPin) pin = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(Run) letters = NULL;
  g_autoptr(Run) short_pin = NULL;
  g_autoptr(Run) empty = NULL;

  letters = run_kiosk (fixture, "1234abcd\n", "--set-staff-pin", data_dir);
  assert_failure (letters, "PIN");
  short_pin = run_kiosk (fixture, "12345\n", "--set-staff-pin", data_dir);
  assert_failure (short_pin, "PIN");
  empty = run_kiosk (fixture, "", "--set-staff-pin", data_dir);
  assert_failure (empty, "PIN");

  pin = kiosk_staff_pin_new (fixture->data_dir, &error);
  g_assert_no_error (error);
  g_assert_false (kiosk_staff_pin_is_set (pin));
}

static void
test_bad_options (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *data_dir = data_dir_option (fixture);
  g_autoptr(Run) lone_flag = NULL;
  g_autoptr(Run) two_commands = NULL;
  g_autoptr(Run) no_target = NULL;

  lone_flag = run_kiosk (fixture, NULL, "--mark-exported", data_dir);
  assert_failure (lone_flag, "--export-csv");
  two_commands = run_kiosk (fixture, NULL, "--export-csv=-", "--set-staff-pin", data_dir);
  assert_failure (two_commands, "--set-staff-pin");
  no_target = run_kiosk (fixture, NULL, "--export-csv=", data_dir);
  assert_failure (no_target, "file name");
  assert_statuses (fixture->store, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, setup, func) \
  g_test_add ("/kiosk/cli/" path, Fixture, NULL, setup, func, fixture_teardown)

  ADD ("version", fixture_setup, test_version);
  ADD ("export-file", store_setup, test_export_file);
  ADD ("export-stdout", store_setup, test_export_stdout);
  ADD ("export-all", store_setup, test_export_all);
  ADD ("mark-exported", store_setup, test_mark_exported);
  ADD ("unwritable", store_setup, test_unwritable);
  ADD ("stdout-closed", store_setup, test_stdout_closed);
  ADD ("missing-database", fixture_setup, test_missing_database);
  ADD ("corrupt-database", store_setup, test_corrupt_database);
  ADD ("default-data-dir", fixture_setup, test_default_data_dir);
  ADD ("usage", store_setup, test_usage);
  ADD ("set-staff-pin", fixture_setup, test_set_staff_pin);
  ADD ("set-staff-pin-invalid", fixture_setup, test_set_staff_pin_invalid);
  ADD ("bad-options", store_setup, test_bad_options);

  return g_test_run ();
}
