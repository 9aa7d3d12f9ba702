/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The staff area: a PIN pad, then the callback requests, their export and clean-up, and the
 * anonymous usage counts. It locks itself whenever it is left, on "Lock", and after a minute
 * without a touch; locked, it holds no patient data at all.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kiosk-application.h"
#include "kiosk-export.h"
#include "kiosk-idle-monitor.h"
#include "kiosk-keyboard.h"
#include "kiosk-request-row.h"
#include "kiosk-staff-page.h"
#include "kiosk-staff-pin.h"
#include "kiosk-sync-status.h"
#include "kiosk-widget-util.h"

struct _KioskStaffPage
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkBox            *activity_box;
  GtkLabel          *empty_label;
  GtkPasswordEntry  *pin_entry;
  GtkLabel          *pin_message;
  KioskKeyboard     *pin_pad;
  GtkListBox        *requests_list;
  GtkLabel          *retention_label;
  GtkScrolledWindow *scroller;
  GtkStack          *stack;
  GtkLabel          *status_label;
  GtkLabel          *summary_label;
  GtkGrid           *usage_grid;
  GtkLabel          *warning_label;

  GtkWidget         *sync_status;     /* issue12-queue: the shared queue's state, or NULL */

  KioskContentPack  *content;
  KioskStore        *store;
  char              *data_dir;
  KioskStaffPin     *pin;
  KioskIdleMonitor  *lock_monitor;
  GCancellable      *cancellable;
  GtkNativeDialog   *chooser;        /* the export file chooser, while it is open */
  GtkWindow         *purge_dialog;   /* weak: the "Delete handled" confirmation */
  gboolean           unlocked;
};

G_DEFINE_FINAL_TYPE (KioskStaffPage, kiosk_staff_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTENT,
  PROP_DATA_DIR,
  PROP_STORE,
  PROP_UNLOCKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kiosk_staff_page_set_status (KioskStaffPage *self,
                             const char     *status)
{
  gtk_label_set_label (self->status_label, status != NULL ? status : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), status != NULL);
}

static void
kiosk_staff_page_report_error (KioskStaffPage *self,
                               const GError   *error)
{
  /* Store and export errors describe files and SQLite, never a request's contents. */
  g_warning ("Staff area: %s", error->message);
  kiosk_staff_page_set_status (self, error->message);
}

static void
kiosk_staff_page_clear_list (KioskStaffPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->requests_list))) != NULL)
    gtk_list_box_remove (self->requests_list, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->usage_grid))) != NULL)
    gtk_grid_remove (self->usage_grid, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->activity_box))) != NULL)
    gtk_box_remove (self->activity_box, child);
}

/* The clinic's retention period, as the application's daily retention run reads it. */
static guint
kiosk_staff_page_get_retention_days (KioskStaffPage *self)
{
  KioskApplication *app = kiosk_application_get_for_widget (GTK_WIDGET (self));

  if (app == NULL)
    return 0;

  return MAX (g_settings_get_uint (kiosk_application_get_settings (app), "retention-days"), 1);
}

/* Whole days, rounded down, before retention deletes @request; -1 when that is further away than
 * the warning period. */
static int
days_before_expiry (KioskRequest *request,
                    guint         retention_days,
                    GDateTime    *now)
{
  g_autoptr(GDateTime) expiry = kiosk_store_expiry_time (request, retention_days);
  GTimeSpan left = g_date_time_difference (expiry, now);
  int days = (int)MAX (left / G_TIME_SPAN_DAY, 0);

  return days < KIOSK_RETENTION_WARNING_DAYS ? days : -1;
}

static void
kiosk_staff_page_show_retention_warning (KioskStaffPage *self,
                                         guint           n_expiring,
                                         guint           retention_days)
{
  g_autofree char *text = NULL;

  if (n_expiring > 0)
    /* Translators: the first %u is a number of requests, the second the retention in days. */
    text = g_strdup_printf (ngettext ("%u request nobody has called yet will be deleted "
                                      "automatically within %u days, because requests are kept "
                                      "%u days. Call or export it first.",
                                      "%u requests nobody has called yet will be deleted "
                                      "automatically within %u days, because requests are kept "
                                      "%u days. Call or export them first.", n_expiring),
                            n_expiring, (guint)KIOSK_RETENTION_WARNING_DAYS, retention_days);

  gtk_label_set_label (self->retention_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->retention_label), text != NULL);
}

