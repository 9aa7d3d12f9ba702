/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

/*
 * A private PostgreSQL server for one test program: initdb + pg_ctl in a temporary folder,
 * listening on a Unix socket there and on 127.0.0.1 with TLS, with password (SCRAM) authentication and a pgpass
 * file (PGPASSFILE) for its roles. As root it runs as the `postgres` system user (PostgreSQL
 * refuses root). A guard process stops the server and removes the folder when the test
 * process ends in any way, an abort included.
 */
typedef struct
{
  char *dir;        /* the temporary folder: socket, data/, log, pgpass */
  char *bin_dir;    /* where initdb and pg_ctl are */
  int   guard_fd;   /* the write end of the guard's pipe */
  int   port;       /* TCP on 127.0.0.1 with TLS (a self-signed certificate), and the socket's */
} KioskTestPg;

/* The roles the fixture makes, with their passwords in the pgpass file. */
#define KIOSK_TEST_PG_KIOSK_ROLE     "kiosk_lobby"
#define KIOSK_TEST_PG_RECEPTION_ROLE "desk_maria"

KioskTestPg *kiosk_test_pg_start      (void);
KioskTestPg *kiosk_test_pg_start_or_skip (void);
void         kiosk_test_pg_stop_server (KioskTestPg *pg);
void         kiosk_test_pg_start_server (KioskTestPg *pg);
void         kiosk_test_pg_free       (KioskTestPg *pg);
char        *kiosk_test_pg_conninfo   (KioskTestPg *pg,
                                       const char  *role);
PGconn      *kiosk_test_pg_connect    (KioskTestPg *pg,
                                       const char  *role);
gint64       kiosk_test_pg_query_int  (KioskTestPg *pg,
                                       const char  *sql);
GPtrArray   *kiosk_test_pg_query_column (KioskTestPg *pg,
                                         const char  *sql);
void         kiosk_test_pg_exec       (KioskTestPg *pg,
                                       const char  *sql);
void         kiosk_test_pg_make_certificate (const char *dir,
                                             const char *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KioskTestPg, kiosk_test_pg_free)

G_END_DECLS
