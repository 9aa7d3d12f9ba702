/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  KIOSK_DATA_DIR_CREATE = 1 << 0,   /* make the folder (0700) when it is missing */
} KioskDataDirFlags;

gboolean kiosk_data_dir_secure (const char         *path,
                                KioskDataDirFlags   flags,
                                GError            **error);

G_END_DECLS
