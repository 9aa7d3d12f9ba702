/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "Should I book?" driven with real taps: three questions, the two endings, Back, and nothing of
 * the answers left once the page is left. */

#include "config.h"

#include <adwaita.h>

#include "kiosk-check-page.h"
#include "kiosk-content-pack.h"
#include "kiosk-language.h"
#include "kiosk-test-util.h"

typedef struct
{
  char             *dir;
  KioskApplication *app;
  KioskContentPack *content;
  GtkWindow        *window;
  GtkStack         *stack;
  KioskCheckPage   *page;
  char             *booked_topic;
} CheckFixture;

static void
book_cb (KioskCheckPage *page,
         const char     *topic,
         CheckFixture   *fixture)
{
  g_free (fixture->booked_topic);
  fixture->booked_topic = g_strdup (topic);
}

static void
check_setup (CheckFixture  *fixture,
             gconstpointer  data)
{
  const char *language = data != NULL ? data : "en";

  fixture->dir = kiosk_test_make_dir ("kiosk-check");
  /* The application loads the kiosk's style sheet, and with it the kiosk's sizes. */
  fixture->app = kiosk_test_application_new (fixture->dir, "speech-rate", "150", NULL);
  kiosk_language_apply (language);
  fixture->content = kiosk_content_pack_new (language, NULL, NULL);
  fixture->page = KIOSK_CHECK_PAGE (kiosk_check_page_new (
    kiosk_content_pack_get_check (fixture->content), language));
  g_object_ref_sink (fixture->page);
  g_signal_connect (fixture->page, "book", G_CALLBACK (book_cb), fixture);

  /* In a stack, as in the kiosk's window, so that leaving the page unmaps it. */
  fixture->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (fixture->stack, GTK_WIDGET (fixture->page), "check");
  gtk_stack_add_named (fixture->stack, gtk_label_new ("Home"), "home");
  gtk_stack_set_visible_child_name (fixture->stack, "check");
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1280, 800);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->stack));
  gtk_window_present (fixture->window);
  kiosk_test_iterate (100);
}

static void
check_teardown (CheckFixture  *fixture,
                gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  kiosk_test_iterate (50);
  g_assert_finalize_object (fixture->page);
  g_clear_object (&fixture->content);
  g_clear_object (&fixture->app);
  kiosk_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->booked_topic);
}

static GtkWidget *
answer_button (CheckFixture *fixture,
               gboolean      yes)
{
  GtkWidget *root = GTK_WIDGET (fixture->page);
  GtkWidget *button = kiosk_test_find_button_with_label (root, yes ? "Yes" : "No");

  if (button == NULL)
    button = kiosk_test_find_button_with_label (root, yes ? "Sí" : "No");
  g_assert_nonnull (button);
  g_assert_cmpint (gtk_widget_get_height (button), >=, 64);

  return button;
}

static void
answer (CheckFixture   *fixture,
        const gboolean *answers)
{
  for (guint q = 0; q < KIOSK_CHECK_N_QUESTIONS; q++)
    {
      g_assert_cmpuint (kiosk_check_page_get_question (fixture->page), ==, q);
      kiosk_test_tap (answer_button (fixture, answers[q]));
    }
  g_assert_true (kiosk_check_page_get_finished (fixture->page));
}

static void
test_all_no_ends_on_habits (CheckFixture  *fixture,
                            gconstpointer  data)
{
  const gboolean none[] = { FALSE, FALSE, FALSE };
  GtkWidget *page = GTK_WIDGET (fixture->page);

  g_assert_nonnull (kiosk_test_find_label (page, "Question 1 of 3"));
  g_assert_nonnull (kiosk_test_find_label (page, "Three quick questions"));
  g_assert_nonnull (kiosk_test_find_label (page, "Are your spasms frequent"));

  answer (fixture, none);
  kiosk_test_wait_for_label (page, "Habits that help", 2000);
  g_assert_nonnull (kiosk_test_find_label (page, "If the spasms keep happening, book"));
  g_assert_null (kiosk_test_find_label (page, "Book a consultation"));

  /* "If it keeps happening, book": the callback form is one tap away here too. */
  kiosk_test_tap (kiosk_test_find_button (page, "check.book"));
  g_assert_cmpstr (fixture->booked_topic, ==, "specialist");
}

