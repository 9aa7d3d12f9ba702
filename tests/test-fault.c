/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The fault suite: what a failing disk, a careless IT person or another local user does to
 * the data folder, against the real store and the real command line. Every case ends with the
 * same questions: did the program survive (the kiosk's store call returned, the command line
 * exited 1 with one line on standard error, never a signal), was the person told in words, is
 * every acknowledged request still there, and is a damaged file kept aside, nothing deleted?
 *
 *  - damaged databases: a corrupt page, a truncated file, not a database, a foreign schema
 *    with the right version, a future version;
 *  - a read-only and a foreign-owned data folder (root: a read-only tmpfs and chown nobody);
 *  - a full disk: a small tmpfs (root);
 *  - I/O errors injected with libfiu (fiu-run) into store opening and the CSV export: write,
 *    fsync, fdatasync, close, rename and pread, each failing always, and pread failing at random.
 *
 * Root-only cases run in a private mount namespace of this process, so the kernel unmounts the
 * tmpfs when the test ends, however it ends; without root they are skipped. `--long` runs
 * every corrupt page and many more random fault runs. At the end one line of figures:
 * `fault-figures: N cases, N survived, N acknowledged lost`.
 */

#include "config.h"

#define _GNU_SOURCE
#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sched.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#include "kiosk-store.h"
#include "kiosk-test-fs.h"

#define N_REQUESTS 5
#define NOBODY     65534

static gboolean long_mode;
static gboolean have_namespace;

static struct
{
  guint cases;
  guint survived;
  guint lost;
} figures;

/* One case's verdict: every check that fails says why in the log and fails the test, but the
 * case goes on, so the figures count what happened. */
typedef struct
{
  const char *name;
  gboolean    ok;
  guint       lost;
} Case;

static void G_GNUC_PRINTF (3, 4)
check (Case       *c,
       gboolean    condition,
       const char *format,
       ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (condition)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_test_message ("%s: %s", c->name, message);
  g_test_fail ();
  c->ok = FALSE;
}

static void
case_end (Case *c)
{
  figures.cases++;
  figures.survived += c->ok ? 1 : 0;
  figures.lost += c->lost;
}

/* Folders and files ------------------------------------------------------------------------ */

static KioskRequest *
make_request (guint n)
{
  g_autofree char *name = g_strdup_printf ("Fault Test %u", n);
  g_autofree char *phone = g_strdup_printf ("8%07u", n);

  return kiosk_request_new (name, phone, "+506", KIOSK_CALL_TIME_ANY, NULL, TRUE, "fault", NULL);
}

/* A data folder with a healthy store of N_REQUESTS pending requests, closed. */
static void
make_store (const char *data_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskStore) store = kiosk_store_open (data_dir, &error);

  g_assert_no_error (error);
  for (guint n = 1; n <= N_REQUESTS; n++)
    {
      g_autoptr(KioskRequest) request = make_request (n);

      g_assert_cmpint (kiosk_store_save (store, request, &error), ==, n);
      g_assert_no_error (error);
    }
}

static char *
db_path (const char *data_dir)
{
  return g_build_filename (data_dir, "requests.db", NULL);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &error))
    return NULL;

  return g_bytes_new_take (contents, length);
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (handle != NULL && g_dir_read_name (handle) != NULL)
    n++;

  return n;
}

/* A copy of @original, byte for byte, in the data folder's quarantine/. */
static gboolean
quarantine_holds (const char *data_dir,
                  GBytes     *original)
{
  g_autofree char *dir = g_build_filename (data_dir, "quarantine", NULL);
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GBytes) copy = read_bytes (path);

      if (g_str_has_suffix (name, ".db") && copy != NULL && g_bytes_equal (copy, original))
        return TRUE;
    }

  return FALSE;
}

static gboolean
quarantine_absent (const char *data_dir)
{
  g_autofree char *dir = g_build_filename (data_dir, "quarantine", NULL);

  return count_entries (dir) == 0;
}

/* Reopens the store without faults and counts the acknowledged requests that are missing. */
static guint
count_missing (const char *data_dir,
               guint       expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskStore) store = kiosk_store_open (data_dir, &error);
  guint missing = 0;

  if (store == NULL)
    return expected;

  for (guint id = 1; id <= expected; id++)
    {
      g_autoptr(KioskRequest) request = kiosk_store_get_request (store, id, NULL);
      g_autofree char *name = g_strdup_printf ("Fault Test %u", id);

      if (request == NULL || !g_str_equal (kiosk_request_get_name (request), name))
        missing++;
    }

  return missing;
}