static char *
format_last_export (KioskStaffPage *self)
{
  g_autoptr(GDateTime) last = kiosk_store_get_last_export (self->store, NULL);
  g_autoptr(GDateTime) local = NULL;

  if (last == NULL)
    return g_strdup (_("never"));

  local = g_date_time_to_local (last);

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static void
kiosk_staff_page_update_summary (KioskStaffPage *self)
{
  g_autofree char *last_export = format_last_export (self);
  g_autofree char *requests = NULL;
  g_autofree char *summary = NULL;
  gint64 total = 0, pending = 0;

  kiosk_store_count_requests (self->store, &total, &pending, NULL);
  requests = g_strdup_printf (ngettext ("%d request stored, %d pending.",
                                        "%d requests stored, %d pending.", (int)total),
                              (int)total, (int)pending);
  /* Translators: the first %s says how many requests there are, the second is a date. */
  summary = g_strdup_printf (_("%s Last export: %s."), requests, last_export);
  gtk_label_set_label (self->summary_label, summary);
}

static void kiosk_staff_page_refresh (KioskStaffPage *self);

static void
mark_called_back_cb (KioskStaffPage  *self,
                     KioskRequestRow *row)
{
  KioskRequest *request = kiosk_request_row_get_request (row);
  g_autoptr(GError) error = NULL;

  if (!kiosk_store_mark_called_back (self->store, kiosk_request_get_id (request), &error))
    {
      kiosk_staff_page_report_error (self, error);
      return;
    }

  kiosk_staff_page_refresh (self);
  kiosk_staff_page_set_status (self, _("Marked as called back."));
}

static void
mark_no_answer_cb (KioskStaffPage  *self,
                   KioskRequestRow *row)
{
  KioskRequest *request = kiosk_request_row_get_request (row);
  g_autoptr(GError) error = NULL;

  if (!kiosk_store_mark_no_answer (self->store, kiosk_request_get_id (request), &error))
    {
      kiosk_staff_page_report_error (self, error);
      return;
    }

  kiosk_staff_page_refresh (self);
  kiosk_staff_page_set_status (self, _("Marked as not answered. The request stays in the list."));
}

static GtkWidget *
kiosk_staff_page_add_request_row (KioskStaffPage *self,
                                  KioskRequest   *request)
{
  GtkWidget *row = kiosk_request_row_new (request, self->content);

  g_signal_connect_object (row, "called-back", G_CALLBACK (mark_called_back_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "no-answer", G_CALLBACK (mark_no_answer_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_list_box_append (self->requests_list, row);

  return row;
}

static void
kiosk_staff_page_fill_requests (KioskStaffPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) requests = kiosk_store_list_requests (self->store, FALSE, &error);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  guint retention_days = kiosk_staff_page_get_retention_days (self);
  guint n = requests != NULL ? g_list_model_get_n_items (requests) : 0;
  guint n_expiring = 0;

  if (error != NULL)
    kiosk_staff_page_report_error (self, error);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KioskRequest) request = g_list_model_get_item (requests, i);
      GtkWidget *row = kiosk_staff_page_add_request_row (self, request);
      int days_left = retention_days > 0 ? days_before_expiry (request, retention_days, now) : -1;

      kiosk_request_row_set_days_left (KIOSK_REQUEST_ROW (row), days_left);
      n_expiring += days_left >= 0;
    }

  kiosk_staff_page_show_retention_warning (self, n_expiring, retention_days);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), n == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->requests_list), n > 0);
}

/* The audit trail in plain words; the events are the store's and the staff area's own. */
static char *
describe_audit_entry (const KioskAuditEntry *entry)
{
  int n = (int)entry->count;

  if (g_str_equal (entry->event, "export"))
    return g_strdup_printf (ngettext ("Exported %d request.", "Exported %d requests.", n), n);
  if (g_str_equal (entry->event, "called-back"))
    return g_strdup (_("Marked a request as called back."));
  if (g_str_equal (entry->event, "no-answer"))
    return g_strdup (_("Marked a request as not answered."));
  if (g_str_equal (entry->event, "purge"))
    return g_strdup_printf (ngettext ("Deleted %d handled request.",
                                      "Deleted %d handled requests.", n), n);
  if (g_str_equal (entry->event, "expire"))
    return g_strdup_printf (ngettext ("Retention deleted %d old request.",
                                      "Retention deleted %d old requests.", n), n);
  if (g_str_equal (entry->event, "expire-open"))
    return g_strdup_printf (ngettext ("Retention deleted %d request nobody had called back.",
                                      "Retention deleted %d requests nobody had called back.",
                                      n), n);
  if (g_str_equal (entry->event, "unlock"))
    return g_strdup (_("Staff area opened."));

  return g_strdup (entry->event);
}

