/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Reading a page aloud, offline, with espeak-ng. The text comes as a script of chunks (a heading,
 * a paragraph, a list item) with a pause after each, so the reading follows the page's structure
 * rather than its Markdown. espeak-ng synthesises in this thread (its synchronous mode) and hands
 * the samples to a sink: the default audio output through pcaudiolib (PulseAudio, or ALSA), or a
 * WAV file, which is how the tests hear it. Both go through the very same code.
 *
 * espeak-ng keeps global state, so one reading runs at a time, under a lock. Cancelling stops
 * it within one synthesis buffer (about a tenth of a second) and drops what the device still
 * had queued.
 */

#include "config.h"

#include <errno.h>
#include <espeak-ng/espeak_ng.h>
#include <glib/gstdio.h>
#include <pcaudiolib/audio.h>
#include <stdio.h>
#include <string.h>

#include "kiosk-library.h"
#include "kiosk-speech.h"

/* espeak-ng and pcaudiolib are opened the first time a page is read aloud, not at start: with
 * PulseAudio and the sound codecs they pull in, they are a dozen libraries most visits never use
 * (issue 10). */
typedef struct
{
  __typeof__ (espeak_ng_GetSampleRate) *espeak_ng_GetSampleRate;
  __typeof__ (espeak_ng_GetStatusCodeMessage) *espeak_ng_GetStatusCodeMessage;
  __typeof__ (espeak_ng_Initialize) *espeak_ng_Initialize;
  __typeof__ (espeak_ng_InitializeOutput) *espeak_ng_InitializeOutput;
  __typeof__ (espeak_ng_InitializePath) *espeak_ng_InitializePath;
  __typeof__ (espeak_ng_SetParameter) *espeak_ng_SetParameter;
  __typeof__ (espeak_ng_SetVoiceByName) *espeak_ng_SetVoiceByName;
  __typeof__ (espeak_ng_Synthesize) *espeak_ng_Synthesize;
  __typeof__ (espeak_SetSynthCallback) *espeak_SetSynthCallback;
} EspeakApi;

typedef struct
{
  __typeof__ (audio_object_close) *audio_object_close;
  __typeof__ (audio_object_destroy) *audio_object_destroy;
  __typeof__ (audio_object_drain) *audio_object_drain;
  __typeof__ (audio_object_flush) *audio_object_flush;
  __typeof__ (audio_object_open) *audio_object_open;
  __typeof__ (audio_object_strerror) *audio_object_strerror;
  __typeof__ (audio_object_write) *audio_object_write;
  __typeof__ (create_audio_device_object) *create_audio_device_object;
} AudioApi;

static EspeakApi espeak;
static AudioApi audio;

static const KioskLibrarySymbol espeak_symbols[] = {
  KIOSK_LIBRARY_SYMBOL (EspeakApi, espeak_ng_GetSampleRate),
  KIOSK_LIBRARY_SYMBOL (EspeakApi, espeak_ng_GetStatusCodeMessage),
  KIOSK_LIBRARY_SYMBOL (EspeakApi, espeak_ng_Initialize),
  KIOSK_LIBRARY_SYMBOL (EspeakApi, espeak_ng_InitializeOutput),
  KIOSK_LIBRARY_SYMBOL (EspeakApi, espeak_ng_InitializePath),
  KIOSK_LIBRARY_SYMBOL (EspeakApi, espeak_ng_SetParameter),
  KIOSK_LIBRARY_SYMBOL (EspeakApi, espeak_ng_SetVoiceByName),
  KIOSK_LIBRARY_SYMBOL (EspeakApi, espeak_ng_Synthesize),
  KIOSK_LIBRARY_SYMBOL (EspeakApi, espeak_SetSynthCallback),
};

