/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "kiosk-home-page.h"
#include "kiosk-language.h"
#include "kiosk-topic-page.h"
#include "kiosk-window.h"

#define HOME_PAGE         "home"
#define TOPIC_PAGE_PREFIX "topic-"

struct _KioskWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  GtkButton            *back_button;
  AdwButtonContent     *back_content;
  GtkLabel             *clinic_label;
  GtkLabel             *disclaimer_label;
  GtkLabel             *emergency_label;
  AdwHeaderBar         *header_bar;
  GtkButton            *home_button;
  AdwButtonContent     *home_content;
  GtkButton            *language_button;
  AdwButtonContent     *language_content;
  GtkStack             *stack;

  GSettings            *settings;
  KioskContentPack     *content;
  char                 *language;
  GPtrArray            *history;        /* names of the pages Back returns to */
  GPtrArray            *content_pages;  /* the pages rebuilt when the language changes */
};

G_DEFINE_FINAL_TYPE (KioskWindow, kiosk_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static KioskApplication *
kiosk_window_get_kiosk_application (KioskWindow *self)
{
  return KIOSK_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

static void
kiosk_window_update_actions (KioskWindow *self)
{
  const char *visible = gtk_stack_get_visible_child_name (self->stack);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kiosk.back", self->history->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kiosk.home",
                                 g_strcmp0 (visible, HOME_PAGE) != 0);
}

static void
kiosk_window_show_page (KioskWindow *self,
                        const char  *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->stack, name);

  g_assert (page != NULL);

  /* A page is always entered at its top, never where the previous visitor left it. */
  if (KIOSK_IS_TOPIC_PAGE (page))
    kiosk_topic_page_scroll_to_top (KIOSK_TOPIC_PAGE (page));

  gtk_stack_set_visible_child (self->stack, page);
  kiosk_window_update_actions (self);
}

static void
kiosk_window_navigate (KioskWindow *self,
                       const char  *name)
{
  const char *current = gtk_stack_get_visible_child_name (self->stack);

  if (gtk_stack_get_child_by_name (self->stack, name) == NULL)
    {
      g_warning ("There is no page called “%s”", name);
      return;
    }
  if (g_strcmp0 (current, name) == 0)
    return;

  if (g_str_equal (name, HOME_PAGE))
    g_ptr_array_set_size (self->history, 0);
  else if (current != NULL)
    g_ptr_array_add (self->history, g_strdup (current));

  kiosk_window_show_page (self, name);
}

static void
kiosk_window_go_back (KioskWindow *self)
{
  g_autofree char *previous = NULL;

  if (self->history->len == 0)
    return;

  previous = g_ptr_array_steal_index (self->history, self->history->len - 1);
  kiosk_window_show_page (self, previous);
}

static void
home_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  kiosk_window_navigate (KIOSK_WINDOW (widget), HOME_PAGE);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  kiosk_window_go_back (KIOSK_WINDOW (widget));
}

static void
show_topic_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  g_autofree char *name = g_strconcat (TOPIC_PAGE_PREFIX,
                                       g_variant_get_string (parameter, NULL), NULL);

  kiosk_window_navigate (KIOSK_WINDOW (widget), name);
}

static void
next_language_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KioskWindow *self = KIOSK_WINDOW (widget);
  KioskApplication *app = kiosk_window_get_kiosk_application (self);

  kiosk_window_set_language (self, kiosk_language_next (self->language,
                                                        kiosk_application_get_languages (app)));
}

static void
kiosk_window_update_clinic_name (KioskWindow *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "clinic-name");

  gtk_label_set_label (self->clinic_label, *name != '\0' ? name : _("Neurology clinic"));
}

static void
kiosk_window_update_emergency (KioskWindow *self)
{
  g_autofree char *number = g_settings_get_string (self->settings, "emergency-number");
  g_autofree char *warning = NULL;

  /* Translators: %s is the local emergency number, such as 911. */
  warning = g_strdup_printf (_("Sudden drooping of the face, weakness on one side of the body, "
                               "trouble speaking or a sudden severe headache? Call %s now."),
                             number);
  gtk_label_set_label (self->emergency_label, warning);
  gtk_label_set_label (self->disclaimer_label,
                       _("This kiosk gives general information. "
                         "It does not replace a visit to your doctor."));
}

