/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * How the window looks around its pages: one scale derived from the window's size (its
 * surface's, as the compositor gives it), which sets the root font size every em in style.css
 * follows; the header's labelled controls; which chrome each page shows; and the emergency
 * note.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "kiosk-home-page.h"
#include "kiosk-window-private.h"

/* The design size: at 1280×800 (or 800×1280) the normal text is 20 px. */
#define DESIGN_LONG_SIDE   1280.0
#define DESIGN_SHORT_SIDE  800.0
#define DESIGN_FONT_PX     20.0
#define SCALE_STEP_PERCENT 5
#define SCALE_MIN_PERCENT  100
#define SCALE_MAX_PERCENT  200

/* The visitor's text sizes, in percent of the window's normal text. */
static const guint text_size_percent[] = { 100, 125, 150 };

/**
 * kiosk_window_scale_percent_for_size:
 * @width: the window's width in pixels
 * @height: the window's height in pixels
 *
 * The window's scale, in steps of 5 %, relative to the 1280×800 design: a portrait screen is
 * measured the same way turned on its side, so 1080×1920 and 1920×1080 get the same text.
 * Both sides must have room, so the smaller ratio wins.
 *
 * Returns: the scale in percent
 */
guint
kiosk_window_scale_percent_for_size (int width,
                                     int height)
{
  double longer = MAX (width, height);
  double shorter = MIN (width, height);
  double scale = MIN (longer / DESIGN_LONG_SIDE, shorter / DESIGN_SHORT_SIDE);
  guint percent = (guint) (scale * 100.0 / SCALE_STEP_PERCENT + 0.5) * SCALE_STEP_PERCENT;

  return CLAMP (percent, SCALE_MIN_PERCENT, SCALE_MAX_PERCENT);
}

/* Loads "font-size: Npx" into the window's own style provider, only when N changes, so that
 * the window restyles once per step of its scale or of the visitor's text size. */
void
_kiosk_window_update_font_size (KioskWindow *self)
{
  double scaled = DESIGN_FONT_PX * self->scale_percent / 100.0;
  guint px = (guint) (scaled * text_size_percent[self->text_size] / 100.0 + 0.5);
  g_autofree char *css = NULL;

  if (px == self->root_font_px)
    return;

  self->root_font_px = px;
  /* The header, its menu and the topic pages' action bars keep the window's scale without the
   * visitor's text size: their labelled controls must fit side by side on an 800 px wide
   * portrait screen, and leave the text the room. */
  css = g_strdup_printf ("window.kiosk-window { font-size: %upx; }\n"
                         ".kiosk-chrome { font-size: %upx; }",
                         px, (guint) (scaled + 0.5));
  gtk_css_provider_load_from_data (self->font_provider, css, -1);
}

/**
 * _kiosk_window_style_page:
 * @page: a page just built
 *
 * Gives a page built after the window's size was known the window's orientation. The text
 * size and the contrast come from style providers, which reach a new page by themselves.
 */
void
_kiosk_window_style_page (KioskWindow *self,
                          GtkWidget   *page)
{
  if (KIOSK_IS_HOME_PAGE (page))
    kiosk_home_page_set_portrait (KIOSK_HOME_PAGE (page), self->portrait);
}

static void
kiosk_window_apply_portrait (KioskWindow *self)
{
  for (guint i = 0; i < self->content_pages->len; i++)
    _kiosk_window_style_page (self, g_ptr_array_index (self->content_pages, i));
}

static void
kiosk_window_set_portrait (KioskWindow *self,
                           gboolean     portrait)
{
  if (self->portrait == portrait)
    return;

  self->portrait = portrait;
  kiosk_window_apply_portrait (self);
}

static void
kiosk_window_apply_size (KioskWindow *self,
                         int          width,
                         int          height)
{
  guint percent;

  if (width <= 0 || height <= 0)
    return;

  percent = kiosk_window_scale_percent_for_size (width, height);
  kiosk_window_set_portrait (self, height > width);
  if (percent == self->scale_percent)
    return;

  self->scale_percent = percent;
  _kiosk_window_update_font_size (self);
}

/* The surface's size changes as GDK handles the compositor's configure event, before the
 * frame's layout: a new font size restyles the window then, never in the middle of laying it
 * out, and only when the scale's step changes. */
static void
kiosk_window_surface_size_changed (KioskWindow *self)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));

  kiosk_window_apply_size (self, gdk_surface_get_width (surface), gdk_surface_get_height (surface));
}

static void
kiosk_window_realize (GtkWidget *widget)
{
  KioskWindow *self = KIOSK_WINDOW (widget);
  GdkSurface *surface;
  int width, height;

  /* The first layout, before the compositor tells the real size, is for the size asked (the
   * new surface's own size is not one yet). */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  kiosk_window_apply_size (self, width, height);

  GTK_WIDGET_CLASS (g_type_class_peek (ADW_TYPE_APPLICATION_WINDOW))->realize (widget);

  surface = gtk_native_get_surface (GTK_NATIVE (self));
  /* The surface lives while the window is realized; unrealize disconnects these. */
  g_signal_connect_swapped (surface, "notify::width",
                            G_CALLBACK (kiosk_window_surface_size_changed), self);
  g_signal_connect_swapped (surface, "notify::height",
                            G_CALLBACK (kiosk_window_surface_size_changed), self);
}

static void
kiosk_window_unrealize (GtkWidget *widget)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (widget));

  g_signal_handlers_disconnect_by_func (surface, kiosk_window_surface_size_changed, widget);

  GTK_WIDGET_CLASS (g_type_class_peek (ADW_TYPE_APPLICATION_WINDOW))->unrealize (widget);
}

