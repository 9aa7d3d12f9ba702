/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Connecting to the shared queue's PostgreSQL server, and turning what libpq says into one of a
 * few kinds of trouble that staff can act on. The connection string comes from the
 * `queue-connection` setting (a libpq conninfo or `service=NAME`); passwords live in the user's
 * ~/.pgpass, which libpq reads itself. Nothing here logs the connection string.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kiosk-queue.h"

G_DEFINE_QUARK (kiosk-queue-error-quark, kiosk_queue_error)

/* Without a limit, a cut network makes a connection attempt hang for minutes. */
#define CONNECT_TIMEOUT_SECONDS "10"

static gboolean
contains_any (const char         *message,
              const char * const *needles)
{
  for (gsize i = 0; needles[i] != NULL; i++)
    {
      if (strstr (message, needles[i]) != NULL)
        return TRUE;
    }

  return FALSE;
}

/* libpq reports a failed connection only as text (in English: we do not load its
 * translations), so the kind of failure is read from that text. */
static KioskQueueError
classify_connect_failure (PGconn     *conn,
                          const char *message)
{
  static const char * const auth[] = {
    "password authentication failed", "no password supplied", "role \"",
    "authentication failed", "pg_hba.conf", NULL,
  };
  static const char * const host[] = {
    "could not translate host name", "Name or service not known", NULL,
  };
  static const char * const tls[] = {
    "certificate", "SSL", "ssl", NULL,
  };

  if (kiosk_pq.PQconnectionNeedsPassword (conn) || contains_any (message, auth))
    return KIOSK_QUEUE_ERROR_AUTH;
  if (contains_any (message, host))
    return KIOSK_QUEUE_ERROR_UNKNOWN_HOST;
  if (contains_any (message, tls))
    return KIOSK_QUEUE_ERROR_TLS;

  return KIOSK_QUEUE_ERROR_UNREACHABLE;
}

/* The first line of libpq's message, without its trailing newline. */
static char *
first_line (const char *message)
{
  const char *end = strchr (message, '\n');

  return end != NULL ? g_strndup (message, end - message) : g_strdup (message);
}

/**
 * kiosk_queue_connect:
 * @conninfo: a libpq connection string, URI or `service=NAME`
 * @application_name: (nullable): shown to the DBA in pg_stat_activity, if @conninfo names none
 *
 * Returns: (transfer full): an open connection, or %NULL with @error set
 */
PGconn *
kiosk_queue_connect (const char  *conninfo,
                     const char  *application_name,
                     GError     **error)
{
  /* Values expanded from @conninfo (dbname) override the defaults given before it. */
  const char *keywords[] = { "connect_timeout", "fallback_application_name", "dbname", NULL };
  const char *values[] = { CONNECT_TIMEOUT_SECONDS, application_name, conninfo, NULL };
  g_autoptr(PGconn) conn = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (conninfo != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!kiosk_pq_load (&local_error))
    {
      g_set_error (error, KIOSK_QUEUE_ERROR, KIOSK_QUEUE_ERROR_FAILED,
                   "The PostgreSQL client library is missing: %s", local_error->message);
      return NULL;
    }

  conn = kiosk_pq.PQconnectdbParams (keywords, values, 1);
  if (conn != NULL && kiosk_pq.PQstatus (conn) == CONNECTION_OK)
    return g_steal_pointer (&conn);

  if (conn == NULL)
    {
      g_set_error_literal (error, KIOSK_QUEUE_ERROR, KIOSK_QUEUE_ERROR_FAILED,
                           "Out of memory while connecting to the queue server");
      return NULL;
    }

  message = first_line (kiosk_pq.PQerrorMessage (conn));
  g_set_error (error, KIOSK_QUEUE_ERROR, classify_connect_failure (conn, message),
               "Could not connect to the queue server: %s", message);

  return NULL;
}

static KioskQueueError
classify_sqlstate (const char *sqlstate)
{
  if (sqlstate == NULL)
    return KIOSK_QUEUE_ERROR_UNREACHABLE;   /* the connection broke: no answer at all */
  if (g_str_equal (sqlstate, "42501"))
    return KIOSK_QUEUE_ERROR_PERMISSION;
  if (g_str_equal (sqlstate, "42P01") || g_str_equal (sqlstate, "3F000"))
    return KIOSK_QUEUE_ERROR_NOT_SET_UP;
  if (g_str_has_prefix (sqlstate, "08") || g_str_has_prefix (sqlstate, "57P"))
    return KIOSK_QUEUE_ERROR_UNREACHABLE;   /* connection exceptions, server shutting down */
  if (g_str_has_prefix (sqlstate, "28"))
    return KIOSK_QUEUE_ERROR_AUTH;

  return KIOSK_QUEUE_ERROR_FAILED;
}

