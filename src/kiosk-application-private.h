/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "kiosk-queue.h"

G_BEGIN_DECLS

/* kiosk-application-cli.c: the commands that run without a window. */
int _kiosk_application_run_command (GVariantDict *options);

/* kiosk-application-queue.c: --queue-setup and --reception, and the kiosk's queue sender. */
typedef struct _KioskApplication KioskApplication;

int  _kiosk_application_run_queue_command (KioskApplication *self,
                                           GVariantDict     *options);
void _kiosk_application_start_queue       (KioskApplication *self);

/* kiosk-application.c */
void _kiosk_application_set_reception     (KioskApplication *self,
                                           gboolean          reception);
void _kiosk_application_set_queue         (KioskApplication *self,
                                           KioskQueue       *queue);

G_END_DECLS