static void
test_any_yes_ends_on_booking (CheckFixture  *fixture,
                              gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);

  for (guint q = 0; q < KIOSK_CHECK_N_QUESTIONS; q++)
    {
      gboolean answers[] = { FALSE, FALSE, FALSE };

      answers[q] = TRUE;
      answer (fixture, answers);
      kiosk_test_wait_for_label (page, "Book a consultation", 2000);
      kiosk_test_tap (kiosk_test_find_button (page, "check.restart"));
      g_assert_cmpuint (kiosk_check_page_get_question (fixture->page), ==, 0);
      g_assert_false (kiosk_check_page_get_finished (fixture->page));
    }

  /* Booking from the ending hands the topic on for the form. */
  answer (fixture, (const gboolean[]) { TRUE, TRUE, TRUE });
  kiosk_test_tap (kiosk_test_find_button (page, "check.book"));
  g_assert_cmpstr (fixture->booked_topic, ==, "specialist");
}

/* Back asks the last question again; from the first question it leaves the page. */
static void
test_back (CheckFixture  *fixture,
           gconstpointer  data)
{
  kiosk_test_tap (answer_button (fixture, TRUE));
  g_assert_cmpuint (kiosk_check_page_get_question (fixture->page), ==, 1);
  g_assert_true (kiosk_check_page_go_back (fixture->page));
  g_assert_cmpuint (kiosk_check_page_get_question (fixture->page), ==, 0);
  g_assert_false (kiosk_check_page_go_back (fixture->page));

  answer (fixture, (const gboolean[]) { FALSE, FALSE, TRUE });
  g_assert_true (kiosk_check_page_go_back (fixture->page));
  g_assert_cmpuint (kiosk_check_page_get_question (fixture->page), ==, 2);
  g_assert_false (kiosk_check_page_get_finished (fixture->page));
}

/* Leaving the page forgets the answers: the next visitor starts at question 1. */
static void
test_leaving_forgets (CheckFixture  *fixture,
                      gconstpointer  data)
{
  answer (fixture, (const gboolean[]) { TRUE, FALSE, FALSE });
  gtk_stack_set_visible_child_name (fixture->stack, "home");
  kiosk_test_iterate (50);
  gtk_stack_set_visible_child_name (fixture->stack, "check");
  kiosk_test_iterate (50);
  g_assert_cmpuint (kiosk_check_page_get_question (fixture->page), ==, 0);
  g_assert_false (kiosk_check_page_get_finished (fixture->page));
  g_assert_nonnull (kiosk_test_find_label (GTK_WIDGET (fixture->page), "Question 1 of 3"));
}

static void
test_spanish (CheckFixture  *fixture,
              gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);

  g_assert_nonnull (kiosk_test_find_label (page, "Pregunta 1 de 3"));
  g_assert_nonnull (kiosk_test_find_label (page, "¿Tiene espasmos frecuentes"));
  answer (fixture, (const gboolean[]) { FALSE, TRUE, FALSE });
  kiosk_test_wait_for_label (page, "Agende una consulta", 2000);
}

int
main (int   argc,
      char *argv[])
{
  kiosk_test_init (&argc, &argv);

#define ADD(path, language, func) \
  g_test_add ("/kiosk/check/" path, CheckFixture, language, check_setup, func, check_teardown)

  ADD ("all-no-ends-on-habits", NULL, test_all_no_ends_on_habits);
  ADD ("any-yes-ends-on-booking", NULL, test_any_yes_ends_on_booking);
  ADD ("back", NULL, test_back);
  ADD ("leaving-forgets", NULL, test_leaving_forgets);
  ADD ("spanish", "es", test_spanish);

  return g_test_run ();
}
