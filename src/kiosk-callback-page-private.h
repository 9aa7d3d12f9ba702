/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kiosk-callback-page.h"
#include "kiosk-listen-button.h"
#include "kiosk-keyboard.h"

G_BEGIN_DECLS

/* The object data on a topic choice that holds its topic id. */
#define TOPIC_ID "kiosk-topic-id"

struct _KioskCallbackPage
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkToggleButton   *afternoon_button;
  GtkToggleButton   *any_time_button;
  GtkWidget         *back_button;
  GtkCheckButton    *consent_check;
  GtkLabel          *consent_error;
  GtkLabel          *consent_label;
  KioskKeyboard     *keyboard;
  KioskListenButton *listen_button;
  GtkRevealer       *keyboard_revealer;
  GtkToggleButton   *morning_button;
  GtkEntry          *name_entry;
  GtkLabel          *name_error;
  GtkWidget         *next_button;
  GtkEntry          *phone_entry;
  GtkLabel          *phone_error;
  GtkLabel          *phone_hint;
  GtkLevelBar       *progress_bar;
  GtkLabel          *progress_label;
  GtkLabel          *save_error_label;
  GtkScrolledWindow *scroller;
  GtkWidget         *send_button;
  GtkLabel          *send_label;
  GtkSpinner        *send_spinner;
  GtkStack          *step_stack;
  GtkBox            *summary_box;
  GtkGrid           *topic_grid;

  KioskContentPack  *content;
  GSettings         *settings;
  KioskStore        *store;
  KioskRequest      *pending;       /* the request being saved */
  gboolean           pending_left;  /* its visitor left the form before the store answered */
  GPtrArray         *topic_buttons;
  GtkLabel          *summary_values[KIOSK_CALLBACK_N_STEPS - 1];
  gulong             focus_handler;
  GdkFrameClock     *reveal_clock;   /* waiting for reveal_target's place */
  gulong             reveal_handler;
  GtkWidget         *reveal_target;
  gboolean           show_keyboard;
};

/* kiosk-callback-steps.c: moving between the steps, checking each one, the summary. */
void        _kiosk_callback_page_init_steps     (KioskCallbackPage *self);
gboolean    _kiosk_callback_page_validate_step  (KioskCallbackPage *self,
                                                 KioskCallbackStep  step);
gboolean    _kiosk_callback_page_validate_all   (KioskCallbackPage *self);
void        _kiosk_callback_page_clear_errors   (KioskCallbackPage *self);
void        _kiosk_callback_page_show_step      (KioskCallbackPage *self,
                                                 KioskCallbackStep  step);
void        _kiosk_callback_page_field_changed  (KioskCallbackPage *self,
                                                 GtkWidget         *field);
KioskCallTime _kiosk_callback_page_get_call_time (KioskCallbackPage *self);
void        _kiosk_callback_page_set_call_time  (KioskCallbackPage *self,
                                                 KioskCallTime      call_time);
const char *_kiosk_callback_page_get_topic      (KioskCallbackPage *self);
void        _kiosk_callback_page_install_step_actions (GtkWidgetClass *widget_class);
char      **_kiosk_callback_page_dup_reading    (KioskCallbackPage *self);

/* kiosk-callback-page.c */
void        _kiosk_callback_page_reveal         (KioskCallbackPage *self,
                                                 GtkWidget         *widget);

G_END_DECLS
