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
  GtkLabel         *phone_label;

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

static void
called_back_clicked_cb (KioskRequestRow *self)
{
  g_signal_emit (self, signals[CALLED_BACK], 0);
}

static void
kiosk_request_row_constructed (GObject *object)
{
  KioskRequestRow *self = (KioskRequestRow *)object;
  g_autofree char *details = kiosk_request_row_describe (self->request, self->content);
  g_autofree char *button_name = NULL;

  G_OBJECT_CLASS (kiosk_request_row_parent_class)->constructed (object);

  gtk_label_set_label (self->name_label, kiosk_request_get_name (self->request));
  gtk_label_set_label (self->phone_label, kiosk_request_get_phone (self->request));
  gtk_label_set_label (self->details_label, details);

  /* Translators: %s is a patient's name; this names the button for a screen reader. */
  button_name = g_strdup_printf (_("Mark %s as called back"), kiosk_request_get_name (self->request));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->called_back_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, button_name, -1);
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

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/kiosk-request-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskRequestRow, called_back_button);
  gtk_widget_class_bind_template_child (widget_class, KioskRequestRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, KioskRequestRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, KioskRequestRow, phone_label);
  gtk_widget_class_bind_template_callback (widget_class, called_back_clicked_cb);
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