static void
kiosk_staff_page_fill_activity (KioskStaffPage *self)
{
  g_autoptr(GPtrArray) audit = kiosk_store_list_audit (self->store, 12, NULL);

  for (guint i = 0; audit != NULL && i < audit->len; i++)
    {
      const KioskAuditEntry *entry = g_ptr_array_index (audit, i);
      g_autoptr(GDateTime) local = NULL;
      g_autofree char *when = NULL;
      g_autofree char *what = NULL;
      g_autofree char *text = NULL;
      GtkWidget *label;

      /* The retention runs at every start and daily; a run that deleted nothing is noise. */
      if (g_str_equal (entry->event, "expire") && entry->count == 0)
        continue;

      local = g_date_time_to_local (entry->at);
      when = g_date_time_format (local, "%Y-%m-%d %H:%M");
      what = describe_audit_entry (entry);
      /* Translators: a time, then what staff or the kiosk did then. */
      text = g_strdup_printf (_("%s  %s"), when, what);
      label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "kiosk-body");
      if (g_str_equal (entry->event, "expire-open"))
        gtk_widget_add_css_class (label, "warning");
      gtk_box_append (self->activity_box, label);
    }
}

static const char *
usage_item_label (KioskStaffPage *self,
                  const char     *item)
{
  KioskTopic *topic = kiosk_content_pack_lookup_topic (self->content, item);

  if (topic != NULL)
    return kiosk_topic_get_title (topic);
  if (g_str_equal (item, "form"))
    return _("Callback form");

  return item;
}

static void
add_usage_cell (KioskStaffPage *self,
                const char     *text,
                int             column,
                int             row)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == 2 ? 1.0f : 0.0f);
  gtk_widget_add_css_class (label, row == 0 ? "heading" : "kiosk-body");
  gtk_grid_attach (self->usage_grid, label, column, row, 1, 1);
}

static void
kiosk_staff_page_fill_usage (KioskStaffPage *self)
{
  g_autoptr(GPtrArray) usage = kiosk_store_list_usage (self->store, NULL);

  add_usage_cell (self, _("Day"), 0, 0);
  add_usage_cell (self, _("Page"), 1, 0);
  add_usage_cell (self, _("Times opened"), 2, 0);

  for (guint i = 0; usage != NULL && i < usage->len; i++)
    {
      const KioskUsageCount *count = g_ptr_array_index (usage, i);
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64)count->count);

      add_usage_cell (self, count->day, 0, i + 1);
      add_usage_cell (self, usage_item_label (self, count->item), 1, i + 1);
      add_usage_cell (self, number, 2, i + 1);
    }
}

/* Why there is no store, in plain words: the window's application kept the reason. */
static const char *
store_problem_text (KioskStaffPage *self)
{
  KioskApplication *app = kiosk_application_get_for_widget (GTK_WIDGET (self));

  return kiosk_store_describe_error (app != NULL ? kiosk_application_get_store_error (app) : NULL);
}

/* issue12-queue: in queue mode, the shared queue's state goes under the warning. */
static void
kiosk_staff_page_add_sync_status (KioskStaffPage *self)
{
  KioskApplication *app = kiosk_application_get_for_widget (GTK_WIDGET (self));
  KioskQueue *queue = app != NULL ? kiosk_application_get_queue (app) : NULL;

  if (self->sync_status != NULL || queue == NULL)
    return;

  self->sync_status = kiosk_sync_status_new (queue);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->warning_label))),
                              self->sync_status, GTK_WIDGET (self->warning_label));
}

