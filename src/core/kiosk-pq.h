/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

/* The libpq functions the queue uses, loaded with kiosk_pq_load() the first time a kiosk or a
 * desk connects: most kiosks have no shared queue, and need not load libpq and what it pulls in
 * (Kerberos, LDAP, TLS) before their first frame. Call them as kiosk_pq.PQexec (...). */
typedef struct
{
  __typeof__ (PQclear) *PQclear;
  __typeof__ (PQconnectdbParams) *PQconnectdbParams;
  __typeof__ (PQconnectionNeedsPassword) *PQconnectionNeedsPassword;
  __typeof__ (PQconsumeInput) *PQconsumeInput;
  __typeof__ (PQerrorMessage) *PQerrorMessage;
  __typeof__ (PQexec) *PQexec;
  __typeof__ (PQexecParams) *PQexecParams;
  __typeof__ (PQexecPrepared) *PQexecPrepared;
  __typeof__ (PQfinish) *PQfinish;
  __typeof__ (PQfreemem) *PQfreemem;
  __typeof__ (PQgetisnull) *PQgetisnull;
  __typeof__ (PQgetvalue) *PQgetvalue;
  __typeof__ (PQnotifies) *PQnotifies;
  __typeof__ (PQntuples) *PQntuples;
  __typeof__ (PQprepare) *PQprepare;
  __typeof__ (PQresultErrorField) *PQresultErrorField;
  __typeof__ (PQresultErrorMessage) *PQresultErrorMessage;
  __typeof__ (PQresultStatus) *PQresultStatus;
  __typeof__ (PQsetnonblocking) *PQsetnonblocking;
  __typeof__ (PQsocket) *PQsocket;
  __typeof__ (PQstatus) *PQstatus;
} KioskPq;

extern KioskPq kiosk_pq;

gboolean kiosk_pq_load   (GError   **error);
void     kiosk_pq_finish (PGconn    *conn);
void     kiosk_pq_clear  (PGresult  *result);

G_END_DECLS
