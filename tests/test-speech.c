/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading aloud: the script follows the page's structure, and espeak-ng's sound, written through
 * the same code as the audio output into a WAV file, is long enough and not silent (sox says). */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "kiosk-speech.h"
#include "kiosk-test-fs.h"

static const char page[] =
  "# Why does my face twitch?\n\n"
  "A twitching face can have several causes.\n\n"
  "## Possible causes\n\n"
  "- **Stress and anxiety**: constant tension.\n"
  "- **Lack of rest**: too little sleep.\n";

static const char pagina[] =
  "# ¿Por qué tengo tics en la cara?\n\n"
  "Los tics en la cara pueden tener varias causas.\n\n"
  "- **Estrés y ansiedad**: la tensión constante.\n";

static KioskSpeechScript *
script_for (const char *markdown)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskDocument) document = kiosk_document_new_from_markdown (markdown, -1, &error);
  KioskSpeechScript *script = kiosk_speech_script_new ();

  g_assert_no_error (error);
  kiosk_speech_script_add_document (script, document);

  return script;
}

static void
test_script_follows_structure (void)
{
  g_autoptr(KioskSpeechScript) script = script_for (page);
  guint pause = 0;

  /* The title, the lead paragraph, the heading and each list item, without Markdown marks. */
  g_assert_cmpuint (kiosk_speech_script_get_n_chunks (script), >=, 5);
  g_assert_cmpstr (kiosk_speech_script_get_text (script, 0, &pause), ==,
                   "Why does my face twitch?");
  g_assert_cmpuint (pause, ==, KIOSK_SPEECH_PAUSE_HEADING_MS);
  for (guint i = 0; i < kiosk_speech_script_get_n_chunks (script); i++)
    {
      const char *text = kiosk_speech_script_get_text (script, i, &pause);

      g_assert_null (strchr (text, '*'));
      g_assert_null (strchr (text, '#'));
      if (g_str_has_prefix (text, "Stress and anxiety"))
        g_assert_cmpuint (pause, ==, KIOSK_SPEECH_PAUSE_ITEM_MS);
    }
}

/* What sox reads from a WAV file: its length in seconds and its RMS amplitude (0 to 1). */
static void
sox_stat (const char *path,
          double     *seconds,
          double     *rms)
{
  const char *argv[] = { "sox", path, "-n", "stat", NULL };
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  *seconds = *rms = -1;
  lines = g_strsplit (err, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *colon = strchr (lines[i], ':');

      if (colon == NULL)
        continue;
      if (g_str_has_prefix (lines[i], "Length (seconds)"))
        *seconds = g_ascii_strtod (colon + 1, NULL);
      else if (g_str_has_prefix (lines[i], "RMS     amplitude"))
        *rms = g_ascii_strtod (colon + 1, NULL);
    }
}

static char *
read_to_file (const char   *markdown,
              const char   *voice,
              const char   *dir,
              const char   *name,
              GCancellable *cancellable,
              GError      **error)
{
  g_autoptr(KioskSpeechScript) script = script_for (markdown);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(KioskSpeechSink) sink = kiosk_speech_sink_new_for_file (path, error);

  g_assert_nonnull (sink);
  kiosk_speech_speak (script, voice, 160, sink, cancellable, error);

  return g_steal_pointer (&path);
}

static void
assert_spoken (const char *path,
               double      min_seconds)
{
  double seconds, rms;

  sox_stat (path, &seconds, &rms);
  g_test_message ("%s: %.2f s, RMS %.4f", path, seconds, rms);
  g_assert_cmpfloat (seconds, >, min_seconds);
  g_assert_cmpfloat (seconds, <, 60);
  g_assert_cmpfloat (rms, >, 0.01);
}

static void
test_wav_english_and_spanish (void)
{
  g_autofree char *dir = kiosk_test_make_dir ("speech");
  g_autoptr(GError) error = NULL;
  g_autofree char *english = NULL;
  g_autofree char *spanish = NULL;
  g_autofree char *sox = g_find_program_in_path ("sox");

  if (sox == NULL)
    {
      g_test_skip ("sox is not installed (./kiosk.sh test installs it)");
      return;
    }

  english = read_to_file (page, kiosk_speech_voice_for_language ("en"), dir, "en.wav", NULL,
                          &error);
  g_assert_no_error (error);
  spanish = read_to_file (pagina, kiosk_speech_voice_for_language ("es"), dir, "es.wav", NULL,
                          &error);
  g_assert_no_error (error);

  /* Five chunks and their pauses take several seconds; a silent or empty file fails. */
  assert_spoken (english, 4.0);
  assert_spoken (spanish, 3.0);

  kiosk_test_remove_tree (dir);
}

