/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The modules of a QR code, encoded by libqrencode. The text goes in as its UTF-8 bytes in
 * 8-bit mode, without an ECI header: phone cameras read such codes as UTF-8, while an ECI
 * header trips up some of their readers. Error correction level M (15 %) is the usual choice
 * for a code on a clean screen: it keeps the code small, so its modules stay large.
 */

#include "config.h"

#include <errno.h>
#include <qrencode.h>
#include <string.h>

#include "kiosk-qr-matrix.h"

struct _KioskQrMatrix
{
  QRcode *code;
};

G_DEFINE_QUARK (kiosk-qr-matrix-error-quark, kiosk_qr_matrix_error)

static void
set_encode_error (int      saved_errno,
                  GError **error)
{
  if (saved_errno == ERANGE)
    g_set_error_literal (error, KIOSK_QR_MATRIX_ERROR, KIOSK_QR_MATRIX_ERROR_TOO_LONG,
                         "The text is too long for a QR code");
  else
    g_set_error (error, KIOSK_QR_MATRIX_ERROR, KIOSK_QR_MATRIX_ERROR_FAILED,
                 "Could not make a QR code: %s", g_strerror (saved_errno));
}

/**
 * kiosk_qr_matrix_new:
 * @text: UTF-8 text
 * @error: return location for a #KIOSK_QR_MATRIX_ERROR
 *
 * Encodes @text as a QR code at error correction level M, in the smallest version that holds
 * it.
 *
 * Returns: (transfer full): the code's modules, or %NULL with @error set
 */
KioskQrMatrix *
kiosk_qr_matrix_new (const char  *text,
                     GError     **error)
{
  KioskQrMatrix *self;
  QRcode *code;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (*text == '\0')
    {
      g_set_error_literal (error, KIOSK_QR_MATRIX_ERROR, KIOSK_QR_MATRIX_ERROR_EMPTY,
                           "There is no text to encode");
      return NULL;
    }

  errno = 0;
  code = QRcode_encodeData ((int)strlen (text), (const unsigned char *)text, 0, QR_ECLEVEL_M);
  if (code == NULL)
    {
      set_encode_error (errno, error);
      return NULL;
    }

  self = g_new0 (KioskQrMatrix, 1);
  self->code = code;

  return self;
}

void
kiosk_qr_matrix_free (KioskQrMatrix *self)
{
  if (self == NULL)
    return;

  QRcode_free (self->code);
  g_free (self);
}

/**
 * kiosk_qr_matrix_get_version:
 *
 * Returns: the QR code version, 1 to 40
 */
guint
kiosk_qr_matrix_get_version (const KioskQrMatrix *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->code->version;
}

/**
 * kiosk_qr_matrix_get_width:
 *
 * Returns: the number of modules on each side, without the quiet zone
 */
guint
kiosk_qr_matrix_get_width (const KioskQrMatrix *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->code->width;
}

gboolean
kiosk_qr_matrix_is_dark (const KioskQrMatrix *self,
                         guint                x,
                         guint                y)
{
  guint width;

  g_return_val_if_fail (self != NULL, FALSE);

  width = self->code->width;
  g_return_val_if_fail (x < width && y < width, FALSE);

  /* libqrencode keeps one byte a module; its lowest bit says dark. */
  return (self->code->data[y * width + x] & 1) != 0;
}