static const KioskLibrarySymbol audio_symbols[] = {
  KIOSK_LIBRARY_SYMBOL (AudioApi, audio_object_close),
  KIOSK_LIBRARY_SYMBOL (AudioApi, audio_object_destroy),
  KIOSK_LIBRARY_SYMBOL (AudioApi, audio_object_drain),
  KIOSK_LIBRARY_SYMBOL (AudioApi, audio_object_flush),
  KIOSK_LIBRARY_SYMBOL (AudioApi, audio_object_open),
  KIOSK_LIBRARY_SYMBOL (AudioApi, audio_object_strerror),
  KIOSK_LIBRARY_SYMBOL (AudioApi, audio_object_write),
  KIOSK_LIBRARY_SYMBOL (AudioApi, create_audio_device_object),
};

static KioskLibrary espeak_library =
  KIOSK_LIBRARY_INIT (KIOSK_ESPEAK_SONAME, espeak_symbols, &espeak);
static KioskLibrary audio_library =
  KIOSK_LIBRARY_INIT (KIOSK_PCAUDIO_SONAME, audio_symbols, &audio);

/* Milliseconds of sound espeak-ng produces per callback: how fast a cancel is noticed. */
#define BUFFER_MS 100

G_DEFINE_QUARK (kiosk-speech-error-quark, kiosk_speech_error)

/* Scripts ------------------------------------------------------------------------------------- */

typedef struct
{
  char  *text;
  guint  pause_after_ms;
} Chunk;

struct _KioskSpeechScript
{
  GArray *chunks;  /* Chunk */
};

static void
chunk_clear (gpointer data)
{
  Chunk *chunk = data;

  g_free (chunk->text);
}

/**
 * kiosk_speech_script_new:
 *
 * Returns: (transfer full): an empty script
 */
KioskSpeechScript *
kiosk_speech_script_new (void)
{
  KioskSpeechScript *script = g_new0 (KioskSpeechScript, 1);

  script->chunks = g_array_new (FALSE, FALSE, sizeof (Chunk));
  g_array_set_clear_func (script->chunks, chunk_clear);

  return script;
}

void
kiosk_speech_script_free (KioskSpeechScript *script)
{
  if (script == NULL)
    return;

  g_array_unref (script->chunks);
  g_free (script);
}

/**
 * kiosk_speech_script_add:
 * @text: what to say; blank text only adds its pause
 * @pause_after_ms: the silence after it
 */
void
kiosk_speech_script_add (KioskSpeechScript *script,
                         const char        *text,
                         guint              pause_after_ms)
{
  Chunk chunk = { g_strstrip (g_strdup (text)), pause_after_ms };

  g_return_if_fail (script != NULL);
  g_return_if_fail (text != NULL && g_utf8_validate (text, -1, NULL));

  g_array_append_val (script->chunks, chunk);
}

static guint
pause_after (KioskBlockKind kind)
{
  switch (kind)
    {
    case KIOSK_BLOCK_HEADING:
      return KIOSK_SPEECH_PAUSE_HEADING_MS;
    case KIOSK_BLOCK_LIST_ITEM:
      return KIOSK_SPEECH_PAUSE_ITEM_MS;
    case KIOSK_BLOCK_PARAGRAPH:
    case KIOSK_BLOCK_LIST:
    case KIOSK_BLOCK_QUOTE:
    default:
      return KIOSK_SPEECH_PAUSE_PARAGRAPH_MS;
    }
}

/* Recursive like the document model itself, whose nesting limit bounds the depth. */
static void
add_blocks (KioskSpeechScript *script,
            const KioskBlock  *block)
{
  const char *text = kiosk_block_get_text (block);

  if (text != NULL && *text != '\0')
    kiosk_speech_script_add (script, text, pause_after (kiosk_block_get_kind (block)));

  for (guint i = 0; i < kiosk_block_get_n_children (block); i++)
    add_blocks (script, kiosk_block_get_child (block, i));
}

/**
 * kiosk_speech_script_add_document:
 *
 * Adds each heading (the title first), paragraph and list item as a chunk of its own, with the
 * pause that suits it.
 */
void
kiosk_speech_script_add_document (KioskSpeechScript *script,
                                  KioskDocument     *document)
{
  g_return_if_fail (script != NULL);
  g_return_if_fail (KIOSK_IS_DOCUMENT (document));

  for (guint i = 0; i < kiosk_document_get_n_blocks (document); i++)
    add_blocks (script, kiosk_document_get_block (document, i));
}

