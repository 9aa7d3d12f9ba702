/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What staff see when the request store could not be opened: the reason in plain words (the
 * application keeps the store's error), not only "the system log says why"; and a store that
 * failed for a passing reason opens when the next visitor opens the form, without a restart.
 */

#include "config.h"

#include <sqlite3.h>

#include "kiosk-callback-page.h"
#include "kiosk-keyboard.h"
#include "kiosk-staff-page.h"
#include "kiosk-staff-pin.h"
#include "kiosk-test-store.h"
#include "kiosk-test-util.h"
#include "kiosk-window.h"

#define STAFF_PIN "246810"

typedef KioskTestKiosk Fixture;

static KioskStaffPage *
staff_page (Fixture *fixture)
{
  return KIOSK_STAFF_PAGE (kiosk_window_get_page (fixture->window, "staff"));
}

static void
type_pin (Fixture    *fixture,
          const char *pin)
{
  GtkWidget *pad = kiosk_test_find_widget (GTK_WIDGET (staff_page (fixture)), KIOSK_TYPE_KEYBOARD);

  for (const char *p = pin; *p != '\0'; p++)
    {
      char key[2] = { *p, '\0' };

      kiosk_test_click (kiosk_test_find_button_with_label (pad, key));
    }
  kiosk_test_click (kiosk_test_find_button (GTK_WIDGET (staff_page (fixture)), "staff.unlock"));
}

/* Starts the kiosk on fixture->data_dir, whose store cannot be opened: the kiosk finds out
 * once its first frame is on screen, without anyone opening the form. */
static void
start_without_store (Fixture *fixture)
{
  fixture->app = kiosk_test_application_new (fixture->data_dir,
                                             "default-language", "en", "kiosk-mode", "true", NULL);
  fixture->window = kiosk_window_new (fixture->app);
  g_test_expect_message ("PatientKiosk", G_LOG_LEVEL_WARNING, "*Cannot open the request store*");
  gtk_window_present (GTK_WINDOW (fixture->window));
  kiosk_test_wait_for_warm_up (fixture->window);
  g_test_assert_expected_messages ();
  g_assert_null (kiosk_application_get_store (fixture->app));
}

/* A database of a newer kiosk: this one leaves it alone, and staff are told so. */
static void
newer_setup (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *db_path = NULL;
  g_autoptr(KioskStaffPin) pin = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  fixture->data_dir = kiosk_test_make_data_dir ();
  db_path = g_build_filename (fixture->data_dir, "requests.db", NULL);
  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); PRAGMA user_version = 99;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  pin = kiosk_staff_pin_new (fixture->data_dir, &error);
  g_assert_no_error (error);
  g_assert_true (kiosk_staff_pin_set (pin, STAFF_PIN, &error));

  start_without_store (fixture);
}

static void
test_newer_schema (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "kiosk.staff", NULL);
  kiosk_test_wait_for_page (fixture->window, "staff");
  type_pin (fixture, STAFF_PIN);
  kiosk_test_wait_for_label (GTK_WIDGET (staff_page (fixture)), "newer version of the kiosk",
                             10000);
}

/* Another process holding the database exclusively for longer than the busy timeout while the
 * kiosk starts (a backup tool, a stuck export): a passing reason. */
static sqlite3 *locker;

static void
locked_setup (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *db_path = NULL;

  fixture->data_dir = kiosk_test_make_data_dir ();
  db_path = g_build_filename (fixture->data_dir, "requests.db", NULL);
  g_assert_cmpint (sqlite3_open (db_path, &locker), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (locker, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  start_without_store (fixture);
}

static void
test_reopened_for_form (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *form;
  GtkWidget *name;
  KioskStore *store;

  /* While the lock is still held, opening the form tries again and fails again, quietly
   * keeping the kiosk usable. */
  g_test_expect_message ("PatientKiosk", G_LOG_LEVEL_WARNING, "*Cannot open the request store*");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "kiosk.show-callback", NULL);
  g_test_assert_expected_messages ();
  kiosk_test_wait_for_page (fixture->window, "callback");
  g_assert_null (kiosk_application_get_store (fixture->app));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "kiosk.home", NULL);
  kiosk_test_wait_for_page (fixture->window, "home");

  g_assert_cmpint (sqlite3_exec (locker, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_pointer (&locker, sqlite3_close);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "kiosk.show-callback", NULL);
  kiosk_test_wait_for_page (fixture->window, "callback");
  store = kiosk_application_get_store (fixture->app);
  g_assert_nonnull (store);
  g_assert_null (kiosk_application_get_store_error (fixture->app));

  /* The form now on screen saves into it. */
  form = kiosk_window_get_page (fixture->window, "callback");
  name = kiosk_test_find_entry (form, GTK_INPUT_PURPOSE_NAME);
  gtk_editable_set_text (GTK_EDITABLE (name), "Ana Pérez");
  gtk_editable_set_text (GTK_EDITABLE (kiosk_test_find_entry (form, GTK_INPUT_PURPOSE_PHONE)),
                         "+506 8888-4321");
  gtk_widget_activate (kiosk_test_find_widget (form, GTK_TYPE_CHECK_BUTTON));
  kiosk_test_click (kiosk_test_find_button (form, "callback.send"));
  kiosk_test_wait_for_page (fixture->window, "thanks");
  g_assert_cmpint (kiosk_test_store_query_int (store, "SELECT count(*) FROM requests"), ==, 1);
}

static void
teardown (Fixture       *fixture,
          gconstpointer  data)
{
  kiosk_test_kiosk_close (fixture);
}

int
main (int   argc,
      char *argv[])
{
  kiosk_test_init (&argc, &argv);

  g_test_add ("/kiosk/store-state/newer-schema", Fixture, NULL,
              newer_setup, test_newer_schema, teardown);
  g_test_add ("/kiosk/store-state/reopened-for-form", Fixture, NULL,
              locked_setup, test_reopened_for_form, teardown);

  return g_test_run ();
}
