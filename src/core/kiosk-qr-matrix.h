/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KIOSK_QR_MATRIX_ERROR (kiosk_qr_matrix_error_quark ())

typedef enum
{
  KIOSK_QR_MATRIX_ERROR_EMPTY,
  KIOSK_QR_MATRIX_ERROR_TOO_LONG,
  KIOSK_QR_MATRIX_ERROR_FAILED,
} KioskQrMatrixError;

/* The light border a reader needs around the code, in modules (ISO/IEC 18004 asks for 4). */
#define KIOSK_QR_QUIET_ZONE 4

typedef struct _KioskQrMatrix KioskQrMatrix;

GQuark         kiosk_qr_matrix_error_quark (void);
KioskQrMatrix *kiosk_qr_matrix_new         (const char          *text,
                                            GError             **error);
void           kiosk_qr_matrix_free        (KioskQrMatrix       *self);
guint          kiosk_qr_matrix_get_version (const KioskQrMatrix *self);
guint          kiosk_qr_matrix_get_width   (const KioskQrMatrix *self);
gboolean       kiosk_qr_matrix_is_dark     (const KioskQrMatrix *self,
                                            guint                x,
                                            guint                y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KioskQrMatrix, kiosk_qr_matrix_free)

G_END_DECLS
