/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What staff see when the request store could not be opened: the reason in plain words (the
 * application keeps the store's error), not only "the system log says why".
 */

#include "config.h"

#include <sqlite3.h>

#include "kiosk-keyboard.h"
#include "kiosk-staff-page.h"
#include "kiosk-staff-pin.h"
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

  g_test_expect_message ("PatientKiosk", G_LOG_LEVEL_WARNING, "*Cannot open the request store*");
  fixture->app = kiosk_test_application_new (fixture->data_dir,
                                             "default-language", "en", "kiosk-mode", "true", NULL);
  g_test_assert_expected_messages ();
  g_assert_null (kiosk_application_get_store (fixture->app));
  fixture->window = kiosk_window_new (fixture->app);
  gtk_window_present (GTK_WINDOW (fixture->window));
  kiosk_test_iterate (100);
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

  return g_test_run ();
}