/* Processes --------------------------------------------------------------------------------- */

typedef struct
{
  gboolean  exited;
  int       status;
  char     *out;
  char     *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

/* Runs @argv, under fiu-run with @fiu commands when given (one per element). */
static Run
run_program (const char * const *fiu,
             const char * const *argv)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  Run run = { 0 };

  if (fiu != NULL)
    {
      g_ptr_array_add (args, (gpointer)g_getenv ("KIOSK_FIU_RUN"));
      g_ptr_array_add (args, (gpointer)"-x");
      g_ptr_array_add (args, (gpointer)"-f");
      g_ptr_array_add (args, (gpointer)"");
      for (guint i = 0; fiu[i] != NULL; i++)
        {
          g_ptr_array_add (args, (gpointer)"-c");
          g_ptr_array_add (args, (gpointer)fiu[i]);
        }
    }
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer)argv[i]);
  g_ptr_array_add (args, NULL);

  process = g_subprocess_newv ((const char * const *)args->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run.out, &run.err, &error);
  g_assert_no_error (error);
  run.exited = g_subprocess_get_if_exited (process);
  run.status = run.exited ? g_subprocess_get_exit_status (process) : -1;

  return run;
}

static Run
run_export (const char * const *fiu,
            const char         *data_dir,
            const char         *target)
{
  g_autofree char *data_arg = g_strconcat ("--data-dir=", data_dir, NULL);
  g_autofree char *target_arg = g_strconcat ("--export-csv=", target, NULL);
  const char *argv[] = { g_getenv ("KIOSK_EXE"), target_arg, "--mark-exported", data_arg, NULL };

  return run_program (fiu, argv);
}

static Run
run_open (const char * const *fiu,
          const char         *data_dir)
{
  g_autofree char *helper = g_test_build_filename (G_TEST_BUILT, "kiosk-fault-open", NULL);
  const char *argv[] = { helper, data_dir, NULL };

  return run_program (fiu, argv);
}

/* Exit 1 with exactly one line on standard error that starts with @prefix, or exit 0. */
static void
check_clear_exit (Case       *c,
                  const Run  *run,
                  const char *prefix)
{
  check (c, run->exited, "killed by a signal; stderr: %s", run->err);
  check (c, run->status == 0 || run->status == 1, "exit status %d; stderr: %s", run->status,
         run->err);
  if (run->status != 1)
    return;

  check (c, g_str_has_prefix (run->err, prefix) && g_str_has_suffix (run->err, "\n") &&
            strchr (run->err, '\n') == run->err + strlen (run->err) - 1,
         "not one “%s…” line on stderr: “%s”", prefix, run->err);
}

/* The helper's stderr may carry the store's own warnings before its one-line verdict. */
static void
check_helper_exit (Case      *c,
                   const Run *run)
{
  const char *last = NULL;

  check (c, run->exited, "killed by a signal; stderr: %s", run->err);
  check (c, run->status == 0 || run->status == 1, "exit status %d; stderr: %s", run->status,
         run->err);
  if (run->status != 1)
    return;

  last = g_strrstr_len (run->err, strlen (run->err) - 1, "\n");
  last = last != NULL ? last + 1 : run->err;
  check (c, g_str_has_prefix (last, "kiosk-fault-open: "), "no message: “%s”", run->err);
}

static void
check_failed_clearly (Case       *c,
                      const Run  *run,
                      const char *prefix)
{
  check (c, run->exited && run->status == 1, "expected exit 1, got %s %d; stderr: %s",
         run->exited ? "status" : "signal", run->status, run->err);
  check_clear_exit (c, run, prefix);
}

static gboolean
fiu_available (void)
{
  return !kiosk_test_skip_without_fiu (g_getenv ("KIOSK_FIU_RUN"));
}

/* No export leaves a temporary file: the target's folder holds the complete target or
 * nothing. (A failure after the file was complete, such as marking the requests, may leave the
 * complete file; the exit status says the export failed and nothing was marked.) */
