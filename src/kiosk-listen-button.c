/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The large "Listen" control: reads what its page shows aloud, in the page's language, and turns
 * into "Stop" while it reads. One reading runs at a time in the whole kiosk: starting another,
 * leaving the page (it is unmapped), switching language and the visitor reset stop it. It only
 * ever reads what its owner gave it, so a patient's name or phone is read only where the owner
 * passes it on purpose.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "kiosk-application.h"
#include "kiosk-listen-button.h"
#include "kiosk-speech.h"
#include "kiosk-widget-util.h"
#include "kiosk-window.h"

#define DEFAULT_RATE_WPM 150

struct _KioskListenButton
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkButton         *button;
  AdwButtonContent  *content;
  GtkLabel          *status_label;

  KioskDocument     *document;
  char             **lines;
  KioskListenLinesFunc lines_func;
  gpointer           lines_data;
  char              *language;
  GCancellable      *cancellable;  /* while reading */
};

G_DEFINE_FINAL_TYPE (KioskListenButton, kiosk_listen_button, GTK_TYPE_WIDGET)

/* The button reading right now, if any. */
static KioskListenButton *reading_button;

static void
kiosk_listen_button_show_status (KioskListenButton *self,
                                 const char        *status)
{
  gtk_label_set_label (self->status_label, status != NULL ? status : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), status != NULL);
}

static void
kiosk_listen_button_update (KioskListenButton *self)
{
  gboolean speaking = self->cancellable != NULL;

  adw_button_content_set_label (self->content, speaking ? _("Stop") : _("Listen"));
  adw_button_content_set_icon_name (self->content, speaking ? "media-playback-stop-symbolic"
                                                            : "audio-volume-high-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  speaking ? _("Stop reading aloud")
                                           : _("Listen: read this page aloud"),
                                  -1);
}

static KioskSpeechScript *
kiosk_listen_button_build_script (KioskListenButton *self)
{
  KioskSpeechScript *script = kiosk_speech_script_new ();

  if (self->document != NULL)
    kiosk_speech_script_add_document (script, self->document);
  for (guint i = 0; self->lines != NULL && self->lines[i] != NULL; i++)
    kiosk_speech_script_add (script, self->lines[i], KIOSK_SPEECH_PAUSE_PARAGRAPH_MS);
  if (self->lines_func != NULL)
    {
      g_auto(GStrv) lines = self->lines_func (self->lines_data);

      for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
        kiosk_speech_script_add (script, lines[i], KIOSK_SPEECH_PAUSE_PARAGRAPH_MS);
    }

  return script;
}

static GSettings *
kiosk_listen_button_get_settings (KioskListenButton *self)
{
  KioskApplication *app = kiosk_application_get_for_widget (GTK_WIDGET (self));

  return app != NULL ? kiosk_application_get_settings (app) : NULL;
}

/* The reading speed from the clinic's settings. */
static guint
kiosk_listen_button_get_rate (KioskListenButton *self)
{
  GSettings *settings = kiosk_listen_button_get_settings (self);

  return settings != NULL ? g_settings_get_uint (settings, "speech-rate") : DEFAULT_RATE_WPM;
}

/* The clinic's voice for @language (`speech-voices`), or the kiosk's choice for it. */
static char *
kiosk_listen_button_dup_voice (KioskListenButton *self,
                               const char        *language)
{
  GSettings *settings = kiosk_listen_button_get_settings (self);
  g_autoptr(GVariant) voices = settings != NULL ? g_settings_get_value (settings, "speech-voices")
                                                : NULL;
  const char *voice = NULL;

  if (voices != NULL && g_variant_lookup (voices, language, "&s", &voice) && *voice != '\0')
    return g_strdup (voice);

  return g_strdup (kiosk_speech_voice_for_language (language));
}

static const char *
describe_error (const GError *error)
{
  if (g_error_matches (error, KIOSK_SPEECH_ERROR, KIOSK_SPEECH_ERROR_NO_AUDIO))
    return _("This kiosk has no sound output.");

  return _("Reading aloud is not available on this kiosk.");
}

/* A stopped reading winds down in its thread for up to one buffer; its button may be gone by
 * then, so the reading holds it only weakly. */
typedef struct
{
  GWeakRef      self;
  GCancellable *cancellable;  /* which reading this is */
} Reading;

static void
reading_free (Reading *reading)
{
  g_weak_ref_clear (&reading->self);
  g_object_unref (reading->cancellable);
  g_free (reading);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Reading, reading_free)

static void
spoken_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(Reading) reading = user_data;
  g_autoptr(KioskListenButton) self = g_weak_ref_get (&reading->self);
  g_autoptr(GError) error = NULL;

  if (!kiosk_speech_speak_finish (result, &error) && self != NULL &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* A kiosk without speakers is a set-up, not a fault: the control says so. */
      if (g_error_matches (error, KIOSK_SPEECH_ERROR, KIOSK_SPEECH_ERROR_NO_AUDIO))
        g_debug ("Reading aloud: %s", error->message);
      else
        g_warning ("Reading aloud failed: %s", error->message);
      kiosk_listen_button_show_status (self, describe_error (error));
    }

  /* A reading that was stopped has been forgotten already; a newer one may be running. */
  if (self == NULL || self->cancellable != reading->cancellable)
    return;
  g_clear_object (&self->cancellable);
  if (reading_button == self)
    reading_button = NULL;
  kiosk_listen_button_update (self);
}

/* The language set on the control, or else the one its window shows. */
static const char *
kiosk_listen_button_get_language (KioskListenButton *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->language != NULL)
    return self->language;
  if (KIOSK_IS_WINDOW (root) && kiosk_window_get_language (KIOSK_WINDOW (root)) != NULL)
    return kiosk_window_get_language (KIOSK_WINDOW (root));

  return "en";
}

