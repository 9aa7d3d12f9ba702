/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One callback request in the staff list: who, which number, when to call, about what. */

#include "config.h"

#include <glib/gi18n.h>

#include "kiosk-request-row.h"

struct _KioskRequestRow
{
  GtkListBoxRow     parent_instance;

  /* Template widgets */
  GtkButton        *called_back_button;
  GtkLabel         *details_label;
  GtkLabel         *name_label;
  GtkButton        *no_answer_button;
  GtkLabel         *notice_label;
  GtkLabel         *phone_label;
  GtkLabel         *status_label;

  KioskRequest     *request;
  KioskContentPack *content;
};

G_DEFINE_FINAL_TYPE (KioskRequestRow, kiosk_request_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_CONTENT,
  PROP_REQUEST,
  N_PROPS
};

enum {
  CALLED_BACK,
  NO_ANSWER,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
call_time_label (KioskCallTime call_time)
{
  switch (call_time)
    {
    case KIOSK_CALL_TIME_MORNING:
      return _("Morning");
    case KIOSK_CALL_TIME_AFTERNOON:
      return _("Afternoon");
    case KIOSK_CALL_TIME_ANY:
    default:
      return _("Any time");
    }
}

static const char *
topic_label (const char       *topic_id,
             KioskContentPack *content)
{
  KioskTopic *topic;

  if (topic_id == NULL)
    return _("No topic chosen");
  if (content != NULL && (topic = kiosk_content_pack_lookup_topic (content, topic_id)) != NULL)
    return kiosk_topic_get_title (topic);
  if (g_str_equal (topic_id, "other"))
    return _("Something else");

  return topic_id;
}

/**
 * kiosk_request_row_describe:
 *
 * Returns: (transfer full): when to call, the topic and when the request was made, in local time
 */
char *
kiosk_request_row_describe (KioskRequest     *request,
                            KioskContentPack *content)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *created = NULL;

  g_return_val_if_fail (KIOSK_IS_REQUEST (request), NULL);

  local = g_date_time_to_local (kiosk_request_get_created (request));
  created = g_date_time_format (local, "%Y-%m-%d %H:%M");

  /* Translators: preferred time · topic · when the request was made. */
  return g_strdup_printf (_("%s · %s · %s"),
                          call_time_label (kiosk_request_get_call_time (request)),
                          topic_label (kiosk_request_get_topic (request), content),
                          created);
}

/**
 * kiosk_request_row_describe_status:
 *
 * The staff list shows only open requests; of those, one nobody answered says so.
 *
 * Returns: (transfer full) (nullable): "No answer on … Try again.", or %NULL for a request
 *   nobody has called yet
 */
char *
kiosk_request_row_describe_status (KioskRequest *request)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *when = NULL;

  g_return_val_if_fail (KIOSK_IS_REQUEST (request), NULL);

  if (kiosk_request_get_status (request) != KIOSK_REQUEST_STATUS_NO_ANSWER)
    return NULL;

  local = g_date_time_to_local (kiosk_request_get_no_answer_at (request));
  when = g_date_time_format (local, "%Y-%m-%d %H:%M");

  /* Translators: %s is when staff called and nobody answered. */
  return g_strdup_printf (_("No answer on %s. Try again."), when);
}

static void
called_back_clicked_cb (KioskRequestRow *self)
{
  g_signal_emit (self, signals[CALLED_BACK], 0);
}

static void
no_answer_clicked_cb (KioskRequestRow *self)
{
  g_signal_emit (self, signals[NO_ANSWER], 0);
}

static void
set_optional_label (GtkLabel   *label,
                    const char *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
}

/* Screen readers hear which patient a button is for, not ten identical "Called back"s. */
static void
name_button (GtkButton *button,
             char      *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_free (label);
}

