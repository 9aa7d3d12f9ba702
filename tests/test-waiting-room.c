/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue 13 in the kiosk's window: "Should I book?" from the home page and the specialist page by
 * real taps into a pre-filled form, Listen on every patient page and stopped by the reset and a
 * change of language, and the waiting screen's cards after a reset. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "kiosk-attract-view.h"
#include "kiosk-callback-page-private.h"
#include "kiosk-check-page.h"
#include "kiosk-listen-button.h"
#include "kiosk-test-util.h"
#include "kiosk-topic-page.h"
#include "kiosk-window.h"

typedef KioskTestKiosk RoomFixture;

static void
room_setup (RoomFixture   *fixture,
            gconstpointer  data)
{
  kiosk_test_kiosk_open (fixture, "default-language", data != NULL ? data : "en",
                         "kiosk-mode", "true", NULL);
}

static void
room_teardown (RoomFixture   *fixture,
               gconstpointer  data)
{
  g_unsetenv ("KIOSK_SPEECH_SINK");
  kiosk_test_kiosk_close (fixture);
}

static GtkWidget *
visible_page (RoomFixture *fixture)
{
  return kiosk_window_get_visible_page (fixture->window);
}

static void
tap_answer (RoomFixture *fixture,
            const char  *label)
{
  GtkWidget *button = kiosk_test_find_button_with_label (visible_page (fixture), label);

  g_assert_nonnull (button);
  kiosk_test_tap (button);
}

/* From the home page, three answers by taps, "Request a callback": the form opens at its first
 * step about "When should I see a specialist?", and the answers are nowhere. */
static void
test_check_from_home (RoomFixture   *fixture,
                      gconstpointer  data)
{
  GtkWidget *form = kiosk_window_get_page (fixture->window, "callback");
  KioskCheckPage *check = KIOSK_CHECK_PAGE (kiosk_window_get_page (fixture->window, "check"));

  kiosk_test_tap (kiosk_test_find_button (visible_page (fixture), "kiosk.show-check"));
  kiosk_test_wait_for_page (fixture->window, "check");
  kiosk_test_iterate (300);
  tap_answer (fixture, "No");
  tap_answer (fixture, "Yes");
  tap_answer (fixture, "No");
  kiosk_test_wait_for_label (visible_page (fixture), "Book a consultation", 2000);

  kiosk_test_tap (kiosk_test_find_button (visible_page (fixture), "check.book"));
  kiosk_test_wait_for_page (fixture->window, "callback");
  g_assert_cmpint (kiosk_callback_page_get_step (KIOSK_CALLBACK_PAGE (form)), ==,
                   KIOSK_CALLBACK_STEP_NAME);
  g_assert_cmpstr (_kiosk_callback_page_get_topic (KIOSK_CALLBACK_PAGE (form)), ==, "specialist");

  /* Leaving the check forgot the answers: it starts again at its first question. */
  g_assert_cmpuint (kiosk_check_page_get_question (check), ==, 0);
  g_assert_false (kiosk_check_page_get_finished (check));
}

/* The specialist page offers the check; the other topics do not. Back inside the check asks the
 * previous question again. */
static void
test_check_from_specialist (RoomFixture   *fixture,
                            gconstpointer  data)
{
  GtkWidget *causes;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "kiosk.show-topic", "s", "causes");
  kiosk_test_wait_for_page (fixture->window, "topic-causes");
  causes = visible_page (fixture);
  g_assert_false (gtk_widget_get_visible (kiosk_test_find_button (causes, "kiosk.show-check")));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "kiosk.show-topic", "s", "specialist");
  kiosk_test_wait_for_page (fixture->window, "topic-specialist");
  /* Below the page's text, scrolled out of sight at first: pressed, not tapped. */
  kiosk_test_click (kiosk_test_find_button (visible_page (fixture), "kiosk.show-check"));
  kiosk_test_wait_for_page (fixture->window, "check");
  kiosk_test_iterate (300);

  tap_answer (fixture, "No");
  g_assert_nonnull (kiosk_test_find_label (visible_page (fixture), "Question 2 of 3"));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "kiosk.back", NULL);
  g_assert_nonnull (kiosk_test_find_label (visible_page (fixture), "Question 1 of 3"));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "kiosk.back", NULL);
  kiosk_test_wait_for_page (fixture->window, "topic-specialist");
}

static GtkWidget *
listen_control (GtkWidget *page)
{
  GtkWidget *listen = kiosk_test_find_widget (page, KIOSK_TYPE_LISTEN_BUTTON);

  g_assert_nonnull (listen);
  gtk_test_accessible_assert_property (
    GTK_ACCESSIBLE (kiosk_test_find_widget (listen, GTK_TYPE_BUTTON)),
    GTK_ACCESSIBLE_PROPERTY_LABEL, "Listen: read this page aloud");

  return listen;
}

