/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "kiosk-application.h"
#include "kiosk-application-private.h"
#include "kiosk-bench.h"
#include "kiosk-content-pack.h"
#include "kiosk-data-dir.h"
#include "kiosk-language.h"
#include "kiosk-reception-window.h"
#include "kiosk-widget-util.h"
#include "kiosk-window.h"

struct _KioskApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  char           *data_dir;
  char           *content_dir;
  char           *language_option;
  int             kiosk_option;      /* -1 unset, else the --kiosk/--windowed choice */

  /* Worked out once at startup from the options, the settings and the content. */
  GStrv           languages;
  char           *default_language;
  KioskStore     *store;
  GError         *store_error;       /* why the store could not be opened, for staff */
  gboolean        store_tried;       /* the store is opened on first use, not at startup */

  /* issue12-queue: the shared reception queue (kiosk-application-queue.c). */
  char           *queue_connection;  /* --queue-connection, or NULL for the setting */
  gboolean        reception;         /* --reception: the desk app instead of the kiosk */
  KioskQueue     *queue;             /* the kiosk's outbox sender, if queue-connection is set */
};

G_DEFINE_FINAL_TYPE (KioskApplication, kiosk_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_DATA_DIR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const GOptionEntry option_entries[] = {
  { "kiosk", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Run fullscreen and locked down"), NULL },
  { "windowed", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Run in a normal window (for setting up and development)"), NULL },
  { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Keep the callback requests and staff PIN in DIR"), N_("DIR") },
  { "content-dir", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the content files in DIR instead of the bundled ones"), N_("DIR") },
  { "language", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Start in language LANG, such as “es” or “en”"), N_("LANG") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  /* Commands that run without a window: kiosk-application-cli.c */
  { "export-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the pending callback requests as CSV to FILE (“-” for standard output) and exit"),
    N_("FILE") },
  { "all", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export-csv: include the requests already exported or called back"), NULL },
  { "mark-exported", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export-csv: mark the exported requests as exported once the file is complete"),
    NULL },
  { "export-usage-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the anonymous usage counts as CSV to FILE (“-” for standard output) and exit"),
    N_("FILE") },
  { "set-staff-pin", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Set the staff PIN, read from standard input, and exit"), NULL },
  /* The shared reception queue: kiosk-application-queue.c */
  { "reception", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open reception's desk app on the shared queue instead of the kiosk"), NULL },
  { "queue-setup", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Create or update the shared queue's tables and roles on its PostgreSQL server, and exit"),
    NULL },
  { "queue-connection", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Use the PostgreSQL connection CONN instead of the queue-connection setting"),
    N_("CONN") },
  { NULL }
};

static char *
lookup_filename_option (GVariantDict *options,
                        const char   *name)
{
  g_autofree char *value = NULL;

  if (!g_variant_dict_lookup (options, name, "^ay", &value))
    return NULL;

  return g_canonicalize_filename (value, NULL);
}

/* A data folder another user can change (a replaced staff-pin) must not be used at all, and a
 * kiosk that started anyway would look fine; so it stops here, before any window, with one
 * line. Other trouble (a read-only disk) is left to the store, which the staff area reports. */
static gboolean
kiosk_application_check_data_dir (KioskApplication *self)
{
  g_autoptr(GError) error = NULL;

  if (kiosk_data_dir_secure (kiosk_application_get_data_dir (self), KIOSK_DATA_DIR_CREATE,
                             &error) ||
      !g_error_matches (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_UNSAFE))
    return TRUE;

  g_strdelimit (error->message, "\r\n", ' ');
  g_printerr ("%s: %s\n", PACKAGE_NAME, error->message);

  return FALSE;
}

/* g_settings_new() aborts the process when the schema is missing; say what is wrong instead. */
static gboolean
kiosk_application_check_schema (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autofree char *message = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SCHEMA_ID, TRUE);
  if (schema != NULL)
    return TRUE;

  message = g_strdup_printf (_("the settings schema %s is not installed; install the kiosk or "
                               "set GSETTINGS_SCHEMA_DIR"), SCHEMA_ID);
  g_printerr ("%s: %s\n", PACKAGE_NAME, message);

  return FALSE;
}

static int
kiosk_application_handle_local_options (GApplication *app,
                                        GVariantDict *options)
{
  KioskApplication *self = KIOSK_APPLICATION (app);
  int status;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  if ((status = _kiosk_application_run_command (options)) >= 0)
    return status;

  if (!kiosk_application_check_schema ())
    return 1;

  g_variant_dict_lookup (options, "queue-connection", "s", &self->queue_connection);
  if ((status = _kiosk_application_run_queue_command (self, options)) >= 0)
    return status;

  if (g_variant_dict_contains (options, "kiosk") && g_variant_dict_contains (options, "windowed"))
    {
      g_printerr ("%s\n", _("Choose either --kiosk or --windowed, not both"));
      return 1;
    }
  if (g_variant_dict_contains (options, "kiosk"))
    self->kiosk_option = TRUE;
  else if (g_variant_dict_contains (options, "windowed"))
    self->kiosk_option = FALSE;

  if (g_variant_dict_contains (options, "data-dir"))
    {
      g_free (self->data_dir);
      self->data_dir = lookup_filename_option (options, "data-dir");
    }
  self->content_dir = lookup_filename_option (options, "content-dir");
  g_variant_dict_lookup (options, "language", "s", &self->language_option);

  if (!kiosk_application_check_data_dir (self))
    return 1;

  return G_APPLICATION_CLASS (kiosk_application_parent_class)->handle_local_options (app, options);
}

/* The languages offered are the configured ones that have content; English stays as a last
 * resort so that a misconfigured kiosk still shows something. */
static void
kiosk_application_setup_languages (KioskApplication *self)
{
  GSettings *settings = kiosk_application_get_settings (self);
  g_auto(GStrv) configured = g_settings_get_strv (settings, "available-languages");
  g_auto(GStrv) with_content = kiosk_content_pack_list_languages (self->content_dir);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *preferred = NULL;
  guint n = 0;

  for (guint i = 0; configured[i] != NULL; i++)
    {
      if (g_strv_contains ((const char * const *)with_content, configured[i]))
        {
          g_strv_builder_add (builder, configured[i]);
          n++;
        }
      else
        g_warning ("Language “%s” has no content and is not offered", configured[i]);
    }
  if (n == 0)
    g_strv_builder_add (builder, KIOSK_FALLBACK_LANGUAGE);

  self->languages = g_strv_builder_end (builder);

  preferred = self->language_option != NULL
            ? g_strdup (self->language_option)
            : g_settings_get_string (settings, "default-language");
  self->default_language = kiosk_language_pick (preferred,
                                                (const char * const *)self->languages,
                                                g_get_language_names ());
}

/* Retention ------------------------------------------------------------------------------------ */

/* Once a day is often enough for a limit counted in days, and it is the only timer the kiosk
 * keeps while idle. */
#define RETENTION_INTERVAL_SECONDS (24 * 60 * 60)

static void
retention_in_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GError *error = NULL;
  gint64 deleted;

  deleted = kiosk_store_delete_expired (source_object, GPOINTER_TO_UINT (task_data), now, &error);
  if (deleted < 0)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, deleted);
}

static void
retention_done (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gssize deleted = g_task_propagate_int (G_TASK (result), &error);

  if (deleted < 0)
    g_warning ("Could not delete the expired callback requests: %s",
               error != NULL ? error->message : "no reason given");
  else
    g_debug ("Deleted %" G_GSSIZE_FORMAT " expired callback requests", deleted);
}

/* Deleting can take a while on a big file, so it runs in a worker thread; the store's lock keeps
 * it apart from a patient's save. */
static void
kiosk_application_run_retention (KioskApplication *self)
{
  GSettings *settings = kiosk_application_get_settings (self);
  guint days = MAX (g_settings_get_uint (settings, "retention-days"), 1);
  g_autoptr(GTask) task = g_task_new (self->store, NULL, retention_done, NULL);

  g_task_set_source_tag (task, kiosk_application_run_retention);
  g_task_set_task_data (task, GUINT_TO_POINTER (days), NULL);
  g_task_run_in_thread (task, retention_in_thread);
}

static gboolean
retention_timeout (gpointer user_data)
{
  g_autoptr(KioskApplication) self = g_weak_ref_get (user_data);

  if (self == NULL)
    return G_SOURCE_REMOVE;

  kiosk_application_run_retention (self);

  return G_SOURCE_CONTINUE;
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

/* Deletes the requests older than the retention-days setting now and then once a day. The timer
 * holds only a weak reference, so it never keeps the application alive. */
static void
kiosk_application_start_retention (KioskApplication *self)
{
  GWeakRef *weak = g_new0 (GWeakRef, 1);

  g_weak_ref_init (weak, self);
  kiosk_application_run_retention (self);
  g_timeout_add_seconds_full (G_PRIORITY_LOW, RETENTION_INTERVAL_SECONDS, retention_timeout,
                              weak, weak_ref_free);
}

/* A kiosk whose store cannot open still informs patients; the form then says it cannot save
 * and to tell reception, and the staff area shows why. */
static void
kiosk_application_open_store (KioskApplication *self)
{
  g_autoptr(GError) error = NULL;

  self->store = kiosk_store_open (kiosk_application_get_data_dir (self), &error);
  if (self->store == NULL)
    {
      if (error == NULL)
        g_set_error_literal (&error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_FAILED,
                             "The request store gave no reason");
      g_warning ("Cannot open the request store: %s", error->message);
      g_clear_error (&self->store_error);
      self->store_error = g_steal_pointer (&error);
      return;
    }

  g_clear_error (&self->store_error);

  if (kiosk_store_get_warning (self->store) != NULL)
    g_warning ("%s", kiosk_store_get_warning (self->store));
  kiosk_application_start_retention (self);
}

/**
 * kiosk_application_ensure_store:
 *
 * Opens the request store, with its integrity check, the first time it is needed, or once the
 * kiosk's window has painted its first frame, whichever comes first: a kiosk that cannot open
 * it still starts, and nothing in the first frame needs it. Retention and the shared queue's
 * sender start with it. A store that could not be opened is tried again by
 * kiosk_application_retry_store(), not here.
 *
 * Returns: %TRUE when this call tried to open it, %FALSE when it had been tried already
 */
gboolean
kiosk_application_ensure_store (KioskApplication *self)
{
  g_return_val_if_fail (KIOSK_IS_APPLICATION (self), FALSE);

  /* The desk app works on the server only; the kiosk's store is never opened there. */
  if (self->store_tried || self->reception)
    return FALSE;

  self->store_tried = TRUE;
  kiosk_application_open_store (self);
  _kiosk_application_start_queue (self);

  return TRUE;
}

/* A disk that failed for a moment at start (I/O errors, a lock held too long, a full or
 * read-only disk) may work again; a folder another user owns or a file that is not ours or is
 * newer will not, until IT acts, and is not worth an integrity check on every visit. */
static gboolean
store_error_may_pass (const GError *error)
{
  return !g_error_matches (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_UNSAFE) &&
         !g_error_matches (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_NEWER_SCHEMA) &&
         !g_error_matches (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_FOREIGN_SCHEMA) &&
         !g_error_matches (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_CORRUPT);
}

/**
 * kiosk_application_retry_store:
 *
 * Tries again to open a store that could not be opened at start, when the reason may have
 * passed. The window calls it when a visitor opens the form or staff open their area, so a
 * kiosk whose disk hiccuped at 7 a.m. takes requests again without a restart, and no timer
 * runs while nobody is there.
 *
 * Returns: %TRUE when the store has just been opened (the pages that hold it need rebuilding)
 */
gboolean
kiosk_application_retry_store (KioskApplication *self)
{
  g_return_val_if_fail (KIOSK_IS_APPLICATION (self), FALSE);

  /* The first attempt is no retry, and nothing holds a store from before it. */
  if (kiosk_application_ensure_store (self))
    return FALSE;
  if (self->store != NULL || self->store_error == NULL || !store_error_may_pass (self->store_error))
    return FALSE;

  kiosk_application_open_store (self);

  return self->store != NULL;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_entries[] = {
  { "quit", quit_activated },
};

/* In kiosk mode nothing quits or closes the kiosk: no shortcut, and not the action itself. */
static void
kiosk_application_setup_actions (KioskApplication *self)
{
  static const char * const quit_accels[] = { "<Control>q", NULL };
  static const char * const close_accels[] = { "<Control>w", NULL };
  gboolean kiosk_mode = kiosk_application_get_kiosk_mode (self);
  GAction *quit;

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries, G_N_ELEMENTS (app_entries),
                                   self);
  quit = g_action_map_lookup_action (G_ACTION_MAP (self), "quit");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (quit), !kiosk_mode);

  if (!kiosk_mode)
    {
      gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
      gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
    }
}

/* GTK's process-wide behaviour, set once GTK is initialised and before any window exists. */
static void
kiosk_application_setup_gtk (KioskApplication *self)
{
  /* A steady text cursor is easier to find for older eyes, and its blink timer would be the
   * only thing waking an idle kiosk with a focused field. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  /* The Inspector is a live object editor: on a patient screen it would let anyone read the
   * form, the staff list and the settings. */
  if (kiosk_application_get_kiosk_mode (self))
    kiosk_disable_inspector_keybinding ();
}

static void
kiosk_application_startup (GApplication *app)
{
  KioskApplication *self = KIOSK_APPLICATION (app);
  g_autofree char *configured_content = NULL;

  G_APPLICATION_CLASS (kiosk_application_parent_class)->startup (app);

  kiosk_application_setup_gtk (self);

  if (self->content_dir == NULL)
    {
      configured_content = g_settings_get_string (kiosk_application_get_settings (self),
                                                  "content-dir");
      if (*configured_content != '\0')
        self->content_dir = g_steal_pointer (&configured_content);
    }

  kiosk_application_setup_languages (self);
  kiosk_application_setup_actions (self);
  kiosk_language_apply (self->default_language);
  /* The request store is not opened here: see kiosk_application_ensure_store(). */
}

static void
kiosk_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL && KIOSK_APPLICATION (app)->reception)
    window = GTK_WINDOW (kiosk_reception_window_new (KIOSK_APPLICATION (app)));
  else if (window == NULL)
    window = GTK_WINDOW (kiosk_window_new (KIOSK_APPLICATION (app)));

  kiosk_bench_attach (window);
  gtk_window_present (window);
}

static void
kiosk_application_finalize (GObject *object)
{
  KioskApplication *self = (KioskApplication *)object;

  g_clear_object (&self->settings);
  if (self->queue != NULL)
    kiosk_queue_stop (self->queue);
  g_clear_object (&self->queue);
  g_clear_pointer (&self->queue_connection, g_free);
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->content_dir, g_free);
  g_clear_pointer (&self->language_option, g_free);
  g_clear_pointer (&self->languages, g_strfreev);
  g_clear_pointer (&self->default_language, g_free);

  G_OBJECT_CLASS (kiosk_application_parent_class)->finalize (object);
}

static void
kiosk_application_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KioskApplication *self = KIOSK_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DATA_DIR:
      g_value_set_string (value, self->data_dir);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_application_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  KioskApplication *self = KIOSK_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DATA_DIR:
      g_free (self->data_dir);
      self->data_dir = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_application_class_init (KioskApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = kiosk_application_finalize;
  object_class->get_property = kiosk_application_get_property;
  object_class->set_property = kiosk_application_set_property;

  /**
   * KioskApplication:data-dir:
   *
   * The folder for the request store and the staff PIN, as --data-dir sets it; %NULL for
   * the default data folder.
   */
  properties[PROP_DATA_DIR] =
    g_param_spec_string ("data-dir", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  app_class->handle_local_options = kiosk_application_handle_local_options;
  app_class->startup = kiosk_application_startup;
  app_class->activate = kiosk_application_activate;
}

static void
kiosk_application_init (KioskApplication *self)
{
  self->kiosk_option = -1;

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("A touch-screen information kiosk for a clinic's "
                                              "waiting room."));
}

KioskApplication *
kiosk_application_new (const char        *application_id,
                       GApplicationFlags  flags)
{
  g_return_val_if_fail (application_id != NULL, NULL);

  return g_object_new (KIOSK_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}

/**
 * kiosk_application_get_settings:
 *
 * Opens the settings on first use: the command-line commands and --version need none, so a
 * binary whose schema is not installed still runs them. handle_local_options checks the schema
 * before the kiosk starts (see kiosk_application_check_schema()).
 *
 * Returns: (transfer none): the kiosk's settings
 */
GSettings *
kiosk_application_get_settings (KioskApplication *self)
{
  g_return_val_if_fail (KIOSK_IS_APPLICATION (self), NULL);

  if (self->settings == NULL)
    self->settings = g_settings_new (SCHEMA_ID);

  return self->settings;
}

gboolean
kiosk_application_get_kiosk_mode (KioskApplication *self)
{
  g_return_val_if_fail (KIOSK_IS_APPLICATION (self), FALSE);

  if (self->kiosk_option != -1)
    return self->kiosk_option;

  return g_settings_get_boolean (kiosk_application_get_settings (self), "kiosk-mode");
}

/**
 * kiosk_application_get_content_dir:
 *
 * Returns: (nullable): the content override folder, from --content-dir or the settings
 */
const char *
kiosk_application_get_content_dir (KioskApplication *self)
{
  g_return_val_if_fail (KIOSK_IS_APPLICATION (self), NULL);

  return self->content_dir;
}

/**
 * kiosk_application_get_data_dir:
 *
 * Returns: the data folder: --data-dir, else `$XDG_DATA_HOME/patient-kiosk`
 */
const char *
kiosk_application_get_data_dir (KioskApplication *self)
{
  g_return_val_if_fail (KIOSK_IS_APPLICATION (self), NULL);

  if (self->data_dir == NULL)
    self->data_dir = g_build_filename (g_get_user_data_dir (), PACKAGE_NAME, NULL);

  return self->data_dir;
}

/**
 * kiosk_application_get_languages:
 *
 * Returns: (transfer none): the languages the kiosk offers, in the clinic's order
 */
const char * const *
kiosk_application_get_languages (KioskApplication *self)
{
  g_return_val_if_fail (KIOSK_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (self->languages != NULL, NULL);

  return (const char * const *)self->languages;
}

/**
 * kiosk_application_get_default_language:
 *
 * Returns: the language each visitor starts in
 */
const char *
kiosk_application_get_default_language (KioskApplication *self)
{
  g_return_val_if_fail (KIOSK_IS_APPLICATION (self), NULL);

  return self->default_language;
}

/**
 * kiosk_application_get_store:
 *
 * Opens the store if it has not been tried yet (kiosk_application_ensure_store()).
 *
 * Returns: (transfer none) (nullable): the request store, or %NULL if it could not be opened
 */
KioskStore *
kiosk_application_get_store (KioskApplication *self)
{
  g_return_val_if_fail (KIOSK_IS_APPLICATION (self), NULL);

  kiosk_application_ensure_store (self);

  return self->store;
}

/**
 * kiosk_application_get_store_error:
 *
 * Returns: (transfer none) (nullable): why the store could not be opened, or %NULL
 */
const GError *
kiosk_application_get_store_error (KioskApplication *self)
{
  g_return_val_if_fail (KIOSK_IS_APPLICATION (self), NULL);

  kiosk_application_ensure_store (self);

  return self->store_error;
}

/* issue12-queue ------------------------------------------------------------------------------- */

void
_kiosk_application_set_reception (KioskApplication *self,
                                  gboolean          reception)
{
  self->reception = reception;
}

/**
 * kiosk_application_get_queue_connection:
 *
 * Returns: (transfer full): --queue-connection, else the queue-connection setting ("" when the
 *   kiosk is standalone)
 */
char *
kiosk_application_get_queue_connection (KioskApplication *self)
{
  g_return_val_if_fail (KIOSK_IS_APPLICATION (self), NULL);

  if (self->queue_connection != NULL)
    return g_strdup (self->queue_connection);

  return g_settings_get_string (kiosk_application_get_settings (self), "queue-connection");
}

void
_kiosk_application_set_queue (KioskApplication *self,
                              KioskQueue       *queue)
{
  g_set_object (&self->queue, queue);
}

/**
 * kiosk_application_get_queue:
 *
 * Returns: (transfer none) (nullable): the shared queue's sender, or %NULL when the kiosk is
 *   standalone (or its store could not be opened)
 */
KioskQueue *
kiosk_application_get_queue (KioskApplication *self)
{
  g_return_val_if_fail (KIOSK_IS_APPLICATION (self), NULL);

  kiosk_application_ensure_store (self);

  return self->queue;
}

/**
 * kiosk_application_get_for_widget:
 * @widget: a widget, in a window or not yet
 *
 * Returns: (transfer none) (nullable): the kiosk application of @widget's window, or %NULL when
 *   the widget is not in a window of this application (as in a test of the widget alone)
 */
KioskApplication *
kiosk_application_get_for_widget (GtkWidget *widget)
{
  GtkRoot *root;
  GtkApplication *app;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  root = gtk_widget_get_root (widget);
  app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

  return KIOSK_IS_APPLICATION (app) ? KIOSK_APPLICATION (app) : NULL;
}