static void
check_no_leftovers (Case       *c,
                    const char *out_dir,
                    gboolean    exported)
{
  g_autoptr(GDir) handle = g_dir_open (out_dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    check (c, g_str_equal (name, "x.csv"), "“%s” left in the export folder", name);
  if (exported)
    {
      g_autofree char *target = g_build_filename (out_dir, "x.csv", NULL);

      check (c, g_file_test (target, G_FILE_TEST_IS_REGULAR), "no export after exit 0");
    }
}

/* A complete export: the header, N_REQUESTS lines and the final line break. */
static gboolean
export_complete (const char *target)
{
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (target, &csv, NULL, NULL))
    return FALSE;
  lines = g_strsplit (csv, "\r\n", -1);

  return g_strv_length (lines) == N_REQUESTS + 2;
}

/* After a CLI export: was the target written completely or not at all, was anything marked
 * exactly when it succeeded, and is every request still there? */
static void
check_export_outcome (Case       *c,
                      const Run  *run,
                      const char *data_dir,
                      const char *out_dir,
                      const char *target)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskStore) store = NULL;
  gint64 total = 0, pending = -1;

  check_clear_exit (c, run, "patient-kiosk: ");
  check_no_leftovers (c, out_dir, run->status == 0);

  store = kiosk_store_open (data_dir, &error);
  check (c, store != NULL && kiosk_store_get_warning (store) == NULL,
         "the store did not reopen cleanly after the export");
  if (store == NULL)
    return;

  kiosk_store_count_requests (store, &total, &pending, &error);
  check (c, pending == (run->status == 0 ? 0 : N_REQUESTS),
         "%" G_GINT64_FORMAT " pending after an export with status %d", pending, run->status);
  g_clear_object (&store);
  c->lost += count_missing (data_dir, N_REQUESTS);
  check (c, quarantine_absent (data_dir), "an export set the database aside");
  if (g_file_test (target, G_FILE_TEST_EXISTS))
    check (c, export_complete (target), "an incomplete export under the target's name");
}

/* Root: a private mount namespace ------------------------------------------------------------ */

/* Mounts made after this are private to this process and vanish with it, whatever happens. */
static void
enter_private_namespace (void)
{
  if (geteuid () != 0)
    return;

  if (unshare (CLONE_NEWNS) != 0 || mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
    {
      g_test_message ("no private mount namespace: %s", g_strerror (errno));
      return;
    }
  have_namespace = TRUE;
}

static gboolean
need_root (void)
{
  if (geteuid () != 0)
    {
      g_test_skip ("needs root (a tmpfs mount, or a file owned by another user)");
      return FALSE;
    }
  if (!have_namespace)
    {
      g_test_skip ("needs a private mount namespace (unshare)");
      return FALSE;
    }

  return TRUE;
}

static void
mount_tmpfs (const char *dir,
             const char *size)
{
  g_autofree char *options = g_strdup_printf ("size=%s,mode=0700", size);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  if (mount ("tmpfs", dir, "tmpfs", 0, options) != 0)
    g_error ("Could not mount a tmpfs on %s: %s", dir, g_strerror (errno));
}

static void
unmount (const char *dir)
{
  g_assert_cmpint (umount2 (dir, MNT_DETACH), ==, 0);
}

/* Damaged databases ------------------------------------------------------------------------- */

typedef void (*DamageFunc) (const char *path,
                            guint       page);

static void
patch_file (const char *path,
            goffset     offset,
            const char *bytes,
            gsize       length)
{
  FILE *file = fopen (path, "r+b");

  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, offset, SEEK_SET), ==, 0);
  g_assert_cmpuint (fwrite (bytes, 1, length, file), ==, length);
  g_assert_cmpint (fclose (file), ==, 0);
}

/* Garbage over the start of a page: its b-tree header. */
static void
damage_page (const char *path,
             guint       page)
{
  char garbage[64];

  memset (garbage, 0x5a, sizeof garbage);
  patch_file (path, (goffset)(page - 1) * 4096, garbage, sizeof garbage);
}

static void
damage_truncate (const char *path,
                 guint       page)
{
  g_assert_cmpint (truncate (path, 4096 + 1000), ==, 0);
}

static void
damage_not_a_database (const char *path,
                       guint       page)
{
  patch_file (path, 0, "This is not a database file. ", 29);
}

