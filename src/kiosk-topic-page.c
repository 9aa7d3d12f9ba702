/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "kiosk-document-view.h"
#include "kiosk-topic-page.h"
#include "kiosk-widget-util.h"

struct _KioskTopicPage
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkButton         *callback_button;
  KioskDocumentView *document_view;
  GtkImage          *icon;
  GtkScrolledWindow *scroller;
  GtkLabel          *title_label;

  KioskTopic        *topic;
};

G_DEFINE_FINAL_TYPE (KioskTopicPage, kiosk_topic_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TOPIC,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kiosk_topic_page_constructed (GObject *object)
{
  KioskTopicPage *self = (KioskTopicPage *)object;

  G_OBJECT_CLASS (kiosk_topic_page_parent_class)->constructed (object);

  gtk_image_set_from_icon_name (self->icon, kiosk_topic_get_icon_name (self->topic));
  gtk_label_set_label (self->title_label, kiosk_topic_get_title (self->topic));
  kiosk_document_view_set_document (self->document_view, kiosk_topic_get_document (self->topic));
}

static void
kiosk_topic_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KioskTopicPage *self = KIOSK_TOPIC_PAGE (object);

  switch (prop_id)
    {
    case PROP_TOPIC:
      g_value_set_object (value, self->topic);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_topic_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KioskTopicPage *self = KIOSK_TOPIC_PAGE (object);

  switch (prop_id)
    {
    case PROP_TOPIC:
      self->topic = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_topic_page_dispose (GObject *object)
{
  KioskTopicPage *self = (KioskTopicPage *)object;

  kiosk_widget_dispose_template (GTK_WIDGET (self), KIOSK_TYPE_TOPIC_PAGE);
  g_clear_object (&self->topic);

  G_OBJECT_CLASS (kiosk_topic_page_parent_class)->dispose (object);
}

static void
kiosk_topic_page_class_init (KioskTopicPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kiosk_topic_page_constructed;
  object_class->get_property = kiosk_topic_page_get_property;
  object_class->set_property = kiosk_topic_page_set_property;
  object_class->dispose = kiosk_topic_page_dispose;

  properties[PROP_TOPIC] =
    g_param_spec_object ("topic", NULL, NULL, KIOSK_TYPE_TOPIC,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KIOSK_TYPE_DOCUMENT_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/kiosk-topic-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskTopicPage, callback_button);
  gtk_widget_class_bind_template_child (widget_class, KioskTopicPage, document_view);
  gtk_widget_class_bind_template_child (widget_class, KioskTopicPage, icon);
  gtk_widget_class_bind_template_child (widget_class, KioskTopicPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, KioskTopicPage, title_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kiosktopicpage");
}

static void
kiosk_topic_page_init (KioskTopicPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kiosk_topic_page_new (KioskTopic *topic)
{
  g_return_val_if_fail (KIOSK_IS_TOPIC (topic), NULL);

  return g_object_new (KIOSK_TYPE_TOPIC_PAGE,
                       "topic", topic,
                       NULL);
}

KioskTopic *
kiosk_topic_page_get_topic (KioskTopicPage *self)
{
  g_return_val_if_fail (KIOSK_IS_TOPIC_PAGE (self), NULL);

  return self->topic;
}

const char *
kiosk_topic_page_get_title (KioskTopicPage *self)
{
  g_return_val_if_fail (KIOSK_IS_TOPIC_PAGE (self), NULL);

  return gtk_label_get_label (self->title_label);
}

void
kiosk_topic_page_scroll_to_top (KioskTopicPage *self)
{
  GtkAdjustment *adjustment;

  g_return_if_fail (KIOSK_IS_TOPIC_PAGE (self));

  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}
