/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The window's pages: which ones the content has, and when each is built. Only the home page is
 * built with the window, so the first frame lays out the home page alone. Every other page is
 * built the first time something reaches it, through _kiosk_window_ensure_page(): navigation, an
 * action, kiosk_window_get_page(). Once the first frame is painted, the rest of the start-up
 * follows in idle callbacks at low priority, one piece each: the request store is opened, the
 * screen is kept on, then the pages a visitor can reach are built, so that none is built in the
 * frame of a tap. A change of language drops every page but the one on screen, to be built
 * again in the new language.
 */

#include "config.h"

#include <string.h>

#include "kiosk-callback-page.h"
#include "kiosk-home-page.h"
#include "kiosk-staff-page.h"
#include "kiosk-thanks-page.h"
#include "kiosk-topic-page.h"
#include "kiosk-window-private.h"

static void kiosk_window_warm_up (KioskWindow *self);

/* The window's own pointers to the pages it talks to; a page not built has nothing to reset. */
static void
kiosk_window_forget_page (KioskWindow *self,
                          GtkWidget   *page)
{
  if (page == GTK_WIDGET (self->callback_page))
    self->callback_page = NULL;
  else if (page == GTK_WIDGET (self->thanks_page))
    self->thanks_page = NULL;
  else if (page == GTK_WIDGET (self->staff_page))
    self->staff_page = NULL;
  else if (page == GTK_WIDGET (self->check_page))
    self->check_page = NULL;
}

/* The list is emptied first: removing a page emits signals (a page's notify, the stack's) whose
 * handlers walk the pages, and must not meet one already freed. */
static void
kiosk_window_remove_content_pages (KioskWindow *self)
{
  g_autoptr(GPtrArray) pages = g_steal_pointer (&self->content_pages);

  self->content_pages = g_ptr_array_new ();
  for (guint i = 0; i < pages->len; i++)
    kiosk_window_forget_page (self, g_ptr_array_index (pages, i));
  for (guint i = 0; i < pages->len; i++)
    gtk_stack_remove (self->stack, g_ptr_array_index (pages, i));
}

static void
kiosk_window_remove_page (KioskWindow *self,
                          GtkWidget   *page)
{
  g_ptr_array_remove (self->content_pages, page);
  kiosk_window_forget_page (self, page);
  gtk_stack_remove (self->stack, page);
}

static void
callback_saved_cb (KioskWindow  *self,
                   KioskRequest *request)
{
  kiosk_thanks_page_set_request (KIOSK_THANKS_PAGE (_kiosk_window_ensure_page (self, THANKS_PAGE)),
                                 request);
  if (self->callback_page != NULL)
    kiosk_callback_page_reset (self->callback_page);

  /* The form is done with: Back must not lead into it again. */
  g_ptr_array_set_size (self->history, 0);
  _kiosk_window_show_page (self, THANKS_PAGE);
}

static GtkWidget *
kiosk_window_build_home_page (KioskWindow *self)
{
  return kiosk_home_page_new (self->content);
}

static GtkWidget *
kiosk_window_build_callback_page (KioskWindow *self)
{
  KioskApplication *app = _kiosk_window_get_kiosk_application (self);

  self->callback_page = KIOSK_CALLBACK_PAGE (kiosk_callback_page_new (self->content, self->settings));
  kiosk_callback_page_set_store (self->callback_page, kiosk_application_get_store (app));
  kiosk_callback_page_set_show_keyboard (self->callback_page, kiosk_application_get_kiosk_mode (app));
  g_signal_connect_object (self->callback_page, "saved", G_CALLBACK (callback_saved_cb), self,
                           G_CONNECT_SWAPPED);
  /* The keyboard needs the room more than the emergency note, which every other page shows. */
  g_signal_connect_object (self->callback_page, "notify::keyboard-visible",
                           G_CALLBACK (_kiosk_window_update_chrome), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self->callback_page);
}

static GtkWidget *
kiosk_window_build_thanks_page (KioskWindow *self)
{
  self->thanks_page = KIOSK_THANKS_PAGE (kiosk_thanks_page_new ());
  kiosk_thanks_page_show_booking (self->thanks_page, self->settings, self->language);

  return GTK_WIDGET (self->thanks_page);
}

static GtkWidget *
kiosk_window_build_staff_page (KioskWindow *self)
{
  KioskApplication *app = _kiosk_window_get_kiosk_application (self);

  self->staff_page = KIOSK_STAFF_PAGE (kiosk_staff_page_new (self->content,
                                                            kiosk_application_get_store (app),
                                                            kiosk_application_get_data_dir (app)));

  return GTK_WIDGET (self->staff_page);
}

/* "Book a consultation" at the end of "Should I book?": the form, about the check's topic. */
static void
check_book_cb (KioskWindow *self,
               const char  *topic)
{
  kiosk_callback_page_set_topic (_kiosk_window_get_form (self), topic);
  _kiosk_window_navigate (self, CALLBACK_PAGE);
}