static void
kiosk_request_row_constructed (GObject *object)
{
  KioskRequestRow *self = (KioskRequestRow *)object;
  g_autofree char *details = kiosk_request_row_describe (self->request, self->content);
  g_autofree char *status = kiosk_request_row_describe_status (self->request);
  g_autofree char *phone = kiosk_request_format_phone (kiosk_request_get_phone (self->request));
  const char *name = kiosk_request_get_name (self->request);
  gboolean open = kiosk_request_is_open (self->request);

  G_OBJECT_CLASS (kiosk_request_row_parent_class)->constructed (object);

  gtk_label_set_label (self->name_label, name);
  gtk_label_set_label (self->phone_label, phone);
  gtk_label_set_label (self->details_label, details);
  set_optional_label (self->status_label, status);

  gtk_widget_set_visible (GTK_WIDGET (self->called_back_button),
                          kiosk_request_get_status (self->request) !=
                          KIOSK_REQUEST_STATUS_CALLED_BACK);
  gtk_widget_set_visible (GTK_WIDGET (self->no_answer_button), open);

  /* Translators: %s is a patient's name; this names the button for a screen reader. */
  name_button (self->called_back_button, g_strdup_printf (_("Mark %s as called back"), name));
  /* Translators: %s is a patient's name; this names the button for a screen reader. */
  name_button (self->no_answer_button,
               g_strdup_printf (_("%s did not answer: try again later"), name));
}

/**
 * kiosk_request_row_set_days_left:
 * @days_left: whole days before retention deletes the request, or -1 to say nothing
 *
 * Warns that the retention period is about to delete a request nobody has called yet.
 */
void
kiosk_request_row_set_days_left (KioskRequestRow *self,
                                 int              days_left)
{
  g_autofree char *notice = NULL;

  g_return_if_fail (KIOSK_IS_REQUEST_ROW (self));

  if (days_left == 0)
    notice = g_strdup (_("Deleted automatically today: call or export it now."));
  else if (days_left > 0)
    notice = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Deleted automatically in %d day: call or export it.",
                                           "Deleted automatically in %d days: call or export it.",
                                           days_left),
                              days_left);

  set_optional_label (self->notice_label, notice);
}

static void
kiosk_request_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KioskRequestRow *self = KIOSK_REQUEST_ROW (object);

  switch (prop_id)
    {
    case PROP_CONTENT:
      g_value_set_object (value, self->content);
      break;
    case PROP_REQUEST:
      g_value_set_object (value, self->request);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_request_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  KioskRequestRow *self = KIOSK_REQUEST_ROW (object);

  switch (prop_id)
    {
    case PROP_CONTENT:
      self->content = g_value_dup_object (value);
      break;
    case PROP_REQUEST:
      self->request = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_request_row_dispose (GObject *object)
{
  KioskRequestRow *self = (KioskRequestRow *)object;

  g_clear_object (&self->request);
  g_clear_object (&self->content);

  G_OBJECT_CLASS (kiosk_request_row_parent_class)->dispose (object);
}

static void
kiosk_request_row_class_init (KioskRequestRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kiosk_request_row_constructed;
  object_class->get_property = kiosk_request_row_get_property;
  object_class->set_property = kiosk_request_row_set_property;
  object_class->dispose = kiosk_request_row_dispose;

  properties[PROP_CONTENT] =
    g_param_spec_object ("content", NULL, NULL, KIOSK_TYPE_CONTENT_PACK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REQUEST] =
    g_param_spec_object ("request", NULL, NULL, KIOSK_TYPE_REQUEST,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KioskRequestRow::called-back:
   *
   * Emitted when staff mark the request as called back.
   */
  signals[CALLED_BACK] =
    g_signal_new ("called-back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * KioskRequestRow::no-answer:
   *
   * Emitted when staff called and nobody answered.
   */
  signals[NO_ANSWER] =
    g_signal_new ("no-answer", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/kiosk-request-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskRequestRow, called_back_button);
  gtk_widget_class_bind_template_child (widget_class, KioskRequestRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, KioskRequestRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, KioskRequestRow, no_answer_button);
  gtk_widget_class_bind_template_child (widget_class, KioskRequestRow, notice_label);
  gtk_widget_class_bind_template_child (widget_class, KioskRequestRow, phone_label);
  gtk_widget_class_bind_template_child (widget_class, KioskRequestRow, status_label);
  gtk_widget_class_bind_template_callback (widget_class, called_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, no_answer_clicked_cb);
}

static void
kiosk_request_row_init (KioskRequestRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kiosk_request_row_new (KioskRequest     *request,
                       KioskContentPack *content)
{
  g_return_val_if_fail (KIOSK_IS_REQUEST (request), NULL);
  g_return_val_if_fail (content == NULL || KIOSK_IS_CONTENT_PACK (content), NULL);

  return g_object_new (KIOSK_TYPE_REQUEST_ROW,
                       "request", request,
                       "content", content,
                       NULL);
}

KioskRequest *
kiosk_request_row_get_request (KioskRequestRow *self)
{
  g_return_val_if_fail (KIOSK_IS_REQUEST_ROW (self), NULL);

  return self->request;
}
