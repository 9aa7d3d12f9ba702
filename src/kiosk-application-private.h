/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* kiosk-application-cli.c: the commands that run without a window. */
int _kiosk_application_run_command (GVariantDict *options);

G_END_DECLS
