/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The command-line commands: --export-csv, --export-usage-csv and --set-staff-pin. They run on
 * the core library from handle_local_options, before GApplication registers on the bus and
 * before GTK is initialised, so they need no display and never open a window. They are safe
 * while the kiosk runs: the store is SQLite in WAL mode with a busy timeout, and the staff PIN
 * files are replaced atomically and read again on every check.
 *
 * Exit status 0 on success, 1 with a single line on standard error otherwise. The messages name
 * files and reasons, never a patient's name or phone number (no error from the store or the
 * CSV writer contains one).
 */

#include "config.h"

#include <gio/gunixinputstream.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <signal.h>
#include <stdarg.h>
#include <termios.h>
#include <unistd.h>

#include "kiosk-application-private.h"
#include "kiosk-export.h"
#include "kiosk-staff-pin.h"
#include "kiosk-store.h"

/* What the command line asks for; COMMAND_NONE starts the kiosk. */
typedef enum
{
  COMMAND_NONE,
  COMMAND_EXPORT,
  COMMAND_EXPORT_USAGE,
  COMMAND_SET_STAFF_PIN,
} Command;

static int fail (const char *format, ...) G_GNUC_PRINTF (1, 2);

/* Prints "patient-kiosk: MESSAGE" as one line and returns the exit status 1. */
static int
fail (const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_strdelimit (message, "\r\n", ' ');
  g_printerr ("%s: %s\n", PACKAGE_NAME, message);

  return 1;
}

/* Every FALSE or NULL return should come with an error; should a callee (or a library under it)
 * fail without one, the command still ends with a message instead of a crash. */
static const char *
message_of (const GError *error)
{
  return error != NULL ? error->message : _("unknown error");
}

static char *
lookup_bytestring (GVariantDict *options,
                   const char   *name)
{
  char *value = NULL;

  g_variant_dict_lookup (options, name, "^ay", &value);

  return value;
}

/* --data-dir, or the default data folder kiosk_store_open() would use. */
static char *
data_dir_from_options (GVariantDict *options)
{
  g_autofree char *value = lookup_bytestring (options, "data-dir");

  if (value != NULL)
    return g_canonicalize_filename (value, NULL);

  return g_build_filename (g_get_user_data_dir (), PACKAGE_NAME, NULL);
}

static int
count_commands (GVariantDict *options,
                Command      *command)
{
  static const struct
  {
    const char *option;
    Command     command;
  } commands[] = {
    { "export-csv", COMMAND_EXPORT },
    { "export-usage-csv", COMMAND_EXPORT_USAGE },
    { "set-staff-pin", COMMAND_SET_STAFF_PIN },
  };
  int n = 0;

  *command = COMMAND_NONE;
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_variant_dict_contains (options, commands[i].option))
        {
          *command = commands[i].command;
          n++;
        }
    }

  return n;
}

static gboolean
has_empty_target (GVariantDict *options,
                  const char   *name)
{
  g_autofree char *target = lookup_bytestring (options, name);

  return target != NULL && *target == '\0';
}

static int
check_options (GVariantDict *options,
               Command      *command)
{
  gboolean export_flags = g_variant_dict_contains (options, "all") ||
                          g_variant_dict_contains (options, "mark-exported");

  if (count_commands (options, command) > 1)
    return fail ("%s", _("use only one of --export-csv, --export-usage-csv and --set-staff-pin"));

  if (export_flags && *command != COMMAND_EXPORT)
    return fail ("%s", _("--all and --mark-exported only go with --export-csv"));

  if (has_empty_target (options, "export-csv") || has_empty_target (options, "export-usage-csv"))
    return fail ("%s", _("an export needs a file name, or “-” for standard output"));

  return 0;
}

/* Opens the database only if it exists, and never sets a damaged one aside under the running
 * kiosk: see kiosk_store_open_existing(). Prints the message itself. */
static KioskStore *
open_existing_store (const char *data_dir)
{
  g_autofree char *display = g_filename_display_name (data_dir);
  g_autoptr(GError) error = NULL;
  KioskStore *store;

  store = kiosk_store_open_existing (data_dir, &error);
  if (g_error_matches (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_NOT_FOUND))
    fail (_("no request database in %s"), display);
  else if (store == NULL)
    fail (_("cannot open the request database in %s: %s"), display, message_of (error));

  return store;
}

/* Refuses a target in the data folder, or one that is not a regular file (or standard output
 * open on a file in the data folder), before the store is even opened; the export checks again. */
static gboolean
check_target (const char *data_dir,
              const char *target)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (target, "-") ? kiosk_export_check_output_fd (data_dir, STDOUT_FILENO, &error)
                                 : kiosk_export_check_target (data_dir, target, NULL, &error))
    return TRUE;

  fail (_("cannot export: %s"), message_of (error));
  return FALSE;
}

/* A reader that goes away early (`| head`) makes the next write fail with EPIPE, which ends
 * the export with a message and marks nothing, instead of SIGPIPE killing the process. */
static GOutputStream *
open_stdout (void)
{
  signal (SIGPIPE, SIG_IGN);

  return g_unix_output_stream_new (STDOUT_FILENO, FALSE);
}

