/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The private PostgreSQL server of the queue tests (see kiosk-test-pg.h).
 */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <pwd.h>
#include <stdlib.h>
#include <unistd.h>

#include "kiosk-queue.h"
#include "kiosk-test-pg.h"

#define ADMIN_ROLE     "kiosk_test_admin"
#define PASSWORD_OF(role) role "-secret"

/* Debian keeps the server binaries out of PATH, under /usr/lib/postgresql/VERSION/bin. */
static char *
find_bin_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/usr/lib/postgresql", 0, NULL);
  g_autofree char *initdb = NULL;
  g_autofree char *best = NULL;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *bin = g_build_filename ("/usr/lib/postgresql", name, "bin", NULL);
      g_autofree char *path = g_build_filename (bin, "initdb", NULL);

      if (g_file_test (path, G_FILE_TEST_IS_EXECUTABLE) &&
          (best == NULL || g_strcmp0 (bin, best) > 0))
        {
          g_free (best);
          best = g_steal_pointer (&bin);
        }
    }
  if (best != NULL)
    return g_steal_pointer (&best);

  initdb = g_find_program_in_path ("initdb");

  return initdb != NULL ? g_path_get_dirname (initdb) : NULL;
}

static gboolean
is_root (void)
{
  return geteuid () == 0;
}

/* As root, the server's files and processes belong to the postgres system user. */
static void
give_to_server_user (const char *path)
{
  struct passwd *user;

  if (!is_root ())
    return;

  user = getpwnam ("postgres");
  g_assert_nonnull (user);
  g_assert_cmpint (chown (path, user->pw_uid, user->pw_gid), ==, 0);
}

static void
run_server_command (KioskTestPg        *pg,
                    const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (is_root ())
    {
      g_ptr_array_add (argv, g_strdup ("runuser"));
      g_ptr_array_add (argv, g_strdup ("-u"));
      g_ptr_array_add (argv, g_strdup ("postgres"));
      g_ptr_array_add (argv, g_strdup ("--"));
    }
  g_ptr_array_add (argv, g_build_filename (pg->bin_dir, args[0], NULL));
  for (guint i = 1; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);

  /* The server must not inherit the test's standard output (TAP) or keep its pipes open. */
  g_spawn_sync (pg->dir, (char **)argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed:\n%s%s", args[0], out, err);
}

static void
write_file (const char *path,
            const char *contents,
            int         mode)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents_full (path, contents, -1, G_FILE_SET_CONTENTS_NONE, mode, &error);
  g_assert_no_error (error);
}

/**
 * kiosk_test_pg_make_certificate:
 *
 * Makes @dir/@name.crt and @name.key: a self-signed certificate for "localhost".
 */
