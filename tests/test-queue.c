/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The shared reception queue against a real PostgreSQL server (issue 12): set-up, least
 * privilege, kiosks saving while the server is down, SIGKILL at random moments and a server
 * restarted mid-sync (nothing lost, nothing twice), names gone from the kiosk's files after
 * the send, the errors staff see, and no timer once everything is sent.
 *
 * KIOSK_QUEUE_KILLS sets the number of kills (default 20; `./kiosk.sh long-tests` runs 1000).
 */

#define _GNU_SOURCE   /* memmem */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sqlite3.h>

#include "kiosk-queue.h"
#include "kiosk-reception.h"
#include "kiosk-store-queue.h"
#include "kiosk-test-fs.h"
#include "kiosk-test-pg.h"

static KioskTestPg *pg;

/* Helpers -------------------------------------------------------------------------------------- */

static char *
agent_path (void)
{
  return g_test_build_filename (G_TEST_BUILT, "kiosk-queue-agent", NULL);
}

/* Starts an agent on @dir as kiosk @kiosk; the rest are its options, NULL-terminated. */
static GSubprocess *
spawn_agent (const char *dir,
             const char *kiosk,
             ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *conninfo = kiosk_test_pg_conninfo (pg, KIOSK_TEST_PG_KIOSK_ROLE);
  g_autoptr(GError) error = NULL;
  GSubprocess *agent;
  const char *option;
  va_list args;

  g_ptr_array_add (argv, agent_path ());
  g_ptr_array_add (argv, g_strdup (dir));
  g_ptr_array_add (argv, g_strdup (conninfo));
  g_ptr_array_add (argv, g_strdup (kiosk));
  va_start (args, kiosk);
  while ((option = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, g_strdup (option));
  va_end (args);
  g_ptr_array_add (argv, NULL);

  agent = g_subprocess_newv ((const char * const *)argv->pdata,
                             G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDIN_PIPE,
                             &error);
  g_assert_no_error (error);

  return agent;
}

/* Reads the agent's next line and checks it starts with @prefix. */
static void
agent_expect_line (GSubprocess *agent,
                   const char  *prefix)
{
  g_autoptr(GDataInputStream) in = g_data_input_stream_new (g_subprocess_get_stdout_pipe (agent));
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;

  /* One byte at a time, so nothing after the line is read into this stream's buffer. */
  g_buffered_input_stream_set_buffer_size (G_BUFFERED_INPUT_STREAM (in), 1);
  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (in), FALSE);
  line = g_data_input_stream_read_line_utf8 (in, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, prefix));
}

static void
agent_wait_success (GSubprocess *agent)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_wait_check (agent, NULL, &error);
  g_assert_no_error (error);
}

