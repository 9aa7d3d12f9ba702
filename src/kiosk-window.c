/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kiosk-callback-page.h"
#include "kiosk-home-page.h"
#include "kiosk-memory.h"
#include "kiosk-language.h"
#include "kiosk-topic-page.h"
#include "kiosk-listen-button.h"
#include "kiosk-window-private.h"

G_DEFINE_FINAL_TYPE (KioskWindow, kiosk_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_LANGUAGE,
  PROP_TEXT_SIZE,
  PROP_HIGH_CONTRAST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

KioskApplication *
_kiosk_window_get_kiosk_application (KioskWindow *self)
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

/* Every page change passes here, so this is where patient data is made to end with the page it
 * was typed on: Home, Back, the staff area and the reset all leave the form empty, and the
 * next visitor cannot find it filled. A change of language keeps the same page (the form is
 * rebuilt with what was typed), so it does not count as leaving. */
static void
kiosk_window_leave_page (KioskWindow *self,
                         GtkWidget   *leaving,
                         GtkWidget   *entering)
{
  if (leaving == entering)
    return;

  if (leaving != NULL && leaving == GTK_WIDGET (self->callback_page))
    kiosk_callback_page_reset (self->callback_page);
  /* "Should I book?" keeps no answer past its page either. */
  if (leaving != NULL && leaving == GTK_WIDGET (self->check_page))
    kiosk_check_page_reset (self->check_page);
}

void
_kiosk_window_show_page (KioskWindow *self,
                         const char  *name)
{
  GtkWidget *page = _kiosk_window_ensure_page (self, name);
  GtkWidget *leaving = gtk_stack_get_visible_child (self->stack);

  g_assert (page != NULL);

  kiosk_window_leave_page (self, leaving, page);
  /* Back home, a visit (or part of one) is over: what its pages freed goes back to the system. */
  if (KIOSK_IS_HOME_PAGE (page) && leaving != NULL && leaving != page)
    kiosk_memory_release_after_paint (GTK_WIDGET (self));

  /* A page is always entered at its top, never where the previous visitor left it. */
  if (KIOSK_IS_TOPIC_PAGE (page))
    kiosk_topic_page_scroll_to_top (KIOSK_TOPIC_PAGE (page));
  else if (KIOSK_IS_HOME_PAGE (page))
    kiosk_home_page_scroll_to_top (KIOSK_HOME_PAGE (page));

  gtk_stack_set_visible_child (self->stack, page);
  /* Only now: while showing a page, GtkStack moves the focus into it if the focus was in the
   * page it hides (as after a real tap on a tile), back to where it was when the page was last
   * left or on to its first control. The form wants its current step's field instead. */
  if (page == GTK_WIDGET (self->callback_page))
    kiosk_callback_page_focus_step (self->callback_page);
  kiosk_window_update_actions (self);
  _kiosk_window_update_chrome (self);
}

static void
record_usage_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;

  if (!kiosk_store_record_usage (KIOSK_STORE (source_object), task_data, &error))
    g_warning ("Could not count a page visit: %s", error->message);
  g_task_return_boolean (task, TRUE);
}

/* Anonymous counts of what visitors open, for the clinic; written off the main thread. */
static void
kiosk_window_count_visit (KioskWindow *self,
                          const char  *page)
{
  KioskStore *store = kiosk_application_get_store (_kiosk_window_get_kiosk_application (self));
  g_autoptr(GTask) task = NULL;
  const char *item = NULL;

  if (g_str_has_prefix (page, TOPIC_PAGE_PREFIX))
    item = page + strlen (TOPIC_PAGE_PREFIX);
  else if (g_str_equal (page, CALLBACK_PAGE))
    item = "form";
  else if (g_str_equal (page, CHECK_PAGE))
    item = "check";

  if (item == NULL || store == NULL)
    return;

  task = g_task_new (store, NULL, NULL, NULL);
  g_task_set_source_tag (task, kiosk_window_count_visit);
  g_task_set_task_data (task, g_strdup (item), g_free);
  g_task_run_in_thread (task, record_usage_thread);
}

void
_kiosk_window_navigate (KioskWindow *self,
                        const char  *name)
{
  const char *current;

  /* The pages that save or list requests hold the store they were built with (before `current`
   * is read: the staff area may be rebuilt). */
  if ((g_str_equal (name, CALLBACK_PAGE) || g_str_equal (name, STAFF_PAGE)) &&
      kiosk_application_retry_store (_kiosk_window_get_kiosk_application (self)))
    _kiosk_window_store_opened (self);

  current = gtk_stack_get_visible_child_name (self->stack);

  if (_kiosk_window_ensure_page (self, name) == NULL)
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

  _kiosk_window_show_page (self, name);
  kiosk_window_count_visit (self, name);
}