/* The header is built once, so its words are set here again whenever the language changes. */
static void
kiosk_window_retranslate (KioskWindow *self)
{
  KioskApplication *app = kiosk_window_get_kiosk_application (self);
  const char *next = kiosk_language_next (self->language, kiosk_application_get_languages (app));
  const char *next_name = kiosk_language_get_native_name (next);

  adw_button_content_set_label (self->back_content, _("Back"));
  adw_button_content_set_label (self->home_content, _("Home"));
  /* The language button names the other language in that language, for its readers. */
  adw_button_content_set_label (self->language_content, next_name);
  gtk_widget_set_visible (GTK_WIDGET (self->language_button), g_strcmp0 (next, self->language) != 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->language_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, next_name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Change the language"),
                                  -1);

  kiosk_window_update_clinic_name (self);
  kiosk_window_update_emergency (self);
}

static void
kiosk_window_remove_content_pages (KioskWindow *self)
{
  for (guint i = 0; i < self->content_pages->len; i++)
    gtk_stack_remove (self->stack, g_ptr_array_index (self->content_pages, i));

  g_ptr_array_set_size (self->content_pages, 0);
}

static void
kiosk_window_add_content_page (KioskWindow *self,
                               GtkWidget   *page,
                               const char  *name)
{
  gtk_stack_add_named (self->stack, page, name);
  g_ptr_array_add (self->content_pages, page);
}

static void
kiosk_window_build_content_pages (KioskWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->content));

  kiosk_window_add_content_page (self, kiosk_home_page_new (self->content), HOME_PAGE);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KioskTopic) topic = g_list_model_get_item (G_LIST_MODEL (self->content), i);
      g_autofree char *name = g_strconcat (TOPIC_PAGE_PREFIX, kiosk_topic_get_id (topic), NULL);

      kiosk_window_add_content_page (self, kiosk_topic_page_new (topic, self->settings), name);
    }
}

/* Pages that no longer exist (a topic missing in the new language) drop out of the history. */
static void
kiosk_window_prune_history (KioskWindow *self)
{
  for (guint i = self->history->len; i > 0; i--)
    {
      if (gtk_stack_get_child_by_name (self->stack, g_ptr_array_index (self->history, i - 1)) == NULL)
        g_ptr_array_remove_index (self->history, i - 1);
    }
}

static void
kiosk_window_rebuild_content (KioskWindow *self)
{
  g_autofree char *visible = g_strdup (gtk_stack_get_visible_child_name (self->stack));

  kiosk_window_remove_content_pages (self);
  kiosk_window_build_content_pages (self);
  kiosk_window_prune_history (self);

  if (visible == NULL || gtk_stack_get_child_by_name (self->stack, visible) == NULL)
    {
      g_ptr_array_set_size (self->history, 0);
      kiosk_window_show_page (self, HOME_PAGE);
    }
  else
    {
      kiosk_window_show_page (self, visible);
    }
}

/* GtkWindow:application is not a construct property, so this runs from kiosk_window_new(). */
static void
kiosk_window_load (KioskWindow *self)
{
  KioskApplication *app = kiosk_window_get_kiosk_application (self);

  g_assert (KIOSK_IS_APPLICATION (app));

  self->settings = g_object_ref (kiosk_application_get_settings (app));
  g_signal_connect_object (self->settings, "changed::clinic-name",
                           G_CALLBACK (kiosk_window_update_clinic_name), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::emergency-number",
                           G_CALLBACK (kiosk_window_update_emergency), self,
                           G_CONNECT_SWAPPED);

  kiosk_window_set_language (self, kiosk_application_get_default_language (app));

  if (kiosk_application_get_kiosk_mode (app))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "kiosk-mode");
      adw_header_bar_set_show_end_title_buttons (self->header_bar, FALSE);
      gtk_window_set_deletable (GTK_WINDOW (self), FALSE);
      gtk_window_fullscreen (GTK_WINDOW (self));
    }
}

