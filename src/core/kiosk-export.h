/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "kiosk-store.h"

G_BEGIN_DECLS

/*
 * Exporting the callback requests, and the anonymous usage counts, as CSV for reception staff.
 * The bytes are those of KioskCsvWriter (see kiosk-csv-writer.h): a UTF-8 byte order mark, comma
 * separators, CRLF line ends, and an apostrophe in front of every cell a spreadsheet could take
 * for a formula, which includes every phone number because E.164 numbers start with '+'.
 *
 * The request CSV has the header
 *
 *   id,created,name,phone,preferred_time,topic,status,consent_version
 *
 * and one row per request in id order (the order they were left in):
 * - created: when the patient sent the form, ISO 8601 in the kiosk's local time with its UTC
 *   offset, to the second, such as 2026-11-26T08:05:09-06:00. Staff read the local time; the
 *   offset keeps the value exact for scripts, also across a daylight saving change.
 * - phone: E.164, written as '+50688881234 (see above).
 * - preferred_time and status: the stable English codes of kiosk_call_time_to_string() ("any",
 *   "morning", "afternoon") and kiosk_request_status_to_string() ("pending", "exported",
 *   "called-back"), never translated, so that spreadsheet filters and scripts keep working
 *   whatever language the kiosk or the staff use.
 * - topic: the id of the topic page the form was opened from, or empty.
 *
 * Rows are streamed from the store one at a time; only the ids of the exported pending requests
 * are kept, for marking them.
 *
 * A failed export (an error from the store or the file, or a cancelled one) leaves no file at
 * the target (an existing one keeps its contents) and marks nothing. When only the final sync of
 * the folder fails, the complete file is in place but the export still counts as failed, since
 * it might not survive a power cut. With %KIOSK_EXPORT_MARK, the requests that were pending when
 * they were written are marked exported in one transaction, only after the file is complete;
 * that transaction also writes the "export" audit row (its count is the number of requests
 * marked) and the time of the last export. An export without the flag changes no request but
 * still writes an "export" audit row, whose count is the number of rows in the file. If the
 * database cannot be updated after the file was written, the export reports an error that says
 * so and the complete file stays.
 *
 * Every export to a path (the command line's and the staff area's) first goes through
 * kiosk_export_check_target(): a CSV never replaces or joins the kiosk's own files, and never
 * replaces a symbolic link, a device or a FIFO. Streams (`--export-csv=-`) are for piping.
 */

#define KIOSK_EXPORT_ERROR (kiosk_export_error_quark ())

typedef enum
{
  KIOSK_EXPORT_ERROR_IN_DATA_FOLDER,   /* the target is in (or is a file of) the data folder */
  KIOSK_EXPORT_ERROR_SYMLINK,          /* the target exists and is a symbolic link */
  KIOSK_EXPORT_ERROR_NOT_REGULAR,      /* the target exists and is a device, FIFO, folder... */
  KIOSK_EXPORT_ERROR_NO_FOLDER,        /* the target's folder cannot be found */
} KioskExportError;

typedef enum
{
  KIOSK_EXPORT_PENDING = 0,        /* only pending requests */
  KIOSK_EXPORT_ALL     = 1 << 0,   /* every stored request */
  KIOSK_EXPORT_MARK    = 1 << 1,   /* after the file is complete, mark the exported pending rows
                                    * exported, in one transaction */
} KioskExportFlags;

GQuark   kiosk_export_error_quark              (void);
gboolean kiosk_export_check_target             (const char           *data_dir,
                                                const char           *path,
                                                char                **resolved,
                                                GError              **error);
gboolean kiosk_export_check_output_fd          (const char           *data_dir,
                                                int                   fd,
                                                GError              **error);

gboolean kiosk_export_requests_to_path         (KioskStore           *store,
                                                const char           *path,
                                                KioskExportFlags      flags,
                                                guint                *n_rows,
                                                GError              **error);
gboolean kiosk_export_requests_to_stream       (KioskStore           *store,
                                                GOutputStream        *stream,
                                                KioskExportFlags      flags,
                                                guint                *n_rows,
                                                GError              **error);
void     kiosk_export_requests_to_path_async   (KioskStore           *store,
                                                const char           *path,
                                                KioskExportFlags      flags,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean kiosk_export_requests_to_path_finish  (KioskStore           *store,
                                                GAsyncResult         *result,
                                                guint                *n_rows,
                                                GError              **error);

gboolean kiosk_export_usage_to_path            (KioskStore           *store,
                                                const char           *path,
                                                GError              **error);
gboolean kiosk_export_usage_to_stream          (KioskStore           *store,
                                                GOutputStream        *stream,
                                                GError              **error);

G_END_DECLS
