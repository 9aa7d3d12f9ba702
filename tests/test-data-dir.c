/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Issue 8, defect 7: the data folder's permissions. In a 0777 folder another user replaced
 * staff-pin with their own hash. Loose modes of our own files are tightened; a file or folder
 * of another user, or a symbolic link, makes the kiosk refuse to start, every command-line
 * command exit 1, and the staff PIN unreadable. The foreign-owner cases need root (chown).
 */

#include "config.h"

#include <glib/gstdio.h>
#include <pwd.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kiosk-data-dir.h"
#include "kiosk-staff-pin.h"
#include "kiosk-store.h"
#include "kiosk-test-fs.h"

typedef struct
{
  char *tmp;
  char *data_dir;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(KioskStore) store = NULL;
  g_autoptr(GError) error = NULL;

  fixture->tmp = kiosk_test_make_dir ("kiosk-data-dir");
  fixture->data_dir = g_build_filename (fixture->tmp, "data", NULL);

  /* A kiosk that ran once: the database and a PIN file. */
  store = kiosk_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  kiosk_test_remove_tree (fixture->tmp);
  g_free (fixture->data_dir);
  g_free (fixture->tmp);
}

static char *
data_path (Fixture    *fixture,
           const char *name)
{
  return g_build_filename (fixture->data_dir, name, NULL);
}

static guint
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_lstat (path, &st), ==, 0);

  return st.st_mode & 07777;
}

static void
write_file (const char *path,
            const char *contents,
            int         mode)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, mode), ==, 0);
}

/* Runs the built patient-kiosk with ARGS and no display; returns its exit status. Standard
 * input is a file, not a pipe: a command that refuses before reading must not make the test
 * die of SIGPIPE. */
static int
run_kiosk (const char  *input_path,
           char       **err,
           const char  *first_arg,
           ...)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  va_list args;

  /* meson sets it to the built executable. */
  g_assert_nonnull (g_getenv ("KIOSK_EXE"));
  g_ptr_array_add (argv, (gpointer)g_getenv ("KIOSK_EXE"));
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_stdin_file_path (launcher, input_path);
  /* If the check let it through, the kiosk must not open a window on the test's display. */
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));

  return g_subprocess_get_exit_status (process);
}

/* The kiosk and every command refuse the folder with one line that names the problem. */
static void
assert_everything_refuses (Fixture    *fixture,
                           const char *reason)
{
  g_autofree char *data_arg = g_strconcat ("--data-dir=", fixture->data_dir, NULL);
  g_autofree char *out = g_build_filename (fixture->tmp, "out.csv", NULL);
  g_autofree char *out_arg = g_strconcat ("--export-csv=", out, NULL);
  g_autofree char *usage_arg = g_strconcat ("--export-usage-csv=", out, NULL);
  g_autofree char *input = g_build_filename (fixture->tmp, "new-pin.txt", NULL);
  const char *commands[][2] = {
    { data_arg, NULL },
    { data_arg, out_arg },
    { data_arg, usage_arg },
    { data_arg, "--set-staff-pin" },
  };

  g_assert_true (g_file_set_contents (input, "123456\n", -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *err = NULL;

      g_assert_cmpint (run_kiosk (input, &err, commands[i][0], commands[i][1], NULL), ==, 1);
      g_test_message ("%s %s: %s", commands[i][0], commands[i][1], err);
      g_assert_nonnull (strstr (err, reason));
      /* One line: nothing after the first line break. */
      g_assert_cmpstr (strchr (err, '\n') + 1, ==, "");
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }
}

static void
assert_core_refuses (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskStore) store = NULL;
  g_autoptr(KioskStaffPin) pin = NULL;

  store = kiosk_store_open (fixture->data_dir, &error);
  g_assert_null (store);
  g_assert_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_UNSAFE);
  g_clear_error (&error);

  store = kiosk_store_open_existing (fixture->data_dir, &error);
  g_assert_null (store);
  g_assert_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_UNSAFE);
  g_clear_error (&error);

  /* The staff area reads the PIN through this: it never reads the replaced file. */
  pin = kiosk_staff_pin_new (fixture->data_dir, &error);
  g_assert_null (pin);
  g_assert_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_UNSAFE);
}

