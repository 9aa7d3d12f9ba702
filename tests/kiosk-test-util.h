/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kiosk-application.h"
#include "kiosk-test-fs.h"
#include "kiosk-window.h"

G_BEGIN_DECLS

void              kiosk_test_init             (int         *argc,
                                               char      ***argv);
typedef gboolean (*KioskTestCondition) (gpointer data);

/* A kiosk under test: its data folder, application and window. */
typedef struct
{
  char             *data_dir;
  KioskApplication *app;
  KioskWindow      *window;
} KioskTestKiosk;

KioskApplication *kiosk_test_application_new  (const char  *data_dir,
                                               const char  *first_setting,
                                               ...) G_GNUC_NULL_TERMINATED;
KioskApplication *kiosk_test_application_new_valist (const char *data_dir,
                                                     const char *first_setting,
                                                     va_list     args);
void              kiosk_test_kiosk_open       (KioskTestKiosk *kiosk,
                                               const char     *first_setting,
                                               ...) G_GNUC_NULL_TERMINATED;
void              kiosk_test_kiosk_close      (KioskTestKiosk *kiosk);
GtkWidget        *kiosk_test_find_widget      (GtkWidget   *root,
                                               GType        type);
void              kiosk_test_wait_for_page    (KioskWindow *window,
                                               const char  *name);
void              kiosk_test_wait_for_warm_up (KioskWindow *window);
void              kiosk_test_wait_for_label   (GtkWidget   *root,
                                               const char  *text,
                                               guint        timeout_ms);
char             *kiosk_test_make_data_dir    (void);
void              kiosk_test_wait_for         (KioskTestCondition condition,
                                               gpointer     data,
                                               guint        timeout_ms);
GtkWidget        *kiosk_test_find_button_with_label (GtkWidget  *root,
                                                     const char *label);
void              kiosk_test_iterate          (guint        milliseconds);
void              kiosk_test_click            (GtkWidget   *button);
GtkWidget        *kiosk_test_find_label       (GtkWidget   *root,
                                               const char  *text);
GtkWidget        *kiosk_test_find_visible_popover (GtkWidget *root);
GtkWidget        *kiosk_test_find_button      (GtkWidget   *root,
                                               const char  *action_name);
GtkWidget        *kiosk_test_find_entry       (GtkWidget       *root,
                                               GtkInputPurpose  purpose);

char             *kiosk_test_name_window      (GtkWindow   *window);
void              kiosk_test_tap              (GtkWidget   *widget);
void              kiosk_test_run_xdotool      (const char * const *args);
void              kiosk_test_press_keys       (GtkWindow   *window,
                                               const char  *keys);

void              kiosk_test_widget_point     (GtkWidget   *widget,
                                               char       **x,
                                               char       **y);

G_END_DECLS
