/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kiosk-document.h"

G_BEGIN_DECLS

#define KIOSK_TYPE_DOCUMENT_VIEW (kiosk_document_view_get_type ())

G_DECLARE_FINAL_TYPE (KioskDocumentView, kiosk_document_view, KIOSK, DOCUMENT_VIEW, GtkWidget)

GtkWidget     *kiosk_document_view_new          (void);
KioskDocument *kiosk_document_view_get_document (KioskDocumentView *self);
void           kiosk_document_view_set_document (KioskDocumentView *self,
                                                 KioskDocument     *document);

G_END_DECLS