static GPtrArray *
sqlite_column (const char *dir,
               const char *sql)
{
  g_autofree char *path = g_build_filename (dir, "requests.db", NULL);
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (values, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return values;
}

static char *
join (GPtrArray *values)
{
  g_ptr_array_add (values, NULL);
  return g_strjoinv ("\n", (char **)values->pdata);
}

/* Every request the kiosk in @dir acknowledged is on the server exactly once, and the server
 * has nothing else from it. Returns how many. */
static guint
assert_exactly_once (const char *dir,
                     const char *kiosk)
{
  g_autoptr(GPtrArray) local = sqlite_column (dir, "SELECT uuid FROM requests ORDER BY uuid");
  g_autoptr(GPtrArray) unsent = sqlite_column (dir, "SELECT id FROM requests "
                                                    "WHERE sent_utc IS NULL");
  g_autofree char *sql = g_strdup_printf ("SELECT uuid FROM patient_kiosk.requests "
                                          "WHERE kiosk = '%s' ORDER BY uuid::text", kiosk);
  g_autoptr(GPtrArray) remote = kiosk_test_pg_query_column (pg, sql);
  g_autofree char *names_sql = g_strdup_printf ("SELECT count(*) - count(DISTINCT name) "
                                                "FROM patient_kiosk.requests WHERE kiosk = '%s'",
                                                kiosk);
  guint n = local->len;
  g_autofree char *local_text = join (local);
  g_autofree char *remote_text = join (remote);

  g_assert_cmpuint (unsent->len, ==, 0);
  g_assert_cmpstr (local_text, ==, remote_text);
  g_assert_cmpint (kiosk_test_pg_query_int (pg, names_sql), ==, 0);

  return n;
}

static char *
make_data_dir (void)
{
  return kiosk_test_make_dir ("kiosk-queue");
}

/* Set-up and privileges ------------------------------------------------------------------------ */

static void
test_setup_idempotent (void)
{
  g_autofree char *admin = kiosk_test_pg_conninfo (pg, "kiosk_test_admin");
  g_autofree char *option = g_strconcat ("--queue-connection=", admin, NULL);
  const char *exe = g_getenv ("KIOSK_EXE");
  g_autoptr(GError) error = NULL;
  int status = 0;

  /* Applied once by the fixture; again here, in-process and through the command line. */
  g_assert_true (kiosk_queue_setup (admin, &error));
  g_assert_no_error (error);
  g_assert_nonnull (exe);
  {
    const char *argv[] = { exe, "--queue-setup", option, NULL };

    g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                  &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }

  g_assert_cmpint (kiosk_test_pg_query_int (pg, "SELECT count(*) FROM "
                                                "patient_kiosk.schema_version"), ==, 1);
  g_assert_cmpint (kiosk_test_pg_query_int (pg, "SELECT count(*) FROM pg_roles WHERE rolname "
                                                "LIKE 'patient\\_kiosk\\_%'"), ==, 2);
}

static void
assert_denied (PGconn     *conn,
               const char *sql)
{
  g_autoptr(PGresult) result = PQexec (conn, sql);
  g_autoptr(GError) error = NULL;

  g_assert_false (kiosk_queue_check_result (conn, result, sql, &error));
  g_assert_error (error, KIOSK_QUEUE_ERROR, KIOSK_QUEUE_ERROR_PERMISSION);
}

static void
test_kiosk_role_cannot_read (void)
{
  g_autoptr(PGconn) kiosk = kiosk_test_pg_connect (pg, KIOSK_TEST_PG_KIOSK_ROLE);
  g_autoptr(PGconn) desk = kiosk_test_pg_connect (pg, KIOSK_TEST_PG_RECEPTION_ROLE);
  g_autoptr(GError) error = NULL;

  /* The kiosk's own credentials can add a request... */
  kiosk_queue_exec (kiosk,
                    "INSERT INTO patient_kiosk.requests (uuid, kiosk, created_at, name, phone, "
                    "  call_time, consent_version) VALUES ('7c1e5b0e-8a43-4b5e-9d59-0b1f7a3c2d11',"
                    "  'privileges', now(), 'Secreto Nombre', '+50688880000', 'any', '1') "
                    "ON CONFLICT DO NOTHING", &error);
  g_assert_no_error (error);

  /* ...and read nothing back, not even a count, nor change or delete anything. */
  assert_denied (kiosk, "SELECT name FROM patient_kiosk.requests");
  assert_denied (kiosk, "SELECT count(*) FROM patient_kiosk.requests");
  assert_denied (kiosk, "INSERT INTO patient_kiosk.requests (uuid, kiosk, created_at, name, phone,"
                        " call_time, consent_version) VALUES ('7c1e5b0e-8a43-4b5e-9d59-0b1f7a3c2d11',"
                        " 'x', now(), 'x', '+50688880000', 'any', '1') RETURNING name");
  assert_denied (kiosk, "UPDATE patient_kiosk.requests SET status = 'called-back'");
  assert_denied (kiosk, "DELETE FROM patient_kiosk.requests");

  /* Reception reads, changes the status only, and the server records who did it. */
  kiosk_queue_exec (desk, "UPDATE patient_kiosk.requests SET status = 'no-answer' "
                          "WHERE kiosk = 'privileges'", &error);
  g_assert_no_error (error);
  assert_denied (desk, "UPDATE patient_kiosk.requests SET name = 'Otro'");
  assert_denied (desk, "DELETE FROM patient_kiosk.requests");
  g_assert_cmpint (kiosk_test_pg_query_int (pg, "SELECT count(*) FROM patient_kiosk.requests "
                                                "WHERE kiosk = 'privileges' AND status_changed_by"
                                                " = '" KIOSK_TEST_PG_RECEPTION_ROLE "' AND "
                                                "sent_by = '" KIOSK_TEST_PG_KIOSK_ROLE "'"),
                   ==, 1);
}

/* Sending -------------------------------------------------------------------------------------- */

static void
test_offline_two_kiosks (void)
{
  g_autofree char *dir_a = make_data_dir ();
  g_autofree char *dir_b = make_data_dir ();
  g_autoptr(GSubprocess) a = NULL;
  g_autoptr(GSubprocess) b = NULL;
  g_autoptr(GPtrArray) unsent = NULL;

  kiosk_test_pg_stop_server (pg);

  a = spawn_agent (dir_a, "offline-a", "--save=15", "--drain", NULL);
  b = spawn_agent (dir_b, "offline-b", "--save=15", "--drain", NULL);
  agent_expect_line (a, "saved 15");
  agent_expect_line (b, "saved 15");

  /* Both have tried and failed by now or will shortly; nothing can have left either kiosk. */
  unsent = sqlite_column (dir_a, "SELECT id FROM requests WHERE sent_utc IS NULL");
  g_assert_cmpuint (unsent->len, ==, 15);
  kiosk_test_pg_start_server (pg);

  agent_wait_success (a);
  agent_wait_success (b);
  g_assert_cmpuint (assert_exactly_once (dir_a, "offline-a"), ==, 15);
  g_assert_cmpuint (assert_exactly_once (dir_b, "offline-b"), ==, 15);

  kiosk_test_remove_tree (dir_a);
  kiosk_test_remove_tree (dir_b);
}

static guint
kill_count (void)
{
  const char *value = g_getenv ("KIOSK_QUEUE_KILLS");

  return value != NULL ? (guint)g_ascii_strtoull (value, NULL, 10) : 20;
}

static void
drain (const char *dir,
       const char *kiosk)
{
  g_autoptr(GSubprocess) agent = spawn_agent (dir, kiosk, "--drain", NULL);

  agent_expect_line (agent, "saved 0");
  agent_wait_success (agent);
}

static void
test_sigkill (void)
{
  g_autofree char *dir = make_data_dir ();
  guint kills = kill_count ();
  guint n;

  for (guint i = 0; i < kills; i++)
    {
      g_autoptr(GSubprocess) agent = spawn_agent (dir, "killed", "--save-forever", NULL);

      agent_expect_line (agent, "saved 0");
      /* Anywhere in a save, a send, a COMMIT on either side or the marking afterwards. */
      g_usleep (g_test_rand_int_range (1000, 250000));
      g_subprocess_force_exit (agent);
      g_subprocess_wait (agent, NULL, NULL);
    }

  drain (dir, "killed");
  n = assert_exactly_once (dir, "killed");
  g_assert_cmpuint (n, >, 0);
  g_test_message ("queue-kill-figures: %u kills, %u requests, 0 lost, 0 duplicated", kills, n);

  kiosk_test_remove_tree (dir);
}

static gint64
server_count (const char *kiosk)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM patient_kiosk.requests "
                                          "WHERE kiosk = '%s'", kiosk);

  return kiosk_test_pg_query_int (pg, sql);
}

