/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "kiosk-topic.h"

struct _KioskTopic
{
  GObject        parent_instance;

  char          *id;
  char          *icon_name;
  KioskDocument *document;
};

G_DEFINE_FINAL_TYPE (KioskTopic, kiosk_topic, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ICON_NAME,
  PROP_DOCUMENT,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kiosk_topic_finalize (GObject *object)
{
  KioskTopic *self = (KioskTopic *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->icon_name, g_free);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (kiosk_topic_parent_class)->finalize (object);
}

static void
kiosk_topic_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  KioskTopic *self = KIOSK_TOPIC (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, self->icon_name);
      break;
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_TITLE:
      g_value_set_string (value, kiosk_topic_get_title (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_topic_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  KioskTopic *self = KIOSK_TOPIC (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_ICON_NAME:
      self->icon_name = g_value_dup_string (value);
      break;
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_topic_class_init (KioskTopicClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kiosk_topic_finalize;
  object_class->get_property = kiosk_topic_get_property;
  object_class->set_property = kiosk_topic_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, KIOSK_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kiosk_topic_init (KioskTopic *self)
{
}

KioskTopic *
kiosk_topic_new (const char    *id,
                 const char    *icon_name,
                 KioskDocument *document)
{
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (icon_name != NULL, NULL);
  g_return_val_if_fail (KIOSK_IS_DOCUMENT (document), NULL);

  return g_object_new (KIOSK_TYPE_TOPIC,
                       "id", id,
                       "icon-name", icon_name,
                       "document", document,
                       NULL);
}

const char *
kiosk_topic_get_id (KioskTopic *self)
{
  g_return_val_if_fail (KIOSK_IS_TOPIC (self), NULL);

  return self->id;
}

const char *
kiosk_topic_get_icon_name (KioskTopic *self)
{
  g_return_val_if_fail (KIOSK_IS_TOPIC (self), NULL);

  return self->icon_name;
}

const char *
kiosk_topic_get_title (KioskTopic *self)
{
  g_return_val_if_fail (KIOSK_IS_TOPIC (self), NULL);

  return kiosk_document_get_title (self->document);
}

/**
 * kiosk_topic_get_summary:
 *
 * Returns: (nullable): the one-line summary shown on the topic's home tile
 */
const char *
kiosk_topic_get_summary (KioskTopic *self)
{
  g_return_val_if_fail (KIOSK_IS_TOPIC (self), NULL);

  return kiosk_document_get_summary (self->document);
}

KioskDocument *
kiosk_topic_get_document (KioskTopic *self)
{
  g_return_val_if_fail (KIOSK_IS_TOPIC (self), NULL);

  return self->document;
}
