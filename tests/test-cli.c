/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Runs the built patient-kiosk (KIOSK_EXE) with the command-line commands, without a display,
 * against a store this test fills and keeps open, as a running kiosk would.
 */

#include "config.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/mount.h>
#include <sys/sysmacros.h>
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

/* A test run from a shell's background job would pass on SIGINT ignored. */
static void
reset_signals (gpointer user_data)
{
  signal (SIGINT, SIG_DFL);
  signal (SIGTERM, SIG_DFL);
  signal (SIGHUP, SIG_DFL);
}

static void
prepare_launcher (Fixture             *fixture,
                  GSubprocessLauncher *launcher)
{
  /* Had the command initialised GTK, it would fail here for want of a display. */
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", fixture->xdg_data_home, TRUE);
  g_subprocess_launcher_set_child_setup (launcher, reset_signals, NULL, NULL);
}

static void
apply_env (GSubprocessLauncher *launcher,
           const char * const  *env)
{
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env[i], "=", 2);

      if (pair[1] == NULL)
        g_subprocess_launcher_unsetenv (launcher, pair[0]);
      else
        g_subprocess_launcher_setenv (launcher, pair[0], pair[1], TRUE);
    }
}

/* Runs patient-kiosk with @args (NULL-terminated) and @input on standard input, with no display
 * and with XDG_DATA_HOME inside the test's folder. Standard output is collected, or goes to
 * @stdout_fd when it is not -1. @env holds "NAME=VALUE" to set and "NAME" to unset, @wrapper a
 * command (such as fiu-run) that runs patient-kiosk; both may be %NULL. */