static void
test_server_restart (void)
{
  g_autofree char *dir = make_data_dir ();
  g_autoptr(GSubprocess) agent = spawn_agent (dir, "restarted", "--save-forever", NULL);
  guint n;

  agent_expect_line (agent, "saved 0");
  for (int round = 0; round < 3; round++)
    {
      gint64 before = server_count ("restarted");

      /* Wait until sends are flowing, then pull the server from under them. */
      while (server_count ("restarted") <= before)
        g_usleep (5000);
      g_usleep (g_test_rand_int_range (0, 20000));
      kiosk_test_pg_stop_server (pg);
      kiosk_test_pg_start_server (pg);
    }

  g_subprocess_send_signal (agent, SIGTERM);
  g_subprocess_wait (agent, NULL, NULL);
  drain (dir, "restarted");
  n = assert_exactly_once (dir, "restarted");
  g_test_message ("queue-restart-figures: 3 restarts, %u requests, 0 lost, 0 duplicated", n);

  kiosk_test_remove_tree (dir);
}

/* Privacy -------------------------------------------------------------------------------------- */

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));

  return memmem (contents, length, needle, strlen (needle)) != NULL;
}

/* How many of the names and phones of @kiosk's requests occur in any file under @dir. */
static guint
count_personal_data_in_files (const char *dir,
                              const char *kiosk,
                              guint      *files)
{
  g_autofree char *sql = g_strdup_printf ("SELECT name FROM patient_kiosk.requests WHERE kiosk = "
                                          "'%s' UNION ALL SELECT phone FROM "
                                          "patient_kiosk.requests WHERE kiosk = '%s'",
                                          kiosk, kiosk);
  g_autoptr(GPtrArray) values = kiosk_test_pg_query_column (pg, sql);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint found = 0;

  g_assert_cmpuint (values->len, >, 0);
  *files = 0;
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;
      (*files)++;
      for (guint i = 0; i < values->len; i++)
        found += file_contains (path, g_ptr_array_index (values, i));
    }

  return found;
}

