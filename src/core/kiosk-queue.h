/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "kiosk-pq.h"

#include "kiosk-store.h"

G_BEGIN_DECLS

#define KIOSK_QUEUE_ERROR (kiosk_queue_error_quark ())

typedef enum
{
  KIOSK_QUEUE_ERROR_FAILED,
  KIOSK_QUEUE_ERROR_UNREACHABLE,   /* no answer: server down, network cut, wrong port */
  KIOSK_QUEUE_ERROR_UNKNOWN_HOST,  /* the host name does not resolve */
  KIOSK_QUEUE_ERROR_AUTH,          /* wrong or missing password, unknown role */
  KIOSK_QUEUE_ERROR_TLS,           /* the server's certificate is not trusted, expired, or for
                                    * another name */
  KIOSK_QUEUE_ERROR_PERMISSION,    /* the role may not do this (e.g. a kiosk role at the desk) */
  KIOSK_QUEUE_ERROR_NOT_SET_UP,    /* the database has no patient_kiosk schema: run
                                    * --queue-setup */
} KioskQueueError;

/* The channel the server's trigger notifies on every new or changed request (payload: UUID). */
#define KIOSK_QUEUE_CHANNEL "patient_kiosk_queue"

/* kiosk-queue-connection.c */
GQuark       kiosk_queue_error_quark       (void);
PGconn      *kiosk_queue_connect           (const char    *conninfo,
                                            const char    *application_name,
                                            GError       **error);
gboolean     kiosk_queue_check_result      (PGconn        *conn,
                                            PGresult      *result,
                                            const char    *what,
                                            GError       **error);
gboolean     kiosk_queue_exec              (PGconn        *conn,
                                            const char    *sql,
                                            GError       **error);
const char  *kiosk_queue_describe_error    (const GError  *error);
gboolean     kiosk_queue_setup             (const char    *conninfo,
                                            GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGconn, kiosk_pq_finish)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, kiosk_pq_clear)

/* kiosk-queue.c */
#define KIOSK_TYPE_QUEUE (kiosk_queue_get_type ())

G_DECLARE_FINAL_TYPE (KioskQueue, kiosk_queue, KIOSK, QUEUE, GObject)

KioskQueue   *kiosk_queue_new                (KioskStore    *store,
                                              const char    *conninfo,
                                              const char    *kiosk_name,
                                              guint          erase_delay_seconds);
void          kiosk_queue_set_backoff_limit  (KioskQueue    *self,
                                              guint          seconds);
void          kiosk_queue_start              (KioskQueue    *self);
void          kiosk_queue_stop               (KioskQueue    *self);
void          kiosk_queue_kick               (KioskQueue    *self);
gint64        kiosk_queue_get_unsent         (KioskQueue    *self);
GDateTime    *kiosk_queue_get_last_sent      (KioskQueue    *self);
const GError *kiosk_queue_get_last_error     (KioskQueue    *self);
gboolean      kiosk_queue_is_idle            (KioskQueue    *self);

G_END_DECLS