static void
exec_sql (const char *path,
          const char *sql)
{
  g_autofree char *sqlite3 = g_find_program_in_path ("sqlite3");
  const char *argv[] = { sqlite3, path, sql, NULL };
  Run run;

  g_assert_nonnull (sqlite3);
  run = run_program (NULL, argv);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
}

/* The right user_version, somebody else's tables. */
static void
damage_foreign_schema (const char *path,
                       guint       page)
{
  g_assert_cmpint (g_unlink (path), ==, 0);
  exec_sql (path, "PRAGMA journal_mode = WAL; CREATE TABLE requests (id INTEGER PRIMARY KEY, "
                  "label TEXT); INSERT INTO requests (label) VALUES ('someone else'); "
                  "PRAGMA user_version = 2;");
}

static void
damage_future_version (const char *path,
                       guint       page)
{
  exec_sql (path, "PRAGMA user_version = 99;");
}

typedef struct
{
  const char *name;
  DamageFunc  damage;
  gboolean    refused;  /* the kiosk must refuse it and leave it alone, not set it aside */
} Damage;

static const Damage damages[] = {
  { "corrupt-page", damage_page, FALSE },
  { "truncated", damage_truncate, FALSE },
  { "not-a-database", damage_not_a_database, FALSE },
  { "foreign-schema", damage_foreign_schema, FALSE },
  { "future-version", damage_future_version, TRUE },
};

/* The command line never sets a file aside: it reports and leaves everything as it is. */
static void
check_cli_on_damaged (Case       *c,
                      const char *tmp,
                      const char *data_dir,
                      GBytes     *damaged)
{
  g_autofree char *out_dir = g_build_filename (tmp, "out", NULL);
  g_autofree char *target = g_build_filename (out_dir, "x.csv", NULL);
  g_autofree char *path = db_path (data_dir);
  g_autoptr(GBytes) after = NULL;
  Run run;

  g_assert_cmpint (g_mkdir_with_parents (out_dir, 0700), ==, 0);
  run = run_export (NULL, data_dir, target);
  check_failed_clearly (c, &run, "patient-kiosk: ");
  check_no_leftovers (c, out_dir, FALSE);
  after = read_bytes (path);
  check (c, after != NULL && g_bytes_equal (after, damaged), "the export changed the file");
  check (c, quarantine_absent (data_dir), "the export set the file aside");
  run_clear (&run);
}

/* The kiosk starting on it: set aside and started over, with a warning for staff; or, for a
 * newer version, refused and left alone. */
static void
check_kiosk_on_damaged (Case         *c,
                        const Damage *damage,
                        const char   *data_dir,
                        GBytes       *damaged)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskStore) store = kiosk_store_open (data_dir, &error);
  g_autofree char *path = db_path (data_dir);

  if (damage->refused)
    {
      g_autoptr(GBytes) after = read_bytes (path);

      check (c, store == NULL && error != NULL && *error->message != '\0',
             "a newer database was opened");
      check (c, after != NULL && g_bytes_equal (after, damaged), "the newer file was changed");
      check (c, quarantine_absent (data_dir), "the newer file was set aside");
      return;
    }

  check (c, store != NULL, "the kiosk did not start: %s", error ? error->message : "");
  if (store == NULL)
    return;

  /* Staff are told, and told where the copy is. */
  check (c, kiosk_store_get_warning (store) != NULL &&
            strstr (kiosk_store_get_warning (store), "quarantine") != NULL,
         "no warning for staff that names quarantine/");
  check (c, quarantine_holds (data_dir, damaged), "quarantine/ holds no copy of the file");
  {
    g_autoptr(KioskRequest) request = make_request (99);

    check (c, kiosk_store_save (store, request, &error) > 0, "the new database takes no saves");
  }
}

static void
run_damage_case (const Damage *damage,
                 guint         page)
{
  g_autofree char *tmp = kiosk_test_make_dir ("kiosk-fault-damage");
  g_autofree char *data_dir = g_build_filename (tmp, "data", NULL);
  g_autofree char *path = db_path (data_dir);
  g_autofree char *name = g_strdup_printf ("%s (page %u)", damage->name, page);
  g_autoptr(GBytes) damaged = NULL;
  Case c = { name, TRUE, 0 };

  make_store (data_dir);
  damage->damage (path, page);
  damaged = read_bytes (path);

  check_cli_on_damaged (&c, tmp, data_dir, damaged);
  check_kiosk_on_damaged (&c, damage, data_dir, damaged);
  case_end (&c);
  kiosk_test_remove_tree (tmp);
}

