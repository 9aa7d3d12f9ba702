/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Reception's desk app under Xvfb against a private PostgreSQL server (issue 12): a request
 * saved on a kiosk appears through LISTEN/NOTIFY, *Called back* reaches the server with the
 * reception role recorded, the filter, and bad credentials give the message staff can act on.
 */

#include "config.h"

#include "kiosk-keyboard.h"
#include "kiosk-queue.h"
#include "kiosk-reception-window.h"
#include "kiosk-staff-page.h"
#include "kiosk-staff-pin.h"
#include "kiosk-test-pg.h"
#include "kiosk-test-util.h"

static KioskTestPg *pg;

typedef struct
{
  char                 *dir;
  KioskApplication     *app;
  KioskReceptionWindow *window;
} Desk;

static void
desk_open (Desk       *desk,
           const char *conninfo)
{
  desk->dir = kiosk_test_make_data_dir ();
  desk->app = kiosk_test_application_new (desk->dir, "queue-connection", conninfo, NULL);
  desk->window = kiosk_reception_window_new (desk->app);
  gtk_window_set_default_size (GTK_WINDOW (desk->window), 1100, 800);
  gtk_window_present (GTK_WINDOW (desk->window));
  kiosk_test_iterate (50);
}

static void
desk_close (Desk *desk)
{
  gtk_window_destroy (GTK_WINDOW (desk->window));
  kiosk_test_iterate (50);
  g_clear_object (&desk->app);
  kiosk_test_remove_tree (desk->dir);
  g_free (desk->dir);
}

static gboolean
is_connected (gpointer data)
{
  return kiosk_reception_is_connected (kiosk_reception_window_get_reception (data));
}

/* A kiosk in this process: its store and sync worker. */
typedef struct
{
  char       *dir;
  KioskStore *store;
  KioskQueue *queue;
} Kiosk;

static void
kiosk_open (Kiosk *kiosk)
{
  g_autofree char *conninfo = kiosk_test_pg_conninfo (pg, KIOSK_TEST_PG_KIOSK_ROLE);
  g_autoptr(GError) error = NULL;

  kiosk->dir = kiosk_test_make_data_dir ();
  kiosk->store = kiosk_store_open (kiosk->dir, &error);
  g_assert_no_error (error);
  kiosk->queue = kiosk_queue_new (kiosk->store, conninfo, "Lobby", 0);
  kiosk_queue_start (kiosk->queue);
}

static void
kiosk_save (Kiosk      *kiosk,
            const char *name,
            const char *phone)
{
  g_autoptr(KioskRequest) request = NULL;
  g_autoptr(GError) error = NULL;

  request = kiosk_request_new (name, phone, "+506", KIOSK_CALL_TIME_AFTERNOON, "causes", TRUE, "1",
                               &error);
  g_assert_no_error (error);
  g_assert_cmpint (kiosk_store_save (kiosk->store, request, &error), >, 0);
}

static void
kiosk_close (Kiosk *kiosk)
{
  kiosk_queue_stop (kiosk->queue);
  g_clear_object (&kiosk->queue);
  g_clear_object (&kiosk->store);
  kiosk_test_remove_tree (kiosk->dir);
  g_free (kiosk->dir);
}

static gboolean
row_shows (gpointer data)
{
  gpointer *args = data;

  return kiosk_test_find_label (args[0], args[1]) != NULL;
}

static void
wait_for_text (Desk       *desk,
               const char *text)
{
  gpointer args[] = { desk->window, (gpointer)text };

  /* A deadline against hanging only: the time it took is reported, not asserted. */
  kiosk_test_wait_for (row_shows, args, 30000);
}

/* A desk app connected as the reception role, and a kiosk sending to the same queue. */
static void
desk_and_kiosk_open (Desk  *desk,
                     Kiosk *kiosk)
{
  g_autofree char *conninfo = kiosk_test_pg_conninfo (pg, KIOSK_TEST_PG_RECEPTION_ROLE);

  desk_open (desk, conninfo);
  kiosk_test_wait_for (is_connected, desk->window, 30000);
  kiosk_open (kiosk);
}