static Run *
run_kiosk_full (Fixture            *fixture,
                const char         *input,
                gssize              input_length,
                int                 stdout_fd,
                const char * const *env,
                const char * const *wrapper,
                const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) subprocess = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GBytes) stdin_bytes = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;
  Run *run = g_new0 (Run, 1);

  for (guint i = 0; wrapper != NULL && wrapper[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)wrapper[i]);
  g_assert_nonnull (g_getenv ("KIOSK_EXE"));
  g_ptr_array_add (argv, (gpointer)g_getenv ("KIOSK_EXE"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        (stdout_fd < 0 ? G_SUBPROCESS_FLAGS_STDOUT_PIPE : 0) |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  if (stdout_fd >= 0)
    g_subprocess_launcher_take_stdout_fd (launcher, stdout_fd);
  prepare_launcher (fixture, launcher);
  apply_env (launcher, env);
  subprocess = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  g_assert_no_error (error);

  /* Without @input, standard input is at its end at once. */
  if (input_length < 0)
    input_length = input != NULL ? strlen (input) : 0;
  stdin_bytes = g_bytes_new (input, input_length);
  g_subprocess_communicate (subprocess, stdin_bytes, NULL, &run->out, &err, &error);
  g_assert_no_error (error);

  /* A crash (a signal) fails here, whatever the test expected. */
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

static Run *
run_kiosk_argv (Fixture            *fixture,
                const char         *input,
                int                 stdout_fd,
                const char * const *args)
{
  return run_kiosk_full (fixture, input, -1, stdout_fd, NULL, NULL, args);
}

#define run_kiosk(fixture, input, ...) \
  run_kiosk_argv ((fixture), (input), -1, (const char * const[]) { __VA_ARGS__, NULL })
#define run_kiosk_to_fd(fixture, fd, ...) \
  run_kiosk_argv ((fixture), NULL, (fd), (const char * const[]) { __VA_ARGS__, NULL })
#define run_kiosk_env(fixture, env, ...) \
  run_kiosk_full ((fixture), NULL, -1, -1, (env), NULL, \
                  (const char * const[]) { __VA_ARGS__, NULL })

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

/* Issue 8: the command line's own promises ---------------------------------------------------- */

/* With the real settings backend (dconf, which starts threads) a run used to print a
 * GLib-CRITICAL about g_log_writer_default_set_use_stderr(), after a blank line. */
static void
test_stderr_quiet (Fixture       *fixture,
                   gconstpointer  data)
{
  const char * const env[] = { "GSETTINGS_BACKEND", NULL };
  g_autofree char *data_dir = data_dir_option (fixture);
  g_autofree char *export = target_option ("--export-csv", fixture->target);
  g_autofree char *missing = g_strconcat ("--data-dir=", fixture->tmp, "/none", NULL);
  g_autoptr(Run) ok = NULL;
  g_autoptr(Run) failed = NULL;

  fill (fixture->store);
  ok = run_kiosk_env (fixture, env, export, data_dir);
  assert_success (ok);
  failed = run_kiosk_env (fixture, env, "--export-csv=-", missing);
  assert_failure (failed, "no request database in ");
}

/* A binary whose settings schema is not installed: --version and the exports work, starting the
 * kiosk says why it cannot, in one line. */
static void
test_no_schema (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *empty = g_build_filename (fixture->tmp, "no-schemas", NULL);
  g_autofree char *schema_env = g_strconcat ("GSETTINGS_SCHEMA_DIR=", empty, NULL);
  g_autofree char *data_dirs_env = g_strconcat ("XDG_DATA_DIRS=", empty, NULL);
  const char * const env[] = { schema_env, data_dirs_env, NULL };
  g_autofree char *data_dir = data_dir_option (fixture);
  g_autofree char *export = target_option ("--export-csv", fixture->target);
  g_autoptr(Run) version = NULL;
  g_autoptr(Run) exported = NULL;
  g_autoptr(Run) usage = NULL;
  g_autoptr(Run) kiosk = NULL;

  g_assert_cmpint (g_mkdir (empty, 0700), ==, 0);
  fill (fixture->store);

  version = run_kiosk_env (fixture, env, "--version");
  assert_success (version);
  exported = run_kiosk_env (fixture, env, export, data_dir);
  assert_success (exported);
  usage = run_kiosk_env (fixture, env, "--export-usage-csv=-", data_dir);
  assert_success (usage);
  kiosk = run_kiosk_env (fixture, env, "--windowed", data_dir);
  assert_failure (kiosk, "io.github.patientkiosk.PatientKiosk");
}

/* What a file looks like, to tell that a refused export left it exactly as it was. */
static char *
describe_file (const char *path)
{
  g_autofree char *contents = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *link = NULL;
  gsize length = 0;
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return g_strdup ("missing");

  if (S_ISREG (st.st_mode) && g_file_get_contents (path, &contents, &length, NULL))
    checksum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
  if (S_ISLNK (st.st_mode))
    link = g_file_read_link (path, NULL);

  return g_strdup_printf ("mode %o inode %lu size %ld %s %s", (guint)st.st_mode,
                          (gulong)st.st_ino, (long)st.st_size,
                          checksum != NULL ? checksum : "", link != NULL ? link : "");
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *)a, *(char * const *)b);
}

/* Every file in @dir (one level down too), with what it looks like; the -shm index is left out
 * because any reader may write to it. */
static char *
describe_tree (const char *dir)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, names->pdata[i], NULL);
      g_autofree char *about = NULL;

      if (g_str_has_suffix (path, "-shm"))
        continue;
      about = g_file_test (path, G_FILE_TEST_IS_DIR) ? describe_tree (path)
                                                     : describe_file (path);
      g_string_append_printf (out, "%s: %s\n", (char *)names->pdata[i], about);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* `--export-csv=- >> DATA/requests.db` would append the CSV to the database: standard output
 * that is one of the data folder's files is refused as a file target would be. */
