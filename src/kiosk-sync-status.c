/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The shared queue's state in the kiosk's staff area (issue 12): how many requests wait to be
 * sent, when one last went out, and the last error in plain words. Shown only in queue mode.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "kiosk-sync-status.h"

struct _KioskSyncStatus
{
  GtkWidget   parent_instance;

  KioskQueue *queue;
  char       *text;     /* all the labels in one string, for tests and screen readers */

  /* Template widgets */
  GtkWidget  *box;
  GtkLabel   *error_label;
  GtkLabel   *last_sent_label;
  GtkLabel   *waiting_label;
};

G_DEFINE_FINAL_TYPE (KioskSyncStatus, kiosk_sync_status, GTK_TYPE_WIDGET)

static char *
describe_waiting (gint64 unsent)
{
  g_autofree char *number = NULL;

  if (unsent < 0)
    return g_strdup (_("Checking what waits to be sent…"));
  if (unsent == 0)
    return g_strdup (_("Every request has reached reception."));

  number = g_strdup_printf ("%" G_GINT64_FORMAT, unsent);

  /* Translators: %s is a number */
  return g_strdup_printf (ngettext ("%s request waits on this kiosk to be sent to reception.",
                                    "%s requests wait on this kiosk to be sent to reception.",
                                    (gulong)MIN (unsent, G_MAXLONG)), number);
}

static char *
describe_last_sent (GDateTime *last_sent)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *when = NULL;

  if (last_sent == NULL)
    return g_strdup (_("Nothing sent yet."));

  local = g_date_time_to_local (last_sent);
  /* Translators: see g_date_time_format(); e.g. "Tue 01 Dec, 09:40" */
  when = g_date_time_format (local, _("%a %d %b, %H:%M"));

  /* Translators: %s is a date and time */
  return g_strdup_printf (_("Last sent: %s."), when);
}

static void
kiosk_sync_status_update (KioskSyncStatus *self)
{
  const GError *error = kiosk_queue_get_last_error (self->queue);
  g_autofree char *waiting = describe_waiting (kiosk_queue_get_unsent (self->queue));
  g_autofree char *last_sent = describe_last_sent (kiosk_queue_get_last_sent (self->queue));
  const char *problem = error != NULL ? kiosk_queue_describe_error (error) : NULL;

  gtk_label_set_text (self->waiting_label, waiting);
  gtk_label_set_text (self->last_sent_label, last_sent);
  gtk_label_set_text (self->error_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), problem != NULL);

  g_free (self->text);
  self->text = g_strjoin ("\n", waiting, last_sent, problem, NULL);
}

static void
kiosk_sync_status_dispose (GObject *object)
{
  KioskSyncStatus *self = KIOSK_SYNC_STATUS (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->queue);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (kiosk_sync_status_parent_class)->dispose (object);
}

static void
kiosk_sync_status_class_init (KioskSyncStatusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kiosk_sync_status_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/kiosk-sync-status.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskSyncStatus, box);
  gtk_widget_class_bind_template_child (widget_class, KioskSyncStatus, error_label);
  gtk_widget_class_bind_template_child (widget_class, KioskSyncStatus, last_sent_label);
  gtk_widget_class_bind_template_child (widget_class, KioskSyncStatus, waiting_label);
}

static void
kiosk_sync_status_init (KioskSyncStatus *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kiosk_sync_status_new (KioskQueue *queue)
{
  KioskSyncStatus *self;

  g_return_val_if_fail (KIOSK_IS_QUEUE (queue), NULL);

  self = g_object_new (KIOSK_TYPE_SYNC_STATUS, NULL);
  self->queue = g_object_ref (queue);
  g_signal_connect_object (queue, "changed", G_CALLBACK (kiosk_sync_status_update), self,
                           G_CONNECT_SWAPPED);
  kiosk_sync_status_update (self);

  return GTK_WIDGET (self);
}

/* Returns: what the widget says, one line per label shown */
const char *
kiosk_sync_status_get_text (KioskSyncStatus *self)
{
  g_return_val_if_fail (KIOSK_IS_SYNC_STATUS (self), NULL);

  return self->text;
}