static void
test_live_and_called_back (void)
{
  Desk desk = { 0 };
  Kiosk kiosk = { 0 };
  GtkWidget *button;
  gint64 start;

  desk_and_kiosk_open (&desk, &kiosk);

  /* The patient's acknowledgement comes from the local save; the desk learns by NOTIFY. */
  start = g_get_monotonic_time ();
  kiosk_save (&kiosk, "Rosa Quesada", "88881234");
  wait_for_text (&desk, "Rosa Quesada");
  g_test_message ("reception-latency: saved at the kiosk to shown at the desk in %.0f ms",
                  (g_get_monotonic_time () - start) / 1000.0);

  /* The phone is grouped for reading aloud, with the kiosk and the preferred time. */
  g_assert_nonnull (kiosk_test_find_label (GTK_WIDGET (desk.window), "+506 8888 1234"));
  g_assert_nonnull (kiosk_test_find_label (GTK_WIDGET (desk.window), "Lobby"));
  g_assert_nonnull (kiosk_test_find_label (GTK_WIDGET (desk.window), "afternoon"));
  /* The topic by its title, as the patient saw it. */
  g_assert_nonnull (kiosk_test_find_label (GTK_WIDGET (desk.window), "Why does my face twitch?"));

  button = kiosk_test_find_button_with_label (GTK_WIDGET (desk.window), "Called back");
  g_assert_nonnull (button);
  kiosk_test_click (button);

  /* The server has it, with the reception role that did it... */
  g_assert_cmpint (kiosk_test_pg_query_int (pg, "SELECT count(*) FROM patient_kiosk.requests "
                                                "WHERE name = 'Rosa Quesada' AND status = "
                                                "'called-back' AND status_changed_by = '"
                                                KIOSK_TEST_PG_RECEPTION_ROLE "' AND "
                                                "status_changed_at IS NOT NULL"), ==, 1);
  /* ...it left the list of those waiting, and the list of all requests says who called. */
  g_assert_null (kiosk_test_find_label (GTK_WIDGET (desk.window), "Rosa Quesada"));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (kiosk_test_find_widget (GTK_WIDGET (desk.window),
                                                                     GTK_TYPE_DROP_DOWN)), 3);
  wait_for_text (&desk, "Called back by " KIOSK_TEST_PG_RECEPTION_ROLE);

  kiosk_close (&kiosk);
  desk_close (&desk);
}

static gboolean
list_empty (gpointer data)
{
  KioskReception *reception = kiosk_reception_window_get_reception (data);

  return g_list_model_get_n_items (kiosk_reception_get_entries (reception)) == 0;
}

static void
test_filter (void)
{
  Desk desk = { 0 };
  Kiosk kiosk = { 0 };
  GtkDropDown *filter;

  desk_and_kiosk_open (&desk, &kiosk);
  kiosk_save (&kiosk, "Filtro Prueba", "88884321");
  wait_for_text (&desk, "Filtro Prueba");

  /* The first entry lists those waiting; "Called back" (2) has none of them. */
  filter = GTK_DROP_DOWN (kiosk_test_find_widget (GTK_WIDGET (desk.window), GTK_TYPE_DROP_DOWN));
  gtk_drop_down_set_selected (filter, 2);
  g_assert_null (kiosk_test_find_label (GTK_WIDGET (desk.window), "Filtro Prueba"));
  gtk_drop_down_set_selected (filter, 1);
  kiosk_test_wait_for (list_empty, desk.window, 30000);
  gtk_drop_down_set_selected (filter, 3);
  wait_for_text (&desk, "Filtro Prueba");

  kiosk_close (&kiosk);
  desk_close (&desk);
}

static void
test_bad_credentials (void)
{
  g_autofree char *base = kiosk_test_pg_conninfo (pg, KIOSK_TEST_PG_RECEPTION_ROLE);
  g_autofree char *conninfo = g_strconcat (base, " password=wrong", NULL);
  g_autoptr(GError) auth = g_error_new_literal (KIOSK_QUEUE_ERROR, KIOSK_QUEUE_ERROR_AUTH, "");
  Desk desk = { 0 };

  desk_open (&desk, conninfo);
  kiosk_test_wait_for_label (GTK_WIDGET (desk.window), kiosk_queue_describe_error (auth), 30000);
  g_assert_false (kiosk_reception_is_connected (kiosk_reception_window_get_reception (
                                                  desk.window)));

  desk_close (&desk);
}