guint
kiosk_speech_script_get_n_chunks (KioskSpeechScript *script)
{
  g_return_val_if_fail (script != NULL, 0);

  return script->chunks->len;
}

/**
 * kiosk_speech_script_get_text:
 * @pause_after_ms: (out) (optional):
 *
 * Returns: the text of chunk @index
 */
const char *
kiosk_speech_script_get_text (KioskSpeechScript *script,
                              guint              index,
                              guint             *pause_after_ms)
{
  const Chunk *chunk;

  g_return_val_if_fail (script != NULL, NULL);
  g_return_val_if_fail (index < script->chunks->len, NULL);

  chunk = &g_array_index (script->chunks, Chunk, index);
  if (pause_after_ms != NULL)
    *pause_after_ms = chunk->pause_after_ms;

  return chunk->text;
}

/* Sinks --------------------------------------------------------------------------------------- */

struct _KioskSpeechSink
{
  /* A WAV file... */
  FILE                *file;
  guint32              data_bytes;
  char                *path;
  int                  rate;
  gboolean             paced;     /* written at the speed a device would play it */
  /* ...or the audio output, opened at the engine's sample rate. */
  struct audio_object *audio;
  gboolean             audio_open;
};

static gboolean
sink_write (KioskSpeechSink  *sink,
            const gint16     *samples,
            gsize             n_samples,
            GError          **error)
{
  gsize bytes = n_samples * sizeof (gint16);
  int rc;

  if (sink->file != NULL)
    {
      if (fwrite (samples, 1, bytes, sink->file) != bytes)
        {
          g_set_error (error, KIOSK_SPEECH_ERROR, KIOSK_SPEECH_ERROR_FAILED,
                       "Could not write the sound file: %s", g_strerror (errno));
          return FALSE;
        }
      sink->data_bytes += bytes;
      if (sink->paced)
        g_usleep ((gulong)n_samples * G_USEC_PER_SEC / sink->rate);
      return TRUE;
    }

  if ((rc = audio.audio_object_write (sink->audio, samples, bytes)) != 0)
    {
      g_set_error (error, KIOSK_SPEECH_ERROR, KIOSK_SPEECH_ERROR_NO_AUDIO,
                   "The sound output failed: %s", audio.audio_object_strerror (sink->audio, rc));
      return FALSE;
    }

  return TRUE;
}

static gboolean
sink_write_silence (KioskSpeechSink  *sink,
                    guint             milliseconds,
                    int               rate,
                    GError          **error)
{
  static const gint16 zeros[1024] = { 0 };
  gsize remaining = (gsize)rate * milliseconds / 1000;

  while (remaining > 0)
    {
      gsize n = MIN (remaining, G_N_ELEMENTS (zeros));

      if (!sink_write (sink, zeros, n, error))
        return FALSE;
      remaining -= n;
    }

  return TRUE;
}

static void
put_le32 (guint8  *out,
          guint32  value)
{
  for (int i = 0; i < 4; i++)
    out[i] = (value >> (8 * i)) & 0xff;
}

static void
put_le16 (guint8  *out,
          guint16  value)
{
  out[0] = value & 0xff;
  out[1] = value >> 8;
}

/* The 44-byte header of a mono, 16-bit PCM WAV file holding @data_bytes of samples. */
static void
wav_header (guint8  header[44],
            int     rate,
            guint32 data_bytes)
{
  memcpy (header, "RIFF", 4);
  put_le32 (header + 4, 36 + data_bytes);
  memcpy (header + 8, "WAVEfmt ", 8);
  put_le32 (header + 16, 16);
  put_le16 (header + 20, 1);          /* PCM */
  put_le16 (header + 22, 1);          /* mono */
  put_le32 (header + 24, rate);
  put_le32 (header + 28, rate * 2);   /* bytes per second */
  put_le16 (header + 32, 2);          /* bytes per frame */
  put_le16 (header + 34, 16);         /* bits per sample */
  memcpy (header + 36, "data", 4);
  put_le32 (header + 40, data_bytes);
}

