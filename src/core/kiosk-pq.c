/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "kiosk-library.h"
#include "kiosk-pq.h"

KioskPq kiosk_pq;

static const KioskLibrarySymbol pq_symbols[] = {
  KIOSK_LIBRARY_SYMBOL (KioskPq, PQclear),
  KIOSK_LIBRARY_SYMBOL (KioskPq, PQconnectdbParams),
  KIOSK_LIBRARY_SYMBOL (KioskPq, PQconnectionNeedsPassword),
  KIOSK_LIBRARY_SYMBOL (KioskPq, PQconsumeInput),
  KIOSK_LIBRARY_SYMBOL (KioskPq, PQerrorMessage),
  KIOSK_LIBRARY_SYMBOL (KioskPq, PQexec),
  KIOSK_LIBRARY_SYMBOL (KioskPq, PQexecParams),
  KIOSK_LIBRARY_SYMBOL (KioskPq, PQexecPrepared),
  KIOSK_LIBRARY_SYMBOL (KioskPq, PQfinish),
  KIOSK_LIBRARY_SYMBOL (KioskPq, PQfreemem),
  KIOSK_LIBRARY_SYMBOL (KioskPq, PQgetisnull),
  KIOSK_LIBRARY_SYMBOL (KioskPq, PQgetvalue),
  KIOSK_LIBRARY_SYMBOL (KioskPq, PQnotifies),
  KIOSK_LIBRARY_SYMBOL (KioskPq, PQntuples),
  KIOSK_LIBRARY_SYMBOL (KioskPq, PQprepare),
  KIOSK_LIBRARY_SYMBOL (KioskPq, PQresultErrorField),
  KIOSK_LIBRARY_SYMBOL (KioskPq, PQresultErrorMessage),
  KIOSK_LIBRARY_SYMBOL (KioskPq, PQresultStatus),
  KIOSK_LIBRARY_SYMBOL (KioskPq, PQsetnonblocking),
  KIOSK_LIBRARY_SYMBOL (KioskPq, PQsocket),
  KIOSK_LIBRARY_SYMBOL (KioskPq, PQstatus),
};

static KioskLibrary pq_library = KIOSK_LIBRARY_INIT (KIOSK_LIBPQ_SONAME, pq_symbols, &kiosk_pq);

/**
 * kiosk_pq_load:
 * @error: return location for a #GError
 *
 * Loads libpq into #kiosk_pq, once.
 *
 * Returns: %TRUE when libpq's functions can be called
 */
gboolean
kiosk_pq_load (GError **error)
{
  return kiosk_library_ensure (&pq_library, error);
}

/* For g_autoptr() and GDestroyNotify: a connection or a result exists only once libpq is
 * loaded. */
void
kiosk_pq_finish (PGconn *conn)
{
  g_assert (kiosk_pq.PQfinish != NULL);

  kiosk_pq.PQfinish (conn);
}

void
kiosk_pq_clear (PGresult *result)
{
  g_assert (kiosk_pq.PQclear != NULL);

  kiosk_pq.PQclear (result);
}
