/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kiosk-document.h"

G_BEGIN_DECLS

#define KIOSK_CHECK_N_QUESTIONS 3

typedef enum
{
  KIOSK_CHECK_ENDING_BOOK,    /* any "yes": book a consultation */
  KIOSK_CHECK_ENDING_HABITS,  /* every "no": the habits that help, and book if it goes on */
} KioskCheckEnding;

#define KIOSK_TYPE_CHECK (kiosk_check_get_type ())

G_DECLARE_FINAL_TYPE (KioskCheck, kiosk_check, KIOSK, CHECK, GObject)

KioskCheck    *kiosk_check_new_from_document (KioskDocument     *document,
                                              const char        *topic,
                                              GError           **error);
const char    *kiosk_check_get_title         (KioskCheck        *self);
const char    *kiosk_check_get_intro         (KioskCheck        *self);
const char    *kiosk_check_get_question      (KioskCheck        *self,
                                              guint              index);
const char    *kiosk_check_get_topic         (KioskCheck        *self);
const char    *kiosk_check_get_ending_title  (KioskCheck        *self,
                                              KioskCheckEnding   ending);
KioskDocument *kiosk_check_get_document      (KioskCheck        *self);
KioskDocument *kiosk_check_get_ending        (KioskCheck        *self,
                                              KioskCheckEnding   ending);
KioskCheckEnding kiosk_check_decide          (const gboolean    *answers);

G_END_DECLS