static gboolean
sink_start (KioskSpeechSink  *sink,
            int               rate,
            GError          **error)
{
  guint8 header[44];
  int rc;

  sink->rate = rate;
  if (sink->file != NULL)
    {
      /* Rewritten with the real sizes when the reading ends. */
      wav_header (header, rate, 0);
      sink->data_bytes = 0;
      if (fwrite (header, 1, sizeof header, sink->file) != sizeof header)
        {
          g_set_error (error, KIOSK_SPEECH_ERROR, KIOSK_SPEECH_ERROR_FAILED,
                       "Could not write the sound file: %s", g_strerror (errno));
          return FALSE;
        }
      return TRUE;
    }

  if (sink->audio_open)
    return TRUE;

  rc = audio.audio_object_open (sink->audio, AUDIO_OBJECT_FORMAT_S16LE, rate, 1);
  if (rc != 0)
    {
      g_set_error (error, KIOSK_SPEECH_ERROR, KIOSK_SPEECH_ERROR_NO_AUDIO,
                   "There is no sound output: %s", audio.audio_object_strerror (sink->audio, rc));
      return FALSE;
    }
  sink->audio_open = TRUE;

  return TRUE;
}

/* Ends a reading: a finished one plays out (or the file gets its sizes), a cancelled one stops
 * at once. */
static gboolean
sink_finish (KioskSpeechSink  *sink,
             int               rate,
             gboolean          cancelled,
             GError          **error)
{
  guint8 header[44];

  if (sink->file == NULL)
    {
      if (cancelled)
        audio.audio_object_flush (sink->audio);
      else
        audio.audio_object_drain (sink->audio);
      return TRUE;
    }

  wav_header (header, rate, sink->data_bytes);
  if (fseek (sink->file, 0, SEEK_SET) != 0 ||
      fwrite (header, 1, sizeof header, sink->file) != sizeof header ||
      fflush (sink->file) != 0)
    {
      g_set_error (error, KIOSK_SPEECH_ERROR, KIOSK_SPEECH_ERROR_FAILED,
                   "Could not finish the sound file: %s", g_strerror (errno));
      return FALSE;
    }

  return TRUE;
}

/**
 * kiosk_speech_sink_new_for_file:
 * @path: the WAV file to write (replaced)
 *
 * Returns: (transfer full): a sink that writes a mono 16-bit WAV file, or %NULL with @error set
 */
KioskSpeechSink *
kiosk_speech_sink_new_for_file (const char  *path,
                                GError     **error)
{
  KioskSpeechSink *sink;
  FILE *file;

  g_return_val_if_fail (path != NULL, NULL);

  if ((file = g_fopen (path, "wb")) == NULL)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "Could not create %s: %s", path, g_strerror (saved));
      return NULL;
    }

  sink = g_new0 (KioskSpeechSink, 1);
  sink->file = file;
  sink->path = g_strdup (path);

  return sink;
}

/**
 * kiosk_speech_sink_new_default:
 *
 * The sink the kiosk reads into: the default audio output, or, when the environment variable
 * `KIOSK_SPEECH_SINK` is `file:PATH`, the WAV file PATH written at the pace a sound card would
 * play it (to record what the kiosk says on a machine without sound, and for the tests).
 *
 * Returns: (transfer full): the sink, or %NULL with @error set
 */
KioskSpeechSink *
kiosk_speech_sink_new_default (GError **error)
{
  const char *target = g_getenv ("KIOSK_SPEECH_SINK");
  KioskSpeechSink *sink;

  if (target == NULL || !g_str_has_prefix (target, "file:"))
    return kiosk_speech_sink_new_for_audio (error);

  if ((sink = kiosk_speech_sink_new_for_file (target + strlen ("file:"), error)) != NULL)
    sink->paced = TRUE;

  return sink;
}

/**
 * kiosk_speech_sink_new_for_audio:
 *
 * Returns: (transfer full): a sink that plays through the default audio output. The device is
 *   opened when the first reading starts; kiosk_speech_speak() reports
 *   %KIOSK_SPEECH_ERROR_NO_AUDIO when there is none.
 */