static void
kiosk_window_go_back (KioskWindow *self)
{
  g_autofree char *previous = NULL;

  if (self->history->len == 0)
    return;

  previous = g_ptr_array_steal_index (self->history, self->history->len - 1);
  _kiosk_window_show_page (self, previous);
}

void
_kiosk_window_go_home (KioskWindow *self)
{
  g_ptr_array_set_size (self->history, 0);
  _kiosk_window_show_page (self, HOME_PAGE);
}

static void
home_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _kiosk_window_navigate (KIOSK_WINDOW (widget), HOME_PAGE);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KioskWindow *self = KIOSK_WINDOW (widget);

  /* In the form, Back is a step back, keeping what was typed; from its first step it leaves.
   * In "Should I book?", Back asks the last question again. */
  if (gtk_stack_get_visible_child (self->stack) == GTK_WIDGET (self->callback_page) &&
      kiosk_callback_page_previous_step (self->callback_page))
    return;
  if (self->check_page != NULL &&
      gtk_stack_get_visible_child (self->stack) == GTK_WIDGET (self->check_page) &&
      kiosk_check_page_go_back (self->check_page))
    return;

  kiosk_window_go_back (self);
}

static void
show_topic_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  g_autofree char *name = g_strconcat (TOPIC_PAGE_PREFIX,
                                       g_variant_get_string (parameter, NULL), NULL);

  _kiosk_window_navigate (KIOSK_WINDOW (widget), name);
}

static void
show_callback_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KioskWindow *self = KIOSK_WINDOW (widget);
  GtkWidget *visible = gtk_stack_get_visible_child (self->stack);

  /* Coming from a topic page, the form already knows what the call is about. */
  if (KIOSK_IS_TOPIC_PAGE (visible))
    {
      KioskTopic *topic = kiosk_topic_page_get_topic (KIOSK_TOPIC_PAGE (visible));

      kiosk_callback_page_set_topic (_kiosk_window_get_form (self), kiosk_topic_get_id (topic));
    }

  _kiosk_window_navigate (self, CALLBACK_PAGE);
}

static void
show_check_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  _kiosk_window_navigate (KIOSK_WINDOW (widget), CHECK_PAGE);
}

static void
staff_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  _kiosk_window_navigate (KIOSK_WINDOW (widget), STAFF_PAGE);
}

/* A three-second press on the clinic's name: staff find it, a patient will not by chance.
 * GtkGestureLongPress stops at one second and GtkGestureClick gives up after the double-click
 * time, so a drag gesture starts a timer that a release, a slide or a cancelled touch stops. */
static gboolean
clinic_held_cb (gpointer data)
{
  KioskWindow *self = data;

  self->staff_press_id = 0;
  gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.staff", NULL);

  return G_SOURCE_REMOVE;
}

static void
clinic_pressed_cb (KioskWindow *self)
{
  g_clear_handle_id (&self->staff_press_id, g_source_remove);
  self->staff_press_id = g_timeout_add (STAFF_PRESS_MS, clinic_held_cb, self);
}

static void
clinic_released_cb (KioskWindow *self)
{
  g_clear_handle_id (&self->staff_press_id, g_source_remove);
}

static void
clinic_dragged_cb (KioskWindow *self,
                   double       x,
                   double       y)
{
  if (ABS (x) > STAFF_PRESS_SLOP || ABS (y) > STAFF_PRESS_SLOP)
    clinic_released_cb (self);
}

static void
next_language_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KioskWindow *self = KIOSK_WINDOW (widget);
  KioskApplication *app = _kiosk_window_get_kiosk_application (self);

  kiosk_window_set_language (self, kiosk_language_next (self->language,
                                                        kiosk_application_get_languages (app)));
}

static void
kiosk_window_update_clinic_name (KioskWindow *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "clinic-name");

  gtk_label_set_label (self->clinic_label, *name != '\0' ? name : _("Neurology clinic"));
}

/* The size itself comes from the window's style provider (kiosk-window-look.c); the class
 * lets style.css adapt other things to the visitor's choice. */
static const char * const text_size_classes[] = {
  "kiosk-text-normal",
  "kiosk-text-large",
  "kiosk-text-largest",
};