static void
kiosk_staff_page_refresh (KioskStaffPage *self)
{
  const char *warning;

  kiosk_staff_page_clear_list (self);
  if (self->store == NULL)
    {
      gtk_label_set_label (self->warning_label, store_problem_text (self));
      gtk_widget_set_visible (GTK_WIDGET (self->warning_label), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->requests_list), FALSE);
      return;
    }

  warning = kiosk_store_get_warning (self->store);
  gtk_label_set_label (self->warning_label, warning != NULL ? warning : "");
  gtk_widget_set_visible (GTK_WIDGET (self->warning_label), warning != NULL);

  kiosk_staff_page_add_sync_status (self);
  kiosk_staff_page_update_summary (self);
  kiosk_staff_page_fill_requests (self);
  kiosk_staff_page_fill_usage (self);
  kiosk_staff_page_fill_activity (self);
}

static void
kiosk_staff_page_update_actions (KioskStaffPage *self)
{
  gboolean open = self->unlocked && self->store != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff.lock", self->unlocked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff.export", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff.export-usage", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff.purge", open);
}

static void
kiosk_staff_page_set_unlocked (KioskStaffPage *self,
                               gboolean        unlocked)
{
  if (self->unlocked == unlocked)
    return;

  self->unlocked = unlocked;
  kiosk_staff_page_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNLOCKED]);
}

/* Reads the PIN files afresh, so a PIN set from the command line counts at once. */
static void
kiosk_staff_page_show_pin_pad (KioskStaffPage *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->pin);
  self->pin = kiosk_staff_pin_new (self->data_dir, &error);
  if (self->pin == NULL)
    g_warning ("Staff PIN unavailable: %s", error->message);

  gtk_editable_set_text (GTK_EDITABLE (self->pin_entry), "");
  gtk_label_set_label (self->pin_message, "");
  kiosk_keyboard_set_target (self->pin_pad, GTK_EDITABLE (self->pin_entry));

  if (self->pin == NULL || !kiosk_staff_pin_is_set (self->pin))
    {
      gtk_stack_set_visible_child_name (self->stack, "no-pin");
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "pin");
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self->pin_entry));
}

static void
verify_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(KioskStaffPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!kiosk_staff_pin_verify_finish (KIOSK_STAFF_PIN (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      gtk_label_set_label (self->pin_message, error->message);
      gtk_editable_set_text (GTK_EDITABLE (self->pin_entry), "");
      gtk_widget_set_sensitive (GTK_WIDGET (self->pin_entry), TRUE);
      return;
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->pin_entry), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->pin_entry), "");
  if (self->store != NULL)
    kiosk_store_audit (self->store, "unlock", 1, NULL);

  kiosk_staff_page_set_unlocked (self, TRUE);
  kiosk_staff_page_set_status (self, NULL);
  kiosk_staff_page_refresh (self);
  gtk_stack_set_visible_child_name (self->stack, "requests");
  kiosk_idle_monitor_poke (self->lock_monitor);
}

static void
unlock_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KioskStaffPage *self = KIOSK_STAFF_PAGE (widget);
  const char *pin = gtk_editable_get_text (GTK_EDITABLE (self->pin_entry));

  if (self->pin == NULL || *pin == '\0' || !gtk_widget_get_sensitive (GTK_WIDGET (self->pin_entry)))
    return;

  /* Hashing takes a moment; the pad waits rather than taking a second PIN meanwhile. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->pin_entry), FALSE);
  gtk_label_set_label (self->pin_message, _("Checking…"));
  kiosk_staff_pin_verify_async (self->pin, pin, NULL, self->cancellable, verify_cb,
                                g_object_ref (self));
}

static void
pin_activate_cb (KioskStaffPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "staff.unlock", NULL);
}

static void
pin_changed_cb (KioskStaffPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff.unlock",
                                 *gtk_editable_get_text (GTK_EDITABLE (self->pin_entry)) != '\0');
}

static void
lock_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  kiosk_staff_page_lock (KIOSK_STAFF_PAGE (widget));
  gtk_widget_activate_action (widget, "kiosk.home", NULL);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KioskStaffPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  guint n_rows = 0;

  if (!kiosk_export_requests_to_path_finish (KIOSK_STORE (object), result, &n_rows, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        kiosk_staff_page_report_error (self, error);
      return;
    }

  if (self->unlocked)
    kiosk_staff_page_refresh (self);
  status = g_strdup_printf (ngettext ("Exported %u request.", "Exported %u requests.", n_rows),
                            n_rows);
  kiosk_staff_page_set_status (self, status);
}

/**
 * kiosk_staff_page_export_to_path:
 * @path: the CSV file to write, replaced atomically
 * @all: %TRUE for every request, %FALSE for the pending ones only
 *
 * Exports, then marks the exported pending requests as exported once the file is complete.
 */