KioskSpeechSink *
kiosk_speech_sink_new_for_audio (GError **error)
{
  g_autoptr(GError) local_error = NULL;
  KioskSpeechSink *sink;

  if (!kiosk_library_ensure (&audio_library, &local_error))
    {
      g_set_error (error, KIOSK_SPEECH_ERROR, KIOSK_SPEECH_ERROR_NO_AUDIO,
                   "There is no sound output: %s", local_error->message);
      return NULL;
    }

  sink = g_new0 (KioskSpeechSink, 1);
  sink->audio = audio.create_audio_device_object (NULL, "patient-kiosk", "Read aloud");
  if (sink->audio == NULL)
    {
      g_set_error_literal (error, KIOSK_SPEECH_ERROR, KIOSK_SPEECH_ERROR_NO_AUDIO,
                           "There is no sound output");
      g_free (sink);
      return NULL;
    }

  return sink;
}

void
kiosk_speech_sink_free (KioskSpeechSink *sink)
{
  if (sink == NULL)
    return;

  if (sink->file != NULL)
    fclose (sink->file);
  if (sink->audio != NULL)
    {
      if (sink->audio_open)
        audio.audio_object_close (sink->audio);
      audio.audio_object_destroy (sink->audio);
    }
  g_free (sink->path);
  g_free (sink);
}

/* The engine ------------------------------------------------------------------------------------ */

typedef struct
{
  KioskSpeechSink *sink;
  GCancellable    *cancellable;
  GError          *error;
} Reading;

static GMutex engine_lock;
static Reading *current_reading;  /* under engine_lock */

/* espeak-ng's synchronous mode calls this in the reading's own thread. */
static int
synth_cb (short        *wav,
          int           n_samples,
          espeak_EVENT *events)
{
  Reading *reading = current_reading;

  if (reading->error != NULL || g_cancellable_is_cancelled (reading->cancellable))
    return 1;

  if (wav != NULL && n_samples > 0)
    sink_write (reading->sink, wav, n_samples, &reading->error);

  return reading->error != NULL;
}

/* Called with the lock held. Returns the sample rate, or 0 with @error set. */
static int
engine_init (GError **error)
{
  static int rate = 0;
  espeak_ng_STATUS status;
  g_autoptr(GError) local_error = NULL;

  if (rate > 0)
    return rate;

  if (!kiosk_library_ensure (&espeak_library, &local_error))
    {
      g_set_error (error, KIOSK_SPEECH_ERROR, KIOSK_SPEECH_ERROR_NO_ENGINE,
                   "The speech engine could not start: %s", local_error->message);
      return 0;
    }

  espeak.espeak_ng_InitializePath (NULL);
  status = espeak.espeak_ng_Initialize (NULL);
  if (status == ENS_OK)
    status = espeak.espeak_ng_InitializeOutput (ENOUTPUT_MODE_SYNCHRONOUS, BUFFER_MS, NULL);
  if (status != ENS_OK)
    {
      char message[512] = "";

      espeak.espeak_ng_GetStatusCodeMessage (status, message, sizeof message);
      g_set_error (error, KIOSK_SPEECH_ERROR, KIOSK_SPEECH_ERROR_NO_ENGINE,
                   "The speech engine could not start: %s", message);
      return 0;
    }

  espeak.espeak_SetSynthCallback (synth_cb);
  rate = espeak.espeak_ng_GetSampleRate ();

  return rate;
}

/**
 * kiosk_speech_voice_for_language:
 * @language: a kiosk language code such as "es"
 *
 * Returns: the espeak-ng voice that reads @language: Latin American Spanish for "es", American
 *   English for "en", else the code itself
 */
const char *
kiosk_speech_voice_for_language (const char *language)
{
  g_return_val_if_fail (language != NULL, NULL);

  if (g_str_equal (language, "es"))
    return "es-419";
  if (g_str_equal (language, "en"))
    return "en-us";

  return language;
}