static gboolean
wav_started (gpointer data)
{
  GStatBuf st;

  return g_stat (data, &st) == 0 && st.st_size > 44 + 22050;
}

/* Every patient page has Listen; the reset stops a reading at once. */
static void
test_reset_stops_reading (RoomFixture   *fixture,
                          gconstpointer  data)
{
  g_autofree char *wav = g_build_filename (fixture->data_dir, "..", "reading.wav", NULL);
  g_autofree char *target = g_strconcat ("file:", wav, NULL);
  GtkWidget *listen;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "kiosk.show-callback", NULL);
  listen_control (visible_page (fixture));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "kiosk.show-topic", "s", "treatments");
  kiosk_test_wait_for_page (fixture->window, "topic-treatments");
  listen = listen_control (visible_page (fixture));

  g_setenv ("KIOSK_SPEECH_SINK", target, TRUE);
  kiosk_test_tap (kiosk_test_find_widget (listen, GTK_TYPE_BUTTON));
  g_assert_true (kiosk_listen_button_get_speaking (KIOSK_LISTEN_BUTTON (listen)));
  kiosk_test_wait_for (wav_started, wav, 10000);

  kiosk_window_reset (fixture->window);
  g_assert_false (kiosk_listen_button_get_speaking (KIOSK_LISTEN_BUTTON (listen)));
  g_unlink (wav);
}

/* The clinic chooses the voice per language: a voice espeak-ng does not have is refused, and the
 * control says reading aloud is not available, with a warning for IT. */
static void
test_voice_from_settings (RoomFixture   *fixture,
                          gconstpointer  data)
{
  g_autofree char *wav = g_build_filename (fixture->data_dir, "..", "reading-voice.wav", NULL);
  g_autofree char *target = g_strconcat ("file:", wav, NULL);
  GSettings *settings = kiosk_application_get_settings (fixture->app);
  GtkWidget *listen;

  g_settings_set_value (settings, "speech-voices",
                        g_variant_new_parsed ("{'en': 'xx-no-such-voice'}"));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "kiosk.show-topic", "s", "causes");
  kiosk_test_wait_for_page (fixture->window, "topic-causes");
  listen = listen_control (visible_page (fixture));
  g_setenv ("KIOSK_SPEECH_SINK", target, TRUE);

  g_test_expect_message ("PatientKiosk", G_LOG_LEVEL_WARNING, "*xx-no-such-voice*");
  kiosk_test_tap (kiosk_test_find_widget (listen, GTK_TYPE_BUTTON));
  kiosk_test_wait_for_label (listen, "not available", 10000);
  g_test_assert_expected_messages ();
  g_settings_reset (settings, "speech-voices");
  g_unlink (wav);
}

static gboolean
lines_mention (char       **lines,
               const char  *text)
{
  g_autofree char *all = g_strjoinv ("\n", lines);

  return strstr (all, text) != NULL;
}

/* Listen on the form reads each step's question, never what the visitor typed, except on the
 * check step, where the visitor presses it to hear what will be sent: the name and only the
 * phone's last digits. */
static void
test_form_reading_privacy (RoomFixture   *fixture,
                           gconstpointer  data)
{
  KioskCallbackPage *form = KIOSK_CALLBACK_PAGE (kiosk_window_get_page (fixture->window,
                                                                         "callback"));
  g_auto(GStrv) name_step = NULL;
  g_auto(GStrv) phone_step = NULL;
  g_auto(GStrv) check_step = NULL;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "kiosk.show-callback", NULL);
  kiosk_test_wait_for_page (fixture->window, "callback");
  gtk_editable_set_text (GTK_EDITABLE (kiosk_test_find_entry (GTK_WIDGET (form),
                                                              GTK_INPUT_PURPOSE_NAME)),
                         "Rosa Quesada");
  gtk_editable_set_text (GTK_EDITABLE (kiosk_test_find_entry (GTK_WIDGET (form),
                                                              GTK_INPUT_PURPOSE_PHONE)),
                         "8765 4321");
  name_step = _kiosk_callback_page_dup_reading (form);
  g_assert_true (lines_mention (name_step, "What is your name?"));
  g_assert_false (lines_mention (name_step, "Rosa"));

  kiosk_callback_page_set_step (form, KIOSK_CALLBACK_STEP_PHONE);
  phone_step = _kiosk_callback_page_dup_reading (form);
  g_assert_false (lines_mention (phone_step, "8765"));
  g_assert_false (lines_mention (phone_step, "4321"));

  kiosk_callback_page_set_step (form, KIOSK_CALLBACK_STEP_CHECK);
  check_step = _kiosk_callback_page_dup_reading (form);
  g_assert_true (lines_mention (check_step, "Rosa Quesada"));
  g_assert_true (lines_mention (check_step, "21"));
  g_assert_false (lines_mention (check_step, "8765"));
  g_assert_false (lines_mention (check_step, "•"));
}