static void
test_export_stdout_into_data_folder (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autofree char *data_dir = data_dir_option (fixture);
  g_autofree char *db = g_build_filename (fixture->data_dir, "requests.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(Run) run = NULL;
  g_autoptr(Run) usage = NULL;
  int fd;

  fill (fixture->store);
  before = describe_file (db);
  fd = open (db, O_WRONLY | O_APPEND | O_CLOEXEC);
  g_assert_cmpint (fd, >=, 0);
  run = run_kiosk_to_fd (fixture, fd, "--export-csv=-", "--all", data_dir);
  assert_failure (run, "data folder");
  fd = open (db, O_WRONLY | O_APPEND | O_CLOEXEC);
  g_assert_cmpint (fd, >=, 0);
  usage = run_kiosk_to_fd (fixture, fd, "--export-usage-csv=-", data_dir);
  assert_failure (usage, "data folder");

  after = describe_file (db);
  g_assert_cmpstr (after, ==, before);
}

/* Both exports refuse @target with one line, and leave it and the data folder as they were. */
static void
assert_export_refused (Fixture    *fixture,
                       const char *target,
                       const char *fragment)
{
  static const char * const options[] = { "--export-csv", "--export-usage-csv" };
  g_autofree char *data_dir = data_dir_option (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      g_autofree char *export = target_option (options[i], target);
      g_autofree char *tree_before = describe_tree (fixture->data_dir);
      g_autofree char *target_before = describe_file (target);
      g_autofree char *tree_after = NULL;
      g_autofree char *target_after = NULL;
      g_autoptr(Run) run = NULL;

      g_test_message ("%s", export);
      run = run_kiosk (fixture, NULL, export, "--all", data_dir);
      if (i == 1)
        {
          g_clear_pointer (&run, run_free);
          run = run_kiosk (fixture, NULL, export, data_dir);
        }
      assert_failure (run, fragment);
      tree_after = describe_tree (fixture->data_dir);
      target_after = describe_file (target);
      g_assert_cmpstr (tree_after, ==, tree_before);
      g_assert_cmpstr (target_after, ==, target_before);
    }
}

/* No export may land in the data folder: not over the database or its WAL, not in quarantine/,
 * not by a path with "..", a symlinked parent or a hard link. */
static void
test_export_into_data_folder (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *db = g_build_filename (fixture->data_dir, "requests.db", NULL);
  g_autofree char *wal = g_build_filename (fixture->data_dir, "requests.db-wal", NULL);
  g_autofree char *quarantine = g_build_filename (fixture->data_dir, "quarantine", NULL);
  g_autofree char *quarantined = g_build_filename (quarantine, "requests-old.db", NULL);
  g_autofree char *fresh = g_build_filename (fixture->data_dir, "fresh.csv", NULL);
  g_autofree char *sub = g_build_filename (fixture->tmp, "sub", NULL);
  g_autofree char *dotdot = g_build_filename (sub, "..", "data", "requests.db", NULL);
  g_autofree char *linked = g_build_filename (fixture->tmp, "link", NULL);
  g_autofree char *via_link = g_build_filename (linked, "requests.db", NULL);
  g_autofree char *fresh_via_link = g_build_filename (linked, "fresh.csv", NULL);
  g_autofree char *hard = g_build_filename (fixture->tmp, "hard.csv", NULL);

  fill (fixture->store);
  g_assert_true (g_file_test (wal, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (g_mkdir (quarantine, 0700), ==, 0);
  g_assert_true (g_file_set_contents (quarantined, "kept aside", -1, NULL));
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_assert_cmpint (symlink (fixture->data_dir, linked), ==, 0);
  g_assert_cmpint (link (quarantined, hard), ==, 0);

  assert_export_refused (fixture, db, "data folder");
  assert_export_refused (fixture, wal, "data folder");
  assert_export_refused (fixture, quarantined, "data folder");
  assert_export_refused (fixture, fresh, "data folder");
  assert_export_refused (fixture, dotdot, "data folder");
  assert_export_refused (fixture, via_link, "data folder");
  assert_export_refused (fixture, fresh_via_link, "data folder");
  assert_export_refused (fixture, hard, "data folder");
  assert_statuses (fixture->store, "exported pending pending pending");
}

/* The data folder mounted a second time (a bind mount, as root) is still the data folder: the
 * device and inode say so where the path does not. Skipped where mounting is not allowed. */
static void
test_export_into_bind_mount (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *data_dir = data_dir_option (fixture);
  g_autofree char *mnt = g_build_filename (fixture->tmp, "mnt", NULL);
  g_autofree char *db = g_build_filename (mnt, "requests.db", NULL);
  g_autofree char *fresh = g_build_filename (mnt, "fresh.csv", NULL);
  g_autofree char *export_db = target_option ("--export-csv", db);
  g_autofree char *export_fresh = target_option ("--export-csv", fresh);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(Run) over_db = NULL;
  g_autoptr(Run) beside_db = NULL;
  gboolean fresh_created;

  fill (fixture->store);
  g_assert_cmpint (g_mkdir (mnt, 0700), ==, 0);
  if (geteuid () != 0 || mount (fixture->data_dir, mnt, NULL, MS_BIND, NULL) != 0)
    {
      g_test_skip ("cannot bind-mount here (needs root and mount rights)");
      return;
    }

  /* Everything runs before any assertion, so that the mount never outlives the test. */
  before = describe_tree (fixture->data_dir);
  over_db = run_kiosk (fixture, NULL, export_db, "--all", data_dir);
  beside_db = run_kiosk (fixture, NULL, export_fresh, data_dir);
  fresh_created = g_file_test (fresh, G_FILE_TEST_EXISTS);
  after = describe_tree (fixture->data_dir);
  g_assert_cmpint (umount2 (mnt, MNT_DETACH), ==, 0);

  assert_failure (over_db, "data folder");
  assert_failure (beside_db, "data folder");
  g_assert_false (fresh_created);
  g_assert_cmpstr (after, ==, before);
}

/* An existing target that is not a regular file is never replaced: a FIFO, a character device
 * (a copy of /dev/full: the real one must not be put at risk), a symlink, a folder. */
static void
test_export_special_targets (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *fifo = g_build_filename (fixture->tmp, "fifo.csv", NULL);
  g_autofree char *device = g_build_filename (fixture->tmp, "full", NULL);
  g_autofree char *other = g_build_filename (fixture->tmp, "other.csv", NULL);
  g_autofree char *link = g_build_filename (fixture->tmp, "link.csv", NULL);
  g_autofree char *dangling = g_build_filename (fixture->tmp, "dangling.csv", NULL);
  g_autofree char *nowhere = g_build_filename (fixture->tmp, "nowhere.csv", NULL);
  g_autofree char *folder = g_build_filename (fixture->tmp, "folder.csv", NULL);

  fill (fixture->store);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_true (g_file_set_contents (other, "kept", -1, NULL));
  g_assert_cmpint (symlink (other, link), ==, 0);
  g_assert_cmpint (symlink (nowhere, dangling), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  assert_export_refused (fixture, fifo, "not a regular file");
  assert_export_refused (fixture, link, "symbolic link");
  assert_export_refused (fixture, dangling, "symbolic link");
  assert_export_refused (fixture, folder, "not a regular file");
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fifo, G_FILE_TEST_EXISTS) &&
                 !g_file_test (fifo, G_FILE_TEST_IS_REGULAR));

  if (geteuid () == 0 && mknod (device, S_IFCHR | 0666, makedev (1, 7)) == 0)
    assert_export_refused (fixture, device, "not a regular file");
  else
    g_test_message ("not root: no character device to try");
}

/* Whether `fiu-run -x patient-kiosk --version`, with no fault enabled, works. */
static gboolean
fiu_runs_kiosk (Fixture    *fixture,
                const char *fiu_run)
{
  const char *argv[] = { fiu_run, "-x", g_getenv ("KIOSK_EXE"), "--version", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = -1;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                &status, &error);

  return error == NULL && g_spawn_check_wait_status (status, NULL) &&
         g_str_equal (out, VERSION_LINE);
}

/* Failing system calls (libfiu) end every command with exit 0, or exit 1 and one line; never
 * with a crash. `enable` fails every call, `enable_random` some. */
static void
test_injected_faults (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char * const points[] = {
    "posix/io/oc/close", "posix/io/oc/open", "posix/io/rw/write", "posix/io/rw/pread",
    "posix/io/rw/read", "posix/io/sync/fsync", "posix/io/dir/rename", "posix/io/dir/unlink",
    "posix/io/stat/fstat", "posix/mm/mmap",
  };
  static const char * const modes[][2] = {
    { "enable name=", ",failnum=5" },
    { "enable_random name=", ",probability=0.3" },
  };
  g_autofree char *fiu_run = g_find_program_in_path ("fiu-run");
  g_autofree char *data_dir = data_dir_option (fixture);
  g_autofree char *export = target_option ("--export-csv", fixture->target);
  guint n_runs = 0, n_failed = 0;

  if (fiu_run == NULL)
    {
      g_test_skip ("fiu-run (fiu-utils) is not installed");
      return;
    }

  /* libfiu's preloaded wrappers and AddressSanitizer's interceptors do not mix (the binary of
   * ./kiosk.sh sanitize crashes under fiu-run even with no fault enabled): such a build is
   * tested by the normal one. */
  if (!fiu_runs_kiosk (fixture, fiu_run))
    {
      g_test_skip ("fiu-run cannot run this build of patient-kiosk (sanitizers?)");
      return;
    }

  fill (fixture->store);
  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    for (guint j = 0; j < G_N_ELEMENTS (modes); j++)
      {
        g_autofree char *control = g_strconcat (modes[j][0], points[i], modes[j][1], NULL);
        const char * const wrapper[] = { fiu_run, "-x", "-c", control, NULL };
        const char * const args[] = { export, "--all", data_dir, NULL };
        const char * const pin_args[] = { "--set-staff-pin", data_dir, NULL };
        g_autoptr(Run) run = NULL;
        g_autoptr(Run) pin = NULL;

        g_test_message ("%s", control);
        run = run_kiosk_full (fixture, NULL, -1, -1, NULL, wrapper, args);
        /* Setting a PIN hashes it (64 MiB, a fraction of a second): once per fault point. */
        if (j == 0)
          pin = run_kiosk_full (fixture, "24681357\n", -1, -1, NULL, wrapper, pin_args);
        n_runs += pin != NULL ? 2 : 1;
        if (run->status != 0)
          {
            assert_failure (run, "");
            n_failed++;
          }
        else
          g_assert_cmpstr (run->err, ==, "");
        if (pin != NULL && pin->status != 0)
          {
            assert_failure (pin, "");
            n_failed++;
          }
      }
  g_test_message ("%u runs under injected faults, %u ended with a message", n_runs, n_failed);
  g_assert_cmpuint (n_failed, >, 0);
}

/* Many rows, so that an export runs long enough to be interrupted. */
static void
fill_many (KioskStore *store,
           guint       n)
{
  g_autofree char *sql = g_strdup_printf (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %u) "
    "INSERT INTO requests (created_utc, name, phone, call_time, topic, consent_version) "
    "SELECT '2026-01-01T10:00:00Z', 'Bulk ' || i, '+50677776666', 'any', 'causes', '2025-01' "
    "FROM n RETURNING 1", n);
  g_autofree char *result = kiosk_test_store_query (store, sql);
}

/* The names in @dir that start with ".", our temporaries. */
static char *
list_hidden (const char *dir)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    if (name[0] == '.')
      g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", name);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Starts an export into @dir, waits until its temporary file is there, sends @signum and waits
 * for the end. Returns the subprocess, ended. */
static GSubprocess *
interrupt_export (Fixture    *fixture,
                  const char *target,
                  int         signum)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *data_dir = data_dir_option (fixture);
  g_autofree char *export = target_option ("--export-csv", target);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) subprocess = NULL;
  g_autoptr(GError) error = NULL;
  const char *exe = g_getenv ("KIOSK_EXE");

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  prepare_launcher (fixture, launcher);
  subprocess = g_subprocess_launcher_spawn (launcher, &error, exe, export, "--all", data_dir,
                                            NULL);
  g_assert_no_error (error);

  /* Polls for the temporary file; the export of many rows lasts far longer than one poll. */
  for (;;)
    {
      g_autofree char *hidden = list_hidden (dir);

      if (*hidden != '\0')
        break;
      /* NULL once the export has ended: then it was too quick to interrupt. */
      g_assert_nonnull (g_subprocess_get_identifier (subprocess));
      g_usleep (200);
    }
  g_subprocess_send_signal (subprocess, signum);
  g_subprocess_wait (subprocess, NULL, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&subprocess);
}