/**
 * kiosk_queue_check_result:
 * @result: (nullable): what PQexec() and friends returned
 * @what: what was being done, for the message
 *
 * Returns: %TRUE if @result is a success; otherwise %FALSE with @error set from its SQLSTATE
 */
gboolean
kiosk_queue_check_result (PGconn      *conn,
                          PGresult    *result,
                          const char  *what,
                          GError     **error)
{
  ExecStatusType status = result != NULL ? kiosk_pq.PQresultStatus (result) : PGRES_FATAL_ERROR;
  const char *sqlstate;
  g_autofree char *message = NULL;

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return TRUE;

  sqlstate = result != NULL ? kiosk_pq.PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  message = first_line (result != NULL ? kiosk_pq.PQresultErrorMessage (result)
                                        : kiosk_pq.PQerrorMessage (conn));
  g_set_error (error, KIOSK_QUEUE_ERROR, classify_sqlstate (sqlstate),
               "%s: %s", what, message);

  return FALSE;
}

gboolean
kiosk_queue_exec (PGconn      *conn,
                  const char  *sql,
                  GError     **error)
{
  g_autoptr(PGresult) result = kiosk_pq.PQexec (conn, sql);

  return kiosk_queue_check_result (conn, result, "The queue server refused a command", error);
}

/**
 * kiosk_queue_describe_error:
 * @error: (nullable): a sync or desk-app failure
 *
 * Returns: the failure in plain words for staff, in the current language
 */
const char *
kiosk_queue_describe_error (const GError *error)
{
  if (error == NULL || error->domain != KIOSK_QUEUE_ERROR)
    return _("Something went wrong with the reception queue. The system log says what.");

  switch ((KioskQueueError)error->code)
    {
    case KIOSK_QUEUE_ERROR_UNREACHABLE:
      return _("The reception queue's server does not answer. It may be switched off, or the "
               "network is down.");
    case KIOSK_QUEUE_ERROR_UNKNOWN_HOST:
      return _("The reception queue's server name is unknown. Check the queue connection "
               "setting and the network's name service.");
    case KIOSK_QUEUE_ERROR_AUTH:
      return _("The reception queue's server refused the user name or password. Check the "
               "password in ~/.pgpass.");
    case KIOSK_QUEUE_ERROR_TLS:
      return _("The reception queue's server certificate is not trusted: it may have expired "
               "or be for another name. Ask IT to renew or install it.");
    case KIOSK_QUEUE_ERROR_PERMISSION:
      return _("This user may not do that on the reception queue. Ask IT to check its role.");
    case KIOSK_QUEUE_ERROR_NOT_SET_UP:
      return _("The reception queue's database is not set up yet. Ask IT to run "
               "patient-kiosk --queue-setup.");
    case KIOSK_QUEUE_ERROR_FAILED:
    default:
      return _("The reception queue's server reported a problem. The system log says what.");
    }
}

/**
 * kiosk_queue_setup:
 * @conninfo: a connection as a role that may create schemas and roles
 *
 * Applies the shipped queue-setup.sql (idempotent) in one transaction.
 */
gboolean
kiosk_queue_setup (const char  *conninfo,
                   GError     **error)
{
  g_autoptr(GBytes) sql = NULL;
  g_autoptr(PGconn) conn = NULL;
  g_autofree char *script = NULL;

  g_return_val_if_fail (conninfo != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sql = g_resources_lookup_data (RESOURCE_PATH "/queue/queue-setup.sql",
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (sql == NULL)
    return FALSE;

  if ((conn = kiosk_queue_connect (conninfo, "patient-kiosk setup", error)) == NULL)
    return FALSE;

  /* One simple-query message runs as one transaction, unless it says BEGIN/COMMIT itself. */
  script = g_strndup (g_bytes_get_data (sql, NULL), g_bytes_get_size (sql));

  return kiosk_queue_exec (conn, script, error);
}
