/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A large, card-like button with an icon, a title and a one-line summary: the home page's unit. */

#include "config.h"

#include "kiosk-tile.h"

struct _KioskTile
{
  GtkButton  parent_instance;

  /* Template widgets */
  GtkImage  *icon;
  GtkLabel  *summary_label;
  GtkLabel  *title_label;
};

G_DEFINE_FINAL_TYPE (KioskTile, kiosk_tile, GTK_TYPE_BUTTON)

enum {
  PROP_0,
  PROP_ICON_NAME,
  PROP_SUMMARY,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kiosk_tile_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  KioskTile *self = KIOSK_TILE (object);

  switch (prop_id)
    {
    case PROP_ICON_NAME:
      g_value_set_string (value, kiosk_tile_get_icon_name (self));
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, kiosk_tile_get_summary (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, kiosk_tile_get_title (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_tile_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  KioskTile *self = KIOSK_TILE (object);

  switch (prop_id)
    {
    case PROP_ICON_NAME:
      kiosk_tile_set_icon_name (self, g_value_get_string (value));
      break;
    case PROP_SUMMARY:
      kiosk_tile_set_summary (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      kiosk_tile_set_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_tile_class_init (KioskTileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = kiosk_tile_get_property;
  object_class->set_property = kiosk_tile_set_property;

  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/kiosk-tile.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskTile, icon);
  gtk_widget_class_bind_template_child (widget_class, KioskTile, summary_label);
  gtk_widget_class_bind_template_child (widget_class, KioskTile, title_label);
}

static void
kiosk_tile_init (KioskTile *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kiosk_tile_new (const char *icon_name,
                const char *title,
                const char *summary)
{
  return g_object_new (KIOSK_TYPE_TILE,
                       "icon-name", icon_name,
                       "title", title,
                       "summary", summary,
                       NULL);
}

const char *
kiosk_tile_get_title (KioskTile *self)
{
  g_return_val_if_fail (KIOSK_IS_TILE (self), NULL);

  return gtk_label_get_label (self->title_label);
}

/* The screen reader reads the title as the tile's name and the summary as its description. */
void
kiosk_tile_set_title (KioskTile  *self,
                      const char *title)
{
  g_return_if_fail (KIOSK_IS_TILE (self));

  if (g_strcmp0 (title, kiosk_tile_get_title (self)) == 0)
    return;

  gtk_label_set_label (self->title_label, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
kiosk_tile_get_summary (KioskTile *self)
{
  g_return_val_if_fail (KIOSK_IS_TILE (self), NULL);

  return gtk_label_get_label (self->summary_label);
}

void
kiosk_tile_set_summary (KioskTile  *self,
                        const char *summary)
{
  g_return_if_fail (KIOSK_IS_TILE (self));

  if (g_strcmp0 (summary, kiosk_tile_get_summary (self)) == 0)
    return;

  gtk_label_set_label (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary != NULL && *summary != '\0');
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary,
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

const char *
kiosk_tile_get_icon_name (KioskTile *self)
{
  g_return_val_if_fail (KIOSK_IS_TILE (self), NULL);

  return gtk_image_get_icon_name (self->icon);
}

void
kiosk_tile_set_icon_name (KioskTile  *self,
                          const char *icon_name)
{
  g_return_if_fail (KIOSK_IS_TILE (self));

  if (g_strcmp0 (icon_name, kiosk_tile_get_icon_name (self)) == 0)
    return;

  gtk_image_set_from_icon_name (self->icon, icon_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ICON_NAME]);
}
