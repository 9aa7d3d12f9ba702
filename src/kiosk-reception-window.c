/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Reception's desk app (`patient-kiosk --reception`): an ordinary window on the reception PC
 * with the shared queue from every kiosk, newest first, a status filter, the two status
 * buttons on each request and an export. It sits idle with no timer: new requests arrive
 * through the server's NOTIFY (KioskReception watches the socket).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "kiosk-reception-row.h"
#include "kiosk-reception-window.h"

struct _KioskReceptionWindow
{
  AdwApplicationWindow  parent_instance;

  KioskReception       *reception;
  KioskContentPack     *content;     /* the topics' titles, in the desk's language */
  GtkFileChooserNative *chooser;

  /* Template widgets */
  AdwStatusPage        *empty_page;
  GtkLabel             *error_label;
  GtkRevealer          *error_revealer;
  GtkDropDown          *filter_dropdown;
  GtkListBox           *list_box;
  GtkStack             *stack;
  AdwWindowTitle       *window_title;
};

G_DEFINE_FINAL_TYPE (KioskReceptionWindow, kiosk_reception_window, ADW_TYPE_APPLICATION_WINDOW)

/* The filter's entries, in the order of the drop-down's list. */
static const char * const filter_statuses[] = { "pending", "no-answer", "called-back", NULL };

static void
show_message (KioskReceptionWindow *self,
              const char           *message)
{
  if (message != NULL)
    gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static void
update_state (KioskReceptionWindow *self)
{
  GListModel *entries = kiosk_reception_get_entries (self->reception);
  const GError *error = kiosk_reception_get_error (self->reception);
  guint n = g_list_model_get_n_items (entries);
  g_autofree char *subtitle = NULL;

  show_message (self, error != NULL ? kiosk_queue_describe_error (error) : NULL);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
  /* "No requests here" only when the server said so; otherwise the message above says why. */
  gtk_widget_set_visible (GTK_WIDGET (self->empty_page),
                          kiosk_reception_is_connected (self->reception));
  gtk_widget_set_visible (GTK_WIDGET (self->list_box), n > 0);

  if (!kiosk_reception_is_connected (self->reception))
    subtitle = g_strdup (error != NULL ? _("Not connected") : _("Connecting…"));
  else
    subtitle = g_strdup_printf (ngettext ("%u request", "%u requests", n), n);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  KioskReceptionWindow *self = user_data;

  return kiosk_reception_row_new (KIOSK_QUEUE_ENTRY (item), self->content);
}

static void
filter_changed_cb (KioskReceptionWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->filter_dropdown);

  kiosk_reception_set_filter (self->reception,
                              selected < G_N_ELEMENTS (filter_statuses)
                                ? filter_statuses[selected] : NULL);
  update_state (self);
}

static void
mark_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KioskReceptionWindow *self = KIOSK_RECEPTION_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  const char *uuid = NULL;
  const char *status = NULL;

  g_variant_get (parameter, "(&s&s)", &uuid, &status);
  if (!kiosk_reception_set_status (self->reception, uuid, status, &error))
    {
      g_warning ("Could not change a request's status: %s", error->message);
      show_message (self, kiosk_queue_describe_error (error));
    }
}

static void
export_response_cb (KioskReceptionWindow *self,
                    int                   response)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));
  g_clear_object (&self->chooser);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  if (!kiosk_reception_export_csv (self->reception, path, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The export could not be written: %s"),
                                                  error->message);
      show_message (self, message);
    }
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KioskReceptionWindow *self = KIOSK_RECEPTION_WINDOW (widget);

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Export the requests"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), "callback-requests.csv");
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (export_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
kiosk_reception_window_dispose (GObject *object)
{
  KioskReceptionWindow *self = KIOSK_RECEPTION_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->reception != NULL)
    g_object_run_dispose (G_OBJECT (self->reception));
  g_clear_object (&self->reception);
  g_clear_object (&self->content);

  G_OBJECT_CLASS (kiosk_reception_window_parent_class)->dispose (object);
}

static void
kiosk_reception_window_class_init (KioskReceptionWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kiosk_reception_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/kiosk-reception-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskReceptionWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, KioskReceptionWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, KioskReceptionWindow, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, KioskReceptionWindow, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KioskReceptionWindow, list_box);
  gtk_widget_class_bind_template_child (widget_class, KioskReceptionWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, KioskReceptionWindow, window_title);

  gtk_widget_class_install_action (widget_class, "reception.mark", "(ss)", mark_activated);
  gtk_widget_class_install_action (widget_class, "reception.export", NULL, export_activated);
}

static void
kiosk_reception_window_init (KioskReceptionWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Starts connecting at once; with no connection configured it says so and stays empty. */
static void
kiosk_reception_window_start (KioskReceptionWindow *self,
                              const char           *conninfo)
{
  self->reception = kiosk_reception_new (conninfo);
  gtk_list_box_bind_model (self->list_box, kiosk_reception_get_entries (self->reception),
                           create_row, self, NULL);
  g_signal_connect_object (self->reception, "changed", G_CALLBACK (update_state), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (kiosk_reception_get_entries (self->reception), "items-changed",
                           G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_dropdown, "notify::selected",
                           G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  filter_changed_cb (self);

  if (*conninfo == '\0')
    {
      show_message (self, _("No reception queue is set up on this computer: set the "
                            "queue-connection setting, or start with --queue-connection."));
      adw_window_title_set_subtitle (self->window_title, _("Not connected"));
      return;
    }

  kiosk_reception_connect (self->reception);
}

KioskReceptionWindow *
kiosk_reception_window_new (KioskApplication *application)
{
  KioskReceptionWindow *self;
  g_autofree char *conninfo = NULL;

  g_return_val_if_fail (KIOSK_IS_APPLICATION (application), NULL);

  self = g_object_new (KIOSK_TYPE_RECEPTION_WINDOW, "application", application, NULL);
  /* Without the content the topics show as their ids; the list works all the same. */
  self->content = kiosk_content_pack_new (kiosk_application_get_default_language (application),
                                          kiosk_application_get_content_dir (application), NULL);
  conninfo = kiosk_application_get_queue_connection (application);
  kiosk_reception_window_start (self, conninfo);

  return self;
}

/* Returns: (transfer none): the window's queue client (for tests) */
KioskReception *
kiosk_reception_window_get_reception (KioskReceptionWindow *self)
{
  g_return_val_if_fail (KIOSK_IS_RECEPTION_WINDOW (self), NULL);

  return self->reception;
}