/**
 * kiosk_window_get_root_font_size:
 *
 * Returns: the window's text size in pixels, from its size and the visitor's text-size choice
 */
guint
kiosk_window_get_root_font_size (KioskWindow *self)
{
  g_return_val_if_fail (KIOSK_IS_WINDOW (self), 0);

  return self->root_font_px;
}

static gboolean
kiosk_window_keyboard_showing (KioskWindow *self)
{
  GtkWidget *visible = gtk_stack_get_visible_child (self->stack);
  gboolean keyboard = FALSE;

  if (visible == NULL || visible != GTK_WIDGET (self->callback_page))
    return FALSE;

  g_object_get (visible, "keyboard-visible", &keyboard, NULL);

  return keyboard;
}

/* Back shows when there is somewhere to go back to and Home away from home: hidden, not
 * greyed, so that the home page has nothing a patient cannot use. The staff area is not for
 * patients: it drops the emergency note and the text-size and contrast control (the language
 * stays, for staff who read the other one). The form's keyboard needs the room more than the
 * emergency note. */
void
_kiosk_window_update_chrome (KioskWindow *self)
{
  const char *visible = gtk_stack_get_visible_child_name (self->stack);
  gboolean home = g_strcmp0 (visible, HOME_PAGE) == 0;
  gboolean staff = g_strcmp0 (visible, STAFF_PAGE) == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), self->history->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->home_button), !home);
  gtk_widget_set_visible (GTK_WIDGET (self->look_button), !staff);
  gtk_widget_set_visible (GTK_WIDGET (self->emergency_bar),
                          !staff && !kiosk_window_keyboard_showing (self));
}

static void
kiosk_window_update_emergency (KioskWindow *self)
{
  g_autofree char *number = g_settings_get_string (self->settings, "emergency-number");
  g_autofree char *action = NULL;

  g_strstrip (number);
  gtk_label_set_label (self->emergency_label,
                       _("Has one side of your face suddenly started to droop? Weakness on one "
                         "side of the body, trouble speaking or a sudden, severe headache?"));
  /* In the waiting room, staff are a few steps away: they come first. */
  if (*number != '\0')
    /* Translators: %s is the local emergency number, such as 911. */
    action = g_strdup_printf (_("Tell reception at once, then call %s."), number);
  else
    action = g_strdup (_("Tell reception at once."));
  gtk_label_set_label (self->emergency_action_label, action);
  gtk_label_set_label (self->disclaimer_label,
                       _("This kiosk gives general information. "
                         "It does not replace a visit to your doctor."));
}

static void
set_button_label (GtkWidget        *button,
                  AdwButtonContent *content,
                  const char       *label)
{
  adw_button_content_set_label (content, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
set_toggle_label (GtkToggleButton *button,
                  const char      *label)
{
  gtk_button_set_label (GTK_BUTTON (button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
kiosk_window_retranslate_look_popover (KioskWindow *self)
{
  gtk_label_set_label (self->text_size_title, _("Text size"));
  set_toggle_label (self->text_normal_button, C_("text size", "Normal"));
  set_toggle_label (self->text_large_button, C_("text size", "Large"));
  set_toggle_label (self->text_largest_button, C_("text size", "Largest"));
  gtk_label_set_label (self->contrast_title, _("Contrast"));
  set_button_label (GTK_WIDGET (self->contrast_button), self->contrast_content,
                    _("High contrast"));
}

/* The header is built once, so its words are set here again whenever the language changes. */
void
_kiosk_window_retranslate_look (KioskWindow *self)
{
  set_button_label (GTK_WIDGET (self->back_button), self->back_content, _("Back"));
  set_button_label (GTK_WIDGET (self->home_button), self->home_content, _("Home"));
  set_button_label (GTK_WIDGET (self->look_button), self->look_content,
                    _("Text size and contrast"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->look_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Makes the text bigger, or shows white on black"),
                                  -1);
  kiosk_window_retranslate_look_popover (self);
  kiosk_window_update_emergency (self);
}

void
_kiosk_window_setup_look (KioskWindow *self)
{
  g_signal_connect_object (self->settings, "changed::emergency-number",
                           G_CALLBACK (kiosk_window_update_emergency), self,
                           G_CONNECT_SWAPPED);
}

void
_kiosk_window_dispose_look (KioskWindow *self)
{
  g_clear_object (&self->font_provider);
}

/**
 * _kiosk_window_style_chrome:
 * @widget: a control bar of the window or of one of its pages
 *
 * Gives @widget the window's own size without the visitor's text size (see
 * _kiosk_window_update_font_size()).
 */
void
_kiosk_window_style_chrome (KioskWindow *self,
                            GtkWidget   *widget)
{
  gtk_widget_add_css_class (widget, "kiosk-chrome");
  gtk_style_context_add_provider (gtk_widget_get_style_context (widget),
                                  GTK_STYLE_PROVIDER (self->font_provider),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 2);
}

/* Above style.css and the high-contrast style, on the window alone: its children inherit the
 * size, and each em in style.css is relative to it. The header has its own size, and the
 * popover's theme sets its own font, so they get theirs here too. */
void
_kiosk_window_init_look (KioskWindow *self)
{
  self->font_provider = gtk_css_provider_new ();
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self)),
                                  GTK_STYLE_PROVIDER (self->font_provider),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 2);
  _kiosk_window_style_chrome (self, GTK_WIDGET (self->header_bar));
  _kiosk_window_style_chrome (self, GTK_WIDGET (self->look_popover));
  self->scale_percent = 100;
  _kiosk_window_update_font_size (self);
}

void
_kiosk_window_look_class_init (GtkWidgetClass *widget_class)
{
  widget_class->realize = kiosk_window_realize;
  widget_class->unrealize = kiosk_window_unrealize;
}