static void
check_files_after_drain (const char *kiosk,
                         const char *erase_delay,
                         gboolean    expect_names)
{
  g_autofree char *dir = make_data_dir ();
  g_autoptr(GSubprocess) agent = spawn_agent (dir, kiosk, "--save=6", "--drain", "--hold",
                                              erase_delay, NULL);
  g_autoptr(GError) error = NULL;
  guint files = 0;
  guint found;

  agent_expect_line (agent, "saved 6");
  agent_expect_line (agent, "drained");

  /* The store is still open: requests.db, its -wal and -shm are all looked at. */
  found = count_personal_data_in_files (dir, kiosk, &files);
  g_assert_cmpuint (files, >=, 3);
  if (expect_names)
    g_assert_cmpuint (found, >, 0);
  else
    g_assert_cmpuint (found, ==, 0);

  g_output_stream_close (g_subprocess_get_stdin_pipe (agent), NULL, &error);
  g_assert_no_error (error);
  agent_wait_success (agent);
  assert_exactly_once (dir, kiosk);

  kiosk_test_remove_tree (dir);
}

static void
test_no_name_left (void)
{
  check_files_after_drain ("erased", "--erase-delay=0", FALSE);
}

/* The control for the test above: with a grace period the names are still there, so the search
 * does find them when they are. */
static void
test_grace_period_keeps_names (void)
{
  check_files_after_drain ("grace", "--erase-delay=3600", TRUE);
}

/* In-process: errors, the staff list, no timer ------------------------------------------------- */

typedef struct
{
  KioskStore *store;
  KioskQueue *queue;
  char       *dir;
  gboolean    changed;
} Kiosk;

static void
changed_cb (KioskQueue *queue,
            Kiosk      *kiosk)
{
  kiosk->changed = TRUE;
}

static void
kiosk_open (Kiosk      *kiosk,
            const char *conninfo,
            guint       erase_delay,
            guint       saves)
{
  g_autoptr(GError) error = NULL;

  kiosk->dir = make_data_dir ();
  kiosk->store = kiosk_store_open (kiosk->dir, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < saves; i++)
    {
      g_autoptr(KioskRequest) request = kiosk_request_new ("Ana Mora", "88881234", "+506",
                                                           KIOSK_CALL_TIME_ANY, NULL, TRUE, "1",
                                                           &error);
      g_assert_no_error (error);
      g_assert_cmpint (kiosk_store_save (kiosk->store, request, &error), >, 0);
    }
  kiosk->queue = kiosk_queue_new (kiosk->store, conninfo, "in-process", erase_delay);
  g_signal_connect (kiosk->queue, "changed", G_CALLBACK (changed_cb), kiosk);
  kiosk_queue_start (kiosk->queue);
}

/* Runs the main loop until the worker has published a round. */
static void
kiosk_wait_round (Kiosk *kiosk)
{
  kiosk->changed = FALSE;
  while (!kiosk->changed)
    g_main_context_iteration (NULL, TRUE);
}

static void
kiosk_close (Kiosk *kiosk)
{
  kiosk_queue_stop (kiosk->queue);
  g_assert_finalize_object (kiosk->queue);
  g_assert_finalize_object (kiosk->store);
  kiosk_test_remove_tree (kiosk->dir);
  g_free (kiosk->dir);
}

static void
assert_error_kept (const char      *conninfo,
                   KioskQueueError  code)
{
  Kiosk kiosk = { 0 };
  const GError *error;

  kiosk_open (&kiosk, conninfo, 0, 2);
  kiosk_wait_round (&kiosk);

  error = kiosk_queue_get_last_error (kiosk.queue);
  g_assert_error ((GError *)error, KIOSK_QUEUE_ERROR, (int)code);
  g_assert_cmpint (kiosk_queue_get_unsent (kiosk.queue), ==, 2);   /* they wait in the outbox */
  g_assert_nonnull (strstr (kiosk_queue_describe_error (error), "reception queue"));
  /* Retrying: the worker keeps a deadline, so it is not idle. */
  g_assert_false (kiosk_queue_is_idle (kiosk.queue));

  kiosk_close (&kiosk);
}

