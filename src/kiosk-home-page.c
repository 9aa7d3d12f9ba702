/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "kiosk-home-page.h"
#include "kiosk-tile.h"
#include "kiosk-widget-util.h"

/* Two columns on a landscape screen; one on a portrait screen, where the tiles, stacked, use
 * its height. */
#define LANDSCAPE_COLUMNS 2
#define PORTRAIT_COLUMNS  1

struct _KioskHomePage
{
  GtkWidget         parent_instance;

  /* Template widgets */
  GtkButton        *check_button;
  GtkLabel         *check_label;
  GtkLabel         *intro_label;
  GtkScrolledWindow *scroller;
  GtkGrid          *tiles_grid;
  GtkLabel         *welcome_label;

  KioskContentPack *content;
  GPtrArray        *tiles;
  gboolean          portrait;
};

G_DEFINE_FINAL_TYPE (KioskHomePage, kiosk_home_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTENT,
  PROP_PORTRAIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Rows are homogeneous and the grid expands, so the tiles share the page's height. */
static void
kiosk_home_page_arrange_tiles (KioskHomePage *self)
{
  guint columns = self->portrait ? PORTRAIT_COLUMNS : LANDSCAPE_COLUMNS;

  for (guint i = 0; i < self->tiles->len; i++)
    {
      GtkWidget *tile = g_ptr_array_index (self->tiles, i);
      GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self->tiles_grid));
      GtkLayoutChild *child = gtk_layout_manager_get_layout_child (layout, tile);

      gtk_grid_layout_child_set_column (GTK_GRID_LAYOUT_CHILD (child), i % columns);
      gtk_grid_layout_child_set_row (GTK_GRID_LAYOUT_CHILD (child), i / columns);
    }
}

static void
kiosk_home_page_add_tile (KioskHomePage *self,
                          GtkWidget     *tile)
{
  gtk_grid_attach (self->tiles_grid, tile, 0, self->tiles->len, 1, 1);
  g_ptr_array_add (self->tiles, tile);
}

static void
kiosk_home_page_add_topic_tiles (KioskHomePage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->content));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KioskTopic) topic = g_list_model_get_item (G_LIST_MODEL (self->content), i);
      GtkWidget *tile = kiosk_tile_new (kiosk_topic_get_icon_name (topic),
                                        kiosk_topic_get_title (topic),
                                        kiosk_topic_get_summary (topic));

      gtk_actionable_set_action_name (GTK_ACTIONABLE (tile), "kiosk.show-topic");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (tile), "s", kiosk_topic_get_id (topic));
      kiosk_home_page_add_tile (self, tile);
    }
}

static void
kiosk_home_page_add_callback_tile (KioskHomePage *self)
{
  GtkWidget *tile = kiosk_tile_new ("kiosk-illustration-callback",
                                    _("Request a callback"),
                                    _("Leave your phone number and the clinic will call you "
                                      "to book a consultation."));

  gtk_widget_add_css_class (tile, "kiosk-tile-callback");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (tile), "kiosk.show-callback");
  kiosk_home_page_add_tile (self, tile);
}

/* "Should I book?", when the content pack has it: one tap from the start, above the topics. */
static void
kiosk_home_page_show_check (KioskHomePage *self)
{
  KioskCheck *check = kiosk_content_pack_get_check (self->content);
  g_autofree char *text = NULL;

  if (check == NULL)
    return;

  /* Translators: the check's title, such as “Should I book a consultation?”, then a hint. */
  text = g_strdup_printf (_("%s Three quick questions, answered yes or no."),
                          kiosk_check_get_title (check));
  gtk_label_set_label (self->check_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->check_button), TRUE);
}

static void
kiosk_home_page_constructed (GObject *object)
{
  KioskHomePage *self = (KioskHomePage *)object;

  G_OBJECT_CLASS (kiosk_home_page_parent_class)->constructed (object);

  kiosk_home_page_show_check (self);
  kiosk_home_page_add_topic_tiles (self);
  kiosk_home_page_add_callback_tile (self);
  kiosk_home_page_arrange_tiles (self);
}