static gboolean
set_voice (const char  *voice,
           guint        rate_wpm,
           GError     **error)
{
  if (espeak.espeak_ng_SetVoiceByName (voice) != ENS_OK)
    {
      g_set_error (error, KIOSK_SPEECH_ERROR, KIOSK_SPEECH_ERROR_NO_VOICE,
                   "There is no voice “%s”", voice);
      return FALSE;
    }

  espeak.espeak_ng_SetParameter (espeakRATE, CLAMP (rate_wpm, KIOSK_SPEECH_RATE_MIN,
                                             KIOSK_SPEECH_RATE_MAX), 0);

  return TRUE;
}

static gboolean
read_chunks (KioskSpeechScript *script,
             Reading           *reading,
             int                rate)
{
  for (guint i = 0; i < script->chunks->len && reading->error == NULL; i++)
    {
      const Chunk *chunk = &g_array_index (script->chunks, Chunk, i);

      if (*chunk->text != '\0')
        espeak.espeak_ng_Synthesize (chunk->text, strlen (chunk->text) + 1, 0, POS_CHARACTER, 0,
                              espeakCHARS_UTF8, NULL, NULL);
      if (g_cancellable_is_cancelled (reading->cancellable))
        return FALSE;
      if (reading->error == NULL)
        sink_write_silence (reading->sink, chunk->pause_after_ms, rate, &reading->error);
    }

  return !g_cancellable_is_cancelled (reading->cancellable);
}

/**
 * kiosk_speech_speak:
 * @voice: an espeak-ng voice name, see kiosk_speech_voice_for_language()
 * @rate_wpm: words per minute, clamped to the supported range
 * @cancellable: (nullable): cancelling stops the reading at once
 *
 * Reads @script into @sink and returns when it is done. Blocks: call it from a worker thread
 * (kiosk_speech_speak_async() does).
 *
 * Returns: %TRUE when everything was read, or %FALSE with @error set (%G_IO_ERROR_CANCELLED when
 *   cancelled)
 */
gboolean
kiosk_speech_speak (KioskSpeechScript  *script,
                    const char         *voice,
                    guint               rate_wpm,
                    KioskSpeechSink    *sink,
                    GCancellable       *cancellable,
                    GError            **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&engine_lock);
  Reading reading = { sink, cancellable, NULL };
  gboolean complete;
  int rate;

  g_return_val_if_fail (script != NULL, FALSE);
  g_return_val_if_fail (voice != NULL, FALSE);
  g_return_val_if_fail (sink != NULL, FALSE);

  if ((rate = engine_init (error)) == 0 || !set_voice (voice, rate_wpm, error) ||
      !sink_start (sink, rate, error))
    return FALSE;

  current_reading = &reading;
  complete = read_chunks (script, &reading, rate);
  current_reading = NULL;

  if (!sink_finish (sink, rate, !complete, reading.error == NULL ? &reading.error : NULL))
    complete = FALSE;

  if (reading.error != NULL)
    {
      g_propagate_error (error, reading.error);
      return FALSE;
    }

  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

typedef struct
{
  KioskSpeechScript *script;
  KioskSpeechSink   *sink;
  char              *voice;
  guint              rate_wpm;
} SpeakData;

static void
speak_data_free (SpeakData *data)
{
  kiosk_speech_script_free (data->script);
  kiosk_speech_sink_free (data->sink);
  g_free (data->voice);
  g_free (data);
}

static void
speak_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  SpeakData *data = task_data;
  GError *error = NULL;

  if (kiosk_speech_speak (data->script, data->voice, data->rate_wpm, data->sink, cancellable,
                          &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * kiosk_speech_speak_async:
 * @script: (transfer full): what to read
 * @sink: (transfer full): where to
 *
 * Reads in a worker thread; see kiosk_speech_speak().
 */
void
kiosk_speech_speak_async (KioskSpeechScript   *script,
                          const char          *voice,
                          guint                rate_wpm,
                          KioskSpeechSink     *sink,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  SpeakData *data = g_new0 (SpeakData, 1);

  data->script = script;
  data->sink = sink;
  data->voice = g_strdup (voice);
  data->rate_wpm = rate_wpm;
  g_task_set_source_tag (task, kiosk_speech_speak_async);
  g_task_set_task_data (task, data, (GDestroyNotify)speak_data_free);
  g_task_run_in_thread (task, speak_thread);
}

gboolean
kiosk_speech_speak_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
