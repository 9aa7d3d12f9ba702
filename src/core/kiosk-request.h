/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KIOSK_REQUEST_ERROR (kiosk_request_error_quark ())

/* One code per problem the form can show next to a field. */
typedef enum
{
  KIOSK_REQUEST_ERROR_NAME_EMPTY,
  KIOSK_REQUEST_ERROR_NAME_TOO_LONG,
  KIOSK_REQUEST_ERROR_NAME_INVALID,
  KIOSK_REQUEST_ERROR_PHONE_EMPTY,
  KIOSK_REQUEST_ERROR_PHONE_INVALID,
  KIOSK_REQUEST_ERROR_PHONE_LENGTH,
  KIOSK_REQUEST_ERROR_NO_CONSENT,
} KioskRequestError;

typedef enum
{
  KIOSK_CALL_TIME_ANY,
  KIOSK_CALL_TIME_MORNING,
  KIOSK_CALL_TIME_AFTERNOON,
} KioskCallTime;

typedef enum
{
  KIOSK_REQUEST_STATUS_PENDING,
  KIOSK_REQUEST_STATUS_EXPORTED,
  KIOSK_REQUEST_STATUS_CALLED_BACK,
  KIOSK_REQUEST_STATUS_NO_ANSWER,    /* called, nobody answered: to be tried again */
} KioskRequestStatus;

/* In unichars, after normalisation. */
#define KIOSK_REQUEST_NAME_MAX_LENGTH 80

#define KIOSK_TYPE_CALL_TIME      (kiosk_call_time_get_type ())
#define KIOSK_TYPE_REQUEST_STATUS (kiosk_request_status_get_type ())
#define KIOSK_TYPE_REQUEST        (kiosk_request_get_type ())

GType kiosk_call_time_get_type      (void) G_GNUC_CONST;
GType kiosk_request_status_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (KioskRequest, kiosk_request, KIOSK, REQUEST, GObject)

GQuark              kiosk_request_error_quark          (void);

char               *kiosk_request_normalize_name       (const char          *input,
                                                        GError             **error);
char               *kiosk_request_normalize_phone      (const char          *input,
                                                        const char          *default_country_code,
                                                        GError             **error);
char               *kiosk_request_mask_phone           (const char          *e164);

KioskRequest       *kiosk_request_new                  (const char          *name,
                                                        const char          *phone,
                                                        const char          *default_country_code,
                                                        KioskCallTime        call_time,
                                                        const char          *topic,
                                                        gboolean             consent,
                                                        const char          *consent_version,
                                                        GError             **error);
KioskRequest       *kiosk_request_new_full             (gint64               id,
                                                        GDateTime           *created,
                                                        const char          *name,
                                                        const char          *phone,
                                                        KioskCallTime        call_time,
                                                        const char          *topic,
                                                        const char          *consent_version,
                                                        KioskRequestStatus   status,
                                                        GDateTime           *exported_at,
                                                        GDateTime           *called_back_at,
                                                        GDateTime           *no_answer_at);

gint64              kiosk_request_get_id               (KioskRequest        *self);
GDateTime          *kiosk_request_get_created          (KioskRequest        *self);
const char         *kiosk_request_get_name             (KioskRequest        *self);
const char         *kiosk_request_get_phone            (KioskRequest        *self);
KioskCallTime       kiosk_request_get_call_time        (KioskRequest        *self);
const char         *kiosk_request_get_topic            (KioskRequest        *self);
const char         *kiosk_request_get_consent_version  (KioskRequest        *self);
KioskRequestStatus  kiosk_request_get_status           (KioskRequest        *self);
GDateTime          *kiosk_request_get_exported_at      (KioskRequest        *self);
GDateTime          *kiosk_request_get_called_back_at   (KioskRequest        *self);
GDateTime          *kiosk_request_get_no_answer_at     (KioskRequest        *self);
gboolean            kiosk_request_is_open              (KioskRequest        *self);
char               *kiosk_request_format_phone         (const char          *e164);

const char         *kiosk_call_time_to_string          (KioskCallTime        call_time);
gboolean            kiosk_call_time_from_string        (const char          *string,
                                                        KioskCallTime       *call_time);
const char         *kiosk_request_status_to_string     (KioskRequestStatus   status);
gboolean            kiosk_request_status_from_string   (const char          *string,
                                                        KioskRequestStatus  *status);

G_END_DECLS