static guint
count_pages (void)
{
  g_autofree char *tmp = kiosk_test_make_dir ("kiosk-fault-pages");
  g_autofree char *data_dir = g_build_filename (tmp, "data", NULL);
  g_autofree char *path = db_path (data_dir);
  GStatBuf st;

  make_store (data_dir);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  kiosk_test_remove_tree (tmp);

  return st.st_size / 4096;
}

static void
test_damaged (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (damages); i++)
    run_damage_case (&damages[i], 2);

  /* Every page but the first (whose damage is "not a database"). */
  for (guint page = 3; long_mode && page <= count_pages (); page++)
    run_damage_case (&damages[0], page);
}

/* Unusable folders --------------------------------------------------------------------------- */

/* Opening and exporting from a folder the kiosk cannot use: a clear failure or a normal
 * result, never damage, and the file stays as it was. */
static void
check_unusable_folder (Case       *c,
                       const char *tmp,
                       const char *data_dir,
                       GBytes     *before,
                       gboolean    must_refuse)
{
  g_autofree char *out_dir = g_build_filename (tmp, "out", NULL);
  g_autofree char *target = g_build_filename (out_dir, "x.csv", NULL);
  g_autofree char *path = db_path (data_dir);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskStore) store = NULL;
  Run run;

  g_assert_cmpint (g_mkdir_with_parents (out_dir, 0700), ==, 0);
  run = run_export (NULL, data_dir, target);
  if (must_refuse)
    check_failed_clearly (c, &run, "patient-kiosk: ");
  else
    check_clear_exit (c, &run, "patient-kiosk: ");
  check_no_leftovers (c, out_dir, run.status == 0);
  run_clear (&run);

  store = kiosk_store_open (data_dir, &error);
  if (must_refuse)
    check (c, store == NULL, "the kiosk opened a store in a folder it must refuse");
  if (store == NULL)
    check (c, error != NULL && *error->message != '\0', "no message");
  else
    check (c, kiosk_store_get_warning (store) == NULL, "the healthy file was taken for damage");
  g_clear_object (&store);

  after = read_bytes (path);
  check (c, after != NULL && g_bytes_equal (after, before), "the database file changed");
  check (c, quarantine_absent (data_dir), "something was set aside");
}

static void
test_read_only_folder (void)
{
  g_autofree char *tmp = NULL;
  g_autofree char *mnt = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) before = NULL;
  Case c = { "read-only folder", TRUE, 0 };

  if (!need_root ())
    return;

  tmp = kiosk_test_make_dir ("kiosk-fault-ro");
  mnt = g_build_filename (tmp, "mnt", NULL);
  data_dir = g_build_filename (mnt, "data", NULL);
  path = db_path (data_dir);
  mount_tmpfs (mnt, "4m");
  make_store (data_dir);
  before = read_bytes (path);
  g_assert_cmpint (mount (NULL, mnt, NULL, MS_REMOUNT | MS_RDONLY, NULL), ==, 0);

  check_unusable_folder (&c, tmp, data_dir, before, FALSE);
  case_end (&c);

  unmount (mnt);
  kiosk_test_remove_tree (tmp);
}

/* Another user's folder, or another user's database in our folder: refused (issue 8 #7). */
static void
run_foreign_case (const char *name,
                  gboolean    folder)
{
  g_autofree char *tmp = kiosk_test_make_dir ("kiosk-fault-foreign");
  g_autofree char *data_dir = g_build_filename (tmp, "data", NULL);
  g_autofree char *path = db_path (data_dir);
  g_autoptr(GBytes) before = NULL;
  Case c = { name, TRUE, 0 };

  make_store (data_dir);
  before = read_bytes (path);
  g_assert_cmpint (chown (folder ? data_dir : path, NOBODY, NOBODY), ==, 0);

  check_unusable_folder (&c, tmp, data_dir, before, TRUE);
  case_end (&c);
  kiosk_test_remove_tree (tmp);
}

static void
test_foreign_owner (void)
{
  if (!need_root ())
    return;

  run_foreign_case ("foreign-owned folder", TRUE);
  run_foreign_case ("foreign-owned database", FALSE);
}