/* The header is built once, so its words are set here again whenever the language changes. */
static void
kiosk_window_retranslate (KioskWindow *self)
{
  KioskApplication *app = _kiosk_window_get_kiosk_application (self);
  const char *next = kiosk_language_next (self->language, kiosk_application_get_languages (app));
  const char *next_name = kiosk_language_get_native_name (next);

  /* The language button names the other language in that language, for its readers. */
  adw_button_content_set_label (self->language_content, next_name);
  gtk_widget_set_visible (GTK_WIDGET (self->language_button), g_strcmp0 (next, self->language) != 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->language_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, next_name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Change the language"),
                                  -1);

  kiosk_window_update_clinic_name (self);
  _kiosk_window_retranslate_look (self);
  _kiosk_window_retranslate_visitor (self);
}

/* GtkWindow:application is not a construct property, so this runs from kiosk_window_new(). */
static void
kiosk_window_load (KioskWindow *self)
{
  KioskApplication *app = _kiosk_window_get_kiosk_application (self);

  g_assert (KIOSK_IS_APPLICATION (app));

  self->settings = g_object_ref (kiosk_application_get_settings (app));
  g_signal_connect_object (self->settings, "changed::clinic-name",
                           G_CALLBACK (kiosk_window_update_clinic_name), self,
                           G_CONNECT_SWAPPED);
  _kiosk_window_setup_look (self);

  kiosk_window_set_language (self, kiosk_application_get_default_language (app));

  _kiosk_window_setup_visitor (self);
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
    case PROP_TEXT_SIZE:
      g_value_set_uint (value, self->text_size);
      break;
    case PROP_HIGH_CONTRAST:
      g_value_set_boolean (value, self->high_contrast);
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
    case PROP_TEXT_SIZE:
      kiosk_window_set_text_size (self, g_value_get_uint (value));
      break;
    case PROP_HIGH_CONTRAST:
      kiosk_window_set_high_contrast (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_window_dispose (GObject *object)
{
  KioskWindow *self = (KioskWindow *)object;

  _kiosk_window_dispose_pages (self);
  _kiosk_window_dispose_visitor (self);
  _kiosk_window_dispose_look (self);
  g_clear_handle_id (&self->staff_press_id, g_source_remove);
  if (self->high_contrast)
    kiosk_window_set_high_contrast (self, FALSE);
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

  /**
   * KioskWindow:text-size:
   *
   * The visitor's text size: 0 normal, 1 large, 2 largest (about 1.5 times normal).
   */
  properties[PROP_TEXT_SIZE] =
    g_param_spec_uint ("text-size", NULL, NULL,
                       KIOSK_TEXT_SIZE_NORMAL, KIOSK_TEXT_SIZE_LARGEST, KIOSK_TEXT_SIZE_NORMAL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * KioskWindow:high-contrast:
   *
   * Whether the visitor asked for high contrast. libadwaita 1.2 cannot switch its own
   * high-contrast style per application, so this loads the kiosk's own.
   */
  properties[PROP_HIGH_CONTRAST] =
    g_param_spec_boolean ("high-contrast", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KIOSK_TYPE_ATTRACT_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/kiosk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, attract_view);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, back_content);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, clinic_label);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, contrast_button);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, contrast_content);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, contrast_title);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, countdown_label);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, disclaimer_label);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, emergency_bar);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, emergency_action_label);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, emergency_label);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, home_button);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, home_content);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, idle_scrim);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, idle_title);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, language_button);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, language_content);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, look_button);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, look_content);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, look_popover);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, still_here_button);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, text_large_button);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, text_largest_button);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, text_normal_button);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, text_size_title);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, wake_button);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, wake_label);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, window_controls);

  gtk_widget_class_install_action (widget_class, "kiosk.home", NULL, home_action);
  gtk_widget_class_install_action (widget_class, "kiosk.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "kiosk.show-topic", "s", show_topic_action);
  gtk_widget_class_install_action (widget_class, "kiosk.show-callback", NULL, show_callback_action);
  gtk_widget_class_install_action (widget_class, "kiosk.show-check", NULL, show_check_action);
  gtk_widget_class_install_action (widget_class, "kiosk.staff", NULL, staff_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "kiosk.staff", NULL);
  gtk_widget_class_install_action (widget_class, "kiosk.next-language", NULL,
                                   next_language_action);
  gtk_widget_class_install_property_action (widget_class, "kiosk.text-size", "text-size");
  gtk_widget_class_install_property_action (widget_class, "kiosk.high-contrast", "high-contrast");

  _kiosk_window_visitor_class_init (widget_class);
  _kiosk_window_look_class_init (widget_class);
}

