/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * One request in reception's desk app: who (name, the phone grouped for reading), when and from
 * which kiosk, the preferred time and topic, the status with who set it, and the two status
 * buttons, which activate the window's reception.mark action with (uuid, status).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "kiosk-reception-row.h"

struct _KioskReceptionRow
{
  GtkListBoxRow    parent_instance;

  KioskQueueEntry *entry;

  /* Template widgets */
  GtkButton       *called_back_button;
  GtkLabel        *details_label;
  GtkLabel        *name_label;
  GtkButton       *no_answer_button;
  GtkLabel        *phone_label;
  GtkLabel        *status_label;
};

G_DEFINE_FINAL_TYPE (KioskReceptionRow, kiosk_reception_row, GTK_TYPE_LIST_BOX_ROW)

static const char *
describe_call_time (const char *call_time)
{
  if (g_strcmp0 (call_time, "morning") == 0)
    return _("Call in the morning");
  if (g_strcmp0 (call_time, "afternoon") == 0)
    return _("Call in the afternoon");

  return _("Call at any time");
}

static char *
format_local (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup ("");

  local = g_date_time_to_local (time);

  /* Translators: a date and time in the desk app, see g_date_time_format() */
  return g_date_time_format (local, _("%a %d %b %Y, %H:%M"));
}

/**
 * kiosk_reception_describe_status:
 *
 * Returns: (transfer full): the status in words, with who changed it and when
 */
char *
kiosk_reception_describe_status (KioskQueueEntry *entry)
{
  const char *status = kiosk_queue_entry_get_status (entry);
  const char *by = kiosk_queue_entry_get_status_changed_by (entry);
  g_autofree char *when = format_local (kiosk_queue_entry_get_status_changed_at (entry));

  if (g_strcmp0 (status, "called-back") == 0)
    /* Translators: "Called back by desk_maria, Tue 01 Dec 2026, 10:15" */
    return g_strdup_printf (_("Called back by %s, %s"), by != NULL ? by : "?", when);
  if (g_strcmp0 (status, "no-answer") == 0)
    return g_strdup_printf (_("No answer (%s, %s): try again"), by != NULL ? by : "?", when);

  return g_strdup (_("Waiting for a call"));
}

/* The topic's title in the desk's language, or its id if this desk's content lacks it. */
static const char *
topic_title (KioskContentPack *content,
             const char       *id)
{
  KioskTopic *topic = content != NULL ? kiosk_content_pack_lookup_topic (content, id) : NULL;

  return topic != NULL ? kiosk_topic_get_title (topic) : id;
}

static char *
describe_details (KioskQueueEntry  *entry,
                  KioskContentPack *content)
{
  g_autofree char *when = format_local (kiosk_queue_entry_get_created (entry));
  const char *topic = kiosk_queue_entry_get_topic (entry);
  g_autoptr(GString) details = g_string_new (NULL);

  g_string_append (details, describe_call_time (kiosk_queue_entry_get_call_time (entry)));
  if (topic != NULL && *topic != '\0')
    /* Translators: the topic the patient asked about, such as "causes" */
    g_string_append_printf (details, " · %s", topic_title (content, topic));
  /* Translators: "Sent from Lobby, Tue 01 Dec 2026, 09:40" */
  g_string_append_printf (details, " · ");
  g_string_append_printf (details, _("Sent from %s, %s"), kiosk_queue_entry_get_kiosk (entry), when);

  return g_string_free (g_steal_pointer (&details), FALSE);
}

static void
kiosk_reception_row_fill (KioskReceptionRow *self,
                          KioskContentPack  *content)
{
  KioskQueueEntry *entry = self->entry;
  const char *uuid = kiosk_queue_entry_get_uuid (entry);
  const char *status = kiosk_queue_entry_get_status (entry);
  g_autofree char *phone = kiosk_request_format_phone (kiosk_queue_entry_get_phone (entry));
  g_autofree char *details = describe_details (entry, content);
  g_autofree char *status_text = kiosk_reception_describe_status (entry);

  gtk_label_set_text (self->name_label, kiosk_queue_entry_get_name (entry));
  gtk_label_set_text (self->phone_label, phone);
  gtk_label_set_text (self->details_label, details);
  gtk_label_set_text (self->status_label, status_text);

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->called_back_button), "(ss)", uuid,
                                    "called-back");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->no_answer_button), "(ss)", uuid,
                                    "no-answer");
  gtk_widget_set_visible (GTK_WIDGET (self->called_back_button),
                          g_strcmp0 (status, "called-back") != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->no_answer_button),
                          g_strcmp0 (status, "called-back") != 0);
}

static void
kiosk_reception_row_dispose (GObject *object)
{
  KioskReceptionRow *self = KIOSK_RECEPTION_ROW (object);

  g_clear_object (&self->entry);

  G_OBJECT_CLASS (kiosk_reception_row_parent_class)->dispose (object);
}

static void
kiosk_reception_row_class_init (KioskReceptionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kiosk_reception_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/kiosk-reception-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskReceptionRow, called_back_button);
  gtk_widget_class_bind_template_child (widget_class, KioskReceptionRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, KioskReceptionRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, KioskReceptionRow, no_answer_button);
  gtk_widget_class_bind_template_child (widget_class, KioskReceptionRow, phone_label);
  gtk_widget_class_bind_template_child (widget_class, KioskReceptionRow, status_label);
}

static void
kiosk_reception_row_init (KioskReceptionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* @content: (nullable): for the topics' titles */
GtkWidget *
kiosk_reception_row_new (KioskQueueEntry  *entry,
                         KioskContentPack *content)
{
  KioskReceptionRow *self;

  g_return_val_if_fail (KIOSK_IS_QUEUE_ENTRY (entry), NULL);

  self = g_object_new (KIOSK_TYPE_RECEPTION_ROW, NULL);
  self->entry = g_object_ref (entry);
  kiosk_reception_row_fill (self, content);

  return GTK_WIDGET (self);
}

KioskQueueEntry *
kiosk_reception_row_get_entry (KioskReceptionRow *self)
{
  g_return_val_if_fail (KIOSK_IS_RECEPTION_ROW (self), NULL);

  return self->entry;
}