static void
kiosk_home_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KioskHomePage *self = KIOSK_HOME_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTENT:
      g_value_set_object (value, self->content);
      break;
    case PROP_PORTRAIT:
      g_value_set_boolean (value, self->portrait);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_home_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KioskHomePage *self = KIOSK_HOME_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTENT:
      self->content = g_value_dup_object (value);
      break;
    case PROP_PORTRAIT:
      kiosk_home_page_set_portrait (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_home_page_dispose (GObject *object)
{
  KioskHomePage *self = (KioskHomePage *)object;

  kiosk_widget_dispose_template (GTK_WIDGET (self), KIOSK_TYPE_HOME_PAGE);
  g_clear_object (&self->content);
  g_clear_pointer (&self->tiles, g_ptr_array_unref);

  G_OBJECT_CLASS (kiosk_home_page_parent_class)->dispose (object);
}

static void
kiosk_home_page_class_init (KioskHomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kiosk_home_page_constructed;
  object_class->get_property = kiosk_home_page_get_property;
  object_class->set_property = kiosk_home_page_set_property;
  object_class->dispose = kiosk_home_page_dispose;

  properties[PROP_CONTENT] =
    g_param_spec_object ("content", NULL, NULL, KIOSK_TYPE_CONTENT_PACK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * KioskHomePage:portrait:
   *
   * Whether the screen is portrait: the tiles then stack in one column.
   */
  properties[PROP_PORTRAIT] =
    g_param_spec_boolean ("portrait", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/kiosk-home-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskHomePage, check_button);
  gtk_widget_class_bind_template_child (widget_class, KioskHomePage, check_label);
  gtk_widget_class_bind_template_child (widget_class, KioskHomePage, intro_label);
  gtk_widget_class_bind_template_child (widget_class, KioskHomePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, KioskHomePage, tiles_grid);
  gtk_widget_class_bind_template_child (widget_class, KioskHomePage, welcome_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kioskhomepage");
}

static void
kiosk_home_page_init (KioskHomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  kiosk_scrolled_window_drag_to_scroll (self->scroller);
  self->tiles = g_ptr_array_new ();
}

GtkWidget *
kiosk_home_page_new (KioskContentPack *content)
{
  g_return_val_if_fail (KIOSK_IS_CONTENT_PACK (content), NULL);

  return g_object_new (KIOSK_TYPE_HOME_PAGE,
                       "content", content,
                       NULL);
}

KioskContentPack *
kiosk_home_page_get_content (KioskHomePage *self)
{
  g_return_val_if_fail (KIOSK_IS_HOME_PAGE (self), NULL);

  return self->content;
}

/**
 * kiosk_home_page_get_tile:
 * @action_name: the action the tile activates, such as "kiosk.show-topic"
 * @target: (nullable): the action's string target, such as a topic id
 *
 * Returns: (transfer none) (nullable): the tile that opens that page
 */
GtkWidget *
kiosk_home_page_get_tile (KioskHomePage *self,
                          const char    *action_name,
                          const char    *target)
{
  g_return_val_if_fail (KIOSK_IS_HOME_PAGE (self), NULL);
  g_return_val_if_fail (action_name != NULL, NULL);

  for (GtkWidget *tile = gtk_widget_get_first_child (GTK_WIDGET (self->tiles_grid));
       tile != NULL;
       tile = gtk_widget_get_next_sibling (tile))
    {
      GVariant *tile_target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (tile));

      if (g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (tile)), action_name) != 0)
        continue;
      if (target == NULL ||
          (tile_target != NULL && g_strcmp0 (g_variant_get_string (tile_target, NULL), target) == 0))
        return tile;
    }

  return NULL;
}

gboolean
kiosk_home_page_get_portrait (KioskHomePage *self)
{
  g_return_val_if_fail (KIOSK_IS_HOME_PAGE (self), FALSE);

  return self->portrait;
}

void
kiosk_home_page_set_portrait (KioskHomePage *self,
                              gboolean       portrait)
{
  g_return_if_fail (KIOSK_IS_HOME_PAGE (self));

  portrait = !!portrait;
  if (self->portrait == portrait)
    return;

  self->portrait = portrait;
  kiosk_home_page_arrange_tiles (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PORTRAIT]);
}

void
kiosk_home_page_scroll_to_top (KioskHomePage *self)
{
  g_return_if_fail (KIOSK_IS_HOME_PAGE (self));

  kiosk_scrolled_window_scroll_to_top (self->scroller);
}