void
kiosk_test_pg_make_certificate (const char *dir,
                                const char *name)
{
  g_autofree char *crt = g_strconcat (name, ".crt", NULL);
  g_autofree char *key = g_strconcat (name, ".key", NULL);
  const char *argv[] = {
    "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost",
    "-days", "2", "-keyout", key, "-out", crt, NULL,
  };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (dir, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static void
install_certificate (KioskTestPg *pg,
                     const char  *data)
{
  g_autofree char *crt = g_build_filename (data, "server.crt", NULL);
  g_autofree char *key = g_build_filename (data, "server.key", NULL);

  kiosk_test_pg_make_certificate (data, "server");
  g_assert_cmpint (g_chmod (key, 0600), ==, 0);
  give_to_server_user (crt);
  give_to_server_user (key);
}

static void
init_cluster (KioskTestPg *pg)
{
  g_autofree char *data = g_build_filename (pg->dir, "data", NULL);
  g_autofree char *pw = g_build_filename (pg->dir, "admin-password", NULL);
  g_autofree char *pwfile = g_strconcat ("--pwfile=", pw, NULL);
  const char *args[] = {
    "initdb", "-D", data, "-U", ADMIN_ROLE, pwfile, "--auth=scram-sha-256", "-E", "UTF8",
    "--locale=C.UTF-8", "--no-sync", NULL,
  };

  write_file (pw, PASSWORD_OF (ADMIN_ROLE) "\n", 0600);
  give_to_server_user (pw);
  run_server_command (pg, args);
  install_certificate (pg, data);
}

static void
detach (gpointer unused)
{
  setsid ();
}

/* Stops the server and removes the folder once the test process is gone, however it ended: the
 * guard blocks reading a pipe whose only writer is the test process. */
static void
start_guard (KioskTestPg *pg)
{
  g_autofree char *pg_ctl = g_build_filename (pg->bin_dir, "pg_ctl", NULL);
  g_autofree char *script = NULL;
  const char *argv[] = { "/bin/sh", "-c", NULL, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid;

  script = g_strdup_printf ("read _; %s '%s' -D '%s/data' -m immediate -w stop >/dev/null 2>&1; "
                            "rm -rf '%s'",
                            is_root () ? "runuser -u postgres --" : "", pg_ctl, pg->dir, pg->dir);
  argv[2] = script;

  g_spawn_async_with_pipes (NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD |
                            G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                            detach, NULL, &pid,
                            &pg->guard_fd, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fcntl (pg->guard_fd, F_SETFD, FD_CLOEXEC), ==, 0);
  g_spawn_close_pid (pid);
}

static void
write_pgpass (KioskTestPg *pg)
{
  g_autofree char *path = g_build_filename (pg->dir, "pgpass", NULL);

  write_file (path,
              "*:*:*:" ADMIN_ROLE ":" PASSWORD_OF (ADMIN_ROLE) "\n"
              "*:*:*:" KIOSK_TEST_PG_KIOSK_ROLE ":" PASSWORD_OF (KIOSK_TEST_PG_KIOSK_ROLE) "\n"
              "*:*:*:" KIOSK_TEST_PG_RECEPTION_ROLE ":"
              PASSWORD_OF (KIOSK_TEST_PG_RECEPTION_ROLE) "\n",
              0600);
  g_setenv ("PGPASSFILE", path, TRUE);
}

static void
set_up_queue (KioskTestPg *pg)
{
  g_autofree char *admin = kiosk_test_pg_conninfo (pg, ADMIN_ROLE);
  g_autoptr(GError) error = NULL;

  g_assert_true (kiosk_queue_setup (admin, &error));
  g_assert_no_error (error);

  kiosk_test_pg_exec (pg,
                      "CREATE ROLE " KIOSK_TEST_PG_KIOSK_ROLE " LOGIN PASSWORD '"
                      PASSWORD_OF (KIOSK_TEST_PG_KIOSK_ROLE) "' IN ROLE patient_kiosk_kiosk;"
                      "CREATE ROLE " KIOSK_TEST_PG_RECEPTION_ROLE " LOGIN PASSWORD '"
                      PASSWORD_OF (KIOSK_TEST_PG_RECEPTION_ROLE) "' "
                      "IN ROLE patient_kiosk_reception;");
}

/**
 * kiosk_test_pg_start:
 *
 * Returns: (transfer full) (nullable): a running server with the queue set up, or %NULL when
 *   the PostgreSQL server programs are not installed
 */
KioskTestPg *
kiosk_test_pg_start (void)
{
  g_autoptr(KioskTestPg) pg = g_new0 (KioskTestPg, 1);
  g_autoptr(GError) error = NULL;

  pg->guard_fd = -1;
  if ((pg->bin_dir = find_bin_dir ()) == NULL)
    return NULL;

  pg->dir = g_dir_make_tmp ("kiosk-pg-XXXXXX", &error);
  g_assert_no_error (error);
  give_to_server_user (pg->dir);

  /* Another test program may run its own server at the same time. */
  pg->port = 20000 + getpid () % 20000;
  init_cluster (pg);
  start_guard (pg);
  kiosk_test_pg_start_server (pg);
  write_pgpass (pg);
  set_up_queue (pg);

  return g_steal_pointer (&pg);
}

/**
 * kiosk_test_pg_start_or_skip:
 *
 * For a TAP test program: without the server programs, reports the whole program as skipped
 * with the reason, and exits.
 *
 * Returns: (transfer full): a running server
 */
KioskTestPg *
kiosk_test_pg_start_or_skip (void)
{
  KioskTestPg *pg = kiosk_test_pg_start ();

  if (pg == NULL)
    {
      g_print ("1..0 # SKIP the PostgreSQL server programs (initdb, pg_ctl) are not installed; "
               "./kiosk.sh deps installs them\n");
      exit (0);
    }

  return pg;
}

void
kiosk_test_pg_start_server (KioskTestPg *pg)
{
  g_autofree char *data = g_build_filename (pg->dir, "data", NULL);
  g_autofree char *log = g_build_filename (pg->dir, "server.log", NULL);
  g_autofree char *options = g_strdup_printf ("-k '%s' -p %d -c listen_addresses=127.0.0.1 "
                                              "-c fsync=off -c ssl=on "
                                              "-c ssl_cert_file=server.crt "
                                              "-c ssl_key_file=server.key",
                                              pg->dir, pg->port);
  const char *args[] = {
    "pg_ctl", "-D", data, "-l", log, "-o", options, "-w", "-t", "120", "start", NULL,
  };

  run_server_command (pg, args);
}

/* A fast shutdown: sessions are cut off, transactions in flight roll back. */
void
kiosk_test_pg_stop_server (KioskTestPg *pg)
{
  g_autofree char *data = g_build_filename (pg->dir, "data", NULL);
  const char *args[] = { "pg_ctl", "-D", data, "-m", "fast", "-w", "-t", "120", "stop", NULL };

  run_server_command (pg, args);
}

void
kiosk_test_pg_free (KioskTestPg *pg)
{
  if (pg == NULL)
    return;

  /* Closing the pipe lets the guard stop the server and remove the folder. */
  if (pg->guard_fd >= 0)
    close (pg->guard_fd);
  g_free (pg->dir);
  g_free (pg->bin_dir);
  g_free (pg);
}

char *
kiosk_test_pg_conninfo (KioskTestPg *pg,
                        const char  *role)
{
  return g_strdup_printf ("host=%s port=%d dbname=postgres user=%s", pg->dir, pg->port, role);
}

/* Connects as @role (NULL: the administrator) with the password from the pgpass file. */
PGconn *
kiosk_test_pg_connect (KioskTestPg *pg,
                       const char  *role)
{
  g_autofree char *conninfo = kiosk_test_pg_conninfo (pg, role != NULL ? role : ADMIN_ROLE);
  g_autoptr(GError) error = NULL;
  PGconn *conn = kiosk_queue_connect (conninfo, "kiosk-test", &error);

  g_assert_no_error (error);

  return conn;
}

void
kiosk_test_pg_exec (KioskTestPg *pg,
                    const char  *sql)
{
  g_autoptr(PGconn) conn = kiosk_test_pg_connect (pg, NULL);
  g_autoptr(GError) error = NULL;

  kiosk_queue_exec (conn, sql, &error);
  g_assert_no_error (error);
}

/* The first column of every row, as the administrator. */
GPtrArray *
kiosk_test_pg_query_column (KioskTestPg *pg,
                            const char  *sql)
{
  g_autoptr(PGconn) conn = kiosk_test_pg_connect (pg, NULL);
  g_autoptr(PGresult) result = PQexec (conn, sql);
  g_autoptr(GError) error = NULL;
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);

  kiosk_queue_check_result (conn, result, sql, &error);
  g_assert_no_error (error);
  for (int i = 0; i < PQntuples (result); i++)
    g_ptr_array_add (values, g_strdup (PQgetvalue (result, i, 0)));

  return values;
}

gint64
kiosk_test_pg_query_int (KioskTestPg *pg,
                         const char  *sql)
{
  g_autoptr(GPtrArray) values = kiosk_test_pg_query_column (pg, sql);

  g_assert_cmpuint (values->len, ==, 1);

  return g_ascii_strtoll (g_ptr_array_index (values, 0), NULL, 10);
}