static gboolean
export_requests (KioskStore        *store,
                 const char        *target,
                 KioskExportFlags   flags,
                 GError           **error)
{
  g_autoptr(GOutputStream) out = NULL;

  if (!g_str_equal (target, "-"))
    return kiosk_export_requests_to_path (store, target, flags, NULL, error);

  out = open_stdout ();

  return kiosk_export_requests_to_stream (store, out, flags, NULL, error);
}

static int
run_export (GVariantDict *options,
            const char   *data_dir)
{
  g_autofree char *target = lookup_bytestring (options, "export-csv");
  g_autoptr(KioskStore) store = NULL;
  g_autoptr(GError) error = NULL;
  KioskExportFlags flags = KIOSK_EXPORT_PENDING;

  if (g_variant_dict_contains (options, "all"))
    flags |= KIOSK_EXPORT_ALL;
  if (g_variant_dict_contains (options, "mark-exported"))
    flags |= KIOSK_EXPORT_MARK;

  if (!check_target (data_dir, target) || (store = open_existing_store (data_dir)) == NULL)
    return 1;

  if (!export_requests (store, target, flags, &error))
    return fail (_("cannot export the requests: %s"), message_of (error));

  return 0;
}

static int
run_export_usage (GVariantDict *options,
                  const char   *data_dir)
{
  g_autofree char *target = lookup_bytestring (options, "export-usage-csv");
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(KioskStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!check_target (data_dir, target) || (store = open_existing_store (data_dir)) == NULL)
    return 1;

  if (g_str_equal (target, "-"))
    {
      out = open_stdout ();
      ok = kiosk_export_usage_to_stream (store, out, &error);
    }
  else
    ok = kiosk_export_usage_to_path (store, target, &error);

  if (!ok)
    return fail (_("cannot export the usage counts: %s"), message_of (error));

  return 0;
}

/* The PIN prompt ------------------------------------------------------------------------------- */

static struct termios saved_termios;
static const int restoring_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };

/* Ctrl+C while echo is off must not leave the terminal without echo. tcsetattr() is
 * async-signal-safe; SA_RESETHAND makes raise() then end the process as the signal would. */
static void
restore_termios_and_raise (int signum)
{
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved_termios);
  raise (signum);
}

static gboolean
echo_off (void)
{
  struct sigaction action = { 0 };
  struct termios quiet;

  if (tcgetattr (STDIN_FILENO, &saved_termios) != 0)
    return FALSE;

  action.sa_handler = restore_termios_and_raise;
  action.sa_flags = SA_RESETHAND;
  sigemptyset (&action.sa_mask);
  for (guint i = 0; i < G_N_ELEMENTS (restoring_signals); i++)
    sigaction (restoring_signals[i], &action, NULL);

  quiet = saved_termios;
  quiet.c_lflag &= ~ECHO;
  quiet.c_lflag |= ECHONL;   /* the Enter key still moves to the next line */

  return tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
}

static void
echo_on (void)
{
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved_termios);
  for (guint i = 0; i < G_N_ELEMENTS (restoring_signals); i++)
    signal (restoring_signals[i], SIG_DFL);
}

static gboolean
read_pin (KioskStaffPin  *pin,
          GError        **error)
{
  g_autoptr(GInputStream) in = g_unix_input_stream_new (STDIN_FILENO, FALSE);
  gboolean terminal = isatty (STDIN_FILENO);
  gboolean quiet = FALSE;
  gboolean ok;

  if (terminal)
    {
      g_printerr ("%s", _("New staff PIN (6 to 12 digits): "));
      quiet = echo_off ();
    }

  ok = kiosk_staff_pin_set_from_stream (pin, in, NULL, error);

  if (quiet)
    echo_on ();
  if (ok && terminal)
    g_printerr ("%s\n", _("The staff PIN is set."));

  return ok;
}

static int
run_set_staff_pin (const char *data_dir)
{
  g_autoptr(KioskStaffPin) pin = NULL;
  g_autoptr(GError) error = NULL;

  pin = kiosk_staff_pin_new (data_dir, &error);
  if (pin == NULL || !read_pin (pin, &error))
    return fail (_("cannot set the staff PIN: %s"), message_of (error));

  return 0;
}

/**
 * _kiosk_application_run_command:
 * @options: the parsed command-line options
 *
 * Runs the command the options ask for, if any.
 *
 * Returns: the exit status of the command, or -1 when there is none and the kiosk should start
 */
int
_kiosk_application_run_command (GVariantDict *options)
{
  g_autofree char *data_dir = NULL;
  Command command;
  int status;

  g_assert (options != NULL);

  if ((status = check_options (options, &command)) != 0)
    return status;
  if (command == COMMAND_NONE)
    return -1;

  /* main() sends log lines to standard error, so none ends up in `--export-csv=-`. */
  data_dir = data_dir_from_options (options);

  if (command == COMMAND_EXPORT)
    return run_export (options, data_dir);
  if (command == COMMAND_EXPORT_USAGE)
    return run_export_usage (options, data_dir);

  return run_set_staff_pin (data_dir);
}