/* A full disk ---------------------------------------------------------------------------------- */

/* Saves until the disk is full: the save that does not fit fails as "full", with nothing
 * acknowledged lost; once space is freed the same store saves again. */
static void
check_saves_until_full (Case       *c,
                        const char *data_dir,
                        guint      *acked)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskStore) store = kiosk_store_open (data_dir, &error);

  g_assert_no_error (error);
  for (*acked = 0; *acked < 100000; (*acked)++)
    {
      g_autoptr(KioskRequest) request = make_request (*acked + 1);

      if (kiosk_store_save (store, request, &error) <= 0)
        break;
    }

  check (c, g_error_matches (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_FULL),
         "the save on a full disk failed with: %s", error ? error->message : "(nothing)");
  check (c, error != NULL && strstr (error->message, "full") != NULL,
         "the message does not say the disk is full");
  check (c, *acked > 0, "nothing could be saved at all");
}

static void
fill_disk (const char *mnt)
{
  g_autofree char *filler = g_build_filename (mnt, "filler-2", NULL);
  g_autofree char *chunk = g_malloc0 (4096);
  FILE *file = fopen (filler, "wb");

  g_assert_nonnull (file);
  while (fwrite (chunk, 1, 4096, file) == 4096)
    ;
  fclose (file);
}

static void
check_export_to_full_disk (Case       *c,
                           const char *data_dir,
                           const char *mnt)
{
  g_autofree char *out_dir = g_build_filename (mnt, "out", NULL);
  g_autofree char *target = g_build_filename (out_dir, "x.csv", NULL);
  Run run;

  g_assert_cmpint (g_mkdir_with_parents (out_dir, 0700), ==, 0);
  fill_disk (mnt);
  run = run_export (NULL, data_dir, target);
  check_failed_clearly (c, &run, "patient-kiosk: ");
  check_no_leftovers (c, out_dir, FALSE);
  run_clear (&run);
}

static void
test_disk_full (void)
{
  g_autofree char *tmp = NULL;
  g_autofree char *mnt = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *filler = NULL;
  Case c = { "disk full", TRUE, 0 };
  guint acked = 0;

  if (!need_root ())
    return;

  tmp = kiosk_test_make_dir ("kiosk-fault-full");
  mnt = g_build_filename (tmp, "mnt", NULL);
  data_dir = g_build_filename (mnt, "data", NULL);
  filler = g_build_filename (data_dir, "..", "ballast", NULL);
  mount_tmpfs (mnt, "1m");
  /* Ballast, removed at the end to give the disk space again. */
  g_assert_cmpint (g_mkdir (data_dir, 0700), ==, 0);
  {
    g_autofree char *ballast = g_malloc0 (384 * 1024);
    g_autoptr(GError) error = NULL;

    g_file_set_contents (filler, ballast, 384 * 1024, &error);
    g_assert_no_error (error);
  }

  check_saves_until_full (&c, data_dir, &acked);
  c.lost += count_missing (data_dir, acked);
  check_export_to_full_disk (&c, data_dir, mnt);
  c.lost += count_missing (data_dir, acked);
  check (&c, quarantine_absent (data_dir), "a full disk was taken for damage");

  /* Space again: the store saves again. */
  g_assert_cmpint (g_unlink (filler), ==, 0);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(KioskStore) store = kiosk_store_open (data_dir, &error);
    g_autoptr(KioskRequest) request = make_request (acked + 1);

    check (&c, store != NULL && kiosk_store_save (store, request, &error) > 0,
           "no save once space was freed");
  }
  g_test_message ("disk full: %u saves fitted in what a 1 MiB tmpfs had left", acked);
  case_end (&c);

  unmount (mnt);
  kiosk_test_remove_tree (tmp);
}

/* Injected I/O errors (libfiu) ------------------------------------------------------------- */

static const char * const fault_points[] = {
  "posix/io/rw/write",
  "posix/io/rw/pwrite",
  "posix/io/sync/fsync",
  "posix/io/sync/fdatasync",
  "posix/io/oc/close",
  "posix/io/dir/rename",
  "posix/io/rw/pread",
};

