/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kiosk-attract-view.h"
#include "kiosk-callback-page.h"
#include "kiosk-check-page.h"
#include "kiosk-idle-monitor.h"
#include "kiosk-staff-page.h"
#include "kiosk-thanks-page.h"
#include "kiosk-window.h"

G_BEGIN_DECLS

#define HOME_PAGE         "home"
#define CALLBACK_PAGE     "callback"
#define THANKS_PAGE       "thanks"
#define STAFF_PAGE        "staff"
#define CHECK_PAGE        "check"

/* How long the clinic's name must be held to open the staff area. */
#define STAFF_PRESS_MS    3000
#define STAFF_PRESS_SLOP  24.0
#define TOPIC_PAGE_PREFIX "topic-"

/* The visitor's own choices, which the next visitor never inherits. */
#define KIOSK_TEXT_SIZE_NORMAL  0
#define KIOSK_TEXT_SIZE_LARGEST 2

#define KIOSK_IDLE_COUNTDOWN_SECONDS 20

struct _KioskWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  GtkButton            *back_button;
  AdwButtonContent     *back_content;
  GtkLabel             *clinic_label;
  GtkToggleButton      *contrast_button;
  AdwButtonContent     *contrast_content;
  GtkLabel             *contrast_title;
  GtkLabel             *countdown_label;
  GtkLabel             *disclaimer_label;
  GtkGrid              *emergency_bar;
  GtkLabel             *emergency_action_label;
  GtkLabel             *emergency_label;
  GtkBox               *header_bar;
  GtkButton            *home_button;
  AdwButtonContent     *home_content;
  GtkBox               *idle_scrim;
  GtkLabel             *idle_title;
  GtkButton            *language_button;
  AdwButtonContent     *language_content;
  GtkStack             *stack;
  AdwButtonContent     *look_content;
  GtkMenuButton        *look_button;
  GtkPopover           *look_popover;
  GtkButton            *still_here_button;
  GtkToggleButton      *text_large_button;
  GtkToggleButton      *text_largest_button;
  GtkToggleButton      *text_normal_button;
  GtkLabel             *text_size_title;
  KioskAttractView     *attract_view;
  GtkButton            *wake_button;
  GtkLabel             *wake_label;
  GtkWindowControls    *window_controls;

  GSettings            *settings;
  KioskContentPack     *content;
  char                 *language;
  GPtrArray            *history;        /* names of the pages Back returns to */
  GPtrArray            *content_pages;  /* the pages built so far; a new language drops them */
  /* Each NULL until the page is first needed (_kiosk_window_ensure_page()). */
  KioskCallbackPage    *callback_page;
  KioskThanksPage      *thanks_page;
  KioskStaffPage       *staff_page;
  KioskCheckPage       *check_page;     /* "Should I book?", when the content has it */
  guint                 staff_press_id;

  /* kiosk-window-pages.c */
  GdkFrameClock        *frame_clock;      /* until the first frame is painted */
  gulong                first_frame_id;
  gboolean              first_frame_painted;
  guint                 warm_up_id;

  /* kiosk-window-look.c */
  GtkCssProvider       *font_provider;
  guint                 scale_percent;    /* of the 1280×800 design, from the window's size */
  guint                 root_font_px;
  gboolean              portrait;

  /* kiosk-window-visitor.c */
  KioskIdleMonitor     *idle_monitor;
  guint                 countdown_id;
  guint                 countdown_left;
  guint                 countdown_seconds;
  guint                 text_size;
  gboolean              high_contrast;
  guint                 inhibit_cookie;
  gboolean              inhibit_pending;  /* until the first frame is painted */
  guint                 stray_windows_id;
};

KioskApplication *_kiosk_window_get_kiosk_application  (KioskWindow    *self);
void              _kiosk_window_show_page              (KioskWindow    *self,
                                                        const char     *name);
void              _kiosk_window_go_home                (KioskWindow    *self);
void              _kiosk_window_navigate               (KioskWindow    *self,
                                                        const char     *name);

void              _kiosk_window_init_pages             (KioskWindow    *self);
GtkWidget        *_kiosk_window_ensure_page            (KioskWindow    *self,
                                                        const char     *name);
KioskCallbackPage *_kiosk_window_get_form              (KioskWindow    *self);
void              _kiosk_window_rebuild_pages          (KioskWindow    *self);
void              _kiosk_window_store_opened           (KioskWindow    *self);
void              _kiosk_window_dispose_pages          (KioskWindow    *self);

void              _kiosk_window_look_class_init        (GtkWidgetClass *widget_class);
void              _kiosk_window_init_look              (KioskWindow    *self);
void              _kiosk_window_setup_look             (KioskWindow    *self);
void              _kiosk_window_retranslate_look       (KioskWindow    *self);
void              _kiosk_window_update_chrome          (KioskWindow    *self);
void              _kiosk_window_update_font_size       (KioskWindow    *self);
void              _kiosk_window_style_chrome           (KioskWindow    *self,
                                                        GtkWidget      *widget);
void              _kiosk_window_style_page             (KioskWindow    *self,
                                                        GtkWidget      *page);
void              _kiosk_window_dispose_look           (KioskWindow    *self);

void              _kiosk_window_visitor_class_init     (GtkWidgetClass *widget_class);
void              _kiosk_window_setup_visitor          (KioskWindow    *self);
gboolean          _kiosk_window_keep_screen_on         (KioskWindow    *self);
void              _kiosk_window_retranslate_visitor    (KioskWindow    *self);
void              _kiosk_window_dispose_visitor        (KioskWindow    *self);

G_END_DECLS