static void
test_wrong_password (void)
{
  g_autofree char *base = kiosk_test_pg_conninfo (pg, KIOSK_TEST_PG_KIOSK_ROLE);
  g_autofree char *conninfo = g_strconcat (base, " password=not-the-password", NULL);

  assert_error_kept (conninfo, KIOSK_QUEUE_ERROR_AUTH);
}

static void
test_unknown_host (void)
{
  assert_error_kept ("host=no-such-host.invalid dbname=kiosk user=kiosk_lobby",
                     KIOSK_QUEUE_ERROR_UNKNOWN_HOST);
}

static void
test_bad_certificate (void)
{
  g_autofree char *dir = make_data_dir ();
  g_autofree char *conninfo = NULL;

  /* The server's certificate is self-signed; this kiosk trusts only another one. */
  kiosk_test_pg_make_certificate (dir, "other");
  conninfo = g_strdup_printf ("host=localhost port=%d dbname=postgres user=%s "
                              "sslmode=verify-full sslrootcert=%s/other.crt",
                              pg->port, KIOSK_TEST_PG_KIOSK_ROLE, dir);
  assert_error_kept (conninfo, KIOSK_QUEUE_ERROR_TLS);

  kiosk_test_remove_tree (dir);
}

static void
test_sent_leave_staff_list (void)
{
  g_autofree char *conninfo = kiosk_test_pg_conninfo (pg, KIOSK_TEST_PG_KIOSK_ROLE);
  Kiosk kiosk = { 0 };
  g_autoptr(GListModel) listed = NULL;
  g_autoptr(GError) error = NULL;
  gint64 total = 0;
  gint64 pending = -1;

  kiosk_open (&kiosk, conninfo, 3600, 3);
  do
    kiosk_wait_round (&kiosk);
  while (kiosk_queue_get_unsent (kiosk.queue) != 0);

  g_assert_null (kiosk_queue_get_last_error (kiosk.queue));
  g_assert_nonnull (kiosk_queue_get_last_sent (kiosk.queue));
  /* The server has them: the staff area lists none, yet still counts them. */
  listed = kiosk_store_list_requests (kiosk.store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 0);
  g_assert_true (kiosk_store_count_requests (kiosk.store, &total, &pending, &error));
  g_assert_cmpint (total, ==, 3);
  g_assert_cmpint (pending, ==, 0);   /* reception has them */

  kiosk_close (&kiosk);
}

static void
test_idle_without_timer (void)
{
  g_autofree char *conninfo = kiosk_test_pg_conninfo (pg, KIOSK_TEST_PG_KIOSK_ROLE);
  Kiosk kiosk = { 0 };

  kiosk_open (&kiosk, conninfo, 0, 2);
  do
    kiosk_wait_round (&kiosk);
  while (kiosk_queue_get_unsent (kiosk.queue) != 0);

  g_assert_null (kiosk_queue_get_last_error (kiosk.queue));
  /* Sent and erased: the worker sleeps with no deadline at all. */
  while (!kiosk_queue_is_idle (kiosk.queue))
    g_usleep (1000);
  g_assert_true (kiosk_queue_is_idle (kiosk.queue));

  kiosk_close (&kiosk);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  pg = kiosk_test_pg_start_or_skip ();

  g_test_add_func ("/kiosk/queue/setup-idempotent", test_setup_idempotent);
  g_test_add_func ("/kiosk/queue/kiosk-role-cannot-read", test_kiosk_role_cannot_read);
  g_test_add_func ("/kiosk/queue/offline-two-kiosks", test_offline_two_kiosks);
  g_test_add_func ("/kiosk/queue/sigkill", test_sigkill);
  g_test_add_func ("/kiosk/queue/server-restart", test_server_restart);
  g_test_add_func ("/kiosk/queue/no-name-left", test_no_name_left);
  g_test_add_func ("/kiosk/queue/grace-period-keeps-names", test_grace_period_keeps_names);
  g_test_add_func ("/kiosk/queue/wrong-password", test_wrong_password);
  g_test_add_func ("/kiosk/queue/unknown-host", test_unknown_host);
  g_test_add_func ("/kiosk/queue/bad-certificate", test_bad_certificate);
  g_test_add_func ("/kiosk/queue/sent-leave-staff-list", test_sent_leave_staff_list);
  g_test_add_func ("/kiosk/queue/idle-without-timer", test_idle_without_timer);

  status = g_test_run ();
  kiosk_test_pg_free (pg);

  return status;
}