/* Every call to @point fails (EIO where the call may return it), or a random share of them. */
static char *
fiu_command (const char *point,
             double      probability)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  if (probability >= 1.0)
    return g_strdup_printf ("enable name=%s,failinfo=%d", point, EIO);

  return g_strdup_printf ("enable_random name=%s,failinfo=%d,probability=%s", point, EIO,
                          g_ascii_dtostr (number, sizeof number, probability));
}

static void
run_export_fault (const char *point,
                  double      probability,
                  guint       run_number)
{
  g_autofree char *tmp = kiosk_test_make_dir ("kiosk-fault-export");
  g_autofree char *data_dir = g_build_filename (tmp, "data", NULL);
  g_autofree char *out_dir = g_build_filename (tmp, "out", NULL);
  g_autofree char *target = g_build_filename (out_dir, "x.csv", NULL);
  g_autofree char *command = fiu_command (point, probability);
  g_autofree char *name = g_strdup_printf ("export, %s #%u", command, run_number);
  const char *fiu[] = { command, NULL };
  Case c = { name, TRUE, 0 };
  Run run;

  make_store (data_dir);
  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  run = run_export (fiu, data_dir, target);
  check_export_outcome (&c, &run, data_dir, out_dir, target);
  run_clear (&run);
  case_end (&c);
  kiosk_test_remove_tree (tmp);
}

static void
test_fiu_export (void)
{
  if (!fiu_available ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (fault_points); i++)
    run_export_fault (fault_points[i], 1.0, 1);

  for (guint n = 0; long_mode && n < 40; n++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (fault_points); i++)
        run_export_fault (fault_points[i], 0.2, n + 1);
    }
}

/* Opening an existing, healthy store while @point fails: a clear failure or a normal start,
 * never the healthy file set aside (issue 8 #4), never a crash, nothing lost. */
static void
run_open_fault (const char *point,
                double      probability,
                guint       run_number,
                gboolean    existing)
{
  g_autofree char *tmp = kiosk_test_make_dir ("kiosk-fault-open");
  g_autofree char *data_dir = g_build_filename (tmp, "data", NULL);
  g_autofree char *command = fiu_command (point, probability);
  g_autofree char *name = g_strdup_printf ("open %s, %s #%u", existing ? "existing" : "new",
                                           command, run_number);
  const char *fiu[] = { command, NULL };
  Case c = { name, TRUE, 0 };
  Run run;

  if (existing)
    make_store (data_dir);
  run = run_open (fiu, data_dir);
  check_helper_exit (&c, &run);
  check (&c, strstr (run.out, "warning") == NULL, "a healthy database was set aside: %s",
         run.out);
  check (&c, quarantine_absent (data_dir), "a healthy database was copied to quarantine/");
  if (existing)
    c.lost += count_missing (data_dir, N_REQUESTS);
  run_clear (&run);
  case_end (&c);
  kiosk_test_remove_tree (tmp);
}

static void
test_fiu_open (void)
{
  guint random_runs = long_mode ? 300 : 30;

  if (!fiu_available ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (fault_points); i++)
    {
      run_open_fault (fault_points[i], 1.0, 1, TRUE);
      run_open_fault (fault_points[i], 1.0, 1, FALSE);
    }

  /* The failing disk of issue 8 #4: 3 % of reads fail. On main about one start in four set
   * the healthy file aside, so 30 starts find it but for a chance of about 1 in 2,500. */
  for (guint n = 0; n < random_runs; n++)
    run_open_fault ("posix/io/rw/pread", 0.03, n + 1, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  for (int i = 1; i < argc; i++)
    long_mode |= g_str_equal (argv[i], "--long");
  enter_private_namespace ();
  /* The store warns when it sets a file aside or a folder is too open: expected here, so
   * warnings are logged but not fatal; criticals still are. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  g_test_add_func ("/kiosk/fault/damaged-database", test_damaged);
  g_test_add_func ("/kiosk/fault/read-only-folder", test_read_only_folder);
  g_test_add_func ("/kiosk/fault/foreign-owner", test_foreign_owner);
  g_test_add_func ("/kiosk/fault/disk-full", test_disk_full);
  g_test_add_func ("/kiosk/fault/fiu-export", test_fiu_export);
  g_test_add_func ("/kiosk/fault/fiu-open", test_fiu_open);

  status = g_test_run ();
  g_print ("# fault-figures: %u cases, %u survived, %u acknowledged lost\n",
           figures.cases, figures.survived, figures.lost);

  return status;
}
