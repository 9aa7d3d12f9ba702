/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kiosk-document.h"

G_BEGIN_DECLS

#define KIOSK_TYPE_TOPIC (kiosk_topic_get_type ())

G_DECLARE_FINAL_TYPE (KioskTopic, kiosk_topic, KIOSK, TOPIC, GObject)

KioskTopic    *kiosk_topic_new           (const char    *id,
                                          const char    *icon_name,
                                          KioskDocument *document);
const char    *kiosk_topic_get_id        (KioskTopic    *self);
const char    *kiosk_topic_get_icon_name (KioskTopic    *self);
const char    *kiosk_topic_get_title     (KioskTopic    *self);
const char    *kiosk_topic_get_summary   (KioskTopic    *self);
KioskDocument *kiosk_topic_get_document  (KioskTopic    *self);

G_END_DECLS