static GtkWidget *
kiosk_window_build_check_page (KioskWindow *self)
{
  KioskCheck *check = kiosk_content_pack_get_check (self->content);

  self->check_page = KIOSK_CHECK_PAGE (kiosk_check_page_new (check, self->language));
  g_signal_connect_object (self->check_page, "book", G_CALLBACK (check_book_cb), self,
                           G_CONNECT_SWAPPED);

  return GTK_WIDGET (self->check_page);
}

static GtkWidget *
kiosk_window_build_topic_page (KioskWindow *self,
                               KioskTopic  *topic)
{
  KioskCheck *check = kiosk_content_pack_get_check (self->content);
  GtkWidget *page = kiosk_topic_page_new (topic, self->settings);

  kiosk_topic_page_show_booking (KIOSK_TOPIC_PAGE (page), self->language);
  kiosk_topic_page_set_check_visible (KIOSK_TOPIC_PAGE (page), check != NULL &&
                                      g_strcmp0 (kiosk_check_get_topic (check),
                                                 kiosk_topic_get_id (topic)) == 0);
  _kiosk_window_style_chrome (self, kiosk_topic_page_get_action_bar (KIOSK_TOPIC_PAGE (page)));

  return page;
}

typedef GtkWidget *(*KioskPageBuilder) (KioskWindow *self);

static const struct
{
  const char       *name;
  KioskPageBuilder  build;
} page_builders[] = {
  { HOME_PAGE, kiosk_window_build_home_page },
  { CALLBACK_PAGE, kiosk_window_build_callback_page },
  { THANKS_PAGE, kiosk_window_build_thanks_page },
  { STAFF_PAGE, kiosk_window_build_staff_page },
  { CHECK_PAGE, kiosk_window_build_check_page },
};

static KioskTopic *
kiosk_window_lookup_topic (KioskWindow *self,
                           const char  *name)
{
  if (!g_str_has_prefix (name, TOPIC_PAGE_PREFIX))
    return NULL;

  return kiosk_content_pack_lookup_topic (self->content, name + strlen (TOPIC_PAGE_PREFIX));
}

static KioskPageBuilder
kiosk_window_lookup_builder (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_builders); i++)
    {
      if (g_str_equal (name, page_builders[i].name))
        return page_builders[i].build;
    }

  return NULL;
}

/* Builds the page called @name, which the content has; the caller adds it. */
static GtkWidget *
kiosk_window_build_page (KioskWindow *self,
                         const char  *name)
{
  KioskTopic *topic = kiosk_window_lookup_topic (self, name);
  KioskPageBuilder build;

  if (topic != NULL)
    return kiosk_window_build_topic_page (self, topic);

  build = kiosk_window_lookup_builder (name);
  g_assert (build != NULL);

  return build (self);
}

/* Whether the content has a page called @name, built or not. */
static gboolean
kiosk_window_has_page (KioskWindow *self,
                       const char  *name)
{
  if (self->content == NULL)
    return FALSE;
  if (g_str_has_prefix (name, TOPIC_PAGE_PREFIX))
    return kiosk_window_lookup_topic (self, name) != NULL;
  if (g_str_equal (name, CHECK_PAGE))
    return kiosk_content_pack_get_check (self->content) != NULL;

  return kiosk_window_lookup_builder (name) != NULL;
}

/**
 * _kiosk_window_ensure_page:
 * @name: a page name such as "home", "callback" or "topic-causes"
 *
 * Every way to a page passes here: it builds the page the first time it is needed, in the
 * window's language and with its current look.
 *
 * Returns: (transfer none) (nullable): the page, or %NULL when the content has no such page
 */
GtkWidget *
_kiosk_window_ensure_page (KioskWindow *self,
                           const char  *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->stack, name);

  if (page != NULL || !kiosk_window_has_page (self, name))
    return page;

  page = kiosk_window_build_page (self, name);
  gtk_stack_add_named (self->stack, page, name);
  g_ptr_array_add (self->content_pages, page);
  _kiosk_window_style_page (self, page);

  return page;
}

KioskCallbackPage *
_kiosk_window_get_form (KioskWindow *self)
{
  return KIOSK_CALLBACK_PAGE (_kiosk_window_ensure_page (self, CALLBACK_PAGE));
}

/* Pages that no longer exist (a topic missing in the new language) drop out of the history. */
static void
kiosk_window_prune_history (KioskWindow *self)
{
  for (guint i = self->history->len; i > 0; i--)
    {
      if (!kiosk_window_has_page (self, g_ptr_array_index (self->history, i - 1)))
        g_ptr_array_remove_index (self->history, i - 1);
    }
}

/* The content has changed language: the page on screen is built again in it, the form with
 * whatever the visitor has typed, and the other pages wait until they are needed. */
