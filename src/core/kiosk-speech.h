/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "kiosk-document.h"

G_BEGIN_DECLS

#define KIOSK_SPEECH_ERROR (kiosk_speech_error_quark ())

typedef enum
{
  KIOSK_SPEECH_ERROR_NO_ENGINE,   /* espeak-ng or its voice data could not be loaded */
  KIOSK_SPEECH_ERROR_NO_VOICE,    /* no voice for the language */
  KIOSK_SPEECH_ERROR_NO_AUDIO,    /* no audio output device could be opened */
  KIOSK_SPEECH_ERROR_FAILED,
} KioskSpeechError;

/* Pauses after each kind of block, so the reading follows the page's structure. */
#define KIOSK_SPEECH_PAUSE_HEADING_MS   700
#define KIOSK_SPEECH_PAUSE_PARAGRAPH_MS 450
#define KIOSK_SPEECH_PAUSE_ITEM_MS      550

/* The slowest and fastest reading speeds, in words per minute, that settings may ask for. */
#define KIOSK_SPEECH_RATE_MIN 80
#define KIOSK_SPEECH_RATE_MAX 260

typedef struct _KioskSpeechScript KioskSpeechScript;
typedef struct _KioskSpeechSink KioskSpeechSink;

GQuark             kiosk_speech_error_quark              (void);

KioskSpeechScript *kiosk_speech_script_new               (void);
void               kiosk_speech_script_free              (KioskSpeechScript  *script);
void               kiosk_speech_script_add               (KioskSpeechScript  *script,
                                                          const char         *text,
                                                          guint               pause_after_ms);
void               kiosk_speech_script_add_document      (KioskSpeechScript  *script,
                                                          KioskDocument      *document);
guint              kiosk_speech_script_get_n_chunks      (KioskSpeechScript  *script);
const char        *kiosk_speech_script_get_text          (KioskSpeechScript  *script,
                                                          guint               index,
                                                          guint              *pause_after_ms);

KioskSpeechSink   *kiosk_speech_sink_new_for_file        (const char         *path,
                                                          GError            **error);
KioskSpeechSink   *kiosk_speech_sink_new_for_audio       (GError            **error);
KioskSpeechSink   *kiosk_speech_sink_new_default         (GError            **error);
void               kiosk_speech_sink_free                (KioskSpeechSink    *sink);

const char        *kiosk_speech_voice_for_language       (const char         *language);
gboolean           kiosk_speech_speak                    (KioskSpeechScript  *script,
                                                          const char         *voice,
                                                          guint               rate_wpm,
                                                          KioskSpeechSink    *sink,
                                                          GCancellable       *cancellable,
                                                          GError            **error);
void               kiosk_speech_speak_async              (KioskSpeechScript  *script,
                                                          const char         *voice,
                                                          guint               rate_wpm,
                                                          KioskSpeechSink    *sink,
                                                          GCancellable       *cancellable,
                                                          GAsyncReadyCallback callback,
                                                          gpointer            user_data);
gboolean           kiosk_speech_speak_finish             (GAsyncResult       *result,
                                                          GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KioskSpeechScript, kiosk_speech_script_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KioskSpeechSink, kiosk_speech_sink_free)

G_END_DECLS