static void
kiosk_window_add_staff_gesture (KioskWindow *self)
{
  GtkGesture *press = gtk_gesture_drag_new ();

  g_signal_connect_object (press, "drag-begin", G_CALLBACK (clinic_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (press, "drag-update", G_CALLBACK (clinic_dragged_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (press, "drag-end", G_CALLBACK (clinic_released_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (press, "cancel", G_CALLBACK (clinic_released_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->clinic_label), GTK_EVENT_CONTROLLER (press));
}

static void
kiosk_window_init (KioskWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_add_css_class (GTK_WIDGET (self), "kiosk-window");
  kiosk_window_add_staff_gesture (self);
  gtk_widget_add_css_class (GTK_WIDGET (self), text_size_classes[KIOSK_TEXT_SIZE_NORMAL]);
  self->history = g_ptr_array_new_with_free_func (g_free);
  _kiosk_window_init_pages (self);
  _kiosk_window_init_look (self);
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

  app = _kiosk_window_get_kiosk_application (self);
  content = kiosk_content_pack_new (language, kiosk_application_get_content_dir (app), &error);
  if (content == NULL)
    {
      g_warning ("Cannot switch to language “%s”: %s", language, error->message);
      return;
    }

  /* A page read aloud in the old language stops with it. */
  kiosk_listen_button_stop_all ();
  kiosk_language_apply (language);
  g_free (self->language);
  self->language = g_strdup (language);
  g_set_object (&self->content, content);

  _kiosk_window_rebuild_pages (self);
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

guint
kiosk_window_get_text_size (KioskWindow *self)
{
  g_return_val_if_fail (KIOSK_IS_WINDOW (self), KIOSK_TEXT_SIZE_NORMAL);

  return self->text_size;
}

/**
 * kiosk_window_set_text_size:
 * @text_size: 0 for normal, 1 for large, 2 for largest
 *
 * Sizes every page's text: the window's root font size combines this choice with the scale
 * of the window's size, and every size in style.css is in em of it.
 */
void
kiosk_window_set_text_size (KioskWindow *self,
                            guint        text_size)
{
  g_return_if_fail (KIOSK_IS_WINDOW (self));
  g_return_if_fail (text_size <= KIOSK_TEXT_SIZE_LARGEST);

  if (self->text_size == text_size)
    return;

  gtk_widget_remove_css_class (GTK_WIDGET (self), text_size_classes[self->text_size]);
  self->text_size = text_size;
  gtk_widget_add_css_class (GTK_WIDGET (self), text_size_classes[self->text_size]);
  _kiosk_window_update_font_size (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_SIZE]);
}

gboolean
kiosk_window_get_high_contrast (KioskWindow *self)
{
  g_return_val_if_fail (KIOSK_IS_WINDOW (self), FALSE);

  return self->high_contrast;
}

static GtkCssProvider *
get_high_contrast_provider (void)
{
  static GtkCssProvider *provider;

  if (provider == NULL)
    {
      provider = gtk_css_provider_new ();
      gtk_css_provider_load_from_resource (provider, RESOURCE_PATH "/high-contrast.css");
    }

  return provider;
}

void
kiosk_window_set_high_contrast (KioskWindow *self,
                                gboolean     high_contrast)
{
  GdkDisplay *display;
  GtkStyleProvider *provider;

  g_return_if_fail (KIOSK_IS_WINDOW (self));

  high_contrast = !!high_contrast;
  if (self->high_contrast == high_contrast)
    return;

  self->high_contrast = high_contrast;
  display = gtk_widget_get_display (GTK_WIDGET (self));
  provider = GTK_STYLE_PROVIDER (get_high_contrast_provider ());
  /* Above the application's style.css, so its colours win. */
  if (high_contrast)
    gtk_style_context_add_provider_for_display (display, provider,
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  else
    gtk_style_context_remove_provider_for_display (display, provider);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGH_CONTRAST]);
}

/**
 * kiosk_window_get_page:
 * @name: a page name such as "home", "callback", "thanks" or "topic-causes"
 *
 * Builds the page if it has not been needed yet.
 *
 * Returns: (transfer none) (nullable): the page, or %NULL when the content has none of that name
 */
GtkWidget *
kiosk_window_get_page (KioskWindow *self,
                       const char  *name)
{
  g_return_val_if_fail (KIOSK_IS_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return _kiosk_window_ensure_page (self, name);
}
