/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kiosk-content-pack.h"
#include "kiosk-request.h"
#include "kiosk-store.h"

G_BEGIN_DECLS

/* Bumped whenever the consent sentence changes meaning; stored with each request. */
#define KIOSK_CONSENT_VERSION "1"

/* The form's steps, in the order the visitor meets them. */
typedef enum
{
  KIOSK_CALLBACK_STEP_NAME,
  KIOSK_CALLBACK_STEP_PHONE,
  KIOSK_CALLBACK_STEP_TIME,
  KIOSK_CALLBACK_STEP_TOPIC,
  KIOSK_CALLBACK_STEP_CONSENT,
  KIOSK_CALLBACK_STEP_CHECK,
  KIOSK_CALLBACK_N_STEPS
} KioskCallbackStep;

#define KIOSK_TYPE_CALLBACK_PAGE (kiosk_callback_page_get_type ())

G_DECLARE_FINAL_TYPE (KioskCallbackPage, kiosk_callback_page, KIOSK, CALLBACK_PAGE, GtkWidget)

GtkWidget        *kiosk_callback_page_new               (KioskContentPack  *content,
                                                         GSettings         *settings);
void              kiosk_callback_page_set_store         (KioskCallbackPage *self,
                                                         KioskStore        *store);
void              kiosk_callback_page_set_show_keyboard (KioskCallbackPage *self,
                                                         gboolean           show_keyboard);
void              kiosk_callback_page_set_topic         (KioskCallbackPage *self,
                                                         const char        *topic_id);
void              kiosk_callback_page_copy_state        (KioskCallbackPage *self,
                                                         KioskCallbackPage *from);
void              kiosk_callback_page_reset             (KioskCallbackPage *self);
gboolean          kiosk_callback_page_get_saving        (KioskCallbackPage *self);
KioskCallbackStep kiosk_callback_page_get_step          (KioskCallbackPage *self);
void              kiosk_callback_page_set_step          (KioskCallbackPage *self,
                                                         KioskCallbackStep  step);
gboolean          kiosk_callback_page_previous_step     (KioskCallbackPage *self);
void              kiosk_callback_page_focus_step        (KioskCallbackPage *self);

G_END_DECLS