typedef struct
{
  const char   *path;
  GCancellable *cancellable;
} Stopper;

/* Presses Stop once some sound has been written: synthesis into a file runs much faster than
 * real time, so a fixed delay could come after the end. */
static gboolean
stop_when_started (gpointer data)
{
  Stopper *stopper = data;
  GStatBuf st;

  if (g_stat (stopper->path, &st) != 0 || st.st_size < 100 * 1024)
    return G_SOURCE_CONTINUE;

  g_cancellable_cancel (stopper->cancellable);

  return G_SOURCE_REMOVE;
}

static void
spoken_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (kiosk_speech_speak_finish (result, error));
}

/* Stop stops: a cancelled reading ends early, with G_IO_ERROR_CANCELLED, and leaves a valid
 * (shorter) file. */
static void
test_cancel_stops (void)
{
  g_autofree char *dir = kiosk_test_make_dir ("speech");
  g_autofree char *path = g_build_filename (dir, "stopped.wav", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskSpeechScript) script = kiosk_speech_script_new ();
  KioskSpeechSink *sink = kiosk_speech_sink_new_for_file (path, &error);
  GStatBuf st;

  g_assert_no_error (error);
  for (int i = 0; i < 40; i++)
    kiosk_speech_script_add (script, "This sentence is long enough to take a while to read.", 500);

  kiosk_speech_speak_async (g_steal_pointer (&script), "en-us", 160, sink, cancellable,
                            spoken_cb, &error);
  g_timeout_add (2, stop_when_started, &(Stopper) { path, cancellable });
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* Forty sentences would be about two minutes (over 5 MB); it stopped a few seconds in. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_test_message ("stopped after %" G_GINT64_FORMAT " bytes", (gint64)st.st_size);
  g_assert_cmpint (st.st_size, <, 22050 * 2 * 30);
  kiosk_test_remove_tree (dir);
}

static void
test_unknown_voice (void)
{
  g_autofree char *dir = kiosk_test_make_dir ("speech");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = read_to_file (page, "xx-no-such-voice", dir, "x.wav", NULL, &error);

  g_assert_error (error, KIOSK_SPEECH_ERROR, KIOSK_SPEECH_ERROR_NO_VOICE);
  kiosk_test_remove_tree (dir);
}

/* A kiosk without a sound card: reading says so (NO_AUDIO) and nothing crashes. With a sound
 * output (a desktop) the reading simply plays. */
static void
test_audio_output_or_clear_error (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskSpeechScript) script = kiosk_speech_script_new ();
  g_autoptr(KioskSpeechSink) sink = kiosk_speech_sink_new_for_audio (&error);
  gboolean ok;

  kiosk_speech_script_add (script, "Test.", 0);
  if (sink == NULL)
    {
      g_assert_error (error, KIOSK_SPEECH_ERROR, KIOSK_SPEECH_ERROR_NO_AUDIO);
      return;
    }

  ok = kiosk_speech_speak (script, "en-us", 160, sink, NULL, &error);
  g_test_message ("audio output: %s", ok ? "played" : error->message);
  if (!ok)
    g_assert_error (error, KIOSK_SPEECH_ERROR, KIOSK_SPEECH_ERROR_NO_AUDIO);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* No sound server may be reached from a test: a machine without one is what is tested. */
  g_setenv ("PULSE_SERVER", "unix:/nonexistent/pulse", TRUE);

  g_test_add_func ("/kiosk/speech/script-follows-structure", test_script_follows_structure);
  g_test_add_func ("/kiosk/speech/wav-english-and-spanish", test_wav_english_and_spanish);
  g_test_add_func ("/kiosk/speech/cancel-stops", test_cancel_stops);
  g_test_add_func ("/kiosk/speech/unknown-voice", test_unknown_voice);
  g_test_add_func ("/kiosk/speech/audio-output-or-clear-error", test_audio_output_or_clear_error);

  return g_test_run ();
}