static void
kiosk_listen_button_start (KioskListenButton *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *voice = kiosk_listen_button_dup_voice (self,
                                                          kiosk_listen_button_get_language (self));
  KioskSpeechSink *sink = kiosk_speech_sink_new_default (&error);
  Reading *reading;

  kiosk_listen_button_stop_all ();
  kiosk_listen_button_show_status (self, NULL);
  if (sink == NULL)
    {
      kiosk_listen_button_show_status (self, describe_error (error));
      return;
    }

  reading = g_new0 (Reading, 1);
  g_weak_ref_init (&reading->self, self);
  reading->cancellable = g_cancellable_new ();
  self->cancellable = g_object_ref (reading->cancellable);
  reading_button = self;
  kiosk_speech_speak_async (kiosk_listen_button_build_script (self), voice,
                            kiosk_listen_button_get_rate (self), sink, self->cancellable,
                            spoken_cb, reading);
  kiosk_listen_button_update (self);
}

static void
toggle_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KioskListenButton *self = KIOSK_LISTEN_BUTTON (widget);

  if (self->cancellable != NULL)
    kiosk_listen_button_stop (self);
  else
    kiosk_listen_button_start (self);
}

/**
 * kiosk_listen_button_stop:
 *
 * Stops this button's reading at once, if it reads.
 */
void
kiosk_listen_button_stop (KioskListenButton *self)
{
  g_return_if_fail (KIOSK_IS_LISTEN_BUTTON (self));

  if (self->cancellable == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (reading_button == self)
    reading_button = NULL;
  kiosk_listen_button_update (self);
}

/**
 * kiosk_listen_button_stop_all:
 *
 * Stops whatever the kiosk reads aloud: for the visitor reset and a change of language.
 */
void
kiosk_listen_button_stop_all (void)
{
  if (reading_button != NULL)
    kiosk_listen_button_stop (reading_button);
}

gboolean
kiosk_listen_button_get_speaking (KioskListenButton *self)
{
  g_return_val_if_fail (KIOSK_IS_LISTEN_BUTTON (self), FALSE);

  return self->cancellable != NULL;
}

/**
 * kiosk_listen_button_set_document:
 * @document: (nullable): the page to read, heading by heading
 */
void
kiosk_listen_button_set_document (KioskListenButton *self,
                                  KioskDocument     *document)
{
  g_return_if_fail (KIOSK_IS_LISTEN_BUTTON (self));

  kiosk_listen_button_stop (self);
  g_set_object (&self->document, document);
}

/**
 * kiosk_listen_button_set_lines:
 * @lines: (nullable) (array zero-terminated=1): text to read after the document, a pause after
 *   each line
 */
void
kiosk_listen_button_set_lines (KioskListenButton  *self,
                               const char * const *lines)
{
  g_return_if_fail (KIOSK_IS_LISTEN_BUTTON (self));

  kiosk_listen_button_stop (self);
  g_strfreev (self->lines);
  self->lines = g_strdupv ((char **)lines);
}

/**
 * kiosk_listen_button_set_language:
 * @language: (nullable): the language to read in; %NULL reads in the window's language
 */
/**
 * kiosk_listen_button_set_lines_func:
 * @func: (nullable): collects what to read at the moment the visitor presses Listen, for a page
 *   whose text changes (the form's steps); @user_data must outlive the control
 */
void
kiosk_listen_button_set_lines_func (KioskListenButton    *self,
                                    KioskListenLinesFunc  func,
                                    gpointer              user_data)
{
  g_return_if_fail (KIOSK_IS_LISTEN_BUTTON (self));

  kiosk_listen_button_stop (self);
  self->lines_func = func;
  self->lines_data = user_data;
}

void
kiosk_listen_button_set_language (KioskListenButton *self,
                                  const char        *language)
{
  g_return_if_fail (KIOSK_IS_LISTEN_BUTTON (self));

  if (g_strcmp0 (self->language, language) == 0)
    return;

  kiosk_listen_button_stop (self);
  g_free (self->language);
  self->language = g_strdup (language);
}

/* Leaving the page, in any way, stops the reading. */
static void
kiosk_listen_button_unmap (GtkWidget *widget)
{
  kiosk_listen_button_stop (KIOSK_LISTEN_BUTTON (widget));

  GTK_WIDGET_CLASS (kiosk_listen_button_parent_class)->unmap (widget);
}

static void
kiosk_listen_button_dispose (GObject *object)
{
  KioskListenButton *self = (KioskListenButton *)object;

  kiosk_listen_button_stop (self);
  g_clear_object (&self->document);
  g_clear_pointer (&self->lines, g_strfreev);
  g_clear_pointer (&self->language, g_free);
  kiosk_widget_dispose_template (GTK_WIDGET (self), KIOSK_TYPE_LISTEN_BUTTON);

  G_OBJECT_CLASS (kiosk_listen_button_parent_class)->dispose (object);
}

static void
kiosk_listen_button_class_init (KioskListenButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kiosk_listen_button_dispose;
  widget_class->unmap = kiosk_listen_button_unmap;

  gtk_widget_class_install_action (widget_class, "listen.toggle", NULL, toggle_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/kiosk-listen-button.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskListenButton, button);
  gtk_widget_class_bind_template_child (widget_class, KioskListenButton, content);
  gtk_widget_class_bind_template_child (widget_class, KioskListenButton, status_label);
}

static void
kiosk_listen_button_init (KioskListenButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kiosk_listen_button_new (void)
{
  return g_object_new (KIOSK_TYPE_LISTEN_BUTTON, NULL);
}
