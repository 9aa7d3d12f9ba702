/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kiosk-document.h"

G_BEGIN_DECLS

/* Returns: (transfer full): what to read, collected when the visitor presses Listen. */
typedef char **(*KioskListenLinesFunc) (gpointer user_data);

#define KIOSK_TYPE_LISTEN_BUTTON (kiosk_listen_button_get_type ())

G_DECLARE_FINAL_TYPE (KioskListenButton, kiosk_listen_button, KIOSK, LISTEN_BUTTON, GtkWidget)

GtkWidget *kiosk_listen_button_new          (void);
void       kiosk_listen_button_set_document (KioskListenButton   *self,
                                             KioskDocument       *document);
void       kiosk_listen_button_set_lines    (KioskListenButton   *self,
                                             const char * const  *lines);
void       kiosk_listen_button_set_lines_func (KioskListenButton   *self,
                                               KioskListenLinesFunc func,
                                               gpointer             user_data);
void       kiosk_listen_button_set_language (KioskListenButton   *self,
                                             const char          *language);
gboolean   kiosk_listen_button_get_speaking (KioskListenButton   *self);
void       kiosk_listen_button_stop         (KioskListenButton   *self);
void       kiosk_listen_button_stop_all     (void);

G_END_DECLS