/* A change of language stops the reading too: it was in the other language. */
static void
test_language_stops_reading (RoomFixture   *fixture,
                             gconstpointer  data)
{
  g_autofree char *wav = g_build_filename (fixture->data_dir, "..", "reading-lang.wav", NULL);
  g_autofree char *target = g_strconcat ("file:", wav, NULL);
  GtkWidget *listen;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "kiosk.show-check", NULL);
  kiosk_test_wait_for_page (fixture->window, "check");
  kiosk_test_iterate (300);
  listen = listen_control (visible_page (fixture));
  g_setenv ("KIOSK_SPEECH_SINK", target, TRUE);
  kiosk_test_tap (kiosk_test_find_widget (listen, GTK_TYPE_BUTTON));
  kiosk_test_wait_for (wav_started, wav, 10000);

  kiosk_window_set_language (fixture->window, "es");
  g_assert_false (kiosk_listen_button_get_speaking (KIOSK_LISTEN_BUTTON (listen)));
  g_unlink (wav);
}

/* After a reset the start screen teaches, in the clinic's language, until touched. */
static void
test_attract_after_reset (RoomFixture   *fixture,
                          gconstpointer  data)
{
  GtkWidget *view = kiosk_test_find_widget (GTK_WIDGET (fixture->window), KIOSK_TYPE_ATTRACT_VIEW);

  kiosk_window_set_language (fixture->window, "en");
  kiosk_window_reset (fixture->window);
  kiosk_test_iterate (100);
  g_assert_true (kiosk_attract_view_get_running (KIOSK_ATTRACT_VIEW (view)));
  /* The clinic's default language is Spanish in this fixture. */
  g_assert_nonnull (kiosk_test_find_label (view, "¿Tiene tics en un lado de la cara?"));
  g_assert_nonnull (kiosk_test_find_label (GTK_WIDGET (fixture->window),
                                           "Toque la pantalla para empezar"));

  /* When the loop's time is up the cards go and the start screen dims, as before the loop. */
  g_signal_emit_by_name (view, "finished");
  g_assert_false (gtk_widget_get_visible (view));
  kiosk_window_reset (fixture->window);
  g_assert_true (gtk_widget_get_visible (view));

  /* The first touch only wakes the kiosk, and the loop stops. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "kiosk.wake", NULL);
  g_assert_false (kiosk_attract_view_get_running (KIOSK_ATTRACT_VIEW (view)));
  g_assert_cmpstr (kiosk_window_get_visible_page_name (fixture->window), ==, "home");
}

static void
attract_off_setup (RoomFixture   *fixture,
                   gconstpointer  data)
{
  kiosk_test_kiosk_open (fixture, "default-language", "en", "attract-minutes", "0",
                         "kiosk-mode", "true", NULL);
}

/* attract-minutes = 0: the start screen dims at once, and no timer runs. */
static void
test_attract_off (RoomFixture   *fixture,
                  gconstpointer  data)
{
  GtkWidget *view = kiosk_test_find_widget (GTK_WIDGET (fixture->window), KIOSK_TYPE_ATTRACT_VIEW);

  kiosk_window_reset (fixture->window);
  kiosk_test_iterate (100);
  g_assert_false (kiosk_attract_view_get_running (KIOSK_ATTRACT_VIEW (view)));
}

int
main (int   argc,
      char *argv[])
{
  kiosk_test_init (&argc, &argv);

#define ADD(path, language, func) \
  g_test_add ("/kiosk/waiting-room/" path, RoomFixture, language, room_setup, func, room_teardown)

  ADD ("check-from-home", NULL, test_check_from_home);
  ADD ("check-from-specialist", NULL, test_check_from_specialist);
  ADD ("reset-stops-reading", NULL, test_reset_stops_reading);
  ADD ("language-stops-reading", NULL, test_language_stops_reading);
  ADD ("voice-from-settings", NULL, test_voice_from_settings);
  ADD ("form-reading-privacy", NULL, test_form_reading_privacy);
  ADD ("attract-after-reset", "es", test_attract_after_reset);
  g_test_add ("/kiosk/waiting-room/attract-off", RoomFixture, NULL, attract_off_setup,
              test_attract_off, room_teardown);

  return g_test_run ();
}
