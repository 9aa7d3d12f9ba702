/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The kiosk deletes the requests older than the retention-days setting when it starts. It is a
 * UI test because the application's startup initialises GTK.
 */

#include "config.h"

#include "kiosk-store-private.h"
#include "kiosk-test-util.h"

static void
save_days_ago (KioskStore *store,
               const char *name,
               int         days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) created = g_date_time_add_days (now, -days);
  g_autoptr(KioskRequest) request = NULL;
  g_autoptr(GError) error = NULL;

  request = kiosk_request_new_full (0, created, name, "+50688881234", KIOSK_CALL_TIME_ANY, NULL,
                                    "2025-01", KIOSK_REQUEST_STATUS_PENDING, NULL, NULL, NULL);
  kiosk_store_save (store, request, &error);
  g_assert_no_error (error);
}

static char *
make_data_dir_with_requests (void)
{
  char *data_dir = kiosk_test_make_data_dir ();
  g_autoptr(KioskStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = kiosk_store_open (data_dir, &error);
  g_assert_no_error (error);
  save_days_ago (store, "Old", 40);
  save_days_ago (store, "Recent", 2);

  return data_dir;
}

/* The retention writes an "expire" audit row even when it deletes nothing. */
static gboolean
retention_ran (gpointer data)
{
  g_autofree char *count = NULL;

  count = _kiosk_store_test_query (data, "SELECT count(*) FROM audit WHERE event = 'expire'",
                                   NULL);

  return g_strcmp0 (count, "1") == 0;
}

static char *
names (KioskStore *store)
{
  g_autoptr(GError) error = NULL;
  char *result = _kiosk_store_test_query (store, "SELECT group_concat (name, '|') FROM "
                                                 "(SELECT name FROM requests ORDER BY id)",
                                          &error);

  g_assert_no_error (error);

  return result;
}

static void
check_retention (const char *retention_days,
                 const char *expected_names,
                 const char *expected_audit)
{
  g_autofree char *data_dir = make_data_dir_with_requests ();
  g_autoptr(KioskApplication) app = NULL;
  g_autofree char *left = NULL;
  g_autofree char *audit = NULL;
  KioskStore *store;

  app = kiosk_test_application_new (data_dir, "retention-days", retention_days, NULL);
  store = kiosk_application_get_store (app);
  g_assert_nonnull (store);
  kiosk_test_wait_for (retention_ran, store, 5000);

  left = names (store);
  g_assert_cmpstr (left, ==, expected_names);
  audit = _kiosk_store_test_query (store, "SELECT event || ':' || count FROM audit "
                                          "WHERE event = 'expire'", NULL);
  g_assert_cmpstr (audit, ==, expected_audit);

  g_clear_object (&app);
  kiosk_test_remove_tree (data_dir);
}

static void
test_retention_at_start (void)
{
  check_retention ("30", "Recent", "expire:1");
}

static void
test_retention_keeps_recent (void)
{
  check_retention ("60", "Old|Recent", "expire:0");
}

int
main (int   argc,
      char *argv[])
{
  kiosk_test_init (&argc, &argv);

  g_test_add_func ("/kiosk/retention/at-start", test_retention_at_start);
  g_test_add_func ("/kiosk/retention/keeps-recent", test_retention_keeps_recent);

  return g_test_run ();
}
