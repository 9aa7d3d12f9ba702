/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kiosk-topic.h"

G_BEGIN_DECLS

#define KIOSK_TYPE_TOPIC_PAGE (kiosk_topic_page_get_type ())

G_DECLARE_FINAL_TYPE (KioskTopicPage, kiosk_topic_page, KIOSK, TOPIC_PAGE, GtkWidget)

GtkWidget  *kiosk_topic_page_new                   (KioskTopic     *topic,
                                                    GSettings      *settings);
KioskTopic *kiosk_topic_page_get_topic             (KioskTopicPage *self);
const char *kiosk_topic_page_get_title             (KioskTopicPage *self);
gboolean    kiosk_topic_page_get_take_home_visible (KioskTopicPage *self);
void        kiosk_topic_page_set_take_home_visible (KioskTopicPage *self,
                                                    gboolean        visible);
char       *kiosk_topic_page_dup_take_home_text    (KioskTopicPage *self);
void        kiosk_topic_page_scroll_to_top         (KioskTopicPage *self);
void        kiosk_topic_page_show_booking          (KioskTopicPage *self,
                                                    const char     *language);
gboolean    kiosk_topic_page_get_more_below        (KioskTopicPage *self);
void        kiosk_topic_page_set_check_visible     (KioskTopicPage *self,
                                                    gboolean        visible);
GtkWidget  *kiosk_topic_page_get_action_bar        (KioskTopicPage *self);

G_END_DECLS
