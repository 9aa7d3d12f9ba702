/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kiosk-qr-matrix.h"

G_BEGIN_DECLS

guint       kiosk_qr_code_get_module_size (const KioskQrMatrix *matrix,
                                           guint                target_size);
GdkTexture *kiosk_qr_code_render          (const KioskQrMatrix *matrix,
                                           guint                module_size);

G_END_DECLS
