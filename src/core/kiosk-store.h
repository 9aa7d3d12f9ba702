/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "kiosk-request.h"

G_BEGIN_DECLS

#define KIOSK_STORE_ERROR (kiosk_store_error_quark ())

typedef enum
{
  KIOSK_STORE_ERROR_FAILED,
  KIOSK_STORE_ERROR_FULL,          /* the disk (or the database's size limit) is full */
  KIOSK_STORE_ERROR_READ_ONLY,     /* the folder or the file cannot be written */
  KIOSK_STORE_ERROR_IO,            /* the disk reported an input/output error */
  KIOSK_STORE_ERROR_CORRUPT,       /* the file is damaged and could not be set aside */
  KIOSK_STORE_ERROR_BUSY,          /* another process held the database for too long */
  KIOSK_STORE_ERROR_NOT_FOUND,     /* no request has that id, or (opening) there is no database */
  KIOSK_STORE_ERROR_NEWER_SCHEMA,  /* the file was written by a newer version of the kiosk */
  KIOSK_STORE_ERROR_FOREIGN_SCHEMA, /* the file's tables are not the kiosk's (opening without
                                     * setting it aside) */
  KIOSK_STORE_ERROR_UNSAFE,        /* the data folder or a file in it belongs to another user,
                                    * or is a symbolic link */
} KioskStoreError;

/* The schema version a store created or migrated by this build has, in `PRAGMA user_version`. */
#define KIOSK_STORE_SCHEMA_VERSION 4

/**
 * KioskStoreRequestFunc:
 * @request: a request read from the store
 * @user_data: the data given to kiosk_store_foreach_request()
 * @error: where to report a failure
 *
 * Called for each request. It must not call into the store (that would deadlock, so it aborts).
 *
 * Returns: %TRUE to go on; %FALSE to stop, with @error set if stopping is a failure
 */
typedef gboolean (*KioskStoreRequestFunc) (KioskRequest  *request,
                                           gpointer       user_data,
                                           GError       **error);

/* One row of the usage counts: how often @item (a topic id or "form") was opened on @day. */
typedef struct
{
  char   *day;     /* "YYYY-MM-DD", UTC */
  char   *item;
  gint64  count;
} KioskUsageCount;

void kiosk_usage_count_free (KioskUsageCount *usage);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KioskUsageCount, kiosk_usage_count_free)

/* One row of the audit trail: @count requests concerned by @event (such as "expire") at @at. */
typedef struct
{
  GDateTime *at;
  char      *event;
  gint64     count;
} KioskAuditEntry;

void kiosk_audit_entry_free (KioskAuditEntry *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KioskAuditEntry, kiosk_audit_entry_free)

/* How many days before retention deletes an open request the staff area starts to warn. */
#define KIOSK_RETENTION_WARNING_DAYS 3

#define KIOSK_TYPE_STORE (kiosk_store_get_type ())

G_DECLARE_FINAL_TYPE (KioskStore, kiosk_store, KIOSK, STORE, GObject)

GQuark        kiosk_store_error_quark        (void);

KioskStore   *kiosk_store_open               (const char             *data_dir,
                                              GError                **error);
KioskStore   *kiosk_store_open_existing      (const char             *data_dir,
                                              GError                **error);
const char   *kiosk_store_get_data_dir       (KioskStore             *self);
const char   *kiosk_store_get_warning        (KioskStore             *self);
const char   *kiosk_store_describe_error     (const GError           *error);

gint64        kiosk_store_save               (KioskStore             *self,
                                              KioskRequest           *request,
                                              GError                **error);
void          kiosk_store_save_async         (KioskStore             *self,
                                              KioskRequest           *request,
                                              GCancellable           *cancellable,
                                              GAsyncReadyCallback     callback,
                                              gpointer                user_data);
gint64        kiosk_store_save_finish        (KioskStore             *self,
                                              GAsyncResult           *result,
                                              GError                **error);

KioskRequest *kiosk_store_get_request        (KioskStore             *self,
                                              gint64                  id,
                                              GError                **error);
GListModel   *kiosk_store_list_requests      (KioskStore             *self,
                                              gboolean                include_handled,
                                              GError                **error);
gboolean      kiosk_store_foreach_request    (KioskStore             *self,
                                              gboolean                include_handled,
                                              KioskStoreRequestFunc   func,
                                              gpointer                user_data,
                                              GError                **error);
gboolean      kiosk_store_count_requests     (KioskStore             *self,
                                              gint64                 *total,
                                              gint64                 *pending,
                                              GError                **error);

gboolean      kiosk_store_mark_exported      (KioskStore             *self,
                                              const gint64           *ids,
                                              gsize                   n_ids,
                                              GError                **error);
gboolean      kiosk_store_mark_called_back   (KioskStore             *self,
                                              gint64                  id,
                                              GError                **error);
gboolean      kiosk_store_mark_no_answer     (KioskStore             *self,
                                              gint64                  id,
                                              GError                **error);
gint64        kiosk_store_purge_handled      (KioskStore             *self,
                                              GError                **error);
gint64        kiosk_store_delete_expired     (KioskStore             *self,
                                              guint                   retention_days,
                                              GDateTime              *now,
                                              GError                **error);
GDateTime    *kiosk_store_expiry_time        (KioskRequest           *request,
                                              guint                   retention_days);
GDateTime    *kiosk_store_get_last_export    (KioskStore             *self,
                                              GError                **error);

gboolean      kiosk_store_audit              (KioskStore             *self,
                                              const char             *event,
                                              gint64                  count,
                                              GError                **error);
gboolean      kiosk_store_record_usage       (KioskStore             *self,
                                              const char             *item,
                                              GError                **error);
GPtrArray    *kiosk_store_list_usage         (KioskStore             *self,
                                              GError                **error);
GPtrArray    *kiosk_store_list_audit         (KioskStore             *self,
                                              guint                   limit,
                                              GError                **error);

G_END_DECLS