/* SIGTERM, SIGINT and SIGHUP during an export end it as the signal would, and leave no
 * plaintext temporary file behind. */
static void
test_export_interrupted (Fixture       *fixture,
                         gconstpointer  data)
{
  static const int signals[] = { SIGTERM, SIGINT, SIGHUP };
  g_autofree char *out_dir = g_build_filename (fixture->tmp, "usb", NULL);
  g_autofree char *target = g_build_filename (out_dir, "x.csv", NULL);

  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  fill_many (fixture->store, 150000);

  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    {
      g_autoptr(GSubprocess) subprocess = interrupt_export (fixture, target, signals[i]);
      g_autofree char *hidden = list_hidden (out_dir);

      g_test_message ("signal %d", signals[i]);
      g_assert_true (g_subprocess_get_if_signaled (subprocess));
      g_assert_cmpint (g_subprocess_get_term_sig (subprocess), ==, signals[i]);
      g_assert_cmpstr (hidden, ==, "");
      g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
    }
}

/* SIGKILL cannot be caught: it leaves a recognisable temporary file, which the next export to
 * that folder removes; one that another export still holds (locked) stays. */
static void
test_export_killed (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *out_dir = g_build_filename (fixture->tmp, "usb", NULL);
  g_autofree char *target = g_build_filename (out_dir, "x.csv", NULL);
  g_autofree char *other = g_build_filename (out_dir, "y.csv", NULL);
  g_autofree char *busy = g_build_filename (out_dir, ".z.csv.patient-kiosk-AbC123", NULL);
  g_autofree char *export = target_option ("--export-csv", other);
  g_autofree char *data_dir = data_dir_option (fixture);
  g_autoptr(GSubprocess) subprocess = NULL;
  g_autofree char *left = NULL;
  g_autofree char *after = NULL;
  g_autoptr(Run) next = NULL;
  int busy_fd;

  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  fill_many (fixture->store, 150000);
  subprocess = interrupt_export (fixture, target, SIGKILL);
  g_assert_true (g_subprocess_get_if_signaled (subprocess));
  left = list_hidden (out_dir);
  g_assert_true (g_str_has_prefix (left, ".x.csv.patient-kiosk-"));
  g_assert_null (strchr (left, ' '));

  busy_fd = open (busy, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  g_assert_cmpint (busy_fd, >=, 0);
  g_assert_cmpint (flock (busy_fd, LOCK_EX), ==, 0);

  next = run_kiosk (fixture, NULL, export, data_dir);
  assert_success (next);
  after = list_hidden (out_dir);
  g_assert_cmpstr (after, ==, ".z.csv.patient-kiosk-AbC123");
  g_assert_true (g_file_test (other, G_FILE_TEST_IS_REGULAR));
  close (busy_fd);
}

/* A NUL byte in the PIN line used to end the PIN there: "123456\0999" set 123456. */
static void
test_set_staff_pin_nul (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char input[] = "123456\0" "999\n";
  const char * const args[] = { "--set-staff-pin", NULL, NULL };
  g_autofree char *data_dir = data_dir_option (fixture);
  g_autoptr(KioskStaffPin) pin = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(Run) run = NULL;

  ((const char **)args)[1] = data_dir;
  run = run_kiosk_full (fixture, input, sizeof input - 1, -1, NULL, NULL, args);
  assert_failure (run, "PIN");

  pin = kiosk_staff_pin_new (fixture->data_dir, &error);
  g_assert_no_error (error);
  g_assert_false (kiosk_staff_pin_is_set (pin));
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
  ADD ("stderr-quiet", store_setup, test_stderr_quiet);
  ADD ("no-schema", store_setup, test_no_schema);
  ADD ("export/into-data-folder", store_setup, test_export_into_data_folder);
  ADD ("export/special-targets", store_setup, test_export_special_targets);
  ADD ("export/bind-mount", store_setup, test_export_into_bind_mount);
  ADD ("export/stdout-into-data-folder", store_setup, test_export_stdout_into_data_folder);
  ADD ("export/interrupted", store_setup, test_export_interrupted);
  ADD ("export/killed", store_setup, test_export_killed);
  ADD ("injected-faults", store_setup, test_injected_faults);
  ADD ("set-staff-pin-nul", fixture_setup, test_set_staff_pin_nul);

  return g_test_run ();
}