/* The kiosk in queue mode ---------------------------------------------------------------------- */

#define STAFF_PIN "246810"

static gboolean
staff_unlocked (gpointer page)
{
  return kiosk_staff_page_get_unlocked (KIOSK_STAFF_PAGE (page));
}

static void
unlock_staff_area (KioskTestKiosk *kiosk)
{
  GtkWidget *page = kiosk_window_get_page (kiosk->window, "staff");
  GtkWidget *pad;

  kiosk_test_press_keys (GTK_WINDOW (kiosk->window), "ctrl+alt+s");
  kiosk_test_wait_for_page (kiosk->window, "staff");
  pad = kiosk_test_find_widget (page, KIOSK_TYPE_KEYBOARD);
  for (const char *p = STAFF_PIN; *p != '\0'; p++)
    {
      char key[2] = { *p, '\0' };

      kiosk_test_click (kiosk_test_find_button_with_label (pad, key));
    }
  kiosk_test_click (kiosk_test_find_button (page, "staff.unlock"));
  /* The PIN check (Argon2id) runs in a worker thread. */
  kiosk_test_wait_for (staff_unlocked, page, 30000);
}

static gboolean
queue_drained (gpointer data)
{
  KioskQueue *queue = data;

  return kiosk_queue_get_unsent (queue) == 0 && kiosk_queue_get_last_sent (queue) != NULL;
}

static void
test_kiosk_staff_area (void)
{
  g_autofree char *conninfo = kiosk_test_pg_conninfo (pg, KIOSK_TEST_PG_KIOSK_ROLE);
  KioskTestKiosk kiosk = { 0 };
  g_autoptr(KioskStaffPin) pin = NULL;
  g_autoptr(KioskRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  KioskQueue *queue;
  GtkWidget *page;

  kiosk_test_kiosk_open (&kiosk, "default-language", "en", "kiosk-mode", "true",
                         "queue-connection", conninfo, "kiosk-name", "Second floor", NULL);
  pin = kiosk_staff_pin_new (kiosk.data_dir, &error);
  g_assert_no_error (error);
  g_assert_true (kiosk_staff_pin_set (pin, STAFF_PIN, &error));

  queue = kiosk_application_get_queue (kiosk.app);
  g_assert_nonnull (queue);
  request = kiosk_request_new ("Marta Solís", "88887777", "+506", KIOSK_CALL_TIME_ANY, NULL,
                               TRUE, "1", &error);
  g_assert_cmpint (kiosk_store_save (kiosk_application_get_store (kiosk.app), request, &error),
                   >, 0);
  kiosk_test_wait_for (queue_drained, queue, 30000);

  /* The staff area says where the requests are, and no longer lists the name the server has. */
  unlock_staff_area (&kiosk);
  page = kiosk_window_get_page (kiosk.window, "staff");
  kiosk_test_wait_for_label (page, "Every request has reached reception.", 10000);
  g_assert_nonnull (kiosk_test_find_label (page, "Last sent:"));
  g_assert_null (kiosk_test_find_label (GTK_WIDGET (kiosk.window), "Marta"));
  g_assert_cmpint (kiosk_test_pg_query_int (pg, "SELECT count(*) FROM patient_kiosk.requests "
                                                "WHERE name = 'Marta Solís' AND kiosk = "
                                                "'Second floor'"), ==, 1);

  kiosk_test_kiosk_close (&kiosk);
}

int
main (int    argc,
      char **argv)
{
  int status;

  kiosk_test_init (&argc, &argv);

  pg = kiosk_test_pg_start_or_skip ();

  g_test_add_func ("/kiosk/reception/live-and-called-back", test_live_and_called_back);
  g_test_add_func ("/kiosk/reception/filter", test_filter);
  g_test_add_func ("/kiosk/reception/bad-credentials", test_bad_credentials);
  g_test_add_func ("/kiosk/reception/kiosk-staff-area", test_kiosk_staff_area);

  status = g_test_run ();
  kiosk_test_pg_free (pg);

  return status;
}
