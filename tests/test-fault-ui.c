/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A patient's save while the disk fails, through the real form in a real window. The failures
 * are injected under SQLite by kiosk-test-vfs at the moment the patient taps Send: every sync
 * (a disk that cannot flush) or every write (a disk that cannot write) fails as an I/O error,
 * as the unix VFS reports pwrite() or fsync() failing with EIO. The patient must be told in
 * plain words, keep the form, and the same form must save once the disk works again; nothing
 * that was not acknowledged may appear, nothing acknowledged may be missing.
 *
 * libfiu's POSIX preload library would inject at the libc level instead, but inside a GTK
 * process it deadlocks now and then (its malloc wrapper resolves symbols with dlsym while
 * GTK's loader threads hold the dynamic linker's lock), so the libfiu cases run the command
 * line and the store in processes of their own (test-fault.c).
 */

#include "config.h"

#include <sqlite3.h>

#include "kiosk-callback-page.h"
#include "kiosk-home-page.h"
#include "kiosk-test-util.h"
#include "kiosk-test-vfs.h"
#include "kiosk-window.h"

#define SAVE_FAILED "We could not save your request. Please tell reception."

typedef KioskTestKiosk UiFixture;

static struct
{
  guint cases;
  guint survived;
  guint lost;
} figures;

static void
ui_setup (UiFixture     *fixture,
          gconstpointer  data)
{
  kiosk_test_kiosk_open (fixture, "default-language", "en", "kiosk-mode", "true", NULL);
}

static void
ui_teardown (UiFixture     *fixture,
             gconstpointer  data)
{
  kiosk_test_kiosk_close (fixture);
}

static GtkWidget *
form_page (UiFixture *fixture)
{
  return kiosk_window_get_page (fixture->window, "callback");
}

static GtkEditable *
entry (UiFixture *fixture,
       guint      index)
{
  /* The name field, then the phone field. */
  return GTK_EDITABLE (kiosk_test_find_entry (form_page (fixture),
                                              index == 0 ? GTK_INPUT_PURPOSE_NAME
                                                         : GTK_INPUT_PURPOSE_PHONE));
}

static GtkCheckButton *
consent (UiFixture *fixture)
{
  return GTK_CHECK_BUTTON (kiosk_test_find_widget (form_page (fixture), GTK_TYPE_CHECK_BUTTON));
}

static void
fill_form (UiFixture *fixture)
{
  GtkWidget *home = kiosk_window_get_page (fixture->window, "home");

  kiosk_test_click (kiosk_home_page_get_tile (KIOSK_HOME_PAGE (home), "kiosk.show-callback", NULL));
  kiosk_test_iterate (250);
  gtk_editable_set_text (entry (fixture, 0), "Ana Pérez");
  gtk_editable_set_text (entry (fixture, 1), "+506 8888-4321");
  gtk_widget_activate (GTK_WIDGET (consent (fixture)));
  g_assert_true (gtk_check_button_get_active (consent (fixture)));
}

static void
send (UiFixture *fixture)
{
  kiosk_test_click (kiosk_test_find_button (form_page (fixture), "callback.send"));
}

static gboolean
thanks_visible (gpointer data)
{
  UiFixture *fixture = data;

  return g_strcmp0 (kiosk_window_get_visible_page_name (fixture->window), "thanks") == 0;
}

/* Counts the stored requests with SQLite itself, not through the kiosk's code. */
static int
count_rows (UiFixture *fixture)
{
  g_autofree char *path = g_build_filename (fixture->data_dir, "requests.db", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int count = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, "SELECT count(*) FROM requests WHERE name = 'Ana Pérez'", -1,
                          &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return count;
}

static void
test_save_fails (UiFixture     *fixture,
                 gconstpointer  data)
{
  gboolean ok;

  fill_form (fixture);
  kiosk_test_vfs_set_failing (GPOINTER_TO_UINT (data));
  g_test_expect_message ("PatientKiosk", G_LOG_LEVEL_WARNING, "*Could not save a callback request*");
  send (fixture);
  kiosk_test_wait_for_label (form_page (fixture), SAVE_FAILED, 10000);
  kiosk_test_vfs_set_failing (KIOSK_TEST_FAIL_NONE);
  g_test_assert_expected_messages ();

  /* Told, still on the form, nothing typed lost, nothing stored. */
  ok = g_strcmp0 (kiosk_window_get_visible_page_name (fixture->window), "callback") == 0 &&
       g_str_equal (gtk_editable_get_text (entry (fixture, 0)), "Ana Pérez") &&
       g_str_equal (gtk_editable_get_text (entry (fixture, 1)), "+506 8888-4321") &&
       gtk_check_button_get_active (consent (fixture)) &&
       count_rows (fixture) == 0;

  /* The disk works again: the same form saves, once. */
  send (fixture);
  kiosk_test_wait_for (thanks_visible, fixture, 10000);
  figures.lost += count_rows (fixture) == 1 ? 0 : 1;
  figures.cases++;
  figures.survived += ok && count_rows (fixture) == 1 ? 1 : 0;

  g_assert_true (ok);
  g_assert_cmpint (count_rows (fixture), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  kiosk_test_init (&argc, &argv);
  kiosk_test_vfs_install ();

  g_test_add ("/kiosk/fault/ui/sync-fails", UiFixture,
              GUINT_TO_POINTER (KIOSK_TEST_FAIL_SYNCS), ui_setup, test_save_fails, ui_teardown);
  g_test_add ("/kiosk/fault/ui/write-fails", UiFixture,
              GUINT_TO_POINTER (KIOSK_TEST_FAIL_WRITES), ui_setup, test_save_fails,
              ui_teardown);

  status = g_test_run ();
  g_print ("# fault-figures: %u cases, %u survived, %u acknowledged lost\n",
           figures.cases, figures.survived, figures.lost);

  return status;
}