void
kiosk_staff_page_export_to_path (KioskStaffPage *self,
                                 const char     *path,
                                 gboolean        all)
{
  KioskExportFlags flags = KIOSK_EXPORT_MARK | (all ? KIOSK_EXPORT_ALL : KIOSK_EXPORT_PENDING);

  g_return_if_fail (KIOSK_IS_STAFF_PAGE (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (self->unlocked && self->store != NULL);

  kiosk_staff_page_set_status (self, _("Exporting…"));
  kiosk_export_requests_to_path_async (self->store, path, flags, self->cancellable,
                                       export_done_cb, g_object_ref (self));
}

static void
export_usage_to_path (KioskStaffPage *self,
                      const char     *path)
{
  g_autoptr(GError) error = NULL;

  if (!kiosk_export_usage_to_path (self->store, path, &error))
    kiosk_staff_page_report_error (self, error);
  else
    kiosk_staff_page_set_status (self, _("Exported the usage counts."));
}

static char *
default_file_name (gboolean usage)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");

  return g_strdup_printf (usage ? "kiosk-usage-%s.csv" : "callback-requests-%s.csv", day);
}

static void
file_chosen_cb (GtkNativeDialog *dialog,
                int              response,
                KioskStaffPage  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  const char *kind = g_object_get_data (G_OBJECT (dialog), "kiosk-export");

  if (response == GTK_RESPONSE_ACCEPT && self->unlocked &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL &&
      (path = g_file_get_path (file)) != NULL)
    {
      if (g_str_equal (kind, "usage"))
        export_usage_to_path (self, path);
      else
        kiosk_staff_page_export_to_path (self, path, g_str_equal (kind, "all"));
    }

  if (self->chooser == dialog)
    g_clear_object (&self->chooser);
}

/* What the staff area opened goes when it locks: a file chooser left open would let a patient
 * browse, rename or delete files, and a confirmation would wait for them. */
static void
kiosk_staff_page_close_dialogs (KioskStaffPage *self)
{
  g_autoptr(GtkNativeDialog) chooser = g_steal_pointer (&self->chooser);

  if (chooser != NULL)
    gtk_native_dialog_destroy (chooser);

  if (self->purge_dialog != NULL)
    {
      GtkWindow *dialog = self->purge_dialog;

      g_clear_weak_pointer (&self->purge_dialog);
      gtk_window_destroy (dialog);
    }
}

/* GtkFileChooserNative lets staff pick a USB stick; without a portal it is GTK's own dialog. */
static void
kiosk_staff_page_choose_file (KioskStaffPage *self,
                              const char     *kind)
{
  GtkFileChooserNative *dialog;
  g_autofree char *name = default_file_name (g_str_equal (kind, "usage"));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  dialog = gtk_file_chooser_native_new (_("Export to a file"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("Export"), _("Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_object_set_data_full (G_OBJECT (dialog), "kiosk-export", g_strdup (kind), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (file_chosen_cb), self, 0);
  kiosk_staff_page_close_dialogs (self);
  self->chooser = GTK_NATIVE_DIALOG (dialog);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  kiosk_staff_page_choose_file (KIOSK_STAFF_PAGE (widget),
                                g_variant_get_boolean (parameter) ? "all" : "pending");
}

static void
export_usage_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  kiosk_staff_page_choose_file (KIOSK_STAFF_PAGE (widget), "usage");
}

/**
 * kiosk_staff_page_purge:
 *
 * Deletes every exported or called-back request, as the confirmed "Delete handled" does.
 */
void
kiosk_staff_page_purge (KioskStaffPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  gint64 deleted;

  g_return_if_fail (KIOSK_IS_STAFF_PAGE (self));
  g_return_if_fail (self->unlocked && self->store != NULL);

  deleted = kiosk_store_purge_handled (self->store, &error);
  if (deleted < 0)
    {
      kiosk_staff_page_report_error (self, error);
      return;
    }

  kiosk_staff_page_refresh (self);
  status = g_strdup_printf (ngettext ("Deleted %d handled request.",
                                      "Deleted %d handled requests.", (int)deleted),
                            (int)deleted);
  kiosk_staff_page_set_status (self, status);
}

static void
purge_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   KioskStaffPage   *self)
{
  if (g_str_equal (response, "delete") && self->unlocked)
    kiosk_staff_page_purge (self);
}

static void
purge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  KioskStaffPage *self = KIOSK_STAFF_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Delete handled requests?"),
                                   _("Requests that were exported or called back are deleted "
                                     "from this kiosk for good. Requests still waiting for a call "
                                     "stay."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("Cancel"),
                                    "delete", _("Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (purge_response_cb), self, 0);
  kiosk_staff_page_close_dialogs (self);
  g_set_weak_pointer (&self->purge_dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
lock_timeout_cb (KioskStaffPage *self)
{
  if (self->unlocked)
    lock_action (GTK_WIDGET (self), "staff.lock", NULL);
}

static void
kiosk_staff_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (kiosk_staff_page_parent_class)->map (widget);

  kiosk_staff_page_show_pin_pad (KIOSK_STAFF_PAGE (widget));
}

/* Leaving the staff area in any way locks it. */
static void
kiosk_staff_page_unmap (GtkWidget *widget)
{
  kiosk_staff_page_lock (KIOSK_STAFF_PAGE (widget));

  GTK_WIDGET_CLASS (kiosk_staff_page_parent_class)->unmap (widget);
}

static void
kiosk_staff_page_constructed (GObject *object)
{
  KioskStaffPage *self = (KioskStaffPage *)object;

  G_OBJECT_CLASS (kiosk_staff_page_parent_class)->constructed (object);

  self->lock_monitor = kiosk_idle_monitor_new (GTK_WIDGET (self), KIOSK_STAFF_LOCK_SECONDS * 1000);
  g_signal_connect_object (self->lock_monitor, "idle", G_CALLBACK (lock_timeout_cb), self,
                           G_CONNECT_SWAPPED);
  kiosk_staff_page_update_actions (self);
}

static void
kiosk_staff_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KioskStaffPage *self = KIOSK_STAFF_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTENT:
      g_value_set_object (value, self->content);
      break;
    case PROP_DATA_DIR:
      g_value_set_string (value, self->data_dir);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_UNLOCKED:
      g_value_set_boolean (value, self->unlocked);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_staff_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KioskStaffPage *self = KIOSK_STAFF_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTENT:
      self->content = g_value_dup_object (value);
      break;
    case PROP_DATA_DIR:
      self->data_dir = g_value_dup_string (value);
      break;
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_staff_page_dispose (GObject *object)
{
  KioskStaffPage *self = (KioskStaffPage *)object;

  g_cancellable_cancel (self->cancellable);
  kiosk_staff_page_close_dialogs (self);
  kiosk_widget_dispose_template (GTK_WIDGET (self), KIOSK_TYPE_STAFF_PAGE);
  g_clear_object (&self->lock_monitor);
  g_clear_object (&self->pin);
  g_clear_object (&self->store);
  g_clear_object (&self->content);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (kiosk_staff_page_parent_class)->dispose (object);
}

static void
kiosk_staff_page_finalize (GObject *object)
{
  KioskStaffPage *self = (KioskStaffPage *)object;

  g_clear_pointer (&self->data_dir, g_free);

  G_OBJECT_CLASS (kiosk_staff_page_parent_class)->finalize (object);
}

static void
kiosk_staff_page_class_init (KioskStaffPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kiosk_staff_page_constructed;
  object_class->get_property = kiosk_staff_page_get_property;
  object_class->set_property = kiosk_staff_page_set_property;
  object_class->dispose = kiosk_staff_page_dispose;
  object_class->finalize = kiosk_staff_page_finalize;

  widget_class->map = kiosk_staff_page_map;
  widget_class->unmap = kiosk_staff_page_unmap;

  properties[PROP_CONTENT] =
    g_param_spec_object ("content", NULL, NULL, KIOSK_TYPE_CONTENT_PACK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATA_DIR] =
    g_param_spec_string ("data-dir", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KIOSK_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNLOCKED] =
    g_param_spec_boolean ("unlocked", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KIOSK_TYPE_KEYBOARD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/kiosk-staff-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskStaffPage, activity_box);
  gtk_widget_class_bind_template_child (widget_class, KioskStaffPage, empty_label);
  gtk_widget_class_bind_template_child (widget_class, KioskStaffPage, pin_entry);
  gtk_widget_class_bind_template_child (widget_class, KioskStaffPage, pin_message);
  gtk_widget_class_bind_template_child (widget_class, KioskStaffPage, pin_pad);
  gtk_widget_class_bind_template_child (widget_class, KioskStaffPage, requests_list);
  gtk_widget_class_bind_template_child (widget_class, KioskStaffPage, retention_label);
  gtk_widget_class_bind_template_child (widget_class, KioskStaffPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, KioskStaffPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KioskStaffPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, KioskStaffPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, KioskStaffPage, usage_grid);
  gtk_widget_class_bind_template_child (widget_class, KioskStaffPage, warning_label);
  gtk_widget_class_bind_template_callback (widget_class, pin_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, pin_changed_cb);

  gtk_widget_class_install_action (widget_class, "staff.unlock", NULL, unlock_action);
  gtk_widget_class_install_action (widget_class, "staff.lock", NULL, lock_action);
  gtk_widget_class_install_action (widget_class, "staff.export", "b", export_action);
  gtk_widget_class_install_action (widget_class, "staff.export-usage", NULL, export_usage_action);
  gtk_widget_class_install_action (widget_class, "staff.purge", NULL, purge_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kioskstaffpage");
}

static void
kiosk_staff_page_init (KioskStaffPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  kiosk_scrolled_window_drag_to_scroll (self->scroller);

  self->cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff.unlock", FALSE);
}

GtkWidget *
kiosk_staff_page_new (KioskContentPack *content,
                      KioskStore       *store,
                      const char       *data_dir)
{
  g_return_val_if_fail (KIOSK_IS_CONTENT_PACK (content), NULL);
  g_return_val_if_fail (store == NULL || KIOSK_IS_STORE (store), NULL);
  g_return_val_if_fail (data_dir != NULL, NULL);

  return g_object_new (KIOSK_TYPE_STAFF_PAGE,
                       "content", content,
                       "store", store,
                       "data-dir", data_dir,
                       NULL);
}

gboolean
kiosk_staff_page_get_unlocked (KioskStaffPage *self)
{
  g_return_val_if_fail (KIOSK_IS_STAFF_PAGE (self), FALSE);

  return self->unlocked;
}

/**
 * kiosk_staff_page_lock:
 *
 * Closes the staff area: the requests leave the screen and memory, its file chooser and
 * confirmation close, the PIN pad comes back.
 */
void
kiosk_staff_page_lock (KioskStaffPage *self)
{
  g_return_if_fail (KIOSK_IS_STAFF_PAGE (self));

  kiosk_staff_page_close_dialogs (self);
  kiosk_staff_page_clear_list (self);
  gtk_label_set_label (self->summary_label, "");
  kiosk_staff_page_set_status (self, NULL);
  kiosk_staff_page_set_unlocked (self, FALSE);
  kiosk_staff_page_show_pin_pad (self);
}

/**
 * kiosk_staff_page_watch_window:
 * @window: a window opened over the staff area, such as its file chooser
 *
 * Counts touches in @window as activity in the staff area, so that it does not lock while
 * staff choose where to export.
 */
void
kiosk_staff_page_watch_window (KioskStaffPage *self,
                               GtkWindow      *window)
{
  g_return_if_fail (KIOSK_IS_STAFF_PAGE (self));
  g_return_if_fail (GTK_IS_WINDOW (window));

  kiosk_idle_monitor_watch (self->lock_monitor, GTK_WIDGET (window));
}

/**
 * kiosk_staff_page_set_lock_timeout:
 *
 * Overrides the 60 seconds without a touch after which the staff area locks; for tests.
 */
void
kiosk_staff_page_set_lock_timeout (KioskStaffPage *self,
                                   guint           milliseconds)
{
  g_return_if_fail (KIOSK_IS_STAFF_PAGE (self));
  g_return_if_fail (milliseconds > 0);

  kiosk_idle_monitor_set_timeout (self->lock_monitor, milliseconds);
}

/**
 * kiosk_staff_page_get_status:
 *
 * Returns: the last message shown to staff, or "" when there is none
 */
const char *
kiosk_staff_page_get_status (KioskStaffPage *self)
{
  g_return_val_if_fail (KIOSK_IS_STAFF_PAGE (self), NULL);

  return gtk_label_get_label (self->status_label);
}