void
_kiosk_window_rebuild_pages (KioskWindow *self)
{
  g_autofree char *visible = g_strdup (gtk_stack_get_visible_child_name (self->stack));
  g_autoptr(KioskCallbackPage) previous_form = NULL;
  GtkWidget *form;

  if (g_strcmp0 (visible, CALLBACK_PAGE) == 0)
    previous_form = g_object_ref (self->callback_page);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kiosk.show-check",
                                 kiosk_content_pack_get_check (self->content) != NULL);
  kiosk_window_remove_content_pages (self);
  kiosk_window_prune_history (self);

  if (visible == NULL || !kiosk_window_has_page (self, visible))
    {
      g_ptr_array_set_size (self->history, 0);
      _kiosk_window_show_page (self, HOME_PAGE);
    }
  else
    {
      if (previous_form != NULL)
        {
          form = _kiosk_window_ensure_page (self, CALLBACK_PAGE);
          kiosk_callback_page_copy_state (KIOSK_CALLBACK_PAGE (form), previous_form);
        }
      _kiosk_window_show_page (self, visible);
    }

  kiosk_window_warm_up (self);
}

/* The store could not be opened when the form or the staff area was built, and now has: the
 * form saves into it from now on, and the staff area, which lists it, is built again. */
void
_kiosk_window_store_opened (KioskWindow *self)
{
  KioskStore *store = kiosk_application_get_store (_kiosk_window_get_kiosk_application (self));
  gboolean staff_visible;

  if (self->callback_page != NULL)
    kiosk_callback_page_set_store (self->callback_page, store);
  if (self->staff_page == NULL)
    return;

  staff_visible = gtk_stack_get_visible_child (self->stack) == GTK_WIDGET (self->staff_page);
  kiosk_window_remove_page (self, GTK_WIDGET (self->staff_page));
  if (staff_visible)
    _kiosk_window_show_page (self, STAFF_PAGE);
}

/* After the first frame ------------------------------------------------------------------------ */

/* The pages a visitor reaches with a tap, in the order of the home page; the staff area is left
 * to the staff member who opens it. */
static char *
kiosk_window_next_page_to_build (KioskWindow *self)
{
  static const char * const others[] = { CALLBACK_PAGE, CHECK_PAGE, THANKS_PAGE };
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->content));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KioskTopic) topic = g_list_model_get_item (G_LIST_MODEL (self->content), i);
      g_autofree char *name = g_strconcat (TOPIC_PAGE_PREFIX, kiosk_topic_get_id (topic), NULL);

      if (gtk_stack_get_child_by_name (self->stack, name) == NULL)
        return g_steal_pointer (&name);
    }

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      if (kiosk_window_has_page (self, others[i]) &&
          gtk_stack_get_child_by_name (self->stack, others[i]) == NULL)
        return g_strdup (others[i]);
    }

  return NULL;
}

/* One piece per call, at low priority: a tap that comes in between waits for one page at most. */
static gboolean
warm_up_cb (gpointer data)
{
  KioskWindow *self = data;
  g_autofree char *name = NULL;

  if (kiosk_application_ensure_store (_kiosk_window_get_kiosk_application (self)) ||
      _kiosk_window_keep_screen_on (self))
    return G_SOURCE_CONTINUE;

  if (self->content == NULL || (name = kiosk_window_next_page_to_build (self)) == NULL)
    {
      self->warm_up_id = 0;
      return G_SOURCE_REMOVE;
    }

  _kiosk_window_ensure_page (self, name);

  return G_SOURCE_CONTINUE;
}

static void
kiosk_window_warm_up (KioskWindow *self)
{
  if (!self->first_frame_painted || self->warm_up_id != 0)
    return;

  self->warm_up_id = g_idle_add_full (G_PRIORITY_LOW, warm_up_cb, self, NULL);
  g_source_set_name_by_id (self->warm_up_id, "[kiosk] build the pages");
}

static void
kiosk_window_stop_waiting_for_frame (KioskWindow *self)
{
  if (self->first_frame_id != 0)
    g_signal_handler_disconnect (self->frame_clock, self->first_frame_id);
  self->first_frame_id = 0;
  g_clear_object (&self->frame_clock);
}

static void
first_frame_cb (KioskWindow *self)
{
  kiosk_window_stop_waiting_for_frame (self);
  self->first_frame_painted = TRUE;
  kiosk_window_warm_up (self);
}

static void
kiosk_window_realized_cb (KioskWindow *self)
{
  if (self->first_frame_painted || self->first_frame_id != 0)
    return;

  self->frame_clock = g_object_ref (gtk_widget_get_frame_clock (GTK_WIDGET (self)));
  self->first_frame_id = g_signal_connect_swapped (self->frame_clock, "after-paint",
                                                   G_CALLBACK (first_frame_cb), self);
}

void
_kiosk_window_init_pages (KioskWindow *self)
{
  self->content_pages = g_ptr_array_new ();
  g_signal_connect (self, "realize", G_CALLBACK (kiosk_window_realized_cb), NULL);
  g_signal_connect (self, "unrealize", G_CALLBACK (kiosk_window_stop_waiting_for_frame), NULL);
}

void
_kiosk_window_dispose_pages (KioskWindow *self)
{
  kiosk_window_stop_waiting_for_frame (self);
  g_clear_handle_id (&self->warm_up_id, g_source_remove);
}