static void
test_loose_modes (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *db = data_path (fixture, "requests.db");
  g_autofree char *pin = data_path (fixture, "staff-pin");
  g_autofree char *quarantine = data_path (fixture, "quarantine");
  g_autofree char *copy = data_path (fixture, "quarantine/requests-20250101T000000Z.db");
  g_autoptr(KioskStore) store = NULL;
  g_autoptr(GError) error = NULL;

  write_file (pin, "hash", 0666);
  g_assert_cmpint (g_mkdir (quarantine, 0777), ==, 0);
  g_assert_cmpint (g_chmod (quarantine, 0777), ==, 0);
  write_file (copy, "copy", 0644);
  g_assert_cmpint (g_chmod (db, 0664), ==, 0);
  g_assert_cmpint (g_chmod (fixture->data_dir, 0777), ==, 0);

  /* Our own files with careless modes are made private, and the store opens. */
  store = kiosk_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mode_of (fixture->data_dir), ==, 0700);
  g_assert_cmpuint (mode_of (db), ==, 0600);
  g_assert_cmpuint (mode_of (pin), ==, 0600);
  g_assert_cmpuint (mode_of (quarantine), ==, 0700);
  g_assert_cmpuint (mode_of (copy), ==, 0600);

  /* The same for the staff PIN's own check. */
  g_assert_cmpint (g_chmod (fixture->data_dir, 0777), ==, 0);
  g_assert_cmpint (g_chmod (pin, 0646), ==, 0);
  g_assert_true (kiosk_data_dir_secure (fixture->data_dir, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mode_of (fixture->data_dir), ==, 0700);
  g_assert_cmpuint (mode_of (pin), ==, 0600);
}

static gboolean
skip_unless_root (void)
{
  if (geteuid () == 0)
    return FALSE;

  g_test_skip ("making a file of another user needs root (chown)");

  return TRUE;
}

static void
chown_to_nobody (const char *path)
{
  struct passwd *nobody = getpwnam ("nobody");

  g_assert_nonnull (nobody);
  g_assert_cmpint (lchown (path, nobody->pw_uid, nobody->pw_gid), ==, 0);
}

static void
test_foreign_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *pin = data_path (fixture, "staff-pin");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (skip_unless_root ())
    return;

  /* Another user's staff-pin, as in the attack: even with a private mode it is refused. */
  write_file (pin, "their own hash\n", 0600);
  chown_to_nobody (pin);
  g_assert_true (g_file_get_contents (pin, &before, NULL, NULL));

  assert_core_refuses (fixture);
  assert_everything_refuses (fixture, "belongs to another user");

  /* --set-staff-pin did not replace it either. */
  g_assert_true (g_file_get_contents (pin, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
}

static void
test_foreign_folder (Fixture       *fixture,
                     gconstpointer  data)
{
  if (skip_unless_root ())
    return;

  chown_to_nobody (fixture->data_dir);

  assert_core_refuses (fixture);
  assert_everything_refuses (fixture, "belongs to another user");
}

static void
test_symlink (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *pin = data_path (fixture, "staff-pin");
  g_autofree char *elsewhere = g_build_filename (fixture->tmp, "elsewhere", NULL);

  /* We never make links, so one in the folder was put there to redirect us. */
  write_file (elsewhere, "their own hash\n", 0600);
  g_assert_cmpint (symlink (elsewhere, pin), ==, 0);

  assert_core_refuses (fixture);
  assert_everything_refuses (fixture, "symbolic link");
}

static void
test_folder_symlink (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *link = g_build_filename (fixture->tmp, "link", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (symlink (fixture->data_dir, link), ==, 0);

  g_assert_false (kiosk_data_dir_secure (link, KIOSK_DATA_DIR_CREATE, &error));
  g_assert_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_UNSAFE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/kiosk/data-dir/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("loose-modes", test_loose_modes);
  ADD ("foreign-file", test_foreign_file);
  ADD ("foreign-folder", test_foreign_folder);
  ADD ("symlink", test_symlink);
  ADD ("folder-symlink", test_folder_symlink);

  return g_test_run ();
}