static void
kiosk_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  KioskWindow *self = KIOSK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  KioskWindow *self = KIOSK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      kiosk_window_set_language (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_window_dispose (GObject *object)
{
  KioskWindow *self = (KioskWindow *)object;

  g_clear_object (&self->settings);
  g_clear_object (&self->content);

  G_OBJECT_CLASS (kiosk_window_parent_class)->dispose (object);
}

static void
kiosk_window_finalize (GObject *object)
{
  KioskWindow *self = (KioskWindow *)object;

  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->history, g_ptr_array_unref);
  g_clear_pointer (&self->content_pages, g_ptr_array_unref);

  G_OBJECT_CLASS (kiosk_window_parent_class)->finalize (object);
}

static void
kiosk_window_class_init (KioskWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = kiosk_window_get_property;
  object_class->set_property = kiosk_window_set_property;
  object_class->dispose = kiosk_window_dispose;
  object_class->finalize = kiosk_window_finalize;

  /**
   * KioskWindow:language:
   *
   * The language every page is shown in.
   */
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/kiosk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, back_content);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, clinic_label);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, disclaimer_label);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, emergency_label);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, home_button);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, home_content);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, language_button);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, language_content);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, stack);

  gtk_widget_class_install_action (widget_class, "kiosk.home", NULL, home_action);
  gtk_widget_class_install_action (widget_class, "kiosk.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "kiosk.show-topic", "s", show_topic_action);
  gtk_widget_class_install_action (widget_class, "kiosk.next-language", NULL,
                                   next_language_action);
}

static void
kiosk_window_init (KioskWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_add_css_class (GTK_WIDGET (self), "kiosk-window");
  self->history = g_ptr_array_new_with_free_func (g_free);
  self->content_pages = g_ptr_array_new ();
}

KioskWindow *
kiosk_window_new (KioskApplication *application)
{
  KioskWindow *self;

  g_return_val_if_fail (KIOSK_IS_APPLICATION (application), NULL);

  self = g_object_new (KIOSK_TYPE_WINDOW,
                       "application", application,
                       NULL);
  kiosk_window_load (self);

  return self;
}

const char *
kiosk_window_get_language (KioskWindow *self)
{
  g_return_val_if_fail (KIOSK_IS_WINDOW (self), NULL);

  return self->language;
}

/**
 * kiosk_window_set_language:
 * @language: a language code the application offers
 *
 * Switches every page, the header and the content to @language at once, staying on the page
 * that is showing.
 */
void
kiosk_window_set_language (KioskWindow *self,
                           const char  *language)
{
  KioskApplication *app;
  g_autoptr(KioskContentPack) content = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (KIOSK_IS_WINDOW (self));
  g_return_if_fail (language != NULL);

  if (g_strcmp0 (self->language, language) == 0)
    return;

  app = kiosk_window_get_kiosk_application (self);
  content = kiosk_content_pack_new (language, kiosk_application_get_content_dir (app), &error);
  if (content == NULL)
    {
      g_warning ("Cannot switch to language “%s”: %s", language, error->message);
      return;
    }

  kiosk_language_apply (language);
  g_free (self->language);
  self->language = g_strdup (language);
  g_set_object (&self->content, content);

  kiosk_window_rebuild_content (self);
  kiosk_window_retranslate (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

KioskContentPack *
kiosk_window_get_content (KioskWindow *self)
{
  g_return_val_if_fail (KIOSK_IS_WINDOW (self), NULL);

  return self->content;
}

const char *
kiosk_window_get_visible_page_name (KioskWindow *self)
{
  g_return_val_if_fail (KIOSK_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

GtkWidget *
kiosk_window_get_visible_page (KioskWindow *self)
{
  g_return_val_if_fail (KIOSK_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child (self->stack);
}
