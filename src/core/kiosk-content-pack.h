/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "kiosk-attract.h"
#include "kiosk-check.h"
#include "kiosk-topic.h"

G_BEGIN_DECLS

#define KIOSK_CONTENT_ERROR (kiosk_content_error_quark ())

typedef enum
{
  KIOSK_CONTENT_ERROR_UNKNOWN_LANGUAGE,
  KIOSK_CONTENT_ERROR_NO_TOPICS,
  KIOSK_CONTENT_ERROR_INVALID_PAGE,  /* a page that does not have the structure it needs */
} KioskContentError;

#define KIOSK_TYPE_CONTENT_PACK (kiosk_content_pack_get_type ())

G_DECLARE_FINAL_TYPE (KioskContentPack, kiosk_content_pack, KIOSK, CONTENT_PACK, GObject)

GQuark            kiosk_content_error_quark          (void);
KioskContentPack *kiosk_content_pack_new             (const char        *language,
                                                      const char        *override_dir,
                                                      GError           **error);
const char       *kiosk_content_pack_get_language    (KioskContentPack  *self);
KioskTopic       *kiosk_content_pack_lookup_topic    (KioskContentPack  *self,
                                                      const char        *id);
char            **kiosk_content_pack_list_languages  (const char        *override_dir);
KioskAttract     *kiosk_content_pack_get_attract     (KioskContentPack  *self);
KioskCheck       *kiosk_content_pack_get_check       (KioskContentPack  *self);

G_END_DECLS
