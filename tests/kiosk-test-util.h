/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kiosk-application.h"

G_BEGIN_DECLS

void              kiosk_test_init             (int         *argc,
                                               char      ***argv);
typedef gboolean (*KioskTestCondition) (gpointer data);

KioskApplication *kiosk_test_application_new  (const char  *data_dir,
                                               const char  *first_setting,
                                               ...) G_GNUC_NULL_TERMINATED;
char             *kiosk_test_make_data_dir    (void);
void              kiosk_test_remove_tree      (const char  *path);
void              kiosk_test_wait_for         (KioskTestCondition condition,
                                               gpointer     data,
                                               guint        timeout_ms);
GtkWidget        *kiosk_test_find_button_with_label (GtkWidget  *root,
                                                     const char *label);
void              kiosk_test_iterate          (guint        milliseconds);
void              kiosk_test_click            (GtkWidget   *button);
GtkWidget        *kiosk_test_find_label       (GtkWidget   *root,
                                               const char  *text);
GtkWidget        *kiosk_test_find_button      (GtkWidget   *root,
                                               const char  *action_name);

G_END_DECLS
